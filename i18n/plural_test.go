package i18n

import (
	"strings"
	"testing"
)

// Every message with a singular (KEY.one) says it for 1 and the plural for
// 2, in English; Chinese says the same for both. Both are whole sentences:
// no "(s)".
func TestSingularAndPlural(t *testing.T) {
	defer SetLanguage(English)
	en, zh := loadFile(t, "en.json"), loadFile(t, "zh_Hans.json")
	n := 0
	for k, single := range en {
		base, ok := strings.CutSuffix(k, ".one")
		if !ok {
			continue
		}
		n++
		if zh[k] != zh[base] {
			t.Errorf("zh_Hans %s = %q, want it as %s: %q", k, zh[k], base, zh[base])
		}
		if strings.Contains(single, "(s)") || strings.Contains(en[base], "(s)") {
			t.Errorf("%s still says (s)", base)
		}
		for _, arg := range []string{"Count", "Days"} {
			if !strings.Contains(en[base], "{{."+arg+"}}") {
				continue
			}
			SetLanguage(English)
			if got := T(base, arg, 1, "Name", "王芳"); strings.Contains(got, "{{") || got == T(base, arg, 2, "Name", "王芳") {
				t.Errorf("%s with %s 1 = %q, the same as with 2", base, arg, got)
			}
			if got := T(base, arg, 2); strings.Contains(got, " 1 ") {
				t.Errorf("%s with %s 2 = %q", base, arg, got)
			}
			SetLanguage(Chinese)
			if T(base, arg, 1) != strings.Replace(T(base, arg, 777), "777", "1", 1) {
				t.Errorf("zh %s: %q for 1, %q for 777", base, T(base, arg, 1), T(base, arg, 777))
			}
			break
		}
	}
	if n < 20 {
		t.Fatalf("only %d singular keys", n)
	}
	SetLanguage(English)
	for _, c := range []struct {
		key  string
		args []any
		want string
	}{
		{"dash.overdue_days", []any{"Days", 1}, "1 day overdue"},
		{"dash.overdue_days", []any{"Days", 3}, "3 days overdue"},
		{"dash.in_days", []any{"Days", 1}, "in 1 day"},
		{"ce.proof_count", []any{"Count", 1}, "1 file"},
		{"ce.proof_count", []any{"Count", 0}, "0 files"},
		{"remind.title", []any{"Count", 1}, "SWCert: 1 deadline coming"},
		{"remind.title", []any{"Count", 4}, "SWCert: 4 deadlines coming"},
	} {
		if got := T(c.key, c.args...); got != c.want {
			t.Errorf("%s %v = %q, want %q", c.key, c.args, got, c.want)
		}
	}
}
