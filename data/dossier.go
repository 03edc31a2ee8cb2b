package data

import (
	"strings"
	"time"
)

// Decision (DOMAIN.md, the personal information form 个人信息表): the
// dossier the national system asks for before a registration. Its base
// fields are those of the Holder (name, ID type and number, mobile,
// employer, registration region) and of the Profile below; the date of
// birth is read from an ID number that encodes it, never typed twice. An
// incomplete dossier may be saved: DossierMissing names what is missing,
// and the registration due for the holder's certificates says so.

// Education is the highest education (学历) the form offers.
type Education string

const (
	EduHighSchool Education = "high_school" // 高中及以下
	EduCollege    Education = "college"     // 大专
	EduBachelor   Education = "bachelor"    // 本科
	EduMaster     Education = "master"      // 硕士研究生
	EduDoctorate  Education = "doctorate"   // 博士研究生
)

// Educations in the order the form offers them.
var Educations = []Education{EduHighSchool, EduCollege, EduBachelor, EduMaster, EduDoctorate}

// Known reports whether e is one of Educations.
func (e Education) Known() bool { return knownWord(Educations, e) }

// FirstRegKind says which of the two days the first registration time
// (首次登记时间) is.
type FirstRegKind string

const (
	// FirstRegCertificate: the day the holder first received a local
	// registration certificate (typed by the holder).
	FirstRegCertificate FirstRegKind = "certificate"
	// FirstRegForm: the day the personal information form was first
	// complete (recorded by the store when it became so).
	FirstRegForm FirstRegKind = "form"
)

// FirstRegKinds in the order a form offers them.
var FirstRegKinds = []FirstRegKind{FirstRegCertificate, FirstRegForm}

