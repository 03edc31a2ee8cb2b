package files

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

// A data folder as the app keeps it: the database (open: with its -wal and
// -shm), the log, the proof files' folder, all registered.
func protectedFolder(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "swcert.db")
	for _, p := range []string{db, db + "-wal", db + "-shm", filepath.Join(dir, "swcert.log")} {
		if err := os.WriteFile(p, []byte("keep "+filepath.Base(p)), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "proofs"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ProtectDatabase(db))
	t.Cleanup(Protect(Log, filepath.Join(dir, "swcert.log")))
	t.Cleanup(ProtectFolder(Proofs, filepath.Join(dir, "proofs")))
	return dir, db
}

// Every way of naming a protected file is refused, by Write (before
// anything is created) with the message naming the file; the files keep
// their bytes and nothing is left beside them.
func TestWriteRefusesEveryNameOfAProtectedFile(t *testing.T) {
	dir, db := protectedFolder(t)
	other := t.TempDir()
	if err := os.Symlink(db, filepath.Join(other, "link.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(db, filepath.Join(other, "hard.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(other, "datalink")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	// A link to a folder elsewhere: "elsewhere/.." is that folder's parent
	// to the OS, not the link's folder as text cleaning would have it.
	deep := filepath.Join(other, "deep", "er")
	if err := os.MkdirAll(deep, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "x"), filepath.Join(deep, "up")); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ out, kind string }{
		{db, Database},
		{db + "-wal", Database},
		{db + "-shm", Database},
		{db + "-journal", Database}, // not there: would take its place
		{"swcert.db", Database},     // relative
		{"./x/../swcert.db", Database},
		{deep + "/up/../swcert.db", Database}, // not filepath.Join, which cleans it as text
		{filepath.Join(other, "link.pdf"), Database},
		{filepath.Join(other, "hard.pdf"), Database},
		{filepath.Join(other, "datalink", "swcert.db"), Database},
		{filepath.Join(dir, "SWCERT.DB-JOURNAL"), Database},
		{filepath.Join(dir, "swcert.log"), Log},
		{filepath.Join(dir, "proofs"), Proofs},
		{filepath.Join(dir, "proofs", "a.pdf"), Proofs},
		{filepath.Join(dir, "proofs", "new", "deeper", "a.pdf"), Proofs},
		{filepath.Join(other, "datalink", "proofs", "a.pdf"), Proofs},
	} {
		err := Write(c.out, []byte("EXPORT"))
		e := data.AsError(err)
		if e == nil || e.Key != "err.file.protected."+c.kind || e.Field != "out" || e.Args["Path"] != c.out || e.Args["File"] == "" {
			t.Errorf("Write(%q): %v, want refused as the %s", c.out, err, c.kind)
		}
	}
	for _, p := range []string{db, db + "-wal", db + "-shm", filepath.Join(dir, "swcert.log")} {
		if b, _ := os.ReadFile(p); string(b) != "keep "+filepath.Base(p) {
			t.Errorf("%s now holds %q", p, b)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 6 { // swcert.db, -wal, -shm, swcert.log, proofs, x
		t.Errorf("the folder now holds %d entries, want 6", len(entries))
	}
	if _, err := os.Stat(db + "-journal"); err == nil {
		t.Error("a -journal was written")
	}
}

// What is not SWCert's own is written as ever, beside them too; and once
// the store is closed (released), its paths are anybody's again.
func TestWriteBesideProtectedFiles(t *testing.T) {
	dir, db := protectedFolder(t)
	for _, p := range []string{filepath.Join(dir, "swcert.db.pdf"), filepath.Join(dir, "report.pdf"), filepath.Join(dir, "x-proofs", "a.pdf")} {
		os.MkdirAll(filepath.Dir(p), 0o700)
		if err := Write(p, []byte("%PDF-")); err != nil {
			t.Errorf("Write(%q): %v", p, err)
		}
	}
	other := filepath.Join(t.TempDir(), "other.db")
	release := ProtectDatabase(other)
	if err := CheckOutput(other); err == nil {
		t.Error("a protected path was not refused")
	}
	release()
	if err := CheckOutput(other); err != nil {
		t.Errorf("released, still refused: %v", err)
	}
	if err := CheckOutput(db); err == nil || !strings.Contains(err.Error(), "protected") {
		t.Errorf("the other database is no longer protected: %v", err)
	}
}
