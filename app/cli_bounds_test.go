package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// import and key trust read a regular file of bounded size only: a
// folder, a device, a pipe or a file larger than the bound is refused
// before a byte of it is read, naming it (exit 2, nothing imported).
func TestImportAndKeyTrustReadRegularFilesOnly(t *testing.T) {
	r := newRun(t)
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.csv")
	if err := os.WriteFile(huge, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 200<<20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	type refusal struct{ path, want string }
	sheets := []refusal{
		{dir, "is a folder"},
		{huge, "This spreadsheet is 200.0 MB; SWCert imports files of at most 128 MB"},
		{os.DevNull, "is not a file (a device, a pipe or a socket)"},
	}
	keys := []refusal{{dir, "is a folder"}, {os.DevNull, "is not a file"}, {huge, "This is not an SWCert public key file"}}
	if _, err := os.Stat("/dev/zero"); err == nil {
		sheets = append(sheets, refusal{"/dev/zero", "is not a file"})
		keys = append(keys, refusal{"/dev/zero", "is not a file"})
	}
	if pipe := filepath.Join(dir, "pipe.csv"); mkfifo(pipe) == nil { // nobody writes: read, it would wait
		sheets = append(sheets, refusal{pipe, "is not a file"})
		keys = append(keys, refusal{pipe, "is not a file"})
	}
	for _, f := range sheets {
		code, out, errs := r.do("import", f.path)
		if code != ExitInvalid || !strings.Contains(errs, f.want) || out != "" {
			t.Errorf("import %s: exit %d, %q %q", f.path, code, out, errs)
		}
	}
	for _, f := range keys {
		code, _, errs := r.do("key", "trust", f.path)
		if code != ExitInvalid || !strings.Contains(errs, f.want) {
			t.Errorf("key trust %s: exit %d, %q", f.path, code, errs)
		}
	}
	var hs []holderJSON
	r.ok(&hs, "holder", "list")
	if len(hs) != 0 {
		t.Errorf("imported %d holders", len(hs))
	}
}

// Each count flag has a range, and a value outside it is refused naming the
// flag and the range, before it reaches arithmetic that would overflow:
// `due --within 999999999999999999` said "Nothing needs attention" (the
// date it reached wrapped round), a far --now made every overdue item
// "106751 days overdue".
func TestCountFlagsAndTheClockAreBounded(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X")
	refused := []struct {
		args []string
		want string
	}{
		{[]string{"holder", "list", "--search", "张", "--offset", "999999999999999999", "--limit", "999999999999999999"}, "--limit must be from 1 to 1,000,000, not 999999999999999999"},
		{[]string{"holder", "list", "--search", "张", "--offset", "1000000001"}, "--offset must be from 0 to 1,000,000,000"},
		{[]string{"holder", "list", "--limit", "0"}, "--limit must be from 1 to 1,000,000, not 0"},
		{[]string{"due", "--within", "999999999999999999"}, "--within must be from 0 to 36,500, not 999999999999999999"},
		{[]string{"due", "--within", "36501"}, "--within must be from 0 to 36,500"},
		{[]string{"export", "ics", "--within", "36501", "--out", filepath.Join(t.TempDir(), "x.ics")}, "--within must be from 0 to 36,500"},
		{[]string{"demo", "--holders", "1000001"}, "--holders must be from 1 to 1,000,000"},
		{[]string{"--now", "9999-12-31", "due"}, `--now: "9999-12-31" is outside the years 2000 to 2199`},
		{[]string{"--now", "1999-12-31", "due"}, `--now: "1999-12-31" is outside the years 2000 to 2199`},
	}
	for _, c := range refused {
		code, out, errs := r.do(c.args...)
		if code != ExitInvalid || !strings.Contains(errs, c.want) || out != "" {
			t.Errorf("%v: exit %d, %q %q", c.args, code, out, errs)
		}
	}
	var hs []holderJSON
	r.ok(&hs, "holder", "list", "--search", "张", "--offset", "1000000000", "--limit", "1000000")
	if len(hs) != 0 {
		t.Errorf("past the end: %+v", hs)
	}
	r.ok(nil, "due", "--within", "36500")
	r.ok(nil, "--now", "2199-12-31", "due")
	r.ok(nil, "--now", "2000-01-01", "due")
}
