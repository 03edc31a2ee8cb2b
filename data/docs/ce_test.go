package docs

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

// withPeriod gives the installation a certificate with a registration in
// force from 2024-09-02 and returns its holder's ID.
func withPeriod(t *testing.T, in *installation) (holderID int64) {
	t.Helper()
	c := in.certificate(t, "2023S1100001", data.NewDate(2023, 12, 1))
	withPeriodFor(t, in, c)
	return c.HolderID
}

// longTitle wraps in the report's narrow column: no character may be lost.
const longTitle = "社会工作者职业道德与专业伦理高级研修班（第三期）暨社区治理创新实务工作坊甲乙丙丁戊己庚辛"

func TestCEReportPDF(t *testing.T) {
	in := newInstallation(t)
	hid := withPeriod(t, in)
	for i, r := range []data.CERecord{
		{Kind: data.CETraining, Title: longTitle, Provider: "北京市社会工作者协会", Date: data.NewDate(2025, 3, 1), Hours: data.WholeHours(24), Review: data.ReviewApproved},
		{Kind: data.CEOnline, Title: "网络课程：儿童保护", Date: data.NewDate(2025, 5, 1), Hours: data.TenthsOfHour(105)},
		{Kind: data.CECourses, Title: "社会政策（课程）", Date: data.NewDate(2026, 1, 10), Hours: data.WholeHours(32)},
		{Kind: data.CEDegree, Title: "社会工作硕士", Date: data.NewDate(2026, 7, 1), Review: data.ReviewRejected},
	} {
		r.HolderID = hid
		if err := in.db.CreateCERecord(ctx, &r); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
	}
	// Enough records to run over a page: every one must still be there.
	for i := 0; i < 30; i++ {
		r := data.CERecord{HolderID: hid, Kind: data.CEOnline, Title: "线上微课 第" + string(rune('一'+i)) + "讲", Date: data.NewDate(2025, 6, 1+i%28), Hours: data.WholeHours(1)}
		if err := in.db.CreateCERecord(ctx, &r); err != nil {
			t.Fatal(err)
		}
	}
	b, rep, err := in.svc.ExportCEReport(ctx, hid, 0, data.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Progress.Credited != data.TenthsOfHour(645) || rep.Progress.Pending != data.WholeHours(32) || rep.Progress.Required != data.WholeHours(90) {
		t.Errorf("totals %+v", rep.Progress)
	}
	path := filepath.Join(t.TempDir(), "ce.pdf")
	if dir := os.Getenv("SWCERT_KEEP_PDF"); dir != "" { // to look at it
		path = filepath.Join(dir, "ce.pdf")
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (make test-deps installs it): %v", err)
	}
	text := string(out)
	flat := strings.Join(strings.Fields(text), "")
	for _, want := range []string{"继续教育学时报告", "110105********002X", "2023S1100001", longTitle, "北京市社会工作者协会",
		"要求Required90", "已认定Credited64.5", "待审核Pending32", "尚缺Missing25.5", "未通过审核", "它不是发证机构的记录"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	for i := 0; i < 30; i++ {
		if !strings.Contains(flat, "第"+string(rune('一'+i))+"讲") {
			t.Errorf("record %d is missing from the report", i)
		}
	}
	if pages, _ := exec.Command("pdfinfo", path).Output(); !strings.Contains(strings.Join(strings.Fields(string(pages)), " "), "Pages: 2") {
		t.Errorf("expected 2 pages:\n%s", pages)
	}
	v, err := in.svc.Verify(ctx, b)
	if err != nil || !v.Valid || v.Doc != data.DocCEReport || v.CE.Credited != data.TenthsOfHour(645) || v.MatchesRecord == nil || !*v.MatchesRecord {
		t.Fatalf("verdict %+v %v", v, err)
	}
	// A record approved since: the report no longer matches the record.
	recs, _ := in.db.CERecords(ctx, hid)
	for _, r := range recs {
		if r.Kind == data.CECourses {
			r.Review = data.ReviewApproved
			if err := in.db.UpdateCERecord(ctx, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	v, _ = in.svc.Verify(ctx, b)
	if !v.Valid || v.MatchesRecord == nil || *v.MatchesRecord {
		t.Errorf("after a change: %+v", v)
	}
}

func TestCEReportNeedsAPeriod(t *testing.T) {
	in := newInstallation(t)
	c := in.certificate(t, "2023S1100001", data.NewDate(2023, 12, 1))
	if _, _, err := in.svc.ExportCEReport(ctx, c.HolderID, 0, data.Date{}); key(err) != "err.ce.no_period" {
		t.Errorf("no period: %v", err)
	}
	withPeriodFor(t, in, c)
	if _, _, err := in.svc.ExportCEReport(ctx, c.HolderID, 0, data.NewDate(2020, 1, 1)); key(err) != "err.ce.no_such_period" {
		t.Errorf("wrong period: %v", err)
	}
}

func withPeriodFor(t *testing.T, in *installation, c *data.Certificate) {
	t.Helper()
	r := &data.Registration{CertID: c.ID, Kind: data.RegFirst, Status: data.RegIssued, AppliedOn: data.NewDate(2024, 8, 1), ValidFrom: data.NewDate(2024, 9, 2)}
	if err := in.db.CreateRegistration(ctx, r); err != nil {
		t.Fatal(err)
	}
}
