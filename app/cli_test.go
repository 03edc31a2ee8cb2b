package app

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// run is the binary's entry point on a temporary database, fixed clock.
type run struct {
	t   *testing.T
	db  string
	now string // --now; 2026-11-22 when ""
}

func newRun(t *testing.T) *run {
	return &run{t: t, db: filepath.Join(t.TempDir(), "cli.db")}
}

func (r *run) do(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	now := r.now
	if now == "" {
		now = "2026-11-22"
	}
	all := append([]string{"--db", r.db, "--now", now, "--lang", "en"}, args...)
	code = Main(all, &out, &errb)
	return code, out.String(), errb.String()
}

// ok runs a --json command that must succeed and decodes its output.
func (r *run) ok(v any, args ...string) {
	r.t.Helper()
	code, out, errs := r.do(append([]string{"--json"}, args...)...)
	if code != 0 {
		r.t.Fatalf("swcert %v: exit %d, stderr %q", args, code, errs)
	}
	if v != nil {
		if err := json.Unmarshal([]byte(out), v); err != nil {
			r.t.Fatalf("swcert %v: output is not JSON: %v\n%s", args, err, out)
		}
	}
}

type holderJSON struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	IDType   string `json:"id_type"`
	IDNumber string `json:"id_number"`
	Phone    string `json:"phone"`
	Org      string `json:"org"`
	Region   string `json:"region"`
	Demo     bool   `json:"demo"`
}

type certJSON struct {
	ID              int64  `json:"id"`
	HolderID        int64  `json:"holder_id"`
	Level           string `json:"level"`
	MNo             string `json:"mno"`
	ExamYear        int    `json:"exam_year"`
	PassedOn        string `json:"passed_on"`
	IssuedOn        string `json:"issued_on"`
	Status          string `json:"status"`
	Title           string `json:"title"`
	NeedsAnnotation bool   `json:"needs_annotation"`
}

func TestHolderLifecycle(t *testing.T) {
	r := newRun(t)
	var h holderJSON
	r.ok(&h, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X", "--phone", "13800138000", "--org", "阳光社工", "--region", "北京市")
	if h.ID == 0 || h.Name != "张伟" || h.IDType != "resident" {
		t.Fatalf("created %+v", h)
	}
	// Masked unless --reveal.
	if h.IDNumber != "110105********002X" || h.Phone != "138****8000" {
		t.Errorf("not masked: %q %q", h.IDNumber, h.Phone)
	}
	var full holderJSON
	r.ok(&full, "--reveal", "holder", "show", "1")
	if full.IDNumber != "11010519491231002X" || full.Phone != "13800138000" {
		t.Errorf("--reveal: %q %q", full.IDNumber, full.Phone)
	}

	var edited holderJSON
	r.ok(&edited, "holder", "edit", "1", "--org", "新单位")
	if edited.Org != "新单位" || edited.Name != "张伟" || edited.Region != "北京市" {
		t.Errorf("edit changed more than --org: %+v", edited)
	}

	var list []holderJSON
	r.ok(&list, "holder", "list", "--search", "新单")
	if len(list) != 1 || list[0].ID != h.ID {
		t.Errorf("search: %+v", list)
	}
	r.ok(&list, "holder", "list", "--search", "nobody")
	if len(list) != 0 {
		t.Errorf("search nobody: %+v", list)
	}

	var c certJSON
	r.ok(&c, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2022031100000123", "--exam-year", "2022", "--passed-on", "2022-09-01", "--issued-on", "2022-11-20")
	if c.ID == 0 || c.Title != "intermediate" || !c.NeedsAnnotation || c.Status != "valid" {
		t.Errorf("cert %+v", c)
	}
	r.ok(&list, "holder", "list", "--search", "2022031100")
	if len(list) != 1 {
		t.Errorf("search by management number: %+v", list)
	}
	var c2 certJSON
	r.ok(&c2, "cert", "edit", "1", "--issued-on", "2021-12-16", "--passed-on", "2021-09-01", "--exam-year", "2021")
	if c2.NeedsAnnotation || c2.IssuedOn != "2021-12-16" || c2.MNo != c.MNo {
		t.Errorf("cert edit %+v", c2)
	}
	var certs []certJSON
	r.ok(&certs, "cert", "list", "--holder", "1")
	if len(certs) != 1 {
		t.Errorf("cert list %+v", certs)
	}

	r.ok(nil, "holder", "delete", "1")
	code, _, errs := r.do("cert", "show", "1")
	if code != 2 || !strings.Contains(errs, "No certificate with ID 1") {
		t.Errorf("certificate survived its holder: %d %q", code, errs)
	}
}

func TestInvalidInputExit2NamesField(t *testing.T) {
	r := newRun(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"holder", "add", "--name", "王芳", "--id-number", "110105194912310021"}, "id_number (ID number): The check character does not match: it should be X"},
		{[]string{"holder", "add", "--id-number", "11010519491231002X"}, "name (Name): Required"},
		{[]string{"holder", "add", "--name", "王芳", "--id-number", "11010519491231002X", "--phone", "12345"}, "phone (Mobile): A mobile number has 11 digits"},
		{[]string{"holder", "add", "--name", "王芳", "--id-number", "11010519491231002X", "--id-type", "alien"}, "id_type (ID type): Unknown ID type"},
		{[]string{"holder", "add", "--nmae", "x"}, "Unknown flag --nmae"},
		{[]string{"holder", "show", "abc"}, `"abc" is not an ID`},
		{[]string{"holder", "show", "7"}, "No holder with ID 7"},
		{[]string{"cert", "add", "--holder", "1", "--level", "boss"}, `level (Level): Unknown level "boss"`},
		{[]string{"frobnicate"}, `Unknown command "frobnicate"`},
	}
	for _, c := range cases {
		code, out, errs := r.do(c.args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", c.args, code, errs)
		}
		if !strings.Contains(errs, c.want) {
			t.Errorf("%v: stderr %q, want it to contain %q", c.args, errs, c.want)
		}
		if out != "" {
			t.Errorf("%v: printed %q on stdout", c.args, out)
		}
		if strings.Contains(errs, "sqlite") || strings.Contains(errs, "SQL") {
			t.Errorf("%v: SQL text reached the user: %q", c.args, errs)
		}
	}
	var list []holderJSON
	r.ok(&list, "holder", "list")
	if len(list) != 0 {
		t.Errorf("invalid input saved something: %+v", list)
	}
}

