package store

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	datafiles "github.com/swcert/swcert/data/files"
)

func clock() time.Time { return testNow }

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

// A new database, its -wal and -shm are the user's alone (SQLite gives the
// -wal and -shm the database file's mode), whatever the umask allows; it
// carries SWCert's application_id; and while it is open no output may
// replace it.
func TestNewDatabaseIsPrivateAndStamped(t *testing.T) {
	fileOnly(t, "its header and the files beside it")
	withUmask(t, 0o022) // the usual one, which made it 0644
	path := filepath.Join(t.TempDir(), "swcert.db")
	db, err := Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	mustCreateHolder(t, db, holder("张伟", "11010519491231002X"))
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if m := mode(t, p); m != 0o600 {
			t.Errorf("%s: mode %04o, want 0600", filepath.Base(p), m)
		}
	}
	if err := datafiles.CheckOutput(path); data.AsError(err) == nil {
		t.Errorf("the open database may be written over: %v", err)
	}
	db.Close()
	if err := datafiles.CheckOutput(path); err != nil {
		t.Errorf("closed, still protected: %v", err)
	}
	b, _ := os.ReadFile(path)
	if id := binary.BigEndian.Uint32(b[68:72]); id != ApplicationID {
		t.Errorf("application_id %#x, want %#x", id, ApplicationID)
	}
}

