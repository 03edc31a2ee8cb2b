package data

import (
	"strconv"
	"strings"
	"time"
)

// Level is the level of a social worker certificate.
type Level string

const (
	LevelAssistant    Level = "assistant"     // 助理社会工作师
	LevelSocialWorker Level = "social_worker" // 社会工作师
	LevelSenior       Level = "senior"        // 高级社会工作师
)

// Levels in ascending order, as a form offers them.
var Levels = []Level{LevelAssistant, LevelSocialWorker, LevelSenior}

// Known reports whether l is one of Levels.
func (l Level) Known() bool {
	for _, k := range Levels {
		if k == l {
			return true
		}
	}
	return false
}

// Rank orders the levels: 0 for an assistant, up to 2 for a senior; -1 for
// an unknown level.
func (l Level) Rank() int {
	for i, k := range Levels {
		if k == l {
			return i
		}
	}
	return -1
}

// ChineseName is the level as printed on the certificate (data.Chinese).
func (l Level) ChineseName() string { return Chinese(l) }

// Title is the equivalent professional title (职称): junior, intermediate,
// senior. The value is a translation key suffix: "title.junior" etc.
func (l Level) Title() string {
	switch l {
	case LevelAssistant:
		return "junior"
	case LevelSocialWorker:
		return "intermediate"
	case LevelSenior:
		return "senior"
	}
	return ""
}

// CEHours is the continuing-education hours required per registration
// period: 72 for an assistant, 90 for a social worker or senior.
func (l Level) CEHours() int {
	if l == LevelAssistant {
		return 72
	}
	return 90
}

// TitleChineseName is the equivalent professional title as printed:
// 初级, 中级, 高级.
func (l Level) TitleChineseName() string {
	return map[Level]string{LevelAssistant: "初级", LevelSocialWorker: "中级", LevelSenior: "高级"}[l]
}

// ParseLevel accepts the code or a Chinese name of a level.
func ParseLevel(s string) (Level, bool) { return ParseWord(Levels, s) }

// CertStatus is whether the certificate is valid (有效). Only a valid
// certificate can be annotated or downloaded.
type CertStatus string

const (
	StatusValid   CertStatus = "valid"   // 有效
	StatusRevoked CertStatus = "revoked" // 无效 (revoked or otherwise not valid)
)

// CertStatuses in the order a form offers them.
var CertStatuses = []CertStatus{StatusValid, StatusRevoked}

// Known reports whether s is one of CertStatuses.
func (s CertStatus) Known() bool { return s == StatusValid || s == StatusRevoked }

// ChineseName is the status as the certificate record prints it.
func (s CertStatus) ChineseName() string { return Chinese(s) }

// ParseCertStatus accepts the code, the Chinese name, or "not valid".
func ParseCertStatus(s string) (CertStatus, bool) { return ParseWord(CertStatuses, s) }

// ElectronicCertStart is the day electronic certificates began (2021-12-17).
// Certificates issued on or after it can be viewed or downloaded only while
// they carry a valid annotation (加注). Decision (DOMAIN.md): those issued
// before it need none.
var ElectronicCertStart = NewDate(2021, time.December, 17)

// DefaultIssuer is offered for a new certificate: the national certificates
// are issued jointly by these two ministries.
const DefaultIssuer = "人力资源和社会保障部 民政部"

// FirstExamYear is the year of the first national social worker exam; no
// certificate has an earlier exam year.
const FirstExamYear = 2008

