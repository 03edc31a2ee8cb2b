package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	goical "github.com/emersion/go-ical"

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
	var rep importJSON
	r.ok(&rep, "import", staff, "--dry-run")
	if rep.Rows != 3 || len(rep.Errors) != 1 || rep.Errors[0].Row != 3 || rep.Errors[0].Column != "身份证号" || rep.Written {
		t.Errorf("dry run %+v", rep)
	}
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
