package app

import (
	"strings"
	"testing"
)

// The registration rules as a user meets them on the command line: an
// application made in time stays under review after the window closes, a
// status only moves forward, one first registration, a renewal only in its
// window, and the national system's words accepted.
func TestRegistrationRulesOnTheCommandLine(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "assistant", "--mno", "2025Z110001", "--exam-year", "2025", "--passed-on", "2025-09-20", "--issued-on", "2025-12-01")

	code, _, errs := r.do("reg", "add", "--cert", "1", "--kind", "first", "--status", "pending", "--applied-on", "2025-09-19")
	if code != 2 || !strings.Contains(errs, "on or after the day the exam was passed (2025-09-20)") {
		t.Errorf("applied before passing: %d %q", code, errs)
	}
	// Applied in time, by the national system's words; today (2026-11-22)
	// the window has closed while it is still under review.
	var reg struct {
		Status string `json:"status"`
		Kind   string `json:"kind"`
	}
	r.ok(&reg, "reg", "add", "--cert", "1", "--kind", "首次登记", "--status", "待审核", "--applied-on", "2026-09-01")
	if reg.Kind != "first" || reg.Status != "pending" {
		t.Fatalf("Chinese words read as %+v", reg)
	}
	var due []struct {
		State string `json:"state"`
	}
	for _, status := range []string{"pending", "初审未通过", "待审核", "first_passed"} {
		r.ok(nil, "reg", "edit", "1", "--status", status)
		r.ok(&due, "reg", "due", "--cert", "1")
		if len(due) != 1 || due[0].State != "applied" {
			t.Errorf("status %s: due %+v, want applied (it was applied for in time)", status, due)
		}
	}
	var items []struct {
		Kind    string `json:"kind"`
		Message string `json:"message"`
	}
	r.ok(&items, "due", "--kind", "登记")
	if len(items) != 0 {
		t.Errorf("the dashboard chases an application under review: %+v", items)
	}
	code, _, errs = r.do("reg", "edit", "1", "--status", "待审核")
	if code != 2 || !strings.Contains(errs, "cannot go back") {
		t.Errorf("back from first review passed: %d %q", code, errs)
	}
	code, _, errs = r.do("reg", "add", "--cert", "1", "--kind", "first")
	if code != 2 || !strings.Contains(errs, "already has a first registration") {
		t.Errorf("a second first registration: %d %q", code, errs)
	}
	r.ok(nil, "reg", "edit", "1", "--status", "已出证", "--valid-from", "2026-10-01")

	// Valid 2026-10-01 … 2029-09-30: re-registration 2029-07-01 … 2029-09-30.
	code, _, errs = r.do("--now", "2029-08-01", "reg", "add", "--cert", "1", "--kind", "renewal", "--status", "pending", "--applied-on", "2029-06-30")
	if code != 2 || !strings.Contains(errs, "2029-07-01 to 2029-09-30") {
		t.Errorf("renewal the day before its window: %d %q", code, errs)
	}
	r.ok(nil, "--now", "2029-08-01", "reg", "add", "--cert", "1", "--kind", "再登记", "--status", "待审核", "--applied-on", "2029-07-01")
	r.ok(&due, "--now", "2029-10-15", "reg", "due", "--cert", "1")
	if len(due) != 1 || due[0].State != "applied" {
		t.Errorf("renewal under review after the registration ended: %+v, want applied, not lapsed", due)
	}
	_, out, _ := r.do("--lang", "zh", "--now", "2029-10-15", "reg", "list", "--cert", "1")
	if !strings.Contains(out, "已出证") || !strings.Contains(out, "再登记") || !strings.Contains(out, "待审核") {
		t.Errorf("printed with --lang zh:\n%s", out)
	}
}

// CE kinds, review statuses, paper methods and ID types by their Chinese names.
func TestChineseWordsOnTheCommandLine(t *testing.T) {
	r := newRun(t)
	var h holderJSON
	r.ok(&h, "holder", "add", "--name", "王芳", "--id-number", "11010519491231002X", "--id-type", "居民身份证")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "社会工作师", "--mno", "2023S110001", "--exam-year", "2023", "--passed-on", "2023-09-20", "--issued-on", "2023-12-01", "--status", "有效")
	var rec struct {
		Kind   string  `json:"kind"`
		Review *string `json:"review"`
	}
	r.ok(&rec, "ce", "add", "--holder", "1", "--kind", "培训", "--title", "社区治理", "--hours", "8", "--date", "2025-03-01", "--review", "已通过")
	if rec.Kind != "training" || rec.Review == nil || *rec.Review != "approved" {
		t.Errorf("CE by its Chinese words: %+v", rec)
	}
	var p struct {
		Method string `json:"method"`
	}
	r.ok(&p, "paper", "set", "--cert", "1", "--method", "现场领取")
	if p.Method != "onsite" {
		t.Errorf("paper method: %+v", p)
	}
	_, out, _ := r.do("--lang", "zh", "ce", "list", "--holder", "1")
	if !strings.Contains(out, "培训") {
		t.Errorf("printed with --lang zh:\n%s", out)
	}
}