// Profile is what the personal information form asks beyond the Holder:
// one per holder, saved even when incomplete.
type Profile struct {
	HolderID  int64     `json:"holder_id"`
	Sex       Sex       `json:"sex,omitempty"`       // "" when not given: read from the ID number when it says it
	BirthDate Date      `json:"birth_date"`          // typed only for ID types that do not encode it
	Ethnicity string    `json:"ethnicity,omitempty"` // 民族, by its Chinese name (Ethnicities)
	Education Education `json:"education,omitempty"`
	Major     string    `json:"major,omitempty"` // 专业
	// FirstRegOn and FirstRegKind: the first registration time and which
	// day it is (FirstRegistration).
	FirstRegOn   Date         `json:"first_reg_on"`
	FirstRegKind FirstRegKind `json:"first_reg_kind,omitempty"`
	// Photo is the ID photo (一寸 or 二寸, CheckPhoto), kept as a proof
	// file; nil when none.
	Photo     *Proof    `json:"photo,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Stamp
}

// Normalize trims the text fields and reads the ethnicity's short forms.
func (p *Profile) Normalize() {
	p.Ethnicity = NormalizeEthnicity(p.Ethnicity)
	p.Major = NormalizeWords(p.Major)
}

// Validate checks a normalized profile of holder h, in the order the form
// shows the fields. Empty fields are allowed (an incomplete dossier is
// saved); what is given must be right.
func (p *Profile) Validate(h *Holder, today Date) error {
	if p.Sex != "" && p.Sex != SexMale && p.Sex != SexFemale {
		return Invalid("sex", "err.value.unknown", "Value", string(p.Sex), "Values", wordList(Sexes))
	}
	if want := IDSex(h.IDType, h.IDNumber); p.Sex != "" && want != "" && p.Sex != want {
		return Invalid("sex", "err.dossier.sex_id", "Sex", Chinese(want))
	}
	if birth, ok := IDBirthDate(h.IDType, h.IDNumber); ok {
		if !p.BirthDate.IsZero() && !p.BirthDate.Equal(birth) {
			return Invalid("birth_date", "err.dossier.birth_id", "Birth", birth.String())
		}
	} else if !p.BirthDate.IsZero() {
		if p.BirthDate.Before(NewDate(1900, time.January, 1)) || !today.IsZero() && p.BirthDate.After(today) {
			return Invalid("birth_date", "err.date.range", "Min", "1900-01-01", "Max", today.String())
		}
	}
	if p.Ethnicity != "" && !KnownEthnicity(p.Ethnicity) {
		return Invalid("ethnicity", "err.dossier.ethnicity", "Value", p.Ethnicity)
	}
	if p.Education != "" && !p.Education.Known() {
		return Invalid("education", "err.value.unknown", "Value", string(p.Education), "Values", wordList(Educations))
	}
	if err := ValidateText("major", p.Major); err != nil {
		return err
	}
	switch p.FirstRegKind {
	case "":
		if !p.FirstRegOn.IsZero() {
			return Invalid("first_reg_kind", "err.required")
		}
	case FirstRegCertificate, FirstRegForm:
		if err := ValidateDay("first_reg_on", p.FirstRegOn, p.FirstRegKind == FirstRegCertificate, today); err != nil {
			return err
		}
	default:
		return Invalid("first_reg_kind", "err.value.unknown", "Value", string(p.FirstRegKind), "Values", wordList(FirstRegKinds))
	}
	return nil
}

// Settle drops what the holder's ID number says already (Validate has
// refused anything else): the date of birth and the sex it encodes are
// read from it, never kept twice, so a sheet that writes them out reads
// back unchanged.
func (p *Profile) Settle(h *Holder) {
	if _, ok := IDBirthDate(h.IDType, h.IDNumber); ok {
		p.BirthDate = Date{}
	}
	if p.Sex != "" && p.Sex == IDSex(h.IDType, h.IDNumber) {
		p.Sex = ""
	}
}

// ParseEducation reads an education by its code or its Chinese name.
func ParseEducation(s string) (Education, bool) { return ParseWord(Educations, s) }

// ParseFirstRegKind reads a kind of first registration time.
func ParseFirstRegKind(s string) (FirstRegKind, bool) { return ParseWord(FirstRegKinds, s) }

// ParseSex reads a sex by its code or its Chinese name.
func ParseSex(s string) (Sex, bool) { return ParseWord(Sexes, s) }

// IDBirthDate is the date of birth an 18-character resident or permit
// number encodes (digits 7-14); false for other types and malformed
// numbers.
func IDBirthDate(t IDType, s string) (Date, bool) {
	if (t != IDResident && t != IDPermit) || len(s) != 18 || !isDigits(s[6:14]) {
		return Date{}, false
	}
	d, err := ParseDate(s[6:10] + "-" + s[10:12] + "-" + s[12:14])
	return d, err == nil
}

// BirthDateOf is the holder's date of birth: from the ID number when it
// encodes one, else as typed in the profile.
func BirthDateOf(h *Holder, p *Profile) Date {
	if d, ok := IDBirthDate(h.IDType, h.IDNumber); ok {
		return d
	}
	if p == nil {
		return Date{}
	}
	return p.BirthDate
}

// SexOf is the holder's sex: as given, else as the ID number says.
func SexOf(h *Holder, p *Profile) Sex {
	if p != nil && p.Sex != "" {
		return p.Sex
	}
	return IDSex(h.IDType, h.IDNumber)
}

// The parts of a dossier DossierMissing names, in the order the form shows
// them: the field names of the data model (translated as field.NAME).
const (
	MissingName      = "name"
	MissingSex       = "sex"
	MissingIDNumber  = "id_number"
	MissingBirthDate = "birth_date"
	MissingEthnicity = "ethnicity"
	MissingEducation = "education"
	MissingMajor     = "major"
	MissingPhone     = "phone"
	MissingOrg       = "org"
	MissingRegion    = "region"
	MissingPhoto     = "photo"
	// MissingWork: no work history at all (the form asks for it).
	MissingWork = "work_history"
	// MissingWorkProof: an entry flagged 三区计划 or 牵手计划 has no proof file.
	MissingWorkProof = "work_proof"
)

// DossierMissing is the completeness Decision: what the dossier still
// lacks, named, in the form's order; empty when it is complete. The
// honours are optional; the first registration time follows from the
// rest (FirstRegistration) and is not asked for.
func DossierMissing(h *Holder, p *Profile, work WorkFacts) []string {
	if p == nil {
		p = &Profile{}
	}
	var out []string
	add := func(ok bool, name string) {
		if !ok {
			out = append(out, name)
		}
	}
	add(strings.TrimSpace(h.Name) != "", MissingName)
	add(SexOf(h, p) != "", MissingSex)
	add(h.IDNumber != "", MissingIDNumber)
	add(!BirthDateOf(h, p).IsZero(), MissingBirthDate)
	add(p.Ethnicity != "", MissingEthnicity)
	add(p.Education != "", MissingEducation)
	add(p.Major != "", MissingMajor)
	add(h.Phone != "", MissingPhone)
	add(h.Org != "", MissingOrg)
	add(h.Region != "", MissingRegion)
	add(p.Photo != nil, MissingPhoto)
	add(work.Entries > 0, MissingWork)
	add(work.Unproved == 0, MissingWorkProof)
	return out
}

// WorkFacts is what completeness reads of a work history: how many
// entries, and how many of those flagged 三区计划 or 牵手计划 have no proof.
type WorkFacts struct {
	Entries  int `json:"entries"`
	Unproved int `json:"unproved"`
}

// WorkFactsOf counts them.
func WorkFactsOf(work []WorkEntry) WorkFacts {
	f := WorkFacts{Entries: len(work)}
	for _, w := range work {
		if w.Programme != ProgrammeNone && len(w.Proofs) == 0 {
			f.Unproved++
		}
	}
	return f
}

// FirstRegistration is the first registration time and which day it is
// (Decision): the day a local registration certificate was first received
// when the holder says so; otherwise the day the form was first complete,
// as recorded, or today when it is complete now and none was recorded
// (the store records it then). Zero while the form never was complete.
func FirstRegistration(p *Profile, complete bool, today Date) (Date, FirstRegKind) {
	switch {
	case p != nil && p.FirstRegKind == FirstRegCertificate && !p.FirstRegOn.IsZero():
		return p.FirstRegOn, FirstRegCertificate
	case p != nil && p.FirstRegKind == FirstRegForm && !p.FirstRegOn.IsZero():
		return p.FirstRegOn, FirstRegForm
	case complete:
		return today, FirstRegForm
	}
	return Date{}, ""
}

// Dossier is a holder's personal information (个人信息) as one read: what
// the section in the window and `swcert profile show` show, and what the
// form's PDF prints.
type Dossier struct {
	Holder    Holder          `json:"holder"`
	Profile   Profile         `json:"profile"`
	BirthDate Date            `json:"birth_date"` // BirthDateOf
	Sex       Sex             `json:"sex"`        // SexOf
	Work      []WorkEntry     `json:"work"`
	Honours   []Honour        `json:"honours"`
	Transfers []Transfer      `json:"transfers"`
	Projects  []HolderProject `json:"projects"`
	// Missing is DossierMissing: empty when the dossier is complete.
	Missing []string `json:"missing"`
}

// Complete reports whether nothing is missing.
func (d *Dossier) Complete() bool { return len(d.Missing) == 0 }

func knownWord[T comparable](values []T, v T) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}
