package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	goical "github.com/emersion/go-ical"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/sheet"
)

type importJSON struct {
	Rows     int  `json:"rows"`
	Imported int  `json:"imported"`
	Updated  int  `json:"updated"`
	Written  bool `json:"written"`
	Errors   []struct {
		Row     int    `json:"row"`
		Column  string `json:"column"`
		Message string `json:"message"`
	} `json:"errors"`
}

func writeSheet(t *testing.T, path string, rows [][]string) {
	t.Helper()
	var b bytes.Buffer
	if err := sheet.Write(path, &b, rows[0], rows[1:]); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestImportAndRoster(t *testing.T) {
	r := newRun(t)
	dir := t.TempDir()
	staff := filepath.Join(dir, "staff.xlsx")
	writeSheet(t, staff, [][]string{
		{"姓名", "身份证号", "工作单位", "级别", "管理号", "考试年份", "合格日期", "发证日期", "手机"},
		{"张三", "11010519491231002X", "阳光社工", "社会工作师", "2022S110001", "2022", "2022-09-20", "2022-12-01", "13800138000"},
		{"李四", "110105194912310021", "阳光社工", "助理社会工作师", "2022Z110002", "2022", "2022-09-20", "2022-12-01", ""},
		{"王五", "44030519900101123X", "同心社工", "senior", "2023G110003", "2023", "2023-09-20", "2023-12-01", ""},
	})

	// Any bad row: nothing is written, exit 2, the report names it.
	code, stdout, _ := r.do("import", staff)
	if code != 2 || !strings.Contains(stdout, "row 3, 身份证号") || !strings.Contains(stdout, "Nothing was imported") {
		t.Fatalf("import with a bad row: %d\n%s", code, stdout)
	}
	var list []holderJSON
	r.ok(&list, "holder", "list")
	if len(list) != 0 {
		t.Fatalf("%d holders after a refused import", len(list))
	}
	// The dry run says the same, and exits as the import did.
	code, dry := r.importJSONOf(staff, "--dry-run")
	if code != 2 || dry.Rows != 3 || len(dry.Errors) != 1 || dry.Errors[0].Row != 3 || dry.Errors[0].Column != "身份证号" || dry.Written || dry.Imported != 0 {
		t.Errorf("dry run: exit %d %+v", code, dry)
	}
	var rep importJSON
	r.ok(&rep, "import", staff, "--skip-invalid")
	if rep.Imported != 4 || !rep.Written { // 2 holders and 2 certificates
		t.Fatalf("import %+v", rep)
	}
	// The same file again: nothing new.
	r.ok(&rep, "import", staff, "--skip-invalid")
	if rep.Imported != 0 || rep.Updated != 0 {
		t.Errorf("re-import %+v", rep)
	}

	// The roster, in both formats, reads back the same, and imports again
	// without creating anything.
	for _, name := range []string{"roster.xlsx", "roster.csv"} {
		out := filepath.Join(dir, name)
		r.ok(nil, "export", "roster", "--out", out)
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		tab, err := sheet.Read(name, f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(tab.Rows) != 2 || tab.Rows[0][0] != "张三" || tab.Rows[0][2] != "11010519491231002X" || tab.Rows[1][7] != "2023G110003" {
			t.Errorf("%s read back: %v", name, tab.Rows)
		}
		r.ok(&rep, "import", out)
		if rep.Imported != 0 || rep.Updated != 0 || len(rep.Errors) != 0 {
			t.Errorf("%s imported again: %+v", name, rep)
		}
	}

	// An edited sheet updates by ID number and management number.
	writeSheet(t, staff, [][]string{
		{"name", "id number", "employer", "level", "mno", "passed on", "issued on"},
		{"张三", "11010519491231002X", "新单位", "social_worker", "2022S110001", "2022-09-20", "2022-12-01"},
	})
	r.ok(&rep, "import", staff)
	if rep.Updated != 1 || rep.Imported != 0 {
		t.Errorf("update %+v", rep)
	}
	var h holderJSON
	r.ok(&h, "--reveal", "holder", "show", "1")
	if h.Org != "新单位" || h.Phone != "13800138000" {
		t.Errorf("after update %+v (an empty cell must keep the phone)", h)
	}
}

func TestDueAndCalendar(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "张三", "--id-number", "11010519491231002X")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2026S110001", "--exam-year", "2026", "--passed-on", "2026-03-20", "--issued-on", "2026-06-01")
	r.ok(nil, "paper", "set", "--cert", "1", "--method", "onsite", "--window-end", "2026-12-10")
	var due []struct {
		HolderID int64  `json:"holder_id"`
		CertID   int64  `json:"cert_id"`
		Kind     string `json:"kind"`
		DueOn    string `json:"due_on"`
		DaysLeft int    `json:"days_left"`
		Message  string `json:"message"`
	}
	r.ok(&due, "due", "--within", "30")
	if len(due) != 1 || due[0].Kind != "paper" || due[0].DueOn != "2026-12-10" || due[0].DaysLeft != 18 || !strings.Contains(due[0].Message, "never reissued") {
		t.Fatalf("due %+v", due)
	}
	r.ok(&due, "due")
	if len(due) != 2 || due[1].Kind != "registration" || due[1].DueOn != "2027-03-20" {
		t.Errorf("all due %+v", due)
	}
	ics := filepath.Join(t.TempDir(), "deadlines.ics")
	r.ok(nil, "export", "ics", "--out", ics)
	f, err := os.Open(ics)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cal, err := goical.NewDecoder(f).Decode()
	if err != nil {
		t.Fatalf("not iCalendar: %v", err)
	}
	if ev := cal.Events(); len(ev) != 2 {
		t.Errorf("%d events", len(ev))
	}
	// The dashboard's other filters and its grouping, as flags of both.
	r.ok(nil, "holder", "add", "--name", "李娜", "--id-number", "44030519900101123X", "--org", "阳光社工")
	r.ok(nil, "cert", "add", "--holder", "2", "--level", "assistant", "--mno", "2026Z440001", "--exam-year", "2026", "--passed-on", "2026-03-20", "--issued-on", "2026-06-01")
	r.ok(&due, "due", "--search", "阳光")
	if len(due) != 1 || due[0].HolderID != 2 {
		t.Errorf("--search 阳光: %+v", due)
	}
	r.ok(&due, "due", "--level", "社会工作师")
	if len(due) != 2 || due[0].HolderID != 1 || due[1].HolderID != 1 {
		t.Errorf("--level 社会工作师: %+v", due)
	}
	r.ok(&due, "due", "--group", "kind")
	if len(due) != 3 || due[0].Kind != "registration" || due[1].Kind != "registration" || due[2].Kind != "paper" {
		t.Errorf("--group kind: %+v", due)
	}
	r.ok(nil, "export", "ics", "--out", ics, "--search", "阳光")
	if b, _ := os.ReadFile(ics); strings.Count(string(b), "BEGIN:VEVENT") != 1 {
		t.Errorf("calendar of --search 阳光:\n%s", b)
	}
	for _, bad := range [][]string{{"--kind", "nonsense"}, {"--level", "master"}, {"--group", "name"}, {"--within", "-1"}} {
		if code, _, stderr := r.do(append([]string{"due"}, bad...)...); code != 2 || !strings.Contains(stderr, bad[0]) {
			t.Errorf("due %v: exit %d, %q", bad, code, stderr)
		}
	}
}

// importFull is what the JSON of `import` says, with the changes.
type importFull struct {
	Rows      int  `json:"rows"`
	Imported  int  `json:"imported"`
	Updated   int  `json:"updated"`
	Unchanged int  `json:"unchanged"`
	DryRun    bool `json:"dry_run"`
	Written   bool `json:"written"`
	Errors    []struct {
		Row     int    `json:"row"`
		Column  string `json:"column"`
		Message string `json:"message"`
	} `json:"errors"`
	Skipped []struct {
		Row     int    `json:"row"`
		Message string `json:"message"`
	} `json:"skipped"`
	Changes []struct {
		Row     int    `json:"row"`
		Record  string `json:"record"`
		Outcome string `json:"outcome"`
		Name    string `json:"name"`
		MNo     string `json:"mno"`
		Fields  []struct {
			Field  string `json:"field"`
			Column string `json:"column"`
			Old    string `json:"old"`
			New    string `json:"new"`
		} `json:"fields"`
	} `json:"changes"`
}

// counts are what a dry run must predict of the real run.
func (r importFull) counts() string {
	return fmt.Sprintf("rows %d, imported %d, updated %d, unchanged %d, errors %d", r.Rows, r.Imported, r.Updated, r.Unchanged, len(r.Errors))
}

// importJSONOf runs `import` with --json and decodes what it printed,
// whatever the exit status.
func (r *run) importJSONOf(args ...string) (int, importFull) {
	r.t.Helper()
	code, out, stderr := r.do(append([]string{"--json", "import"}, args...)...)
	var rep importFull
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		r.t.Fatalf("import %v: exit %d, not JSON: %v\n%s\n%s", args, code, err, out, stderr)
	}
	return code, rep
}

