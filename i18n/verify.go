package i18n

import (
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
	switch {
	case v.Claims != nil:
		return v.Claims.Expires
	case v.CE != nil:
		return v.CE.Expires
	case v.Mail != nil:
		return v.Mail.Expires
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
