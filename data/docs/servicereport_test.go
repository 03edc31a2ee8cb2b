package docs

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

// idNumber is the n-th resident ID number of a fixture, with its check
// character.
func idNumber(n int) string {
	first := fmt.Sprintf("1101%02d%04d0101%03d", n/1000%100, 1960+n/100000, n%1000)
	return first + string(data.IDCheckChar(first))
}

// servedProject is a 三区计划 project the dossier's holder and a second
// holder serve in, with three records; and a second project of the
// holder's under no programme.
func servedProject(t testing.TB, in *installation, holder int64) (*data.Project, *data.Project) {
	t.Helper()
	other := &data.Holder{Name: "李四", IDNumber: idNumber(7), Org: "甘肃省临夏州社会工作服务站"}
	if err := in.db.CreateHolder(ctx, other); err != nil {
		t.Fatal(err)
	}
	p := &data.Project{Name: "临夏州三区计划社会工作服务项目", Org: "甘肃省临夏州社会工作服务站", StartOn: data.NewDate(2026, 3, 1), EndOn: data.NewDate(2026, 12, 31), Programme: data.ProgrammeSanqu}
	q := &data.Project{Name: "社区长者关爱", Org: "北京市朝阳区阳光社会工作服务中心", StartOn: data.NewDate(2025, 1, 1)}
	for _, pr := range []*data.Project{p, q} {
		if err := in.db.CreateProject(ctx, pr); err != nil {
			t.Fatal(err)
		}
	}
	for _, j := range [][2]int64{{p.ID, holder}, {p.ID, other.ID}, {q.ID, holder}} {
		if err := in.db.JoinProject(ctx, j[0], j[1]); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range []*data.ServiceRecord{
		{ProjectID: p.ID, HolderID: holder, Date: data.NewDate(2026, 4, 2), Content: "入户走访困境儿童家庭，建立个案档案", Hours: data.WholeHours(6)},
		{ProjectID: p.ID, HolderID: other.ID, Date: data.NewDate(2026, 4, 2), Content: "开展儿童安全教育小组活动", Hours: data.WholeHours(3)},
		{ProjectID: q.ID, HolderID: holder, Date: data.NewDate(2025, 10, 9), Content: "重阳节长者探访", Hours: hoursOf("1.5")},
	} {
		if err := in.db.CreateServiceRecord(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	return p, q
}

func hoursOf(s string) data.Hours {
	h, err := data.ParseServiceHours(s)
	if err != nil {
		panic(err)
	}
	return h
}

func TestHolderServiceReportPDF(t *testing.T) {
	in := dossierInstallation(t)
	h := filledDossier(t, in)
	servedProject(t, in, h.ID)
	b, name, err := in.svc.ExportServiceReport(ctx, ServiceReportOf{HolderID: h.ID}, ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	keep(t, "service-holder.pdf", b)
	if name != "欧阳娜娜-2025S1100001-服务记录报告.pdf" {
		t.Errorf("suggested name %q", name)
	}
	flat := pdfText(t, b)
	for _, want := range []string{"服务记录报告", "欧阳娜娜", "110105********002X", "参与项目2个·服务记录2条·服务时长合计7.5小时",
		"工作经历中“三区计划”“牵手计划”的标注以下列项目的服务记录为依据", "三区计划：临夏州三区计划社会工作服务项目（2026-03-01至2026-12-31，6小时）",
		"社区长者关爱", "2025-01-01至今", "入户走访困境儿童家庭，建立个案档案", "重阳节长者探访", "1.5"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the report lacks %q:\n%s", want, flat)
		}
	}
	// Another holder's record is not on it; the full ID number neither.
	for _, bad := range []string{"开展儿童安全教育小组活动", "11010519491231002X"} {
		if strings.Contains(flat, bad) {
			t.Errorf("the report says %q", bad)
		}
	}
	jws := sealOnPage(t, b)
	v, err := in.svc.Verify(ctx, []byte(jws))
	if err != nil || !v.Valid || v.Service == nil || v.MatchesRecord == nil || !*v.MatchesRecord {
		t.Fatalf("verdict %+v %v", v, err)
	}
	if v.Service.Projects != 2 || v.Service.Records != 2 || v.Service.Hours.String() != "7.5" || v.Service.IDMasked != "110105********002X" {
		t.Errorf("claims %+v", v.Service)
	}
}

func TestProjectServiceReportPDF(t *testing.T) {
	in := dossierInstallation(t)
	h := filledDossier(t, in)
	p, _ := servedProject(t, in, h.ID)
	b, name, err := in.svc.ExportServiceReport(ctx, ServiceReportOf{ProjectID: p.ID}, ".PDF")
	if err != nil {
		t.Fatal(err)
	}
	keep(t, "service-project.pdf", b)
	if name != "临夏州三区计划社会工作服务项目-服务记录报告.pdf" {
		t.Errorf("suggested name %q", name)
	}
	flat := pdfText(t, b)
	for _, want := range []string{"服务记录报告", "临夏州三区计划社会工作服务项目", "甘肃省临夏州社会工作服务站", "三区计划", "2026-03-01至2026-12-31",
		"参与人员2人·服务记录2条·服务时长合计9小时", "李四", "欧阳娜娜", "入户走访困境儿童家庭，建立个案档案", "开展儿童安全教育小组活动"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the report lacks %q:\n%s", want, flat)
		}
	}
	if strings.Contains(flat, "重阳节长者探访") {
		t.Error("a record of another project is on the report")
	}
	v, err := in.svc.Verify(ctx, []byte(sealOnPage(t, b)))
	if err != nil || !v.Valid || v.Project == nil || v.MatchesRecord == nil || !*v.MatchesRecord {
		t.Fatalf("verdict %+v %v", v, err)
	}
	if c := v.Project; c.Name != p.Name || c.Participants != 2 || c.Records != 2 || c.Hours.String() != "9" || c.IDMasked != "" || c.MNo != "" || !c.StartOn.Equal(p.StartOn) {
		t.Errorf("claims %+v", c)
	}
	// A record added since: the seal no longer matches the project.
	if err := in.db.CreateServiceRecord(ctx, &data.ServiceRecord{ProjectID: p.ID, HolderID: h.ID, Date: data.NewDate(2026, 5, 1), Content: "回访", Hours: data.WholeHours(1)}); err != nil {
		t.Fatal(err)
	}
	v, err = in.svc.Verify(ctx, b)
	if err != nil || v.MatchesRecord == nil || *v.MatchesRecord || strings.Join(v.Mismatches, ",") != "service_records" {
		t.Fatalf("changed record: %+v %v", v, err)
	}
}

// openpyxl reads the sheets as a person's spreadsheet program does: the
// type of each cell of the first data row and of the total, per sheet.
const readBook = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    rows = [[(type(c.value).__name__, c.value if not hasattr(c.value, "isoformat") else c.value.isoformat()) for c in r] for r in ws.iter_rows()]
    out[ws.title] = rows
print(json.dumps(out, ensure_ascii=False))
`

type cellRead [2]any // type name, value

func readXLSX(t *testing.T, b []byte) map[string][][]cellRead {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.xlsx")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("/usr/bin/python3", "-c", readBook, path).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var book map[string][][]cellRead
	if err := json.Unmarshal(out, &book); err != nil {
		t.Fatal(err)
	}
	return book
}

func TestServiceReportSheets(t *testing.T) {
	in := dossierInstallation(t)
	h := filledDossier(t, in)
	p, _ := servedProject(t, in, h.ID)

	b, name, err := in.svc.ExportServiceReport(ctx, ServiceReportOf{HolderID: h.ID}, ".xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if name != "欧阳娜娜-2025S1100001-服务记录报告.xlsx" {
		t.Errorf("suggested name %q", name)
	}
	book := readXLSX(t, b)
	recs := book["服务记录"]
	if len(recs) != 4 { // header, two records, total
		t.Fatalf("records sheet: %v", recs)
	}
	want := `[["str","日期"],["str","项目名称"],["str","所属计划"],["str","服务内容"],["str","服务时长"]]`
	if got := js(recs[0]); got != want {
		t.Errorf("header %s", got)
	}
	if got := js(recs[1]); got != `[["datetime","2025-10-09T00:00:00"],["str","社区长者关爱"],["str","无"],["str","重阳节长者探访"],["float",1.5]]` {
		t.Errorf("first record %s", got)
	}
	if got := js(recs[3]); got != `[["NoneType",null],["str","合计"],["NoneType",null],["NoneType",null],["float",7.5]]` {
		t.Errorf("total %s", got)
	}
	projects := book["参与项目"]
	if len(projects) != 4 || js(projects[1]) != `[["str","临夏州三区计划社会工作服务项目"],["str","甘肃省临夏州社会工作服务站"],["datetime","2026-03-01T00:00:00"],["datetime","2026-12-31T00:00:00"],["str","三区计划"],["int",1],["int",6]]` {
		t.Errorf("projects sheet %s", js(projects))
	}

	b, name, err = in.svc.ExportServiceReport(ctx, ServiceReportOf{ProjectID: p.ID}, ".xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if name != "临夏州三区计划社会工作服务项目-服务记录报告.xlsx" {
		t.Errorf("suggested name %q", name)
	}
	book = readXLSX(t, b)
	people := book["参与人员"]
	if len(people) != 4 || js(people[0]) != `[["str","姓名"],["str","工作单位"],["str","服务记录数"],["str","服务时长"]]` ||
		js(people[1]) != `[["str","李四"],["str","甘肃省临夏州社会工作服务站"],["int",1],["int",3]]` ||
		js(people[3]) != `[["str","合计"],["NoneType",null],["NoneType",null],["int",9]]` {
		t.Errorf("participants sheet %s", js(people))
	}
	if recs := book["服务记录"]; len(recs) != 4 || js(recs[1][:2]) != `[["datetime","2026-04-02T00:00:00"],["str","欧阳娜娜"]]` {
		t.Errorf("records sheet %s", js(recs))
	}
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestServiceReportRefusals(t *testing.T) {
	in := dossierInstallation(t)
	h := filledDossier(t, in)
	p, _ := servedProject(t, in, h.ID)
	for _, c := range []struct {
		of        ServiceReportOf
		ext, want string
	}{
		{ServiceReportOf{HolderID: h.ID}, ".csv", "err.service_report.type"},
		{ServiceReportOf{HolderID: h.ID}, "", "err.service_report.type"},
		{ServiceReportOf{}, ".pdf", "err.service_report.which"},
		{ServiceReportOf{HolderID: h.ID, ProjectID: p.ID}, ".pdf", "err.service_report.which"},
		{ServiceReportOf{ProjectID: 999}, ".pdf", "err.not_found.project"},
		{ServiceReportOf{HolderID: 999}, ".xlsx", "err.not_found.holder"},
	} {
		if _, _, err := in.svc.ExportServiceReport(ctx, c.of, c.ext); key(err) != c.want {
			t.Errorf("%+v %q: %v, want %s", c.of, c.ext, err, c.want)
		}
	}
}

// A project's records run over pages: every record is on them once, the
// pages after the first say whose report they continue, and the seal on
// the last page reads and verifies.
func TestProjectServiceReportOverPages(t *testing.T) {
	in := dossierInstallation(t)
	h := filledDossier(t, in)
	p, _ := servedProject(t, in, h.ID)
	for d := 0; d < 150; d++ {
		r := &data.ServiceRecord{ProjectID: p.ID, HolderID: h.ID, Date: data.NewDate(2026, 5, 1).AddDays(d), Content: fmt.Sprintf("第%03d次入户走访", d), Hours: data.WholeHours(2)}
		if err := in.db.CreateServiceRecord(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	b, _, err := in.svc.ExportServiceReport(ctx, ServiceReportOf{ProjectID: p.ID}, ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	flat := pdfText(t, b)
	for d := 0; d < 150; d++ {
		if n := strings.Count(flat, fmt.Sprintf("第%03d次入户走访", d)); n != 1 {
			t.Fatalf("record %d is on the report %d times", d, n)
		}
	}
	if n := strings.Count(flat, "服务记录报告·临夏州三区计划社会工作服务项目（续）"); n < 2 {
		t.Errorf("%d continued pages:\n%s", n, flat)
	}
	if !strings.Contains(flat, "服务时长合计309小时") {
		t.Errorf("total:\n%s", flat)
	}
	v, err := in.svc.Verify(ctx, []byte(sealOnPage(t, b)))
	if err != nil || !v.Valid || v.Project == nil || v.Project.Records != 152 || v.MatchesRecord == nil || !*v.MatchesRecord {
		t.Fatalf("verdict %+v %v", v, err)
	}
}

// Any one character changed in the seal of the form or of either report
// is detected, as for the other documents; and each seal, as text, is
// short enough for the 64 mm code (the longest seal of the others is 375).
func TestEveryChangeToADossierSealIsDetected(t *testing.T) {
	in := dossierInstallation(t)
	h := filledDossier(t, in)
	p, _ := servedProject(t, in, h.ID)
	seals := map[string][]byte{}
	seals["profile"], _, _ = in.svc.ExportProfile(ctx, h.ID)
	seals["holder's report"], _, _ = in.svc.ExportServiceReport(ctx, ServiceReportOf{HolderID: h.ID}, ".pdf")
	seals["project's report"], _, _ = in.svc.ExportServiceReport(ctx, ServiceReportOf{ProjectID: p.ID}, ".pdf")
	for name, b := range seals {
		v, err := in.svc.Verify(ctx, b)
		if err != nil || !v.Valid {
			t.Fatalf("%s, the seal itself: %+v %v", name, v, err)
		}
		t.Logf("%s: a seal of %d characters", name, len(v.JWS))
		if len(v.JWS) > 375 {
			t.Errorf("%s: a seal of %d characters", name, len(v.JWS))
		}
		everyChangeDetected(t, in, name, v.JWS)
	}
}

// A project of a long name: its seal stays short, and verifies against
// the right one of two projects whose names begin alike.
func TestLongProjectNameInTheSeal(t *testing.T) {
	in := dossierInstallation(t)
	h := filledDossier(t, in)
	long := "甘肃省临夏回族自治州东乡族自治县二〇二六年度三区计划社会工作专业人才支持项目（第一期）之困境儿童关爱服务"
	var ids []int64
	for _, name := range []string{long, strings.Replace(long, "第一期", "第二期", 1)} {
		p := &data.Project{Name: name, Org: "临夏州社工站", StartOn: data.NewDate(2026, 3, 1), Programme: data.ProgrammeSanqu}
		if err := in.db.CreateProject(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := in.db.JoinProject(ctx, p.ID, h.ID); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	if err := in.db.CreateServiceRecord(ctx, &data.ServiceRecord{ProjectID: ids[1], HolderID: h.ID, Date: data.NewDate(2026, 4, 1), Content: "走访", Hours: data.WholeHours(2)}); err != nil {
		t.Fatal(err)
	}
	b, _, err := in.svc.ExportServiceReport(ctx, ServiceReportOf{ProjectID: ids[1]}, ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(pdfText(t, b), "第二期") {
		t.Error("the page lacks the whole name")
	}
	v, err := in.svc.Verify(ctx, []byte(sealOnPage(t, b)))
	if err != nil || !v.Valid || v.MatchesRecord == nil || !*v.MatchesRecord || len(v.JWS) > 375 || !strings.HasSuffix(v.Project.Name, "…") {
		t.Fatalf("verdict %+v %v (%d characters)", v, err, len(v.JWS))
	}
}
