package app

import (
	"strings"
	"testing"
)

// Numbers are decimal digits only, and a word too many is an error, not a
// silently ignored flag.
func TestNumbersAndExtraArguments(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X", "--phone", "13800138000", "--org", "旧单位")
	r.ok(nil, "holder", "add", "--name", "李娜", "--id-number", "44030519900101123X")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "assistant", "--mno", "2025Z110001", "--exam-year", "2025", "--passed-on", "2025-09-20", "--issued-on", "2025-12-01")
	for _, tc := range []struct {
		args []string
		flag string
	}{
		{[]string{"annotate", "apply", "--cert", "1", "--days", "0x10"}, "--days"},
		{[]string{"annotate", "apply", "--cert", "1", "--days=1_0"}, "--days"},
		{[]string{"annotate", "apply", "--cert", "0x1"}, "--cert"},
		{[]string{"cert", "list", "--holder", "+1"}, "--holder"},
		{[]string{"due", "--within", "-1"}, "--within"},
	} {
		code, _, errs := r.do(tc.args...)
		if code != 2 || !strings.Contains(errs, tc.flag+" must be a whole number") {
			t.Errorf("%v: exit %d %q", tc.args, code, errs)
		}
	}
	// Digits, too many of them: said so, not "not decimal digits".
	for _, v := range []string{"9223372036854775807", "99999999999999999999999"} {
		code, _, errs := r.do("holder", "list", "--search", "张", "--offset", v)
		if code != 2 || !strings.Contains(errs, "--offset: "+v+" is far larger than this flag takes") {
			t.Errorf("--offset %s: exit %d %q", v, code, errs)
		}
	}
	if code, _, errs := r.do("holder", "show", "0x1"); code != 2 || !strings.Contains(errs, "0x1") {
		t.Errorf("a positional ID in hex: %d %q", code, errs)
	}
	var h holderJSON
	r.ok(&h, "holder", "show", "1")
	code, _, errs := r.do("holder", "edit", "1", "--org", "新", "单位", "--phone", "13900139000")
	if code != 2 || !strings.Contains(errs, "单位 --phone 13900139000") {
		t.Errorf("an unquoted value with a space: %d %q", code, errs)
	}
	var after holderJSON
	r.ok(&after, "--reveal", "holder", "show", "1")
	if after.Org != "旧单位" || after.Phone != "13800138000" {
		t.Errorf("a refused edit changed the holder: %+v", after)
	}
	if code, _, _ := r.do("holder", "delete", "2", "1"); code != 2 {
		t.Errorf("two IDs to delete: exit %d", code)
	}
	var list []holderJSON
	r.ok(&list, "holder", "list")
	if len(list) != 2 {
		t.Errorf("after a refused delete: %d holders", len(list))
	}
	if code, _, errs := r.do("annotate", "apply", "--cert", "1", "extra"); code != 2 || !strings.Contains(errs, "extra") {
		t.Errorf("a stray word: %d %q", code, errs)
	}
}
