package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfTextOf is what pdftotext reads in the PDF at path, spaces removed.
func pdfTextOf(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// The documents of the dossier from the command line: the form and both
// reports written where --out says, for the owner only, the name a person
// would look for suggested, and each seal verified by `swcert verify`.
func TestDossierDocumentsFromTheCommandLine(t *testing.T) {
	r := newRun(t)
	dir := t.TempDir()
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X", "--phone", "13800138000", "--org", "阳光社工", "--region", "北京市")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2026031100000123", "--exam-year", "2026", "--passed-on", "2026-06-20", "--issued-on", "2026-09-20")
	r.ok(nil, "profile", "set", "--holder", "1", "--ethnicity", "汉族", "--education", "本科", "--major", "社会工作")
	r.ok(nil, "profile", "photo", "--holder", "1", writeJPEG(t, dir, 295, 413, 0))
	r.ok(nil, "project", "add", "--name", "边疆服务", "--org", "阳光社工", "--start-on", "2025-06-01", "--programme", "三区计划")
	r.ok(nil, "project", "join", "--project", "1", "--holder", "1")
	r.ok(nil, "service", "add", "--project", "1", "--holder", "1", "--date", "2026-03-01", "--content", "小组活动", "--hours", "7.5")

	var res struct {
		Path      string `json:"path"`
		Bytes     int    `json:"bytes"`
		Suggested string `json:"suggested_name"`
	}
	profile := filepath.Join(dir, "form.pdf")
	r.ok(&res, "export", "profile", "--holder", "1", "--out", profile)
	if res.Path != profile || res.Suggested != "张伟-2026031100000123-个人信息表.pdf" || res.Bytes == 0 {
		t.Errorf("export profile: %+v", res)
	}
	if fi, err := os.Stat(profile); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the form holds the full ID number: owner only, %v %v", fi.Mode(), err)
	}
	if flat := pdfTextOf(t, profile); !strings.Contains(flat, "11010519491231002X") || !strings.Contains(flat, "个人信息未完善：工作经历") {
		t.Errorf("the form: %s", flat)
	}
	report := filepath.Join(dir, "report.pdf")
	r.ok(&res, "export", "service-report", "--holder", "1", "--out", report)
	if res.Suggested != "张伟-2026031100000123-服务记录报告.pdf" {
		t.Errorf("export service-report: %+v", res)
	}
	project := filepath.Join(dir, "project.pdf")
	r.ok(&res, "export", "service-report", "--project", "1", "--out", project)
	if res.Suggested != "边疆服务-服务记录报告.pdf" {
		t.Errorf("export service-report --project: %+v", res)
	}
	sheet := filepath.Join(dir, "project.xlsx")
	r.ok(&res, "export", "service-report", "--project", "1", "--out", sheet)
	if res.Suggested != "边疆服务-服务记录报告.xlsx" {
		t.Errorf("sheet: %+v", res)
	}
	if b, err := os.ReadFile(sheet); err != nil || !strings.HasPrefix(string(b), "PK") {
		t.Errorf("not an .xlsx: %v", err)
	}

	// Each seal, verified: what it states, in the person's words.
	for _, c := range []struct{ path, want string }{
		{profile, "Personal information form"},
		{report, "Service record report (holder)"},
		{project, "Service record report (project)"},
	} {
		code, out, errs := r.do("verify", c.path)
		if code != 0 || !strings.Contains(out, c.want) || !strings.Contains(out, "110105********002X") && c.path != project {
			t.Errorf("verify %s: exit %d %q %q", c.path, code, out, errs)
		}
		if strings.Contains(out, "11010519491231002X") {
			t.Errorf("verify %s prints the full ID number", c.path)
		}
	}
	_, out, _ := r.do("--lang", "zh", "verify", project)
	if !strings.Contains(out, "服务记录报告（项目）") || !strings.Contains(out, "参与人员 1 人，服务记录 1 条，合计 7.5") {
		t.Errorf("verify in Chinese: %q", out)
	}
	// The record changes: the seal stays valid, the record check fails.
	r.ok(nil, "service", "edit", "1", "--hours", "8")
	code, out, _ := r.do("verify", project)
	if code != 0 || !strings.Contains(out, "✘") {
		t.Errorf("changed record: %d %q", code, out)
	}

	// Bad values: exit 2 naming the field.
	r.bad("holder", "export", "profile", "--out", filepath.Join(dir, "x.pdf"))
	r.bad("holder", "export", "profile", "--holder", "abc", "--out", filepath.Join(dir, "x.pdf"))
	r.bad("out", "export", "profile", "--holder", "1")
	r.bad("id", "export", "profile", "--holder", "9", "--out", filepath.Join(dir, "x.pdf"))
	r.bad("holder", "export", "service-report", "--out", filepath.Join(dir, "x.pdf"))
	r.bad("holder", "export", "service-report", "--holder", "1", "--project", "1", "--out", filepath.Join(dir, "x.pdf"))
	msg := r.bad("out", "export", "service-report", "--holder", "1", "--out", filepath.Join(dir, "x.csv"))
	if !strings.Contains(msg, ".xlsx") {
		t.Errorf("type: %q", msg)
	}
	r.bad("out", "export", "service-report", "--project", "1", "--out", r.db)
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a refused export left a file")
	}
}
