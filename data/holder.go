package data

import "time"

// Holder is a person who passed the national social worker exam (持证人员).
// An agency keeps many; a single holder keeps one. The ID number is unique
// among holders: the same person is never entered twice.
type Holder struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	IDType   IDType `json:"id_type"`
	IDNumber string `json:"id_number"` // sensitive (PIPL): shown masked, never logged
	Phone    string `json:"phone"`     // sensitive: shown masked
	Org      string `json:"org"`       // employer (工作单位)
	Region   string `json:"region"`    // where the holder registers (登记地区)
	// Demo marks fake sample data so it is never mistaken for a real person.
	Demo bool `json:"demo"`
	// Office is the office of the agency the holder belongs to, on a
	// shared server ("" on a file): its staff see only its holders.
	Office    string    `json:"office,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Stamp
}

// Stamp is a record's version, moved by every save, and who saved it
// last: a save based on an older version than the record's is refused
// (ChangedMeanwhile) rather than overwrite a change made meanwhile.
type Stamp struct {
	// Version 0 is a record not read from the store: its save checks
	// nothing (a new record, an import merging into what it just read).
	Version   int64  `json:"version"`
	UpdatedBy string `json:"updated_by,omitempty"`
}

// NoneSaved is the Version of a record kept one to a certificate (its
// paper record, its mail form) that a form read as not saved yet: its
// first save is refused when someone saved one meanwhile, as a later save
// over a change is. (0 would overwrite it.)
const NoneSaved int64 = -1

// ChangedMeanwhile is the refusal of a save based on an older version of
// the record: who changed it and when, for the person to reload and see.
func ChangedMeanwhile(who string, when time.Time) error {
	if who == "" {
		who = "?"
	}
	return Conflict("version", "err.changed_meanwhile", "Who", who, "When", when.In(Beijing).Format("2006-01-02 15:04"))
}

// Limits on free-text fields, checked where they are typed and again on save.
const (
	MaxNameLen = 50
	MaxTextLen = 200
)

// Normalize trims the fields (NormalizeText) and puts numbers into their
// canonical form.
// Every save normalizes before it validates, so the rules see what is stored.
func (h *Holder) Normalize() {
	h.Name = NormalizeWords(h.Name)
	if h.IDType == "" {
		h.IDType = IDResident
	}
	h.IDNumber = NormalizeIDNumber(h.IDNumber)
	h.Phone = NormalizePhone(h.Phone)
	h.Org = NormalizeText(h.Org)
	h.Region = NormalizeText(h.Region)
	h.Office = NormalizeWords(h.Office)
}

// Validate checks every field of a normalized holder and returns the first
// problem found, in the order a form shows the fields.
func (h *Holder) Validate(today Date) error {
	if err := ValidateName("name", h.Name); err != nil {
		return err
	}
	if !h.IDType.Known() {
		return Invalid("id_type", "err.id_type.unknown", "Value", string(h.IDType))
	}
	if err := ValidateIDNumber(h.IDType, h.IDNumber, today); err != nil {
		return err
	}
	if err := ValidateMobile("phone", h.Phone); err != nil {
		return err
	}
	if err := ValidateText("org", h.Org); err != nil {
		return err
	}
	if err := ValidateText("region", h.Region); err != nil {
		return err
	}
	return ValidateOffice(h.Office)
}

// ValidateOffice holds an office's name (normalized) to the rule of names;
// empty is none.
func ValidateOffice(s string) error { return checkText("office", s, MaxNameLen, false) }

// ValidateName requires a person's name of at most MaxNameLen characters
// (a holder's, a recipient's, a proxy's), held to the rule of text fields
// (text.go).
func ValidateName(field, s string) error { return checkText(field, s, MaxNameLen, true) }

// ValidateText bounds an optional free-text field and holds it to the rule
// of text fields.
func ValidateText(field, s string) error { return checkText(field, s, MaxTextLen, false) }

// ValidateRequiredText requires a free-text field: one that holds nothing
// visible (spaces, a zero-width space) is empty.
func ValidateRequiredText(field, s string) error { return checkText(field, s, MaxTextLen, true) }

// HolderRecord is a holder with their certificates, written together in one
// transaction (demo data, imports).
type HolderRecord struct {
	Holder       Holder        `json:"holder"`
	Certificates []Certificate `json:"certificates"`
	// Registrations of the certificates above, each naming its certificate
	// by its index in Certificates.
	Registrations []CertRegistration `json:"registrations,omitempty"`
	CERecords     []CERecord         `json:"ce_records,omitempty"`
	Annotations   []CertAnnotation   `json:"annotations,omitempty"`
	Paper         []CertPaper        `json:"paper,omitempty"`
	// The personal information: the profile (its photo's Data kept as a
	// file), the work history in order (its proofs likewise), honours,
	// and agency changes as history (their effects are in the rest).
	Profile   *Profile    `json:"profile,omitempty"`
	Work      []WorkEntry `json:"work,omitempty"`
	Honours   []Honour    `json:"honours,omitempty"`
	Transfers []Transfer  `json:"transfers,omitempty"`
}

// CertAnnotation is an annotation of the Cert-th certificate, as history
// (its times as they were); CertPaper likewise its paper collection.
type CertAnnotation struct {
	Cert int `json:"cert"`
	Annotation
}

// CertPaper is the paper collection record of the Cert-th certificate.
type CertPaper struct {
	Cert int `json:"cert"`
	Paper
}

// CertRegistration is a registration of the Cert-th certificate of a
// HolderRecord (whose ID is not known until it is saved).
type CertRegistration struct {
	Cert int `json:"cert"`
	Registration
}
