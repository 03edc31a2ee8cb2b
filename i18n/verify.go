package i18n

import (
	"fmt"
	"strings"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/docs"
)

// The words of a verification, one place for the window's Verify tab and
// the command line's verify: a headline, then one line per check
// (docs.Check), each with its mark.

// CheckLine is one check as a person reads it.
type CheckLine struct {
	Name  string // docs.CheckIntegrity, ...
	State string // docs.CheckPassed, ...
	Label string // "Signature"
	Text  string // "matches the content"
}

// Mark is the sign put before a check's line.
func (l CheckLine) Mark() string {
	switch l.State {
	case docs.CheckPassed:
		return "✔"
	case docs.CheckFailed:
		return "✘"
	case docs.CheckNone:
		return "–"
	}
	return "?"
}

// VerdictHeadline sums the verdict up in a sentence: a seal of a key not
// known here is "cannot confirm", never "invalid".
func VerdictHeadline(v *docs.Verdict) string {
	return T("verify.outcome." + v.Outcome())
}

// VerdictAdvice is what to do about the verdict ("" when nothing).
func VerdictAdvice(v *docs.Verdict) string {
	if v.Outcome() == docs.OutcomeUnknownKey {
		return T("verify.advice.unknown_key")
	}
	return ""
}

// CheckLines says each check of v on its own line.
func CheckLines(v *docs.Verdict) []CheckLine {
	lines := make([]CheckLine, 0, len(v.Checks))
	for _, c := range v.Checks {
		l := CheckLine{Name: c.Name, State: c.State, Label: T("verify.check." + c.Name)}
		key := "verify.check." + c.Name + "." + c.State
		switch {
		case c.State == docs.CheckUnknown && c.Name != docs.CheckIntegrity && !integrity(v):
			l.Text = T("verify.check.not_checked")
		case c.Name == docs.CheckIssuer:
			// An unnamed key (the own one before Settings names it) by
			// its key ID: "this installation ()" said nothing.
			l.Text = T("verify.check.issuer."+v.Key, "Name", KeyName(&data.SealKey{Name: v.KeyName, KID: v.KID}), "KID", v.KID)
		case c.Name == docs.CheckExpiry && c.State != docs.CheckUnknown:
			l.Text = T(key, "Until", Unix(statedExpiry(v)))
		case c.Name == docs.CheckRecord && c.State == docs.CheckFailed:
			l.Text = RecordText(v)
		case c.Name == docs.CheckRecord && c.State == docs.CheckNone:
			l.Text = RecordText(v)
		case c.Name == docs.CheckRecord && c.State == docs.CheckUnknown && v.Outcome() != docs.OutcomeUnknownKey:
			l.Text = T("verify.check.record.unknown_bad")
		default:
			l.Text = T(key)
		}
		lines = append(lines, l)
	}
	return lines
}

func integrity(v *docs.Verdict) bool {
	return len(v.Checks) > 0 && v.Checks[0].State == docs.CheckPassed
}

// statedExpiry is the end of validity the seal states.
func statedExpiry(v *docs.Verdict) int64 {
	if h := v.Header(); h != nil {
		return h.Expires
	}
	return 0
}

// RecordText says how a seal compares with this database's record. Only an
// intact seal of a known key is compared: any other is "not compared",
// never "not in this database".
func RecordText(v *docs.Verdict) string {
	switch {
	case !v.Compared():
		return T("verify.record.unchecked")
	case v.MatchesRecord == nil && v.Project != nil:
		return T("verify.record.none_project")
	case v.MatchesRecord == nil && (v.Profile != nil || v.Service != nil):
		return T("verify.record.none_holder")
	case v.MatchesRecord == nil:
		return T("verify.record.none")
	case *v.MatchesRecord:
		return T("verify.record.match")
	}
	names := make([]string, len(v.Mismatches))
	for i, f := range v.Mismatches {
		names[i] = Field(f)
	}
	return T("verify.record.differs", "Fields", strings.Join(names, T("list.sep")))
}

// Exported is when a seal says it was exported, and by whom where it says
// (a seal of format 1 names the exporter; format 2 leaves it to the key).
func Exported(at int64, by string) string {
	if by == "" {
		return Unix(at)
	}
	return Unix(at) + "  " + by
}

