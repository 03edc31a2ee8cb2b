package docs

import "github.com/swcert/swcert/data"

// The checks a verification makes, each said on its own line by both faces
// (i18n.CheckLines): a reader must see which one failed, and that a
// seal of an unknown key is not a forgery, only unconfirmed.
const (
	CheckIntegrity = "integrity" // the seal is whole and is an SWCert seal
	CheckSignature = "signature" // its signature matches its content
	CheckIssuer    = "issuer"    // the key that signed it is this installation's or a trusted one
	CheckExpiry    = "expiry"    // it has not expired
	CheckRecord    = "record"    // what it states matches this database
)

// How a check came out.
const (
	CheckPassed  = "passed"
	CheckFailed  = "failed"
	CheckUnknown = "unknown" // could not be made: what it needs is missing (a key, an intact seal)
	CheckNone    = "none"    // made, nothing to compare with (no such certificate here)
)

// Outcomes of a verification as a whole.
const (
	OutcomeValid      = "valid"
	OutcomeUnknownKey = "unknown_key" // not valid, not invalid either: cannot be confirmed here
	OutcomeExpired    = "expired"
	OutcomeInvalid    = "invalid" // damaged, altered or forged
)

// Check is one of the checks of a verdict: which, how it came out, and a
// message key of the detail (the faces add the values).
type Check struct {
	Name  string `json:"name"`
	State string `json:"state"`
}

// Outcome sums the verdict up: a seal whose key is not known here is
// neither valid nor proved false.
func (v *Verdict) Outcome() string {
	switch {
	case v.Valid:
		return OutcomeValid
	case v.Reason == "verify.reason.unknown_key":
		return OutcomeUnknownKey
	case v.SignatureOK && v.Expired:
		return OutcomeExpired
	}
	return OutcomeInvalid
}

// Compared says whether the seal's statements were compared with this
// database: only those of an intact seal of a known key are, so a forged
// or altered seal never reads as "not in this database".
func (v *Verdict) Compared() bool { return v.SignatureOK }

// Stated says whether the seal's payload was read: one of the documents'
// claims is set.
func (v *Verdict) Stated() bool {
	return v.Claims != nil || v.CE != nil || v.Mail != nil || v.Profile != nil || v.Service != nil || v.Project != nil
}

// Header is what the seal states of every document (nil: none read).
func (v *Verdict) Header() *data.SealHeader {
	switch {
	case v.Claims != nil:
		return &v.Claims.SealHeader
	case v.CE != nil:
		return &v.CE.SealHeader
	case v.Mail != nil:
		return &v.Mail.SealHeader
	case v.Profile != nil:
		return &v.Profile.SealHeader
	case v.Service != nil:
		return &v.Service.SealHeader
	case v.Project != nil:
		return &v.Project.SealHeader
	}
	return nil
}

// checks lists the five checks in the order a reader follows them.
func (v *Verdict) checks() []Check {
	stated := v.Stated()
	c := []Check{
		{CheckIntegrity, CheckPassed},
		{CheckSignature, CheckUnknown},
		{CheckIssuer, CheckUnknown},
		{CheckExpiry, CheckUnknown},
		{CheckRecord, CheckUnknown},
	}
	if !stated || v.Reason == "verify.reason.malformed" {
		c[0].State = CheckFailed
		return c
	}
	if v.Key == KeyUnknown {
		return c // nothing past integrity can be checked without the key
	}
	c[2].State = CheckPassed
	if !v.SignatureOK {
		c[1].State = CheckFailed
		return c
	}
	c[1].State = CheckPassed
	c[3].State = CheckPassed
	if v.Expired {
		c[3].State = CheckFailed
	}
	switch {
	case v.MatchesRecord == nil:
		c[4].State = CheckNone
	case *v.MatchesRecord:
		c[4].State = CheckPassed
	default:
		c[4].State = CheckFailed
	}
	return c
}
