package app

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/i18n"
)

// breakStore makes every read of the annotations fail as a damaged
// database does, with SQL text in the error.
func breakStore(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`ALTER TABLE annotations RENAME TO annotations_gone`); err != nil {
		t.Fatal(err)
	}
}

// "Any internal failure in a batch export is reported as invalid input
// (exit 2) with Go/SQL text in the message": it is an internal error,
// exit 1, a plain sentence on stderr, the detail in swcert.log.
func TestBatchExportStoreFailureIsInternal(t *testing.T) {
	r := newRun(t)
	certWithHolder(r)
	r.ok(nil, "--now", "2026-11-20", "annotate", "apply", "--cert", "1")
	breakStore(t, r.db)
	out := filepath.Join(t.TempDir(), "certs.zip")

	code, stdout, stderr := r.do("export", "certs", "--out", out)
	i18n.SetLanguage(i18n.English)
	if want := "swcert: " + i18n.T("err.internal") + "\n"; code != ExitFailure || stderr != want || stdout != "" {
		t.Errorf("exit %d, stderr %q, stdout %q; want exit 1 and %q", code, stderr, stdout, want)
	}
	for _, leak := range []string{"annotations", "SQL", "sql", "no such table", "store:", "batch:"} {
		if strings.Contains(stderr, leak) {
			t.Errorf("%q reached the person: %q", leak, stderr)
		}
	}
	logged, err := os.ReadFile(filepath.Join(filepath.Dir(r.db), "swcert.log"))
	if err != nil || !strings.Contains(string(logged), "no such table: annotations") {
		t.Errorf("the log lacks the detail (%v):\n%s", err, logged)
	}
	if strings.Contains(string(logged), "11010519491231002X") {
		t.Errorf("the ID number was logged:\n%s", logged)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a ZIP was left at %s (%v)", out, err)
	}

	code, _, stderr = r.do("--json", "export", "certs", "--out", out)
	var e struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal([]byte(stderr), &e); err != nil || code != ExitFailure || e.Error.Code != "internal" || e.Error.Message != i18n.T("err.internal") {
		t.Errorf("--json: exit %d, %q (%v)", code, stderr, err)
	}
}

// Skipped certificates keep their reason in the summary; the batch goes on.
func TestBatchSummaryKeepsApplicationReasons(t *testing.T) {
	r := newRun(t)
	certWithHolder(r) // not annotated: skipped
	code, stdout, stderr := r.do("export", "certs", "--out", filepath.Join(t.TempDir(), "out"))
	if code != ExitOK || !strings.Contains(stdout, "skipped 欧阳娜娜 2022S110001: This certificate needs an annotation") || stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// endless is a standard input that never ends, as `cat /dev/zero |` is.
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	clear(p)
	e.read += int64(len(p))
	return len(p), nil
}

// A path that is not a regular file (/dev/zero, a FIFO) is refused before
// it is read; stdin streaming forever is read to the cap and a byte more,
// then refused with the message, exit 2.
func TestVerifyEndlessInputIsBounded(t *testing.T) {
	r := newRun(t)
	want := "swcert: input (" // the field, then the message
	devices := []string{}
	if _, err := os.Stat("/dev/zero"); err == nil {
		devices = append(devices, "/dev/zero")
	}
	if pipe := filepath.Join(t.TempDir(), "pipe.pdf"); mkfifo(pipe) == nil {
		devices = append(devices, pipe) // nobody writes: read, it would wait
	}
	for _, path := range devices {
		code, stdout, stderr := r.do("verify", path)
		if code != ExitInvalid || !strings.HasPrefix(stderr, want) || !strings.Contains(stderr, "is not a file") || stdout != "" {
			t.Errorf("%s: exit %d, stderr %q", path, code, stderr)
		}
	}
	huge := filepath.Join(t.TempDir(), "huge.pdf")
	os.WriteFile(huge, nil, 0o600)
	if err := os.Truncate(huge, 100<<20); err == nil { // sparse
		if code, _, stderr := r.do("verify", huge); code != ExitInvalid || !strings.Contains(stderr, "larger than 32 MB") {
			t.Errorf("100 MB file: exit %d, stderr %q", code, stderr)
		}
	}
	in := &endless{}
	stdin = in
	defer func() { stdin = os.Stdin }()
	code, _, stderr := r.do("verify", "-")
	if code != ExitInvalid || !strings.Contains(stderr, "larger than 32 MB") {
		t.Errorf("endless stdin: exit %d, stderr %q", code, stderr)
	}
	if in.read > 33<<20 {
		t.Errorf("read %d bytes of an endless input", in.read)
	}
	// A folder or a missing file is said in words.
	for path, msg := range map[string]string{t.TempDir(): "is a folder", filepath.Join(t.TempDir(), "none.pdf"): "there is no such file"} {
		if code, _, stderr := r.do("verify", path); code != ExitInvalid || !strings.Contains(stderr, msg) {
			t.Errorf("%s: exit %d, stderr %q", path, code, stderr)
		}
	}
}
