package files

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesWholeAndPrivate(t *testing.T) {
	withUmask(t, 0) // the mode is the one asked for, whatever the umask
	dir := t.TempDir()
	path := filepath.Join(dir, "roster.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	st, _ := os.Stat(path)
	if err != nil || string(b) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("read %q (%v), mode %v; want the new bytes, 0600", b, err, st.Mode())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want only the one written", len(entries))
	}
	if err := WriteOwn(path, []byte("own"), 0o640); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
		t.Errorf("WriteOwn: mode %v, want 0640", st.Mode())
	}
}

// When the file cannot take the new one's place, nothing is left behind
// and what was there stays.
func TestWriteThatFailsLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "a folder")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "inside"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(target, []byte("x")); err == nil {
		t.Fatal("a file written over a folder that is not empty")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 || !entries[0].IsDir() {
		t.Errorf("left behind: %v", entries)
	}
	if err := Write(filepath.Join(dir, "no such folder", "x.pdf"), []byte("x")); err == nil {
		t.Error("written into a folder that is not there")
	}
}

// WriteFrom streams what it is given into the file, private; when the
// writer fails part way, its error comes back as it is, what was there
// stays and nothing is left beside it.
func TestWriteFromStreamsWholeOrNothing(t *testing.T) {
	withUmask(t, 0)
	dir := t.TempDir()
	path := filepath.Join(dir, "roster.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	refused := errors.New("too many rows")
	err := WriteFrom(path, func(w io.Writer) error {
		if _, err := w.Write(bytes.Repeat([]byte("row\n"), 100_000)); err != nil {
			return err
		}
		return refused
	})
	if err != refused {
		t.Errorf("a failed write: %v, want the writer's error", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("after a failed write the file holds %d bytes, want the old 3", len(b))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want only the old one", len(entries))
	}
	want := bytes.Repeat([]byte("row\n"), 100_000)
	if err := WriteFrom(path, func(w io.Writer) error { _, err := w.Write(want); return err }); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if !bytes.Equal(b, want) || st.Mode().Perm() != OutputMode {
		t.Errorf("%d bytes, mode %v; want %d, %v", len(b), st.Mode(), len(want), OutputMode)
	}
}
