package docs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/sheet"
)

func sheetFile(t testing.TB, name string, rows [][]string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := sheet.Write(name, &b, rows[0], rows[1:]); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func importInstallation(t *testing.T) *installation {
	in := newInstallation(t)
	in.svc.Import = in.db
	return in
}

// errorList is "row column key" of each bad row.
func errorList(rep *ImportReport) string {
	var out []string
	for _, e := range rep.Errors {
		out = append(out, fmt.Sprintf("%d %s %s", e.Row, e.Column, data.AsError(e.Err).Key))
	}
	return strings.Join(out, ", ")
}

// state is everything saved, as text, to tell whether an import wrote.
func (in *installation) state(t *testing.T) string {
	t.Helper()
	hs, err := in.db.FindHolders(ctx, data.HolderFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, h := range hs {
		fmt.Fprintf(&b, "%s %s %s %s %s %s;", h.Name, h.IDType, h.IDNumber, h.Phone, h.Org, h.Region)
		cs, err := in.db.Certificates(ctx, h.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			fmt.Fprintf(&b, " %s %s %d %s %s %s %s;", c.MNo, c.Level, c.ExamYear, c.PassedOn, c.IssuedOn, c.Issuer, c.Status)
		}
	}
	return b.String()
}

var agencySheet = [][]string{
	{"序号", "身份证号", "姓名", "单位", "证书级别", "证书管理号", "签发日期", "通过日期", "联系电话"},
	{"1", "11010519491231002X", "张三", "阳光社工", "社会工作师", "2022S110001", "2022-12-01", "2022/9/20", "13800138000"},
	{"2", "110105194912310021", "李四", "阳光社工", "助理社会工作师", "2022Z110002", "2022-12-01", "2022-09-20", ""},   // bad check character
	{"3", "44030519900101123X", "王五", "同心社工", "高级", "2022G110003", "2022-12-01", "2022-09-20", ""},        // unknown level
	{"4", "44030519900101123X", "王五", "同心社工", "assistant", "2022S110001", "2022-12-01", "2022-09-20", ""}, // same management number as row 2
	{"", "", "", "", "", "", "", "", ""},
	{"6", "44030519900101123X", "王五", "同心社工", "senior", "2023G110004", "2023-12-01", "2024-09-20", ""},  // issued before passed
	{"7", "E12345678", "Anna Li", "", "助理社会工作师", "2024Z110005", "45627", "2024-09-20", "138 0013 8001"}, // a date cell's serial number
}

// Every bad row is named, in row order, whether its cell does not read or
// its record breaks a rule.
func TestImportSheetReportsEveryBadRow(t *testing.T) {
	for _, name := range []string{"staff.xlsx", "staff.csv"} {
		in := importInstallation(t)
		rep, err := in.svc.ImportSheet(ctx, name, bytes.NewReader(sheetFile(t, name, agencySheet)), true, false)
		if err != nil {
			t.Fatal(err)
		}
		want := "3 身份证号 err.id.checksum, 4 证书级别 err.level.unknown, 5 证书管理号 err.sheet.mno_twice, 7 签发日期 err.date.issued_before_passed"
		if got := errorList(rep); got != want {
			t.Errorf("%s: errors\n%s\nwant\n%s", name, got, want)
		}
		if rep.Rows != 6 || !rep.Refused() {
			t.Errorf("%s: %+v", name, rep)
		}
		rep, err = in.svc.ImportSheet(ctx, name, bytes.NewReader(sheetFile(t, name, agencySheet)), false, true)
		if err != nil || rep.Imported != 4 || !rep.Written {
			t.Fatalf("%s: the good rows: %+v %v", name, rep, err)
		}
		if got := in.state(t); got != "Anna Li passport E12345678 13800138001  ; 2024Z110005 assistant 2024 2024-09-20 2024-12-01 人力资源和社会保障部 民政部 valid;"+
			"张三 resident 11010519491231002X 13800138000 阳光社工 ; 2022S110001 social_worker 2022 2022-09-20 2022-12-01 人力资源和社会保障部 民政部 valid;" {
			t.Errorf("%s: saved %s", name, got)
		}
	}
}

// A dry run reports what the import then does: the same counts, changes
// and bad rows, on the same file and the same saved records; and it writes
// nothing.
func TestDryRunReportsWhatTheImportDoes(t *testing.T) {
	saved := [][]string{
		{"姓名", "身份证号", "手机", "工作单位", "级别", "管理号", "考试年份", "合格日期", "发证日期", "发证机关", "证书状态"},
		{"张三", "11010519491231002X", "13800138000", "阳光社工", "社会工作师", "2022S110001", "2021", "2022-06-20", "2022-12-01", "北京市民政局", "无效"},
		{"王五", "44030519900101123X", "", "同心社工", "助理社会工作师", "2023Z110003", "2023", "2023-09-20", "2023-12-01", "", ""},
	}
	header := []string{"姓名", "身份证号", "手机", "工作单位", "级别", "管理号", "合格日期", "发证日期", "证书状态"}
	cases := []struct {
		what   string
		rows   [][]string
		counts string // imported, updated, unchanged, bad rows
		errors string
	}{
		{"the saved sheet again, without the exam year and issuer columns", [][]string{
			{"张三", "11010519491231002X", "", "阳光社工", "社会工作师", "2022S110001", "2022-06-20", "2022-12-01", ""},
			{"王五", "44030519900101123X", "", "同心社工", "助理社会工作师", "2023Z110003", "2023-09-20", "2023-12-01", ""},
		}, "0 0 4 0", ""},
		{"a new person with two certificates, the second row giving a phone", [][]string{
			{"李四", "110105198001011238", "", "阳光社工", "助理社会工作师", "2020Z110010", "2020-06-20", "2020-12-01", ""},
			{"李四", "110105198001011238", "13900139000", "阳光社工", "社会工作师", "2024S110011", "2024-06-20", "2024-12-01", ""},
		}, "3 0 0 0", ""},
		{"a saved person changed on one row and named again on the next", [][]string{
			{"王五", "44030519900101123X", "13700137000", "", "助理社会工作师", "2023Z110003", "", "", "无效"},
			{"王五", "44030519900101123X", "", "", "社会工作师", "2025S440001", "2025-06-20", "2025-12-01", ""},
		}, "1 2 0 0", ""},
		{"one sheet giving one ID number two names", [][]string{
			{"李四", "110105198001011238", "", "", "助理社会工作师", "2020Z110010", "2020-06-20", "2020-12-01", ""},
			{"李思", "110105198001011238", "", "", "社会工作师", "2024S110011", "2024-06-20", "2024-12-01", ""},
		}, "0 0 0 1", "3 姓名 err.import.name_differs"},
		{"a rename, another holder's certificate, a level changed, and a good row", [][]string{
			{"张叁", "11010519491231002X", "", "", "社会工作师", "2024S110009", "2024-06-20", "2024-12-01", ""},
			{"王五", "44030519900101123X", "", "", "社会工作师", "2022S110001", "2022-06-20", "2022-12-01", ""},
			{"李四", "110105198001011238", "", "", "助理社会工作师", "2020Z110010", "2020-06-20", "2020-12-01", ""},
			{"王五", "44030519900101123X", "", "", "社会工作师", "2023Z110003", "2023-09-20", "2023-12-01", ""},
		}, "0 0 0 3", "2 姓名 err.import.name_differs, 3 管理号 err.import.mno_other_holder, 5 级别 err.import.level_differs"},
		{"a good row after a bad cell", [][]string{
			{"李四", "110105198001011238", "", "", "大师", "2020Z110010", "2020-06-20", "2020-12-01", ""},
			{"张三", "11010519491231002X", "", "新单位", "社会工作师", "2022S110001", "", "", ""},
		}, "0 0 0 1", "2 级别 err.level.unknown"},
	}
	for _, tc := range cases {
		for _, goodOnly := range []bool{false, true} {
			in := importInstallation(t)
			if rep, err := in.svc.ImportSheet(ctx, "saved.csv", bytes.NewReader(sheetFile(t, "saved.csv", saved)), false, false); err != nil || !rep.Written {
				t.Fatalf("saving: %+v %v", rep, err)
			}
			before := in.state(t)
			file := sheetFile(t, "staff.xlsx", append([][]string{header}, tc.rows...))
			dry, err := in.svc.ImportSheet(ctx, "staff.xlsx", bytes.NewReader(file), true, goodOnly)
			if err != nil {
				t.Fatal(err)
			}
			if after := in.state(t); after != before {
				t.Fatalf("%s: the dry run wrote:\n%s\n%s", tc.what, before, after)
			}
			real, err := in.svc.ImportSheet(ctx, "staff.xlsx", bytes.NewReader(file), false, goodOnly)
			if err != nil {
				t.Fatal(err)
			}
			dryJSON, _ := json.Marshal(dry)
			realJSON, _ := json.Marshal(real)
			dryJSON = bytes.Replace(dryJSON, []byte(`"dry_run":true,"written":false`), []byte(`"dry_run":false,"written":`+fmt.Sprint(real.Written)), 1)
			if !bytes.Equal(dryJSON, realJSON) || errorList(dry) != errorList(real) {
				t.Errorf("%s (good only %v): the dry run said\n%s\nthe import did\n%s", tc.what, goodOnly, dryJSON, realJSON)
			}
			counts := fmt.Sprintf("%d %d %d %d", real.Imported, real.Updated, real.Unchanged, len(real.Errors))
			if !goodOnly && counts != tc.counts || errorList(real) != tc.errors {
				t.Errorf("%s: counts %s, errors %q; want %s, %q", tc.what, counts, errorList(real), tc.counts, tc.errors)
			}
			if wrote := in.state(t) != before; wrote != (real.Imported+real.Updated > 0) || real.Refused() && wrote {
				t.Errorf("%s (good only %v): wrote %v, report %+v", tc.what, goodOnly, wrote, real)
			}
		}
	}
}

// The report lists every change to a saved record, field by field in the
// sheet's own column names, and each new record.
func TestImportReportListsTheChanges(t *testing.T) {
	in := importInstallation(t)
	header := []string{"姓名", "身份证号", "手机", "工作单位", "级别", "管理号", "合格日期", "发证日期", "证书状态"}
	first := sheetFile(t, "a.csv", [][]string{header,
		{"张三", "11010519491231002X", "13800138000", "阳光社工", "社会工作师", "2022S110001", "2022-06-20", "2022-12-01", ""}})
	rep, err := in.svc.ImportSheet(ctx, "a.csv", bytes.NewReader(first), false, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := changeList(rep); got != "2 holder new 张三 11010519491231002X; 2 certificate new 张三 2022S110001" {
		t.Errorf("first import: %s", got)
	}
	second := sheetFile(t, "b.csv", [][]string{header,
		{"张三", "11010519491231002X", "13900139000", "", "社会工作师", "2022S110001", "", "2022-12-02", "无效"},
		{"张三", "11010519491231002X", "", "", "高级社会工作师", "2025G110001", "2025-06-20", "2025-12-01", ""}})
	rep, err = in.svc.ImportSheet(ctx, "b.csv", bytes.NewReader(second), true, false)
	if err != nil {
		t.Fatal(err)
	}
	want := "2 holder updated 张三 11010519491231002X [手机 phone: 13800138000 → 13900139000]; " +
		"2 certificate updated 张三 2022S110001 [发证日期 issued_on: 2022-12-01 → 2022-12-02, 证书状态 status: valid → revoked]; " +
		"3 certificate new 张三 2025G110001"
	if got := changeList(rep); got != want {
		t.Errorf("changes\n%s\nwant\n%s", got, want)
	}
	if rep.Imported != 1 || rep.Updated != 2 || rep.Unchanged != 0 {
		t.Errorf("counts %+v", rep)
	}
}

func changeList(rep *ImportReport) string {
	var out []string
	for _, c := range rep.Changes {
		s := fmt.Sprintf("%d %s %s %s %s", c.Row, c.Record, c.Outcome, c.Name, c.IDNumber)
		if c.Record == "certificate" {
			s = fmt.Sprintf("%d %s %s %s %s", c.Row, c.Record, c.Outcome, c.Name, c.MNo)
		}
		var fs []string
		for _, f := range c.Fields {
			fs = append(fs, fmt.Sprintf("%s %s: %s → %s", f.Column, f.Field, f.Old, f.New))
		}
		if len(fs) > 0 {
			s += " [" + strings.Join(fs, ", ") + "]"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

// The template as saved imports nothing and says its example was skipped;
// rows filled in below it are imported.
func TestTemplateImportsNothingButWhatWasFilledIn(t *testing.T) {
	in := importInstallation(t)
	for _, name := range []string{"t.xlsx", "t.csv"} {
		rows := [][]string{sheet.TemplateHeader, sheet.TemplateExample}
		rep, err := in.svc.ImportSheet(ctx, name, bytes.NewReader(sheetFile(t, name, rows)), false, false)
		if err != nil || rep.Rows != 0 || rep.Imported != 0 || fmt.Sprint(rep.Skipped) != "[2]" || rep.Refused() {
			t.Fatalf("%s: %+v %v", name, rep, err)
		}
		if got := in.state(t); got != "" {
			t.Fatalf("%s: the example was saved: %s", name, got)
		}
	}
}
