package app

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestPaperCommands(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "欧阳娜娜", "--id-number", "11010519491231002X", "--phone", "13800138000")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2025S110001", "--exam-year", "2025", "--passed-on", "2025-09-20", "--issued-on", "2025-12-01")

	code, _, errs := r.do("paper", "show", "--cert", "1")
	if code != 2 || !strings.Contains(errs, "paper set") {
		t.Errorf("nothing yet: %d %q", code, errs)
	}
	type paperJSON struct {
		Method   string `json:"method"`
		Status   string `json:"status"`
		State    string `json:"state"`
		DaysLeft *int   `json:"days_left"`
		ProxyID  string `json:"proxy_id_number"`
	}
	var p paperJSON
	r.ok(&p, "paper", "set", "--cert", "1", "--method", "onsite", "--window-start", "2026-11-01", "--window-end", "2026-12-31", "--place", "朝阳区民政局")
	if p.State != "not_collected" || p.DaysLeft == nil || *p.DaysLeft != 39 {
		t.Fatalf("set %+v", p)
	}
	_, out, _ := r.do("paper", "show", "--cert", "1")
	if !strings.Contains(out, "by 2026-12-31: 39 days left") || !strings.Contains(out, "never reissued") {
		t.Errorf("countdown: %q", out)
	}
	r.ok(&p, "--now", "2027-01-01", "paper", "show", "--cert", "1")
	if p.State != "overdue" || *p.DaysLeft != -1 {
		t.Errorf("after the window: %+v", p)
	}
	code, _, errs = r.do("paper", "update", "--cert", "1", "--proxy-name", "李四", "--proxy-id-number", "110105194912310021")
	if code != 2 || !strings.Contains(errs, "proxy_id_number") || !strings.Contains(errs, "should be X") {
		t.Errorf("bad proxy ID: %d %q", code, errs)
	}
	// A proxy is another person: the holder's own number is refused.
	code, _, errs = r.do("paper", "update", "--cert", "1", "--status", "collected", "--collected-on", "2026-11-20", "--proxy-name", "李四", "--proxy-id-number", "11010519491231002X")
	if code != 2 || !strings.Contains(errs, "proxy_id_number") || !strings.Contains(errs, "another person") {
		t.Errorf("the holder as their own proxy: %d %q", code, errs)
	}
	r.ok(&p, "paper", "update", "--cert", "1", "--status", "collected", "--collected-on", "2026-11-20", "--proxy-name", "李四", "--proxy-id-number", "44030519900101123X")
	if p.State != "collected" || p.ProxyID != "440305********123X" {
		t.Errorf("collected by a proxy: %+v", p)
	}

	// By mail: the form, each field checked, then the sealed PDF.
	r.ok(nil, "paper", "set", "--cert", "1", "--method", "mail", "--status", "not_collected", "--collected-on", "", "--proxy-name", "", "--proxy-id-number", "")
	for _, bad := range []struct{ flag, value, field string }{
		{"--postcode", "1000", "postcode"}, {"--phone", "12345", "phone"}, {"--province", "", "province"},
	} {
		args := map[string]string{"--phone": "13800138000", "--province": "北京市", "--city": "北京市", "--district": "朝阳区", "--address": "建国路88号", "--postcode": "100022"}
		args[bad.flag] = bad.value
		cmd := []string{"mail", "form", "--cert", "1"}
		for k, v := range args {
			cmd = append(cmd, k, v)
		}
		code, _, errs := r.do(cmd...)
		if code != 2 || !strings.HasPrefix(errs, "swcert: "+bad.field) {
			t.Errorf("%s %q: %d %q", bad.flag, bad.value, code, errs)
		}
	}
	dir := t.TempDir()
	out2 := filepath.Join(dir, "mail.pdf")
	if code, _, errs := r.do("export", "mailform", "--cert", "1", "--out", out2); code != 2 || !strings.Contains(errs, "mail application form first") {
		t.Errorf("export before the form: %d %q", code, errs)
	}
	var form struct {
		Sex       string `json:"sex"`
		Recipient string `json:"recipient"`
		Phone     string `json:"phone"`
	}
	// The phone left out: the holder's, as the holder receives it.
	r.ok(&form, "mail", "form", "--cert", "1", "--province", "北京市", "--city", "北京市", "--district", "朝阳区", "--address", "建国路88号", "--postcode", "100022")
	if form.Sex != "female" || form.Recipient != "欧阳娜娜" || form.Phone != "138****8000" {
		t.Errorf("form %+v", form)
	}
	r.ok(nil, "export", "mailform", "--cert", "1", "--out", out2)
	text, err := exec.Command("pdftotext", "-raw", out2, "-").Output()
	if err != nil || !strings.Contains(string(text), "11010519491231002X") || !strings.Contains(string(text), "100022") {
		t.Errorf("the form lacks the full ID or the postcode: %v\n%s", err, text)
	}
	var v verdictJSON
	r.ok(&v, "verify", out2)
	if !v.Valid || v.MatchesRecord == nil || !*v.MatchesRecord {
		t.Errorf("mail form verdict %+v", v)
	}
}
