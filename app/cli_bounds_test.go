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
