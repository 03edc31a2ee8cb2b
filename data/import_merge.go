package data

import (
	"strconv"
	"strings"
)

// HolderUpdate is what one spreadsheet row says about a holder, found by
// the ID number. A nil field says nothing (its column is not in the sheet,
// or the cell is empty): an update keeps what was saved and a new holder
// gets the default. A field that points to a value says that value.
type HolderUpdate struct {
	IDNumber string // the key, normalized: always said
	Name     *string
	IDType   *IDType
	Phone    *string
	Org      *string
	Region   *string
}

// ProfileUpdate is what one row says about the holder's personal
// information (Profile); nil fields say nothing, as in HolderUpdate.
type ProfileUpdate struct {
	Sex       *Sex
	BirthDate *Date
	Ethnicity *string
	Education *Education
	Major     *string
}

func (u ProfileUpdate) says() bool {
	return u.Sex != nil || u.BirthDate != nil || u.Ethnicity != nil || u.Education != nil || u.Major != nil
}

// CertificateUpdate is what one row says about a certificate, found by the
// management number; nil fields say nothing, as in HolderUpdate.
type CertificateUpdate struct {
	MNo      string // the key, normalized: always said
	Level    *Level
	ExamYear *int
	PassedOn *Date
	IssuedOn *Date
	Issuer   *string
	Status   *CertStatus
}

// ImportSaved is what is saved under a row's keys: the holder with its ID
// number, the certificate with its management number and whose that
// certificate is (nil where there is none).
type ImportSaved struct {
	Holder      *Holder
	Profile     *Profile // the holder's; nil when none is saved
	Certificate *Certificate
	Owner       *Holder
}

// ImportOutcome is what a row does to one record.
type ImportOutcome string

const (
	ImportNew       ImportOutcome = "new"
	ImportUpdated   ImportOutcome = "updated"
	ImportUnchanged ImportOutcome = "unchanged"
)

// FieldChange is one field of a saved record that a row changes: old and
// new as stored (codes for levels, statuses and ID types; dates as
// 2006-01-02). Column is the sheet's own header for the field, filled in by
// whoever knows the sheet.
type FieldChange struct {
	Field  string `json:"field"`
	Column string `json:"column"`
	Old    string `json:"old"`
	New    string `json:"new"`
}

// ImportMerge is a row merged into what was saved: the records to write,
// and for each whether it is new, updated or unchanged, with the changes.
type ImportMerge struct {
	Holder        Holder
	HolderOutcome ImportOutcome
	HolderChanges []FieldChange // the profile's fields among them
	// Profile is the holder's profile as the row leaves it, to be written
	// when WriteProfile (the row said something of it that changes it).
	Profile      Profile
	WriteProfile bool
	// Certificate has the saved holder's ID, or 0 for a new holder (the
	// store fills it once the holder is saved).
	Certificate Certificate
	CertOutcome ImportOutcome
	CertChanges []FieldChange
}

// MergeImport merges a row into the records saved under its keys. A new
// holder or certificate gets the defaults where the row says nothing (the
// ID type follows from the number, the issuer is DefaultIssuer, the status
// valid, the exam year that of the day it was passed); a saved one changes
// only where the row says something. Every record is validated as it would
// be saved.
//
// A row never changes who a record is about: a saved holder under another
// name, a management number saved for another holder's certificate, or a
// saved certificate at another level means the row describes someone or
// something else (most often a mistyped number), so the row is refused,
// naming what is saved, rather than renaming a person or moving a
// certificate.
func MergeImport(row ImportRow, saved ImportSaved, today Date) (ImportMerge, error) {
	var m ImportMerge
	h, err := mergeHolder(row.Holder, saved.Holder)
	if err != nil {
		return m, err
	}
	h.Normalize()
	if err := h.Validate(today); err != nil {
		return m, err
	}
	m.Holder = h
	p := Profile{HolderID: h.ID}
	if saved.Profile != nil {
		p = *saved.Profile
	}
	old := p
	set(&p.Sex, row.Profile.Sex)
	set(&p.BirthDate, row.Profile.BirthDate)
	set(&p.Ethnicity, row.Profile.Ethnicity)
	set(&p.Education, row.Profile.Education)
	set(&p.Major, row.Profile.Major)
	p.Normalize()
	if err := p.Validate(&h, today); err != nil {
		return m, err
	}
	p.Settle(&h)
	m.Profile = p
	pcs := profileChanges(&old, &p)
	m.WriteProfile = row.Profile.says() && (saved.Profile == nil || len(pcs) > 0)
	hcs := holderChanges(saved.Holder, &h)
	if saved.Holder != nil {
		hcs = append(hcs, pcs...)
	}
	m.HolderOutcome, m.HolderChanges = outcome(saved.Holder != nil, hcs)

	if c := saved.Certificate; c != nil && (saved.Owner == nil || saved.Owner.IDNumber != h.IDNumber) {
		owner := ""
		if saved.Owner != nil {
			owner = saved.Owner.Name
		}
		return m, Conflict("mno", "err.import.mno_other_holder", "Name", owner)
	}
	c, err := mergeCertificate(row.Certificate, saved.Certificate)
	if err != nil {
		return m, err
	}
	c.HolderID = h.ID
	c.Normalize()
	check := c
	if check.HolderID == 0 {
		check.HolderID = 1 // the holder is saved with it, before it
	}
	if err := check.Validate(today); err != nil {
		return m, err
	}
	m.Certificate = c
	m.CertOutcome, m.CertChanges = outcome(saved.Certificate != nil, certChanges(saved.Certificate, &c))
	return m, nil
}