func TestDuplicatesRefused(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X")
	code, _, errs := r.do("holder", "add", "--name", "张伟", "--id-number", "11010519491231002x")
	if code != 2 || !strings.Contains(errs, "id_number") || !strings.Contains(errs, "already saved") {
		t.Errorf("duplicate ID: %d %q", code, errs)
	}
	args := []string{"cert", "add", "--holder", "1", "--level", "assistant", "--mno", "A1234567", "--exam-year", "2020", "--passed-on", "2020-09-01", "--issued-on", "2020-11-01"}
	r.ok(nil, args...)
	code, _, errs = r.do(args...)
	if code != 2 || !strings.Contains(errs, "mno (Management no.)") {
		t.Errorf("duplicate mno: %d %q", code, errs)
	}
}

func TestJSONErrorAndChinese(t *testing.T) {
	r := newRun(t)
	var out, errb bytes.Buffer
	code := Main([]string{"--db", r.db, "--now", "2026-11-22", "--lang", "zh", "--json", "holder", "add", "--name", "王芳", "--id-number", "110105194912310021"}, &out, &errb)
	if code != 2 {
		t.Fatalf("exit %d", code)
	}
	var e struct {
		Error struct{ Code, Field, Message string }
	}
	if err := json.Unmarshal(errb.Bytes(), &e); err != nil {
		t.Fatalf("stderr not JSON: %q", errb.String())
	}
	if e.Error.Code != "invalid" || e.Error.Field != "id_number" || e.Error.Message != "校验位不符：应为 X，请逐位核对。" {
		t.Errorf("%+v", e.Error)
	}
}

func TestNowFlagAndEnvironment(t *testing.T) {
	r := newRun(t)
	// A certificate issued "today" is accepted; tomorrow is in the future.
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X")
	code, _, errs := r.do("cert", "add", "--holder", "1", "--level", "assistant", "--mno", "A1234567", "--exam-year", "2026", "--passed-on", "2026-11-22", "--issued-on", "2026-11-23")
	if code != 2 || !strings.Contains(errs, "issued_on") || !strings.Contains(errs, "future") {
		t.Errorf("--now not used: %d %q", code, errs)
	}
	var out, errb bytes.Buffer
	t.Setenv("SWCERT_NOW", "2026-11-23T09:00:00+08:00")
	code = Main([]string{"--db", r.db, "--lang", "en", "cert", "add", "--holder", "1", "--level", "assistant", "--mno", "A1234567", "--exam-year", "2026", "--passed-on", "2026-11-22", "--issued-on", "2026-11-23"}, &out, &errb)
	if code != 0 {
		t.Errorf("SWCERT_NOW not used: %d %q", code, errb.String())
	}
	code, _, errs = r.do("--now", "yesterday", "holder", "list")
	if code != 0 && !strings.Contains(errs, "--now") {
		t.Errorf("bad --now: %d %q", code, errs)
	}
}

func TestDemoCommand(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "demo")
	var list []holderJSON
	r.ok(&list, "holder", "list", "--limit", "1000")
	if len(list) != 40 {
		t.Fatalf("demo holders = %d, want 40", len(list))
	}
	for _, h := range list {
		if !h.Demo {
			t.Errorf("%s not marked demo", h.Name)
		}
	}
	var certs []certJSON
	r.ok(&certs, "cert", "list")
	levels := map[string]bool{}
	before, after := false, false
	for _, c := range certs {
		levels[c.Level] = true
		if c.NeedsAnnotation {
			after = true
		} else {
			before = true
		}
	}
	if len(levels) != 3 || !before || !after {
		t.Errorf("demo certificates: levels %v, before/after 2021-12-17: %v/%v", levels, before, after)
	}
}

// Found by using it: cert show and cert list printed the holder as a bare
// number ("Holder: 1"). The ID stays (the commands take it) with the name
// beside it.
func TestCertTextNamesTheHolder(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2022031100001", "--exam-year", "2021", "--passed-on", "2021-09-01", "--issued-on", "2022-03-11")
	for _, args := range [][]string{{"cert", "show", "1"}, {"cert", "list"},
		{"ce", "add", "--holder", "1", "--kind", "online", "--title", "伦理", "--hours", "3", "--date", "2026-01-05"}} {
		code, out, errs := r.do(args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %q", args, code, errs)
		}
		if !strings.Contains(out, "1 张伟") {
			t.Errorf("%v does not name the holder:\n%s", args, out)
		}
	}
	// A certificate by its management number beside its ID.
	for _, args := range [][]string{{"reg", "add", "--cert", "1", "--kind", "first", "--status", "pending", "--applied-on", "2022-10-01"},
		{"annotate", "apply", "--cert", "1"}} {
		code, out, errs := r.do(args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %q", args, code, errs)
		}
		if !strings.Contains(out, "1 2022031100001") {
			t.Errorf("%v does not name the certificate:\n%s", args, out)
		}
	}
}