// A database of an earlier release (made 0644, not stamped, maybe with a
// -wal left by a crash) is recognised by its tables, stamped, and made
// private once, which the log says; a mode the user sets afterwards stays.
func TestEarlierDatabaseIsStampedAndMadePrivateOnce(t *testing.T) {
	fileOnly(t, "its header and the files beside it")
	withUmask(t, 0o022)
	path := filepath.Join(t.TempDir(), "swcert.db")
	raw := atVersion(t, path, 6)
	if _, err := raw.Exec(`INSERT INTO holders (name, id_type, id_number, created_at, updated_at) VALUES ('张伟', 'resident', '11010519491231002X', '2025-06-01T08:00:00.000Z', '2025-06-01T08:00:00.000Z')`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if m := mode(t, path); m != 0o644 {
		t.Fatalf("the earlier release's file is %04o, the test expects 0644", m)
	}
	var logged bytes.Buffer
	prev := log.Writer()
	log.SetOutput(&logged)
	defer log.SetOutput(prev)
	db, err := Open(path, clock)
	if err != nil {
		t.Fatalf("an earlier SWCert database is refused: %v", err)
	}
	if h, err := db.Holder(ctx, 1); err != nil || h.Name != "张伟" {
		t.Errorf("holder 1: %+v %v", h, err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if m := mode(t, p); m != 0o600 {
			t.Errorf("%s: mode %04o, want 0600", filepath.Base(p), m)
		}
	}
	db.Close()
	if !strings.Contains(logged.String(), "made private (0600)") {
		t.Errorf("the log does not say the file was made private: %q", logged.String())
	}
	b, _ := os.ReadFile(path)
	if id := binary.BigEndian.Uint32(b[68:72]); id != ApplicationID {
		t.Errorf("application_id %#x after the first open, want %#x", id, ApplicationID)
	}
	// The user shares it with their group on purpose: that stays.
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	db, err = Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if m := mode(t, path); m != 0o640 {
		t.Errorf("the mode the user chose became %04o", m)
	}
}

// A file that is not SWCert's database is refused with what it is, and is
// left byte for byte as it was, with no -wal or -shm beside it. An empty
// file is a new database.
func TestForeignOrDamagedFileIsRefusedUntouched(t *testing.T) {
	fileOnly(t, "its header and the files beside it")
	dir := t.TempDir()
	foreign := filepath.Join(dir, "other-app.db")
	raw, err := sql.Open("sqlite", "file:"+foreign)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`, `INSERT INTO notes (body) VALUES ('someone else''s')`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	stamped := filepath.Join(dir, "stamped.db") // another application's, by its id
	raw, _ = sql.Open("sqlite", "file:"+stamped)
	if _, err := raw.Exec(`PRAGMA application_id = 1196444487; CREATE TABLE holders (x); CREATE TABLE certificates (x); CREATE TABLE goose_db_version (x)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte(strings.Repeat("not a database\n", 20)), 0o644)
	short := filepath.Join(dir, "short.db")
	os.WriteFile(short, []byte("SQLite format 3\x00"), 0o644)

	// SWCert databases: one of an earlier release (not stamped: checked
	// page by page, once) with pages in the middle overwritten, and one of
	// this release cut short.
	damaged := filepath.Join(dir, "damaged.db")
	raw = atVersion(t, damaged, 6)
	for i := 0; i < 300; i++ {
		if _, err := raw.Exec(`INSERT INTO holders (name, id_type, id_number, created_at, updated_at) VALUES ('张伟', 'resident', ?, '', '')`, validID(i)); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	b, _ := os.ReadFile(damaged)
	for i := 4096 * 3; i < 4096*5; i++ {
		b[i] = 0xA5
	}
	os.WriteFile(damaged, b, 0o600)
	cut := filepath.Join(dir, "cut.db")
	db, err := Open(cut, clock)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 300; i++ {
		mustCreateHolder(t, db, holder("张伟", validID(i)))
	}
	db.Close()
	b, _ = os.ReadFile(cut)
	os.WriteFile(cut, b[:len(b)/2], 0o600)

	for _, c := range []struct{ path, key string }{
		{foreign, "err.db.foreign"},
		{stamped, "err.db.foreign"},
		{text, "err.db.not_sqlite"},
		{short, "err.db.not_sqlite"},
		{dir, "err.db.not_sqlite"},
		{damaged, "err.db.damaged"},
		{cut, "err.db.damaged"},
	} {
		var before [32]byte
		if c.path != dir {
			before = sum(t, c.path)
		}
		db, err := Open(c.path, clock)
		if err == nil {
			db.Close()
		}
		if e := data.AsError(err); e == nil || e.Key != c.key || e.Field != "db" || e.Args["Path"] != c.path {
			t.Errorf("%s: %v, want %s", filepath.Base(c.path), err, c.key)
		}
		if c.path == dir {
			continue
		}
		if sum(t, c.path) != before {
			t.Errorf("%s was changed", filepath.Base(c.path))
		}
		for _, s := range []string{"-wal", "-shm", "-journal"} {
			if _, err := os.Stat(c.path + s); err == nil {
				t.Errorf("%s%s appeared", filepath.Base(c.path), s)
			}
		}
	}

	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	db, err = Open(empty, clock)
	if err != nil {
		t.Fatalf("an empty file: %v", err)
	}
	mustCreateHolder(t, db, holder("张伟", "11010519491231002X"))
	db.Close()
	if m := mode(t, empty); m != 0o600 {
		t.Errorf("empty file become a database of mode %04o", m)
	}
}

// validID is a resident ID number with a valid check character, one per i.
func validID(i int) string {
	first := fmt.Sprintf("1101051980%02d%02d%03d", 1+i/28000%12, 1+i/1000%28, i%1000)
	return first + string(data.IDCheckChar(first))
}

// A page of SWCert's own database damaged after it was opened (its header
// whole) is reported in words when it is read, not as an internal error.
func TestDamageFoundWhileReadingIsSaid(t *testing.T) {
	fileOnly(t, "its header and the files beside it")
	path := filepath.Join(t.TempDir(), "swcert.db")
	db, err := Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 300; i++ {
		mustCreateHolder(t, db, holder("张伟", validID(i)))
	}
	// A leaf page of the holders' table, which opening does not read.
	var page int64
	if err := db.sql.QueryRow(`SELECT max(pageno) FROM dbstat WHERE name = 'holders' AND pagetype = 'leaf'`).Scan(&page); err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, _ := os.ReadFile(path)
	for i := (page - 1) * 4096; i < page*4096; i++ {
		b[i] = 0xA5
	}
	os.WriteFile(path, b, 0o600)
	db, err = Open(path, clock)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer db.Close()
	_, err = db.FindHolders(ctx, data.HolderFilter{Search: "张"})
	if e := data.AsError(err); e == nil || e.Key != "err.db.damaged_now" {
		t.Errorf("reading a damaged page: %v", err)
	}
}

// A first run killed while its migrations ran (found by
// scripts/kill-campaign.sh) left a file with goose's table and nothing
// else, not yet stamped: the next start refused it as another
// application's database, for ever. Now such a file opens as the new
// database it is, and a new database is stamped before any migration.
func TestFirstRunKilledDuringItsMigrationsOpens(t *testing.T) {
	fileOnly(t, "its header and the files beside it")
	path := filepath.Join(t.TempDir(), "swcert.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	// What goose writes first, in its own transaction.
	if _, err := raw.Exec(`CREATE TABLE goose_db_version (id INTEGER PRIMARY KEY AUTOINCREMENT, version_id INTEGER NOT NULL, is_applied INTEGER NOT NULL, tstamp TIMESTAMP DEFAULT (datetime('now')));
		INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, 1)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db, err := Open(path, clock)
	if err != nil {
		t.Fatalf("the killed first run's file is refused: %v", err)
	}
	if err := db.CreateHolder(ctx, &data.Holder{Name: "张伟", IDNumber: "11010519491231002X"}); err != nil {
		t.Errorf("a holder in it: %v", err)
	}
	db.Close()

	// Stamped before the migrations run: a migration that fails (here, one
	// a later release would bring, refused) leaves a file stamped SWCert's.
	fresh := filepath.Join(t.TempDir(), "new.db")
	st, err := inspect(fresh)
	if err != nil {
		t.Fatal(err)
	}
	conn, _ := sql.Open("sqlite", dsn(fresh))
	if err := stamp(ctx, conn, st); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	if got, err := inspect(fresh); err != nil || got != ownFile {
		t.Errorf("a new file after its stamp: %v %v, want it SWCert's", got, err)
	}
}

// A first run killed while it switched its new file to WAL left one page
// with no table and a hot -journal, which a read-only look cannot roll
// back: the next start said the file was damaged (found by the kill
// campaign). It is the new database it was.
func TestFirstRunKilledWhileSwitchingToWALOpens(t *testing.T) {
	fileOnly(t, "its header and the files beside it")
	dir := t.TempDir()
	path := filepath.Join(dir, "swcert.db")
	page := make([]byte, 4096)
	copy(page, "SQLite format 3\x00")
	page[16], page[17] = 0x10, 0x00 // 4096-byte pages
	page[18], page[19] = 2, 2       // WAL
	page[20], page[21], page[22], page[23] = 0, 0x40, 0x20, 0x20
	page[31] = 1 // one page
	page[100] = 0x0d
	page[105], page[106] = 0x10, 0x00
	if err := os.WriteFile(path, page, 0o600); err != nil {
		t.Fatal(err)
	}
	// A rollback journal whose header promises pages: hot.
	journal := make([]byte, 512)
	copy(journal, "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7")
	journal[11] = 1
	if err := os.WriteFile(path+"-journal", journal, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path, clock)
	if err != nil {
		t.Fatalf("the killed first run's file is refused: %v", err)
	}
	if err := db.CreateHolder(ctx, &data.Holder{Name: "张伟", IDNumber: "11010519491231002X"}); err != nil {
		t.Errorf("a holder in it: %v", err)
	}
	db.Close()
}

// Found by TestEncryptionSurvivesAKill under load: a checkpoint killed
// midway (turning encryption off ends with VACUUM and a checkpoint) had
// written the new first page, whose header counts the pages to come,
// before those pages; the next start refused the file as damaged, though
// its -wal held every page. Made here as the kill leaves it: the WAL's
// last first page written over the file's, the file as short as before.
func TestACheckpointKilledMidwayIsNoDamage(t *testing.T) {
	fileOnly(t, "SQLite's checkpoint")
	path := filepath.Join(t.TempDir(), "swcert.db")
	db, err := Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	mustCreateHolder(t, db, holder("张伟", "11010519491231002X"))
	db.Close()
	// Many pages more, in the WAL only: no checkpoint, and a copy taken
	// while the writer still has the file open (as a kill leaves it).
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=wal_autocheckpoint(0)&_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`CREATE TABLE filler (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
		INSERT INTO filler SELECT randomblob(500) FROM n`); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	killed := filepath.Join(dir, "swcert.db")
	for _, ext := range []string{"", "-wal", ".key"} {
		b, err := os.ReadFile(path + ext)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(killed+ext, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	wal, _ := os.ReadFile(killed + "-wal")
	page := int(binary.BigEndian.Uint32(wal[8:12]))
	var first []byte
	for off := 32; off+24+page <= len(wal); off += 24 + page {
		if binary.BigEndian.Uint32(wal[off:off+4]) == 1 {
			first = wal[off+24 : off+24+page]
		}
	}
	if first == nil {
		t.Fatal("no first page in the WAL")
	}
	f, err := os.OpenFile(killed, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt(first, 0)
	f.Close()
	fi, _ := os.Stat(killed)
	if pages := int64(binary.BigEndian.Uint32(first[28:32])); fi.Size() >= pages*int64(page) {
		t.Fatalf("the file is not shorter than its header says: %d bytes, %d pages", fi.Size(), pages)
	}
	again, err := Open(killed, clock)
	if err != nil {
		t.Fatalf("refused after a checkpoint killed midway: %v", err)
	}
	defer again.Close()
	if hs, err := again.FindHolders(ctx, data.HolderFilter{}); err != nil || len(hs) != 1 {
		t.Errorf("holders %v %v", hs, err)
	}
	var n int
	if err := again.sql.QueryRow(`SELECT count(*) FROM filler`).Scan(&n); err != nil || n != 2000 {
		t.Errorf("the WAL's rows: %d %v", n, err)
	}
}