// KeyName is a seal key as the window lists it: the name its exporter
// gave it, or "unnamed exporter (key …)" in the language chosen (the
// documents print data.ExporterName, in Chinese, whatever the window's
// language).
func KeyName(k *data.SealKey) string {
	if k.Named() {
		return k.Name
	}
	return T("keys.unnamed", "KID", data.ShortKID(k.KID))
}

// StatedLines are what a seal states, as label and value, for both faces
// (the Verify tab and `swcert verify`), whichever document it seals.
func StatedLines(v *docs.Verdict) [][2]string {
	var out [][2]string
	add := func(label string, value string) { out = append(out, [2]string{label, value}) }
	if c := v.Claims; c != nil {
		add(Field("name"), c.Name)
		add(Field("id_number"), c.IDMasked)
		add(Field("level"), T("level."+string(c.Level)))
		add(Field("mno"), c.MNo)
		add(Field("exam_year"), fmt.Sprint(c.ExamYear))
		add(Field("passed_on"), c.PassedOn.String())
		add(Field("issued_on"), c.IssuedOn.String())
		if c.AnnFrom != 0 {
			add(T("verify.ann_window"), Unix(c.AnnFrom)+" – "+Unix(c.AnnUntil))
		}
		add(T("verify.exported"), Exported(c.IssuedAt, c.Issuer))
	}
	if c := v.CE; c != nil {
		add(Field("name"), c.Name)
		add(Field("id_number"), c.IDMasked)
		add(Field("mno"), c.MNo)
		add(T("verify.ce_period"), c.PeriodStart.String()+" – "+c.PeriodEnd.String())
		add(T("verify.ce_hours"), T("verify.ce_hours_value", "Credited", HoursText(c.Credited), "Required", HoursText(c.Required), "Records", c.Records))
		add(T("verify.exported"), Exported(c.IssuedAt, c.Issuer))
	}
	if m := v.Mail; m != nil {
		add(Field("name"), m.Name)
		add(Field("id_number"), m.IDMasked)
		add(Field("mno"), m.MNo)
		add(Field("recipient"), m.Recipient+"  "+m.City+"  "+m.Postcode)
		add(T("verify.exported"), Exported(m.IssuedAt, m.Issuer))
	}
	switch {
	case v.Profile != nil:
		p := v.Profile
		add(T("verify.doc"), T("verify.doc.profile"))
		holderLines(add, &p.SealHeader)
		state := T("verify.profile_complete")
		if p.Missing > 0 {
			state = T("verify.profile_missing", "Missing", p.Missing)
		}
		add(Field("dossier"), T("verify.profile_value", "Work", p.Work, "Honours", p.Honours, "State", state))
		add(T("verify.exported"), Exported(p.IssuedAt, p.Issuer))
	case v.Service != nil:
		s := v.Service
		add(T("verify.doc"), T("verify.doc.service_holder"))
		holderLines(add, &s.SealHeader)
		add(Field("service_records"), T("verify.service_value", "Projects", s.Projects, "Records", s.Records, "Hours", HoursText(s.Hours)))
		add(T("verify.exported"), Exported(s.IssuedAt, s.Issuer))
	case v.Project != nil:
		p := v.Project
		period := T("verify.since", "Start", p.StartOn.String())
		if !p.EndOn.IsZero() {
			period = T("verify.span", "Start", p.StartOn.String(), "End", p.EndOn.String())
		}
		add(T("verify.doc"), T("verify.doc.service_project"))
		add(Field("project_name"), p.Name)
		add(Field("service_records"), T("verify.project_value", "Period", period, "Participants", p.Participants, "Records", p.Records, "Hours", HoursText(p.Hours)))
		add(T("verify.exported"), Exported(p.IssuedAt, p.Issuer))
	}
	return out
}

func holderLines(add func(string, string), h *data.SealHeader) {
	add(Field("name"), h.Name)
	add(Field("id_number"), h.IDMasked)
	if h.MNo != "" {
		add(Field("mno"), h.MNo+"  "+T("level."+string(h.Level)))
	}
}