func mergeHolder(u HolderUpdate, saved *Holder) (Holder, error) {
	if saved == nil {
		h := Holder{IDNumber: u.IDNumber, IDType: GuessIDType(u.IDNumber)}
		set(&h.Name, u.Name)
		set(&h.IDType, u.IDType)
		set(&h.Phone, u.Phone)
		set(&h.Org, u.Org)
		set(&h.Region, u.Region)
		return h, nil
	}
	h := *saved
	if u.Name != nil {
		name := NormalizeWords(*u.Name)
		if err := CheckText("name", name, MaxNameLen); err != nil {
			return h, err // what the cell holds is wrong before whom it names
		}
		if name != "" && !strings.EqualFold(name, NormalizeWords(saved.Name)) { // saved perhaps before NFC
			return h, Conflict("name", "err.import.name_differs", "Saved", saved.Name)
		}
		h.Name = name // the same name, perhaps in other letter case
	}
	set(&h.IDType, u.IDType)
	set(&h.Phone, u.Phone)
	set(&h.Org, u.Org)
	set(&h.Region, u.Region)
	return h, nil
}

func mergeCertificate(u CertificateUpdate, saved *Certificate) (Certificate, error) {
	if saved == nil {
		c := Certificate{MNo: u.MNo, Issuer: DefaultIssuer, Status: StatusValid}
		if u.Level == nil || *u.Level == "" {
			return c, Invalid("level", "err.required")
		}
		set(&c.Level, u.Level)
		set(&c.PassedOn, u.PassedOn)
		set(&c.IssuedOn, u.IssuedOn)
		if u.ExamYear == nil {
			if c.PassedOn.IsZero() {
				return c, Invalid("passed_on", "err.required")
			}
			c.ExamYear = c.PassedOn.Year() // Decision: a sheet without an exam year takes the year it was passed
		}
		set(&c.ExamYear, u.ExamYear)
		set(&c.Issuer, u.Issuer)
		set(&c.Status, u.Status)
		return c, nil
	}
	c := *saved
	if u.Level != nil && *u.Level == "" {
		return c, Invalid("level", "err.required")
	}
	if u.Level != nil && *u.Level != saved.Level {
		return c, Conflict("level", "err.import.level_differs", "MNo", saved.MNo, "Saved", saved.Level.ChineseName())
	}
	set(&c.ExamYear, u.ExamYear)
	set(&c.PassedOn, u.PassedOn)
	set(&c.IssuedOn, u.IssuedOn)
	set(&c.Issuer, u.Issuer)
	set(&c.Status, u.Status)
	return c, nil
}

// set puts what the row says into the field; nil says nothing.
func set[T any](field *T, said *T) {
	if said != nil {
		*field = *said
	}
}

func outcome(saved bool, changes []FieldChange) (ImportOutcome, []FieldChange) {
	switch {
	case !saved:
		return ImportNew, nil
	case len(changes) == 0:
		return ImportUnchanged, nil
	}
	return ImportUpdated, changes
}

type changes []FieldChange

