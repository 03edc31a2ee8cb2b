package i18n

import (
	"strings"
	"testing"

	"github.com/swcert/swcert/data/docs"
)

// The issuer line names an unnamed own key by its key ID ("this
// installation ()" said nothing), and a named one by its name.
func TestIssuerLineNamesTheKey(t *testing.T) {
	SetLanguage(English)
	defer SetLanguage(Chinese)
	issuer := func(v *docs.Verdict) string {
		for _, l := range CheckLines(v) {
			if l.Name == docs.CheckIssuer {
				return l.Text
			}
		}
		return ""
	}
	v := &docs.Verdict{Key: docs.KeyOwn, KID: "k4wF2-zz6mZS2dreAe5hrg",
		Checks: []docs.Check{{Name: docs.CheckIntegrity, State: docs.CheckPassed}, {Name: docs.CheckIssuer, State: docs.CheckPassed}}}
	if got := issuer(v); got != "this installation: Unnamed exporter (key k4wF2-zz)" {
		t.Errorf("unnamed: %q", got)
	}
	v.KeyName = "同心社会工作服务中心"
	if got := issuer(v); !strings.Contains(got, ": 同心社会工作服务中心") {
		t.Errorf("named: %q", got)
	}
}