var fullSheet = [][]string{
	{"姓名", "身份证号", "手机", "工作单位", "级别", "管理号", "考试年份", "合格日期", "发证日期", "发证机关", "证书状态"},
	{"张三", "11010519491231002X", "13800138000", "阳光社工", "社会工作师", "2022S110001", "2021", "2022-06-20", "2022-12-01", "北京市民政局", "无效"},
	{"王五", "44030519900101123X", "", "同心社工", "助理社会工作师", "2023Z110003", "2023", "2023-09-20", "2023-12-01", "", ""},
}

// The issue: a sheet without the status, issuer or exam-year column reset
// them to the defaults; the dry run said nothing of what would change.
func TestReimportKeepsWhatTheSheetDoesNotSay(t *testing.T) {
	r := newRun(t)
	dir := t.TempDir()
	full := filepath.Join(dir, "full.csv")
	writeSheet(t, full, fullSheet)
	r.ok(nil, "import", full)

	part := filepath.Join(dir, "part.xlsx")
	writeSheet(t, part, [][]string{
		{"姓名", "身份证号", "工作单位", "级别", "管理号", "合格日期", "发证日期"},
		{"张三", "11010519491231002X", "新单位", "社会工作师", "2022S110001", "2022-06-20", "2022-12-01"},
		{"王五", "44030519900101123X", "", "助理社会工作师", "2023Z110003", "2023-09-20", "2023-12-20"},
	})
	code, dry := r.importJSONOf(part, "--dry-run")
	if code != 0 || !dry.DryRun || dry.Written {
		t.Fatalf("dry run: exit %d %+v", code, dry)
	}
	if got := dry.counts(); got != "rows 2, imported 0, updated 2, unchanged 2, errors 0" {
		t.Errorf("dry run: %s", got)
	}
	var changes []string
	for _, c := range dry.Changes {
		for _, f := range c.Fields {
			changes = append(changes, fmt.Sprintf("row %d %s %s %s: %s → %s", c.Row, c.Record, c.Outcome, f.Column, f.Old, f.New))
		}
	}
	if want := "row 2 holder updated 工作单位: 阳光社工 → 新单位|row 3 certificate updated 发证日期: 2023-12-01 → 2023-12-20"; strings.Join(changes, "|") != want {
		t.Errorf("changes\n%s\nwant\n%s", strings.Join(changes, "|"), want)
	}
	var h holderJSON
	if r.ok(&h, "holder", "show", "1"); h.Org != "阳光社工" {
		t.Fatalf("the dry run wrote: %+v", h)
	}
	_, text, _ := r.do("import", part, "--dry-run")
	for _, want := range []string{"row 2, holder 张三: 工作单位: 阳光社工 → 新单位", "row 3, certificate 2023Z110003 of 王五: 发证日期: 2023-12-01 → 2023-12-20", "nothing was written"} {
		if !strings.Contains(text, want) {
			t.Errorf("dry run text lacks %q:\n%s", want, text)
		}
	}

	code, real := r.importJSONOf(part)
	if code != 0 || !real.Written || real.counts() != dry.counts() {
		t.Errorf("real run: exit %d, %s; the dry run said %s", code, real.counts(), dry.counts())
	}
	var c struct {
		certJSON
		Issuer string `json:"issuer"`
	}
	r.ok(&c, "cert", "show", "1")
	if c.Status != "revoked" || c.Issuer != "北京市民政局" || c.ExamYear != 2021 {
		t.Errorf("a column the sheet lacks was reset: %+v", c)
	}
	r.ok(&h, "--reveal", "holder", "show", "1")
	if h.Org != "新单位" || h.Phone != "13800138000" {
		t.Errorf("holder after the re-import %+v", h)
	}
	if _, again := r.importJSONOf(part); again.counts() != "rows 2, imported 0, updated 0, unchanged 4, errors 0" || len(again.Changes) != 0 {
		t.Errorf("the same sheet again: %s %+v", again.counts(), again.Changes)
	}
}

