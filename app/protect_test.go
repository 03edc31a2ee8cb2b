package app

import (
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// exportsOf are the commands that write a file at --out, ready to write.
func exportsOf(r *run) [][]string {
	r.ok(nil, "holder", "add", "--name", "欧阳娜娜", "--id-number", "11010519491231002X", "--phone", "13800138000")
	// Issued before 2021-12-17: exported without an annotation.
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2021S110001", "--exam-year", "2021", "--passed-on", "2021-09-20", "--issued-on", "2021-12-01")
	r.ok(nil, "paper", "set", "--cert", "1", "--method", "mail")
	r.ok(nil, "mail", "form", "--cert", "1", "--province", "北京市", "--city", "北京市", "--district", "朝阳区", "--address", "建国路88号", "--postcode", "100022")
	r.ok(nil, "reg", "add", "--cert", "1", "--kind", "first", "--status", "issued", "--applied-on", "2022-03-01", "--valid-from", "2022-04-01")
	return [][]string{
		{"export", "cert", "--cert", "1"},
		{"export", "mailform", "--cert", "1"},
		{"export", "ce-report", "--holder", "1"},
		{"export", "ics"},
		{"key", "export"},
		{"export", "roster"},
		{"export", "template"},
		{"export", "certs"},
		{"export", "ce-reports"},
	}
}

// No command writes its output over the database, its -wal, -shm or
// -journal, the log or into the proof files' folder, however the path is
// spelt: it is refused (exit 2) with a message naming the file, and the
// database keeps every byte, its records and its key. Before, `export
// cert --out swcert.db` replaced the database and exited 0.
func TestNoOutputLandsOnTheDatabase(t *testing.T) {
	r := newRun(t)
	cmds := exportsOf(r)
	var keys []map[string]any
	r.ok(&keys, "key", "list")
	dir := filepath.Dir(r.db)
	other := t.TempDir()
	// Links of the endings a sheet needs, to reach the roster too.
	link := filepath.Join(other, "link.csv")
	hard := filepath.Join(other, "hard.xlsx")
	if err := os.Symlink(r.db, link); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(r.db, hard); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "x"), 0o700)
	os.MkdirAll(filepath.Join(dir, "proofs"), 0o700)
	outs := []string{
		r.db, r.db + "-wal", r.db + "-shm", r.db + "-journal",
		dir + "/x/../cli.db", link, hard,
		filepath.Join(dir, "CLI.DB-WAL"),
		filepath.Join(dir, "swcert.log"),
		filepath.Join(dir, "proofs"),
		filepath.Join(dir, "proofs", "out.zip"),
		filepath.Join(dir, "proofs", "out.csv"),
	}
	sheetOuts := []string{link, hard, filepath.Join(dir, "proofs", "out.csv")}
	before := fileSum(t, r.db)
	for _, cmd := range cmds {
		outs := outs
		if cmd[1] == "roster" || cmd[1] == "template" { // any other name is refused for its ending
			outs = sheetOuts
		}
		for _, out := range outs {
			code, _, errs := r.do(append(cmd, "--out", out)...)
			if code != 2 || !strings.Contains(errs, "Choose another") || !strings.Contains(errs, "Cannot write "+out) {
				t.Errorf("%s --out %s: exit %d, %q", strings.Join(cmd, " "), out, code, errs)
			}
		}
	}
	if fileSum(t, r.db) != before {
		t.Error("the database's bytes changed")
	}
	var after []map[string]any
	r.ok(&after, "key", "list")
	var h holderJSON
	r.ok(&h, "holder", "show", "1")
	if h.Name != "欧阳娜娜" || len(after) != len(keys) || after[0]["kid"] != keys[0]["kid"] {
		t.Errorf("after the refusals: holder %+v, keys %v (were %v)", h, after, keys)
	}
	for _, p := range []string{r.db + "-journal", filepath.Join(dir, "proofs", "out.zip"), filepath.Join(dir, "proofs", "out.csv")} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was written", p)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "proofs")); len(entries) != 1 || entries[0].Name() != ".swcert-owner" {
		t.Errorf("the proofs folder holds %v", entries)
	}

	// In Chinese too, naming the file.
	code, _, errs := r.do("--lang", "zh", "export", "cert", "--cert", "1", "--out", r.db)
	if code != 2 || !strings.Contains(errs, "请换一个文件名或文件夹") || !strings.Contains(errs, r.db) {
		t.Errorf("zh: exit %d, %q", code, errs)
	}
}

