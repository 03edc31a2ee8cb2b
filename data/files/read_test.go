package files

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

// A stream that never ends is read to the cap and one byte more, no further.
func TestReadAtMostStopsOneByteOverTheCap(t *testing.T) {
	f, err := os.Open("/dev/zero")
	if err != nil {
		t.Skip("no /dev/zero here")
	}
	defer f.Close()
	b, err := ReadAtMost(f, 1000)
	if err != nil || len(b) != 1001 {
		t.Errorf("read %d bytes (%v), want 1001", len(b), err)
	}
	b, err = ReadFile("/dev/zero", 1000)
	if err != nil || len(b) != 1001 {
		t.Errorf("ReadFile(/dev/zero): %d bytes (%v), want 1001", len(b), err)
	}
}

func TestReadFileWholeOrCapPlusOne(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	if err := os.WriteFile(small, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadFile(small, 5); err != nil || string(b) != "hello" {
		t.Errorf("read %q (%v)", b, err)
	}
	if b, err := ReadFile(small, 3); err != nil || string(b) != "hell" {
		t.Errorf("capped at 3: read %q (%v), want the cap and one byte", b, err)
	}
}

// What cannot be read or written is said in words, never in the system's.
func TestFileErrorsInWords(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.pdf")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, errMissing := ReadFile(filepath.Join(dir, "nothing.pdf"), 10)
	_, errFolder := ReadFile(dir, 10)
	_, errUnder := ReadFile(filepath.Join(file, "x"), 10)
	errNoFolder := Write(filepath.Join(dir, "no", "x.pdf"), nil)
	errOverFolder := Write(dir, []byte("x"))
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"a file that is not there", ReadError("input", "nothing.pdf", errMissing), "err.file.not_found"},
		{"a folder given as the file", ReadError("input", dir, errFolder), "err.file.is_folder"},
		{"under a file", ReadError("input", "a.pdf/x", errUnder), "err.file.not_found"},
		{"into a folder that is not there", WriteError("out", "no/x.pdf", errNoFolder), "err.file.no_folder"},
		{"over a folder", WriteError("out", dir, errOverFolder), "err.file.is_folder"},
	}
	for _, c := range cases {
		e := data.AsError(c.err)
		if e == nil || e.Key != c.want || e.Code != data.EINVALID {
			t.Errorf("%s: %v, want %s", c.name, c.err, c.want)
		}
	}
	if os.Getuid() != 0 { // root reads everything
		locked := filepath.Join(dir, "locked")
		if err := os.WriteFile(locked, nil, 0o000); err != nil {
			t.Fatal(err)
		}
		_, err := ReadFile(locked, 10)
		if got := data.AsError(ReadError("input", locked, err)); got == nil || got.Key != "err.file.read_denied" {
			t.Errorf("unreadable: %v", got)
		}
	}
	// Anything else stays an internal error, with its cause for the log.
	if err := ReadError("input", "x", os.ErrDeadlineExceeded); data.AsError(err) != nil || !strings.Contains(err.Error(), "i/o timeout") {
		t.Errorf("other: %v", err)
	}
}