// The issue: a row with a saved ID number and another name renamed that
// person. Another holder's management number, or a saved certificate's
// level, are refused the same way: the row is about someone else.
func TestImportRefusesToRenameOrReassign(t *testing.T) {
	r := newRun(t)
	dir := t.TempDir()
	full := filepath.Join(dir, "full.csv")
	writeSheet(t, full, fullSheet)
	r.ok(nil, "import", full)

	first17 := "11010519800101123"
	li := first17 + string(data.IDCheckChar(first17))
	bad := filepath.Join(dir, "bad.csv")
	writeSheet(t, bad, [][]string{
		{"姓名", "身份证号", "级别", "管理号", "合格日期", "发证日期"},
		{"张叁", "11010519491231002X", "社会工作师", "2024S110009", "2024-06-20", "2024-12-01"},
		{"王五", "44030519900101123X", "社会工作师", "2022S110001", "2022-06-20", "2022-12-01"},
		{"李四", li, "助理社会工作师", "2024Z110004", "2024-06-20", "2024-12-01"},
		{"王五", "44030519900101123X", "社会工作师", "2023Z110003", "2023-09-20", "2023-12-01"},
	})
	code, dry := r.importJSONOf(bad, "--dry-run")
	if code != 2 {
		t.Errorf("dry run with bad rows: exit %d, want 2", code)
	}
	var got []string
	for _, e := range dry.Errors {
		got = append(got, fmt.Sprintf("%d %s", e.Row, e.Column))
	}
	if strings.Join(got, ", ") != "2 姓名, 3 管理号, 5 级别" {
		t.Fatalf("errors %v\n%+v", got, dry.Errors)
	}
	for i, want := range []string{"张三", "张三", "助理社会工作师"} {
		if !strings.Contains(dry.Errors[i].Message, want) {
			t.Errorf("row %d: %q does not name %s", dry.Errors[i].Row, dry.Errors[i].Message, want)
		}
	}
	code, real := r.importJSONOf(bad)
	if code != 2 || real.Written || real.counts() != dry.counts() {
		t.Errorf("real run: exit %d %s; dry run %s", code, real.counts(), dry.counts())
	}
	var hs []holderJSON
	r.ok(&hs, "holder", "list")
	if len(hs) != 2 || hs[0].Name != "张三" && hs[1].Name != "张三" {
		t.Fatalf("holders after a refused import: %+v", hs)
	}

	// The good row alone, when asked; the dry run says so first.
	_, dry = r.importJSONOf(bad, "--dry-run", "--skip-invalid")
	code, real = r.importJSONOf(bad, "--skip-invalid")
	if code != 0 || real.counts() != dry.counts() || real.counts() != "rows 4, imported 2, updated 0, unchanged 0, errors 3" {
		t.Errorf("--skip-invalid: exit %d %s; dry run %s", code, real.counts(), dry.counts())
	}
	r.ok(&hs, "holder", "list")
	if len(hs) != 3 {
		t.Errorf("holders %+v", hs)
	}
	var cs []certJSON
	r.ok(&cs, "cert", "list", "--holder", "1")
	if len(cs) != 1 || cs[0].MNo != "2022S110001" {
		t.Errorf("张三's certificates %+v", cs)
	}
}