// The database, its -wal and -shm, the data folder and every export are
// the user's alone.
func TestFilesArePrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "data")
	r := &run{t: t, db: filepath.Join(dir, "swcert.db")}
	exportsOf(r)
	out := t.TempDir()
	for _, c := range [][]string{
		{"export", "cert", "--cert", "1", "--out", filepath.Join(out, "c.pdf")},
		{"export", "roster", "--out", filepath.Join(out, "r.csv")},
		{"export", "roster", "--out", filepath.Join(out, "r.xlsx")},
		{"key", "export", "--out", filepath.Join(out, "k.jwk")},
		{"export", "certs", "--out", filepath.Join(out, "all.zip")},
		{"export", "certs", "--out", filepath.Join(out, "folder")},
	} {
		r.ok(nil, c...)
	}
	modes := map[string]os.FileMode{dir: 0o700, r.db: 0o600, filepath.Join(out, "folder"): 0o700}
	for _, n := range []string{"c.pdf", "r.csv", "r.xlsx", "k.jwk", "all.zip", "folder/欧阳娜娜-2021S110001.pdf"} {
		modes[filepath.Join(out, n)] = 0o600
	}
	for p, want := range modes {
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: %v %v, want %04o", p, fi.Mode(), err, want)
		}
	}
}

// What a run killed in the middle of a ZIP batch or a roster export left
// (the journal's entries, the hidden temporary files they name, in any
// folder) is gone after the next command, whatever it is.
func TestNextRunRemovesWhatAKilledExportLeft(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "list")
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip(err)
	}
	out := t.TempDir()
	jdir := filepath.Join(filepath.Dir(r.db), ".swcert-journal")
	if err := os.MkdirAll(jdir, 0o700); err != nil {
		t.Fatal(err)
	}
	left := []string{filepath.Join(out, ".swcert-batch-1234567.zip"), filepath.Join(out, ".swcert-7654321")}
	for i, p := range left {
		if err := os.WriteFile(p, []byte("欧阳娜娜,11010519491231002X"), 0o600); err != nil {
			t.Fatal(err)
		}
		entry := filepath.Join(jdir, fmt.Sprintf("%d-%d", dead.Process.Pid, i))
		if err := os.WriteFile(entry, []byte(fmt.Sprintf("%d\n%s\n", dead.Process.Pid, p)), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	r.ok(nil, "holder", "list")
	for _, p := range left {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s is still there", p)
		}
	}
	if entries, _ := os.ReadDir(jdir); len(entries) != 0 {
		t.Errorf("journal: %v", entries)
	}
	log, _ := os.ReadFile(filepath.Join(filepath.Dir(r.db), "swcert.log"))
	if strings.Count(string(log), "left half written by an export that was interrupted") != 2 {
		t.Errorf("log: %q", log)
	}
}

// Another application's SQLite file, or one that is not SQLite at all, is
// refused with a message that says which, exit 2, and is left byte for
// byte as it was, no -wal beside it. Before, SWCert added its tables and
// a key to it and switched it to WAL.
func TestForeignDatabaseIsRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "notes.db")
	raw, err := sql.Open("sqlite", "file:"+foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte(strings.Repeat("a note\n", 40)), 0o644)
	for _, c := range []struct{ path, says string }{
		{foreign, "another application's database"},
		{text, "is not a SQLite database"},
	} {
		before := fileSum(t, c.path)
		r := &run{t: t, db: c.path}
		code, _, errs := r.do("holder", "list")
		if code != 2 || !strings.Contains(errs, c.says) || !strings.Contains(errs, c.path) {
			t.Errorf("%s: exit %d, %q", c.path, code, errs)
		}
		if fileSum(t, c.path) != before {
			t.Errorf("%s changed", c.path)
		}
		for _, s := range []string{"-wal", "-shm", "-journal"} {
			if _, err := os.Stat(c.path + s); err == nil {
				t.Errorf("%s%s appeared", c.path, s)
			}
		}
	}
}

// A command that must write while another program holds the database's
// write lock says so after the busy timeout (exit 1: not the input's
// fault; retry), not "something went wrong".
func TestBusyDatabaseSaysSo(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "list")
	other, err := sql.Open("sqlite", "file:"+r.db+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	code, _, errs := r.do("holder", "add", "--name", "张伟", "--id-number", "11010519491231002X")
	if code != 1 || !strings.Contains(errs, "Another program is using the database") {
		t.Errorf("exit %d, %q", code, errs)
	}
	conn.ExecContext(t.Context(), "ROLLBACK")
}
