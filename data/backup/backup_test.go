package backup

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/data/store"
)

var (
	ctx     = context.Background()
	testNow = time.Date(2026, 11, 22, 10, 0, 0, 0, data.Beijing)
)

// fixture is a database with a holder, a certificate and a CE record
// with a proof file, open as the app keeps it.
type fixture struct {
	dir, db, proofs string
	store           *store.DB
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	dir := t.TempDir()
	f := &fixture{dir: dir, db: filepath.Join(dir, "swcert.db"), proofs: filepath.Join(dir, "proofs")}
	db, err := store.Open(f.db, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f.store = db
	if err := db.UseProofFiles(ctx, &proofs.Store{Dir: f.proofs}); err != nil {
		t.Fatal(err)
	}
	h := &data.Holder{Name: "张伟", IDNumber: "11010519491231002X", Phone: "13800138000", Org: "阳光社工"}
	if err := db.CreateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	c := &data.Certificate{HolderID: h.ID, Level: data.LevelAssistant, MNo: "2023A110001", ExamYear: 2023,
		PassedOn: data.NewDate(2023, 9, 20), IssuedOn: data.NewDate(2023, 12, 1)}
	if err := db.CreateCertificate(ctx, c); err != nil {
		t.Fatal(err)
	}
	p, err := proofs.New("培训证明.pdf", []byte("%PDF-1.4 a certificate of training"))
	if err != nil {
		t.Fatal(err)
	}
	hours, _ := data.ParseHours("hours", "8")
	r := &data.CERecord{HolderID: h.ID, Kind: data.CETraining, Title: "督导培训", Date: data.NewDate(2025, 3, 1), Hours: hours, Proofs: []data.Proof{p}}
	if err := db.CreateCERecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) source() Source {
	return Source{DB: f.db, Proofs: f.proofs, AppVersion: "test", Now: testNow}
}

func (f *fixture) backup(t testing.TB) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "backup.zip")
	if _, err := CreateFile(ctx, f.source(), out); err != nil {
		t.Fatal(err)
	}
	return out
}

// dump is every row of every table of the database at path, in order.
func dump(t *testing.T, path string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tables, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		tables.Scan(&n)
		names = append(names, n)
	}
	tables.Close()
	out := map[string][]string{}
	for _, n := range names {
		rows, err := db.Query(`SELECT * FROM "` + n + `" ORDER BY rowid`)
		if err != nil {
			rows, err = db.Query(`SELECT * FROM "` + n + `"`)
		}
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[n] = append(out[n], fmt.Sprintf("%q", vals))
		}
		rows.Close()
	}
	if len(out["holders"]) == 0 || len(out["seal_keys"]) == 0 {
		t.Fatalf("%s: no records to compare", path)
	}
	return out
}

