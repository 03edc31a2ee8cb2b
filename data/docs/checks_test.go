package docs

import (
	"strings"
	"testing"
)

func states(v *Verdict) string {
	s := make([]string, len(v.Checks))
	for i, c := range v.Checks {
		s[i] = c.Name + "=" + c.State
	}
	return strings.Join(s, " ")
}

// Each check of a verification comes out on its own, in one order, and the
// outcome says "cannot confirm" for a key not known here, "invalid" for a
// seal altered: never one for the other.
func TestVerdictChecks(t *testing.T) {
	in, other := newInstallation(t), newInstallation(t)
	b, c := exported(t, in)

	v, _ := in.svc.Verify(ctx, b)
	if want := "integrity=passed signature=passed issuer=passed expiry=passed record=passed"; states(v) != want || v.Result != OutcomeValid {
		t.Errorf("valid: %s (%s), want %s", states(v), v.Result, want)
	}

	v, _ = other.svc.Verify(ctx, b)
	if want := "integrity=passed signature=unknown issuer=unknown expiry=unknown record=unknown"; states(v) != want || v.Result != OutcomeUnknownKey {
		t.Errorf("unknown key: %s (%s), want %s", states(v), v.Result, want)
	}

	// Altered: another management number, the signature kept. It is not
	// compared with the database, so it cannot read as "not in it".
	parts := strings.Split(v.JWS, ".")
	p := []byte(parts[1])
	p[len(p)/2] ^= 1
	forged := parts[0] + "." + string(p) + "." + parts[2]
	v, _ = in.svc.Verify(ctx, []byte(forged))
	if v.Result != OutcomeInvalid || v.Compared() || v.MatchesRecord != nil {
		t.Errorf("tampered: %s (%s) compared %v", states(v), v.Result, v.Compared())
	}
	if !strings.HasPrefix(states(v), "integrity=") || !strings.Contains(states(v), "record=unknown") {
		t.Errorf("tampered: %s", states(v))
	}

	// Not in this database: said as such ("none"), the rest passed.
	if err := in.db.DeleteCertificate(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	v, _ = in.svc.Verify(ctx, b)
	if want := "integrity=passed signature=passed issuer=passed expiry=passed record=none"; states(v) != want {
		t.Errorf("deleted: %s, want %s", states(v), want)
	}

	in.now = in.now.AddDate(0, 0, 91)
	v, _ = in.svc.Verify(ctx, b)
	if !strings.Contains(states(v), "expiry=failed") || v.Result != OutcomeExpired {
		t.Errorf("expired: %s (%s)", states(v), v.Result)
	}

	v, _ = in.svc.Verify(ctx, []byte("hello, world"))
	if !strings.HasPrefix(states(v), "integrity=failed") || v.Result != OutcomeInvalid {
		t.Errorf("no seal: %s (%s)", states(v), v.Result)
	}
}