// Certificate is one professional-level certificate of a holder. The
// management number (管理号) is unique across all certificates.
type Certificate struct {
	ID        int64      `json:"id"`
	HolderID  int64      `json:"holder_id"`
	Level     Level      `json:"level"`
	MNo       string     `json:"mno"`       // management number (管理号)
	ExamYear  int        `json:"exam_year"` // year of the exam passed
	PassedOn  Date       `json:"passed_on"` // results released / passed
	IssuedOn  Date       `json:"issued_on"`
	Issuer    string     `json:"issuer"` // issuing body
	Status    CertStatus `json:"status"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
	Stamp
}

// NeedsAnnotation reports whether the electronic certificate may be
// downloaded only with a valid annotation: issued on or after 2021-12-17.
func (c *Certificate) NeedsAnnotation() bool {
	return !c.IssuedOn.Before(ElectronicCertStart)
}

// Normalize trims the fields and fills the default status.
func (c *Certificate) Normalize() {
	c.MNo = NormalizeMNo(c.MNo)
	c.Issuer = NormalizeText(c.Issuer)
	if c.Status == "" {
		c.Status = StatusValid
	}
}

// Validate checks every field of a normalized certificate against today.
func (c *Certificate) Validate(today Date) error {
	if c.HolderID <= 0 {
		return Invalid("holder_id", "err.required")
	}
	if !c.Level.Known() {
		return Invalid("level", "err.level.unknown", "Value", string(c.Level))
	}
	if err := ValidateMNo(c.MNo); err != nil {
		return err
	}
	if err := ValidateExamYear(c.ExamYear, today); err != nil {
		return err
	}
	if err := ValidateCertDates(c.ExamYear, c.PassedOn, c.IssuedOn, today); err != nil {
		return err
	}
	if err := ValidateText("issuer", c.Issuer); err != nil {
		return err
	}
	if !c.Status.Known() {
		return Invalid("status", "err.status.unknown", "Value", string(c.Status))
	}
	return nil
}

// NormalizeMNo is a management number as stored: upper case, no spaces.
func NormalizeMNo(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }

// ValidateMNo requires a management number of 4 to 32 letters and digits.
func ValidateMNo(s string) error {
	if s == "" {
		return Invalid("mno", "err.required")
	}
	if len(s) < 4 || len(s) > 32 || !isAlnum(s) {
		return Invalid("mno", "err.mno.format")
	}
	return nil
}

// ParseExamYear reads a four-digit year as typed.
func ParseExamYear(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, Invalid("exam_year", "err.required")
	}
	y, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 {
		return 0, Invalid("exam_year", "err.exam_year.format")
	}
	return y, nil
}

// ValidateExamYear bounds the exam year by the first exam and this year.
func ValidateExamYear(y int, today Date) error {
	if y == 0 {
		return Invalid("exam_year", "err.required")
	}
	if y < FirstExamYear || (!today.IsZero() && y > today.Year()) {
		return Invalid("exam_year", "err.exam_year.range", "Min", FirstExamYear, "Max", today.Year())
	}
	return nil
}

// ValidateCertDates puts the dates in their ranges (DayRange) and in
// order: exam year ≤ passed ≤ issued ≤ today.
func ValidateCertDates(examYear int, passed, issued, today Date) error {
	if err := ValidateDay("passed_on", passed, true, today); err != nil {
		return err
	}
	if examYear != 0 && passed.Year() < examYear {
		return Invalid("passed_on", "err.date.before_exam", "Year", examYear)
	}
	if err := ValidateDay("issued_on", issued, true, today); err != nil {
		return err
	}
	if issued.Before(passed) {
		return Invalid("issued_on", "err.date.issued_before_passed")
	}
	return nil
}

// BindingCertificates picks, for each holder, the certificate whose
// requirements bind them: Decision, a holder registers and earns CE hours
// for their highest valid level (a certificate they have outgrown has no
// registration or CE of its own to track); of two at that level, the one
// issued last. Holders with no valid certificate are not in the map.
func BindingCertificates(certs []*Certificate) map[int64]*Certificate {
	binding := map[int64]*Certificate{}
	for _, c := range certs {
		if c.Status != StatusValid {
			continue
		}
		if b := binding[c.HolderID]; b == nil || outranks(c, b) {
			binding[c.HolderID] = c
		}
	}
	return binding
}

// outranks: a higher level, then issued later, then saved later.
func outranks(a, b *Certificate) bool {
	if a.Level.Rank() != b.Level.Rank() {
		return a.Level.Rank() > b.Level.Rank()
	}
	if !a.IssuedOn.Equal(b.IssuedOn) {
		return a.IssuedOn.After(b.IssuedOn)
	}
	return a.ID > b.ID
}