func sameRows(t *testing.T, want, got map[string][]string) {
	t.Helper()
	for table, rows := range want {
		if strings.Join(rows, "\n") != strings.Join(got[table], "\n") {
			t.Errorf("table %s differs:\nwant %v\ngot  %v", table, rows, got[table])
		}
	}
	for table := range got {
		if _, ok := want[table]; !ok {
			t.Errorf("table %s was not there", table)
		}
	}
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// A backup taken while the database is open and restored into a fresh
// place gives the same rows in every table, the same key and the proof
// files, every file readable by its owner only.
func TestBackupRestoredElsewhereIsTheSame(t *testing.T) {
	f := newFixture(t)
	out := f.backup(t)
	if m := mode(t, out); m != 0o600 {
		t.Errorf("backup file mode %v", m)
	}
	to := filepath.Join(t.TempDir(), "new", "swcert.db")
	tgt := Target{DB: to, Proofs: filepath.Join(filepath.Dir(to), "proofs"), AppVersion: "test", Now: testNow}
	res, err := Restore(ctx, out, tgt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Kept != "" {
		t.Errorf("kept %q of a database that was not there", res.Kept)
	}
	own, _ := f.store.OwnKey(ctx)
	if res.Manifest.KID != own.KID || !res.Manifest.HasKey() || res.Manifest.Proofs() != 1 || !res.Manifest.CreatedAt.Equal(testNow) || res.Manifest.CreatedAt.Format(time.RFC3339) != "2026-11-22T10:00:00+08:00" {
		t.Errorf("manifest %+v", res.Manifest)
	}
	sameRows(t, dump(t, f.db), dump(t, to))
	want, _ := os.ReadFile(store.KeyPath(f.db))
	got, _ := os.ReadFile(store.KeyPath(to))
	if !bytes.Equal(want, got) || mode(t, store.KeyPath(to)) != 0o600 {
		t.Error("the key file was not restored as it was (0600)")
	}
	for _, p := range []string{to} {
		if m := mode(t, p); m != 0o600 {
			t.Errorf("%s mode %v", p, m)
		}
	}
	entries, _ := os.ReadDir(tgt.Proofs)
	if len(entries) != 1 || mode(t, filepath.Join(tgt.Proofs, entries[0].Name())) != 0o600 {
		t.Errorf("proofs restored: %v", entries)
	}
	// The restored database opens, signs with the same key, and is sound.
	db, err := store.Open(to, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	k, err := db.OwnKey(ctx)
	if err != nil || k.KID != own.KID || !bytes.Equal(k.Private, own.Private) {
		t.Errorf("restored key: %v", err)
	}
	r, err := Check(ctx, to, tgt.Proofs)
	if err != nil || len(r.Problems) != 0 {
		t.Errorf("check of the restored database: %+v %v", r, err)
	}
	// Nothing temporary is left beside it.
	dirEntries, _ := os.ReadDir(filepath.Dir(to))
	for _, e := range dirEntries {
		if strings.HasPrefix(e.Name(), ".swcert") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// Restoring over a database that is there (and open in another program)
// replaces its records in place, after keeping it as a backup of its own
// that restores it again.
func TestRestoreOverALiveDatabaseKeepsIt(t *testing.T) {
	f := newFixture(t)
	out := f.backup(t)
	before := dump(t, f.db)
	// Changed after the backup: a second holder, deleted CE proof.
	h := &data.Holder{Name: "李娜", IDNumber: "44030519900101123X"}
	if err := f.store.CreateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	changed := dump(t, f.db)
	res, err := Restore(ctx, out, Target{DB: f.db, Proofs: f.proofs, AppVersion: "test", Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	sameRows(t, before, dump(t, f.db))
	// The open store reads the restored records.
	if _, err := f.store.Holder(ctx, h.ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("the open store still finds the holder added after the backup: %v", err)
	}
	if res.Kept == "" || filepath.Dir(res.Kept) != BackupsDir(f.db) || mode(t, res.Kept) != 0o600 {
		t.Fatalf("kept %q", res.Kept)
	}
	// The kept one gives back what was replaced.
	if _, err := Restore(ctx, res.Kept, Target{DB: f.db, Proofs: f.proofs, AppVersion: "test", Now: testNow.Add(time.Second)}); err != nil {
		t.Fatal(err)
	}
	sameRows(t, changed, dump(t, f.db))
}

// rezip copies the backup at src into a new file, each entry through edit
// (which may rename it, change it, or drop it by returning ok false).
// With fix, the manifest is made again to match, as a forger would.
func rezip(t *testing.T, src string, fix bool, edit func(name string, b []byte) (string, []byte, bool)) string {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	var m Manifest
	var files []File
	for _, e := range zr.File {
		r, _ := e.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		if e.Name == ManifestName {
			json.Unmarshal(b, &m)
			continue
		}
		name, b, ok := edit(e.Name, b)
		if !ok {
			continue
		}
		w, _ := zw.Create(name)
		w.Write(b)
		sum := sha256.Sum256(b)
		files = append(files, File{Name: name, Size: int64(len(b)), SHA256: hex.EncodeToString(sum[:])})
	}
	if fix {
		m.Files = files
	}
	mb, _ := json.Marshal(m)
	w, _ := zw.Create(ManifestName)
	w.Write(mb)
	zw.Close()
	out := filepath.Join(t.TempDir(), "edited.zip")
	if err := os.WriteFile(out, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}

// A backup that is damaged, cut short, not SWCert's or hostile is refused
// with the reason, and nothing of the live files is touched.
func TestRestoreRefusesABadBackupTouchingNothing(t *testing.T) {
	f := newFixture(t)
	good := f.backup(t)
	raw, _ := os.ReadFile(good)
	write := func(b []byte) string {
		p := filepath.Join(t.TempDir(), "bad.zip")
		os.WriteFile(p, b, 0o600)
		return p
	}
	keep := func(name string, b []byte) (string, []byte, bool) { return name, b, true }
	flipDB := func(name string, b []byte) (string, []byte, bool) {
		if name == DBName {
			// The type byte of the second page's b-tree header: a change
			// integrity_check always sees (a byte in a page's unused space
			// is not damage: secure_delete keeps it zero).
			b = append([]byte(nil), b...)
			pageSize := int(b[16])<<8 | int(b[17])
			b[pageSize] ^= 0xFF
		}
		return name, b, true
	}
	other, _ := os.CreateTemp(t.TempDir(), "other-*.db")
	other.Close()
	foreign, _ := sql.Open("sqlite", other.Name())
	foreign.Exec(`CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('not ours')`)
	foreign.Close()
	foreignDB, _ := os.ReadFile(other.Name())
	_, otherKey, _ := ed25519.GenerateKey(rand.Reader)
	otherPEM := pemOf(t, otherKey)

	cases := []struct {
		name, file, key string
	}{
		{"cut in half", write(raw[:len(raw)/2]), "err.backup.not_zip"},
		{"empty", write(nil), "err.backup.not_zip"},
		{"not a zip", write([]byte("hello, this is a text file")), "err.backup.not_zip"},
		{"a byte of the database changed", rezip(t, good, false, flipDB), "err.backup.damaged"},
		{"a file missing", rezip(t, good, false, func(n string, b []byte) (string, []byte, bool) { return n, b, n != KeyName }), "err.backup.damaged"},
		{"a file added", rezip(t, good, false, func(n string, b []byte) (string, []byte, bool) {
			if n == KeyName {
				return "proofs/" + strings.Repeat("a", 64) + ".pdf", b, true
			}
			return n, b, true
		}), "err.backup.damaged"},
		{"a path out of the folder", rezip(t, good, true, func(n string, b []byte) (string, []byte, bool) {
			if strings.HasPrefix(n, "proofs/") {
				n = "proofs/../../evil.pdf"
			}
			return n, b, true
		}), "err.backup.foreign"},
		{"an absolute path", rezip(t, good, true, func(n string, b []byte) (string, []byte, bool) {
			if n == KeyName {
				n = "/etc/swcert.key"
			}
			return n, b, true
		}), "err.backup.foreign"},
		{"another ZIP", zipOf(t, map[string][]byte{"readme.txt": []byte("hi")}), "err.backup.foreign"},
		{"a database that is not SWCert's", rezip(t, good, true, func(n string, b []byte) (string, []byte, bool) {
			if n == DBName {
				b = foreignDB
			}
			return n, b, n != KeyName
		}), "err.backup.db_foreign"},
		{"a damaged database with matching hashes", rezip(t, good, true, flipDB), "err.backup.db_damaged"},
		{"another key", rezip(t, good, true, func(n string, b []byte) (string, []byte, bool) {
			if n == KeyName {
				b = otherPEM
			}
			return n, b, true
		}), "err.backup.key_mismatch"},
		{"a proof the records refer to left out", rezip(t, good, true, func(n string, b []byte) (string, []byte, bool) {
			return n, b, !strings.HasPrefix(n, "proofs/")
		}), "err.backup.damaged"},
		{"a trigger slipped into the database", rezip(t, good, true, func(n string, b []byte) (string, []byte, bool) {
			if n == DBName {
				b = withSQL(t, b, `CREATE TRIGGER spy AFTER INSERT ON holders BEGIN UPDATE holders SET name = 'x'; END`)
			}
			return n, b, true
		}), "err.backup.db_foreign"},
		{"the folder itself", t.TempDir(), "err.backup.not_file"},
		{"no such file", filepath.Join(t.TempDir(), "nothing.zip"), "err.backup.not_found"},
	}
	_ = keep
	dbBefore, _ := os.ReadFile(f.db)
	rows := dump(t, f.db)
	keyBefore, _ := os.ReadFile(store.KeyPath(f.db))
	for _, c := range cases {
		_, err := Restore(ctx, c.file, Target{DB: f.db, Proofs: f.proofs, AppVersion: "test", Now: testNow})
		if errKind(err) != c.key {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
		}
	}
	dbAfter, _ := os.ReadFile(f.db)
	keyAfter, _ := os.ReadFile(store.KeyPath(f.db))
	if !bytes.Equal(dbBefore, dbAfter) || !bytes.Equal(keyBefore, keyAfter) {
		t.Error("a refused restore changed the live files")
	}
	sameRows(t, rows, dump(t, f.db))
	if exists(BackupsDir(f.db)) {
		t.Error("a refused restore made a backup of the current database")
	}
	if _, err := os.Stat(filepath.Join(f.dir, "..", "evil.pdf")); err == nil {
		t.Error("a file was written out of the folder")
	}
}

// A backup whose files claim far more than the archive can honestly hold
// (a zip bomb) is refused before anything is unpacked; one of a later
// format is refused as made by a later SWCert.
func TestRestoreRefusesAZipBombAndALaterFormat(t *testing.T) {
	f := newFixture(t)
	good := f.backup(t)
	zeros := make([]byte, 200<<20) // deflates to some 200 KB
	bomb := rezip(t, good, true, func(n string, b []byte) (string, []byte, bool) {
		if n == DBName {
			b = zeros
		}
		return n, b, true
	})
	if fi, _ := os.Stat(bomb); fi.Size() > 1<<20 {
		t.Fatalf("the bomb is %d bytes: the test proves nothing", fi.Size())
	}
	dir := t.TempDir()
	if _, err := Inspect(ctx, bomb, dir); errKind(err) != "err.backup.too_large" {
		t.Errorf("zip bomb: %v", err)
	}
	later := rezipManifest(t, good, func(m *Manifest) { m.Format = Format + 1 })
	if _, err := Inspect(ctx, later, dir); errKind(err) != "err.backup.newer" {
		t.Errorf("later format: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left in the temporary folder: %v", entries)
	}
}

func rezipManifest(t *testing.T, src string, edit func(*Manifest)) string {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range zr.File {
		r, _ := e.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		if e.Name == ManifestName {
			var m Manifest
			json.Unmarshal(b, &m)
			edit(&m)
			b, _ = json.Marshal(m)
		}
		w, _ := zw.Create(e.Name)
		w.Write(b)
	}
	zw.Close()
	out := filepath.Join(t.TempDir(), "edited.zip")
	os.WriteFile(out, buf.Bytes(), 0o600)
	return out
}

func zipOf(t *testing.T, files map[string][]byte) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, b := range files {
		w, _ := zw.Create(n)
		w.Write(b)
	}
	zw.Close()
	out := filepath.Join(t.TempDir(), "other.zip")
	os.WriteFile(out, buf.Bytes(), 0o600)
	return out
}

// A symbolic link inside a backup is refused.
func TestRestoreRefusesASymlinkEntry(t *testing.T) {
	f := newFixture(t)
	good := f.backup(t)
	zr, _ := zip.OpenReader(good)
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range zr.File {
		r, _ := e.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		h := &zip.FileHeader{Name: e.Name, Method: zip.Store}
		if e.Name == KeyName {
			h.SetMode(os.ModeSymlink | 0o777)
		}
		w, _ := zw.CreateHeader(h)
		w.Write(b)
	}
	zw.Close()
	p := filepath.Join(t.TempDir(), "link.zip")
	os.WriteFile(p, buf.Bytes(), 0o600)
	if _, err := Inspect(ctx, p, t.TempDir()); errKind(err) != "err.backup.foreign" {
		t.Errorf("symlink: %v", err)
	}
}

func pemOf(t *testing.T, k ed25519.PrivateKey) []byte {
	t.Helper()
	p := filepath.Join(t.TempDir(), "k.key")
	if err := store.WriteKeyFile(p, k, false); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	return b
}

// Check finds nothing wrong in a sound database, and names each thing
// that is: a proof file gone or changed, the key file gone, of another
// key or readable by others.
func TestCheckListsWhatIsWrong(t *testing.T) {
	f := newFixture(t)
	r, err := Check(ctx, f.db, f.proofs)
	if err != nil || len(r.Problems) != 0 || r.Proofs != 1 || r.KID == "" {
		t.Fatalf("sound database: %+v %v", r, err)
	}
	entries, _ := os.ReadDir(f.proofs)
	var proof string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			proof = filepath.Join(f.proofs, e.Name())
		}
	}
	kinds := func() []string {
		t.Helper()
		r, err := Check(ctx, f.db, f.proofs)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range r.Problems {
			out = append(out, p.Kind)
		}
		return out
	}
	os.WriteFile(proof, []byte("%PDF-1.4 something else"), 0o600)
	if k := kinds(); fmt.Sprint(k) != "[proof_damaged]" {
		t.Errorf("changed proof: %v", k)
	}
	os.Remove(proof)
	if k := kinds(); fmt.Sprint(k) != "[proof_missing]" {
		t.Errorf("removed proof: %v", k)
	}
	key := store.KeyPath(f.db)
	os.Chmod(key, 0o644)
	if k := kinds(); fmt.Sprint(k) != "[proof_missing key_open]" {
		t.Errorf("key readable by others: %v", k)
	}
	keyBytes, _ := os.ReadFile(key)
	_, other, _ := ed25519.GenerateKey(rand.Reader)
	os.WriteFile(key, pemOf(t, other), 0o600)
	if k := kinds(); fmt.Sprint(k) != "[proof_missing key_mismatch]" {
		t.Errorf("another key: %v", k)
	}
	os.Remove(key)
	if k := kinds(); fmt.Sprint(k) != "[proof_missing key_missing]" {
		t.Errorf("no key: %v", k)
	}
	_ = keyBytes
	// A backup made now holds what there is and lists the missing proof;
	// it restores, and check there says the same.
	out := f.backup(t)
	m, err := Inspect(ctx, out, t.TempDir())
	if err != nil || len(m.Missing) != 1 || m.HasKey() {
		t.Fatalf("backup of a database missing a proof and its key: %+v %v", m, err)
	}
	// A trigger added by hand, an index dropped.
	raw, _ := sql.Open("sqlite", f.db)
	raw.Exec(`CREATE TRIGGER spy AFTER INSERT ON holders BEGIN SELECT 1; END`)
	raw.Close()
	if k := kinds(); fmt.Sprint(k) != "[schema proof_missing key_missing]" {
		t.Errorf("a trigger added: %v", k)
	}
	// Not a database at all, and not SWCert's.
	notDB := filepath.Join(t.TempDir(), "x.db")
	os.WriteFile(notDB, []byte(strings.Repeat("not a database ", 512)), 0o600)
	if _, err := Check(ctx, notDB, f.proofs); errKind(err) != "err.backup.db_damaged" {
		t.Errorf("check of a text file: %v", err)
	}
}

// A backup taken while another program writes to the database is a
// consistent snapshot: it passes every check, and the writer is not held
// up (all its writes land).
func TestBackupWhileAnotherWriterWrites(t *testing.T) {
	f := newFixture(t)
	other, err := store.Open(f.db, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	done := make(chan error)
	const writes = 60
	go func() {
		for i := range writes {
			id := fmt.Sprintf("11010519491231%03d", i)
			h := &data.Holder{Name: fmt.Sprintf("写入者%d", i), IDNumber: id, IDType: data.IDOther}
			if err := other.CreateHolder(ctx, h); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for i := range 3 {
		out := filepath.Join(t.TempDir(), fmt.Sprintf("b%d.zip", i))
		if _, err := CreateFile(ctx, f.source(), out); err != nil {
			t.Fatal(err)
		}
		if _, err := Inspect(ctx, out, t.TempDir()); err != nil {
			t.Errorf("backup %d taken during writes: %v", i, err)
		}
	}
	if err := <-done; err != nil {
		t.Fatalf("the writer was held up: %v", err)
	}
	n := len(dump(t, f.db)["holders"])
	if n != writes+1 {
		t.Errorf("%d holders after the writes, want %d", n, writes+1)
	}
}

// withSQL runs q on a copy of the database b and returns the copy.
func withSQL(t *testing.T, b []byte, q string) []byte {
	t.Helper()
	p := filepath.Join(t.TempDir(), "edit.db")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(q); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out, _ := os.ReadFile(p)
	return out
}

// A database an older SWCert left, its key still inside, is told as such
// by check (the next start moves the key out).
func TestCheckTellsAKeyStillInTheDatabase(t *testing.T) {
	f := newFixture(t)
	own, _ := f.store.OwnKey(ctx)
	raw, _ := sql.Open("sqlite", f.db)
	if _, err := raw.Exec(`UPDATE seal_keys SET private_key = ? WHERE own = 1`, []byte(own.Private)); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	r, err := Check(ctx, f.db, f.proofs)
	if err != nil || len(r.Problems) != 1 || r.Problems[0].Kind != ProblemKeyInside {
		t.Errorf("%+v %v", r, err)
	}
}

// An empty file where the database should be is no database to keep:
// the restore puts the backup there.
func TestRestoreOverAnEmptyFile(t *testing.T) {
	f := newFixture(t)
	out := f.backup(t)
	to := filepath.Join(t.TempDir(), "swcert.db")
	os.WriteFile(to, nil, 0o600)
	res, err := Restore(ctx, out, Target{DB: to, Proofs: filepath.Join(filepath.Dir(to), "proofs"), AppVersion: "test", Now: testNow})
	if err != nil || res.Kept != "" {
		t.Fatalf("%+v %v", res, err)
	}
	sameRows(t, dump(t, f.db), dump(t, to))
}

// Another installation's backup restored in the place of a database that
// cleaned its folder of proofs: the restored one cleans it from then on
// (the folder does not become shared for want of the old key ID).
func TestRestoreOfAnotherInstallationHandsItTheProofsFolder(t *testing.T) {
	f, g := newFixture(t), newFixture(t)
	out := g.backup(t)
	owner := func() string {
		b, _ := os.ReadFile(filepath.Join(f.proofs, ".swcert-owner"))
		return strings.TrimSpace(string(b))
	}
	mine, _ := f.store.OwnKey(ctx)
	if owner() != mine.KID {
		t.Fatalf("owner %q before", owner())
	}
	res, err := Restore(ctx, out, Target{DB: f.db, Proofs: f.proofs, AppVersion: "test", Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if owner() != res.Manifest.KID || res.Manifest.KID == mine.KID {
		t.Errorf("owner %q after restoring %s", owner(), res.Manifest.KID)
	}
	// The store opened before the restore (the window that restored it)
	// deletes a record of the restored database: its proof file goes,
	// and the folder stays the restored database's.
	hs, _ := f.store.FindHolders(ctx, data.HolderFilter{Limit: 10})
	recs, _ := f.store.CERecords(ctx, hs[0].ID)
	if len(recs) != 1 {
		t.Fatalf("records %v", recs)
	}
	if err := f.store.DeleteCERecord(ctx, recs[0].ID); err != nil {
		t.Fatal(err)
	}
	if owner() != res.Manifest.KID {
		t.Errorf("the folder became %q after a delete by the open store", owner())
	}
	if left, _ := (&proofs.Store{Dir: f.proofs}).Kept(); len(left) != 0 {
		t.Errorf("the file no record refers to stays: %v", left)
	}
}
