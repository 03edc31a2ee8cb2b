package app

import (
	"strings"
	"testing"
)

// Every edit command refuses one that changes nothing, and names the field
// of a date it cannot read; the record stays as it was.
func TestEditFlags(t *testing.T) {
	r := newRun(t)
	certWithHolder(r)
	r.ok(nil, "reg", "add", "--cert", "1", "--kind", "first", "--status", "pending", "--applied-on", "2026-03-01")
	r.ok(nil, "ce", "add", "--holder", "1", "--kind", "training", "--title", "社区治理培训", "--hours", "24", "--date", "2025-03-01")
	r.ok(nil, "paper", "set", "--cert", "1", "--method", "onsite")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"holder", "edit", "1"}, "Nothing to change"},
		{[]string{"cert", "edit", "1"}, "Nothing to change"},
		{[]string{"reg", "edit", "1", "--cert", "1"}, "Nothing to change"}, // a registration stays with its certificate
		{[]string{"ce", "edit", "1"}, "Nothing to change"},
		{[]string{"paper", "update", "--cert", "1"}, "Nothing to change"},
		{[]string{"cert", "edit", "1", "--issued-on", "1.12.2022"}, "swcert: issued_on ("},
		{[]string{"reg", "edit", "1", "--valid-from", "next week"}, "swcert: valid_from ("},
		{[]string{"ce", "edit", "1", "--date", "2025-02-30"}, "swcert: date ("},
		{[]string{"paper", "update", "--cert", "1", "--collected-on", "soon"}, "swcert: collected_on ("},
	} {
		code, _, errs := r.do(tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, %q; want %q", tc.args, code, errs, tc.want)
		}
	}
	var cert struct {
		IssuedOn string `json:"issued_on"`
	}
	r.ok(&cert, "cert", "show", "1")
	if cert.IssuedOn != "2022-12-01" {
		t.Errorf("the certificate changed: %+v", cert)
	}
}