func (cs *changes) add(field, old, new string) {
	if old != new {
		*cs = append(*cs, FieldChange{Field: field, Old: old, New: new})
	}
}

func holderChanges(old, h *Holder) []FieldChange {
	if old == nil {
		return nil
	}
	var cs changes
	cs.add("name", old.Name, h.Name)
	cs.add("id_type", string(old.IDType), string(h.IDType))
	cs.add("phone", old.Phone, h.Phone)
	cs.add("org", old.Org, h.Org)
	cs.add("region", old.Region, h.Region)
	return cs
}

func profileChanges(old, p *Profile) []FieldChange {
	var cs changes
	cs.add("sex", string(old.Sex), string(p.Sex))
	cs.add("birth_date", old.BirthDate.String(), p.BirthDate.String())
	cs.add("ethnicity", old.Ethnicity, p.Ethnicity)
	cs.add("education", string(old.Education), string(p.Education))
	cs.add("major", old.Major, p.Major)
	return cs
}

func certChanges(old, c *Certificate) []FieldChange {
	if old == nil {
		return nil
	}
	var cs changes
	cs.add("level", string(old.Level), string(c.Level))
	cs.add("exam_year", strconv.Itoa(old.ExamYear), strconv.Itoa(c.ExamYear))
	cs.add("passed_on", old.PassedOn.String(), c.PassedOn.String())
	cs.add("issued_on", old.IssuedOn.String(), c.IssuedOn.String())
	cs.add("issuer", old.Issuer, c.Issuer)
	cs.add("status", string(old.Status), string(c.Status))
	return cs
}

// ImportTally counts the records an import touches, each once however many
// rows name it: new when the import creates it, updated when a row changes
// a saved one, unchanged when rows name a saved one and change nothing.
type ImportTally struct {
	Imported, Updated, Unchanged int
	seen                         map[string]ImportOutcome
}

// Add counts the holder and the certificate of a merged row.
func (t *ImportTally) Add(m ImportMerge) {
	t.count("holder "+m.Holder.IDNumber, m.HolderOutcome)
	t.count("certificate "+m.Certificate.MNo, m.CertOutcome)
}

func (t *ImportTally) count(key string, o ImportOutcome) {
	if t.seen == nil {
		t.seen = map[string]ImportOutcome{}
	}
	prev, ok := t.seen[key]
	switch {
	case !ok:
		t.seen[key] = o
		*t.counter(o)++
	case prev == ImportUnchanged && o == ImportUpdated:
		t.seen[key] = o
		t.Unchanged--
		t.Updated++
	}
}

func (t *ImportTally) counter(o ImportOutcome) *int {
	switch o {
	case ImportNew:
		return &t.Imported
	case ImportUpdated:
		return &t.Updated
	}
	return &t.Unchanged
}

// ImportChange is one record a row creates or changes, as a preview and a
// report list it: a new record by its name or number, a changed one with
// each field's old and new value.
type ImportChange struct {
	Row      int           `json:"row"`
	Record   string        `json:"record"` // "holder" or "certificate"
	Outcome  ImportOutcome `json:"outcome"`
	Name     string        `json:"name"`      // the holder's
	IDNumber string        `json:"id_number"` // sensitive: masked when printed
	MNo      string        `json:"mno,omitempty"`
	Fields   []FieldChange `json:"fields,omitempty"`
}

// Changes are what the merged row creates or changes, holder first.
func (m ImportMerge) Changes(row int) []ImportChange {
	var out []ImportChange
	if m.HolderOutcome != ImportUnchanged {
		out = append(out, ImportChange{Row: row, Record: "holder", Outcome: m.HolderOutcome, Name: m.Holder.Name,
			IDNumber: m.Holder.IDNumber, Fields: m.HolderChanges})
	}
	if m.CertOutcome != ImportUnchanged {
		out = append(out, ImportChange{Row: row, Record: "certificate", Outcome: m.CertOutcome, Name: m.Holder.Name,
			IDNumber: m.Holder.IDNumber, MNo: m.Certificate.MNo, Fields: m.CertChanges})
	}
	return out
}

// ImportGoesAhead says whether an import writes its good rows: all or
// nothing, unless the user asked for the good rows alone; and only when
// there is a good row.
func ImportGoesAhead(good, bad int, goodOnly bool) bool {
	return good > 0 && (bad == 0 || goodOnly)
}