// The template's example row never becomes a holder: left in place, it is
// skipped and the report says so.
func TestTemplateExampleRowIsSkipped(t *testing.T) {
	r := newRun(t)
	dir := t.TempDir()
	for _, name := range []string{"template.xlsx", "template.csv"} {
		path := filepath.Join(dir, name)
		r.ok(nil, "export", "template", "--out", path)
		code, rep := r.importJSONOf(path)
		if code != 0 || rep.Imported != 0 || rep.Rows != 0 || len(rep.Skipped) != 1 || rep.Skipped[0].Row != 2 {
			t.Errorf("%s untouched: exit %d %+v", name, code, rep)
		}
		_, text, _ := r.do("import", path)
		if !strings.Contains(text, "row 2: the template's example row") {
			t.Errorf("%s: %s", name, text)
		}
		var hs []holderJSON
		if r.ok(&hs, "holder", "list"); len(hs) != 0 {
			t.Fatalf("%s: the example was imported: %+v", name, hs)
		}

		// Filled in below the example, which stays.
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		tab, err := sheet.Read(name, f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		mine := append([]string{}, tab.Rows[0]...)
		mine[0], mine[2], mine[7] = "王五", "44030519900101123X", "2022S440001"
		writeSheet(t, path, [][]string{tab.Header, tab.Rows[0], mine})
		code, rep = r.importJSONOf(path)
		if code != 0 || rep.Rows != 1 || rep.Imported != 2 || len(rep.Skipped) != 1 {
			t.Errorf("%s filled in: exit %d %+v", name, code, rep)
		}
		r.ok(&hs, "holder", "list")
		if len(hs) != 1 || hs[0].Name != "王五" {
			t.Errorf("%s: holders %+v", name, hs)
		}
		r.ok(nil, "holder", "delete", fmt.Sprint(hs[0].ID))
	}
}

// A management number twice in one sheet: the message names the first
// row, once ("Record 2:" was put before it, as if from a batch).
func TestImportNamesTheRowAManagementNumberIsFirstOn(t *testing.T) {
	r := newRun(t)
	dup := filepath.Join(t.TempDir(), "dup.csv")
	writeSheet(t, dup, [][]string{
		{"姓名", "身份证号", "级别", "管理号", "合格日期", "发证日期"},
		{"张三", "11010519491231002X", "社会工作师", "2022S110001", "2022-06-20", "2022-12-01"},
		{"王五", "44030519900101123X", "社会工作师", "2022S110001", "2022-06-20", "2022-12-01"},
	})
	code, out, _ := r.do("import", dup)
	if want := "row 3, 管理号: This management number is already on row 2.\n"; code != 2 || !strings.HasPrefix(out, want) {
		t.Errorf("exit %d\n%s\nwant it to begin %q", code, out, want)
	}
}
