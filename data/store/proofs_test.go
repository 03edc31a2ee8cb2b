package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/proofs"
)

// useProofs keeps db's proof files in proofs/ beside it, as the app does.
func useProofs(t *testing.T, db *DB) *proofs.Store {
	t.Helper()
	// The key is beside the file, or in the test's folder; a server keeps
	// the files itself, as the app's store is told (db.ProofBlobs).
	s := &proofs.Store{Dir: filepath.Join(filepath.Dir(db.keyPath), "proofs"), Blobs: db.ProofBlobs()}
	if err := db.UseProofFiles(ctx, s); err != nil {
		t.Fatal(err)
	}
	return s
}

// files counts the proof files in the folder (not its owner mark), or
// those the server keeps.
func files(t *testing.T, s *proofs.Store) int {
	t.Helper()
	if s.Blobs != nil {
		kept, err := s.Kept()
		if err != nil {
			t.Fatal(err)
		}
		return len(kept)
	}
	entries, err := os.ReadDir(s.Dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			n++
		}
	}
	return n
}

func proof(t *testing.T, name, content string) data.Proof {
	t.Helper()
	p, err := proofs.New(name, []byte(content))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Found by using it: proof files (scans of diplomas, ID-bearing documents)
// were never deleted. A file is stored only with the record that refers to
// it, and removed when nothing refers to it any more.
func TestProofFilesFollowTheirRecords(t *testing.T) {
	db := openTest(t)
	store := useProofs(t, db)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	h2 := mustCreateHolder(t, db, holder("李四", "44030519900101123X"))
	diploma := proof(t, "学位证书.pdf", "%PDF-1.4 diploma")
	scan := proof(t, "身份证.png", "\x89PNG\r\n\x1a\n an ID card")
	rec := func(holderID int64, hours string, ps ...data.Proof) *data.CERecord {
		h, _ := data.ParseHours("hours", hours)
		return &data.CERecord{HolderID: holderID, Kind: data.CETraining, Title: "培训", Date: data.NewDate(2025, 3, 1), Hours: h, Proofs: ps}
	}
	step := func(what string, want int) {
		t.Helper()
		if n := files(t, store); n != want {
			t.Fatalf("%s: %d files in proofs/, want %d", what, n, want)
		}
	}

	// Refused saves keep no file.
	if err := db.CreateCERecord(ctx, rec(h.ID, "0", diploma)); data.AsError(err) == nil {
		t.Fatalf("0 hours saved: %v", err)
	}
	step("a record refused for its hours", 0)
	if err := db.CreateCERecord(ctx, rec(999, "8", diploma)); data.AsError(err) == nil {
		t.Fatalf("a record of nobody saved: %v", err)
	}
	step("a record refused by the database (no such holder)", 0)

	a := rec(h.ID, "8", diploma)
	if err := db.CreateCERecord(ctx, a); err != nil {
		t.Fatal(err)
	}
	step("a record saved with its proof", 1)
	b := rec(h.ID, "4", diploma, scan)
	if err := db.CreateCERecord(ctx, b); err != nil {
		t.Fatal(err)
	}
	step("a second record with the same diploma and a scan", 2)

	// A proof taken off a record: its file stays while another refers to it.
	a.Proofs = nil
	if err := db.UpdateCERecord(ctx, a); err != nil {
		t.Fatal(err)
	}
	step("the diploma taken off the first record (the second keeps it)", 2)
	loaded, _ := db.CERecord(ctx, b.ID)
	loaded.Proofs = loaded.Proofs[:1] // the diploma stays, the scan goes
	if err := db.UpdateCERecord(ctx, loaded); err != nil {
		t.Fatal(err)
	}
	step("the scan taken off the second record", 1)
	if got, _ := db.CERecord(ctx, b.ID); len(got.Proofs) != 1 || got.Proofs[0].SHA256 != diploma.SHA256 {
		t.Fatalf("proofs after the update: %+v", got.Proofs)
	}
	if err := db.DeleteCERecord(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	step("the last record with the diploma deleted", 0)

	// A holder deleted: the schema cascades, the files follow.
	c := rec(h2.ID, "2", scan)
	if err := db.CreateCERecord(ctx, c); err != nil {
		t.Fatal(err)
	}
	keep := rec(h.ID, "3", diploma)
	if err := db.CreateCERecord(ctx, keep); err != nil {
		t.Fatal(err)
	}
	step("two holders' records", 2)
	if err := db.DeleteHolder(ctx, h2.ID); err != nil {
		t.Fatal(err)
	}
	step("a holder deleted", 1)
	if b, err := store.Open(diploma); err != nil || string(b) != string(diploma.Data) {
		t.Errorf("the other holder's file went too: %q, %v", b, err)
	}

	// A proof that names no kept file is not saved.
	ghost := data.Proof{Name: "x.pdf", SHA256: strings.Repeat("a", 64), Size: 1, Type: "application/pdf"}
	if err := db.CreateCERecord(ctx, rec(h.ID, "1", ghost)); err == nil {
		t.Error("a proof without its file was saved")
	}
}

// Files earlier versions left (kept when attached, saved or not, never
// removed) are swept when the store starts using the folder; files
// referred to, and files that are not proofs, stay.
func TestProofFilesLeftByEarlierVersionsAreSwept(t *testing.T) {
	path := newTarget(t)
	db, err := openTarget(t, path, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	store := useProofs(t, db)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	kept := proof(t, "证书.pdf", "%PDF-1.4 kept")
	if err := db.CreateCERecord(ctx, &data.CERecord{HolderID: h.ID, Kind: data.CEOnline, Title: "网课", Date: data.NewDate(2025, 3, 1),
		Hours: data.WholeHours(2), Proofs: []data.Proof{kept}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// As the first version left them: attached to a form never saved, or
	// to a `ce add` that was refused.
	// On a server: rows written behind the store's back.
	db, err = openTarget(t, path, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	store.Blobs = db.ProofBlobs() // the server's files, read on the new connection
	for _, p := range []data.Proof{proof(t, "a.pdf", "%PDF-1.4 never saved"), proof(t, "b.jpg", "\xFF\xD8\xFF never saved")} {
		if onServer() {
			if _, err := db.sql.Exec(`INSERT INTO proof_files (sha256, data, size, created_at) VALUES (?, ?, ?, 't')`, p.SHA256, p.Data, len(p.Data)); err != nil {
				t.Fatal(err)
			}
		} else if err := store.Keep(p); err != nil {
			t.Fatal(err)
		}
	}
	want := 1 // the kept proof
	if !onServer() {
		os.WriteFile(filepath.Join(store.Dir, "README.txt"), []byte("not a proof"), 0o600)
		want++ // and README.txt
	}
	if n := files(t, store); n != want+2 {
		t.Fatalf("%d files before", n)
	}
	store = useProofs(t, db)
	if n := files(t, store); n != want {
		t.Errorf("%d files after the sweep, want the kept proof (and a folder's README.txt)", n)
	}
	if b, err := store.Open(kept); err != nil || string(b) != string(kept.Data) {
		t.Errorf("the proof a record refers to went: %q, %v", b, err)
	}
}

// A second database in the same folder shares proofs/: neither removes a
// file the other may refer to.
func TestProofFilesOfASharedFolderStay(t *testing.T) {
	dir := t.TempDir()
	clock := func() time.Time { return testNow }
	one, err := Open(filepath.Join(dir, "swcert.db"), clock)
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	store := useProofs(t, one) // the only database there: it claims the folder
	two, err := Open(filepath.Join(dir, "demo.db"), clock)
	if err != nil {
		t.Fatal(err)
	}
	defer two.Close()
	useProofs(t, two)
	p := proof(t, "证书.pdf", "%PDF-1.4 the same scan in both")
	var ids []int64
	for _, db := range []*DB{one, two} {
		h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
		r := &data.CERecord{HolderID: h.ID, Kind: data.CEOnline, Title: "网课", Date: data.NewDate(2025, 3, 1), Hours: data.WholeHours(2), Proofs: []data.Proof{p}}
		if err := db.CreateCERecord(ctx, r); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	if err := one.DeleteCERecord(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	if n := files(t, store); n != 1 {
		t.Errorf("%d files: the other database's proof went", n)
	}
}
