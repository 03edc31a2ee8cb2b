package store

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
)

// A CE proof attached on either store is read back through what the
// screens use (Open, ViewPath); on a server it is a row of proof_files,
// which goes with the last record referring to it.
func TestAProofIsReadBackAndGoesWithItsRecord(t *testing.T) {
	db := openTest(t)
	store := useProofs(t, db)
	t.Cleanup(store.CloseViews)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	p := proof(t, "结业证书.pdf", "%PDF-1.4 a course's certificate")
	r := &data.CERecord{HolderID: h.ID, Kind: data.CEOnline, Title: "网课", Date: data.NewDate(2025, 3, 1),
		Hours: data.WholeHours(2), Proofs: []data.Proof{p}}
	if err := db.CreateCERecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	if onServer() {
		var n int
		var size int64
		db.sql.QueryRow(`SELECT count(*), coalesce(sum(size), 0) FROM proof_files WHERE sha256 = ?`, p.SHA256).Scan(&n, &size)
		if n != 1 || size != int64(len(p.Data)) {
			t.Fatalf("proof_files holds %d rows of %d bytes for the proof", n, size)
		}
	}
	saved, err := db.CERecords(ctx, h.ID)
	if err != nil || len(saved) != 1 || len(saved[0].Proofs) != 1 {
		t.Fatalf("records %+v, %v", saved, err)
	}
	got := saved[0].Proofs[0]
	if b, err := store.Open(got); err != nil || string(b) != string(p.Data) {
		t.Fatalf("Open: %q, %v", b, err)
	}
	path, err := store.ViewPath(got)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != string(p.Data) || !strings.HasSuffix(path, ".pdf") {
		t.Fatalf("the viewer's %s: %q, %v", path, b, err)
	}
	if err := db.DeleteCERecord(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if n := files(t, store); n != 0 {
		t.Errorf("%d files after the record was deleted", n)
	}
	if onServer() {
		var n int
		db.sql.QueryRow(`SELECT count(*) FROM proof_files`).Scan(&n)
		if n != 0 {
			t.Errorf("%d rows left in proof_files", n)
		}
	}
	if _, err := store.Open(got); err == nil {
		t.Error("the deleted proof still opens")
	}
}

// A save refused after one of its files was kept keeps none: on a server
// the rollback takes the row, on a file the store removes the file.
func TestARefusedSaveLeavesNoFile(t *testing.T) {
	db := openTest(t)
	store := useProofs(t, db)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	good := proof(t, "a.pdf", "%PDF-1.4 kept first")
	bad := proof(t, "b.pdf", "%PDF-1.4 then refused")
	bad.SHA256 = strings.Repeat("0", 64) // not its content's: refused when kept, after good
	r := &data.CERecord{HolderID: h.ID, Kind: data.CEOnline, Title: "网课", Date: data.NewDate(2025, 3, 1),
		Hours: data.WholeHours(2), Proofs: []data.Proof{good, bad}}
	if err := db.CreateCERecord(ctx, r); err == nil {
		t.Fatal("a proof whose hash is not its content's was saved")
	}
	if n := files(t, store); n != 0 {
		t.Errorf("%d files after a refused save", n)
	}
	if recs, _ := db.CERecords(ctx, h.ID); len(recs) != 0 {
		t.Errorf("the refused record was saved: %+v", recs)
	}
}

// A file larger than the reader's bound is refused by its recorded size,
// before its content is read.
func TestAProofBlobIsReadBounded(t *testing.T) {
	if !onServer() {
		t.Skip("a server's: the folder's reads are bounded in data/proofs")
	}
	db := openTest(t)
	p := proof(t, "a.pdf", "%PDF-1.4 twenty-odd bytes")
	if _, err := db.sql.Exec(`INSERT INTO proof_files (sha256, data, size, created_at) VALUES (?, ?, ?, 't')`, p.SHA256, p.Data, len(p.Data)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ProofBlob(p.SHA256, 10); err == nil {
		t.Error("a 25-byte file was read with a bound of 10")
	}
	if b, err := db.ProofBlob(p.SHA256, int64(len(p.Data))); err != nil || string(b) != string(p.Data) {
		t.Errorf("within the bound: %q, %v", b, err)
	}
}

// Two offices attach the same scan; one deletes its record. The file
// stays for the other office, though its login sees its own office's
// records only (row-level security): the check sees every office's. The
// office's login reads the file through what the screens use, and an
// office's login is refused as the source of a copy.
func TestAServerFileStaysForAnotherOffice(t *testing.T) {
	serverOnly(t, "offices")
	target := newTarget(t)
	owner, err := openTarget(t, target, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { owner.Close() })
	if err := owner.InitRoles(ctx); err != nil {
		t.Fatal(err)
	}
	for _, l := range []data.StaffLogin{{Name: "pu_files", Role: data.RoleEditor, Office: "浦东"}, {Name: "min_files", Role: data.RoleEditor, Office: "闵行"}} {
		if err := owner.AddLogin(ctx, l, nil); err != nil {
			t.Fatal(err)
		}
	}
	// Logins are the whole server's: dropped after the test (after their
	// connections close), so other tests listing logins do not see them.
	t.Cleanup(func() {
		for _, name := range []string{"pu_files", "min_files"} {
			if _, err := owner.sql.Exec(`DROP ROLE ` + name); err != nil {
				t.Errorf("drop %s: %v", name, err)
			}
		}
	})
	pu, min := openAs(t, target, "pu_files"), openAs(t, target, "min_files")
	scan := proof(t, "培训证明.pdf", "%PDF-1.4 one training, two offices")
	var recs []*data.CERecord
	for i, db := range []*DB{pu, min} {
		useProofs(t, db)
		h := mustCreateHolder(t, db, holder("张伟", []string{"11010519491231002X", "44030519900101123X"}[i]))
		r := &data.CERecord{HolderID: h.ID, Kind: data.CEOnline, Title: "网课", Date: data.NewDate(2025, 3, 1), Hours: data.WholeHours(2), Proofs: []data.Proof{scan}}
		if err := db.CreateCERecord(ctx, r); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	// An edit keeping the proof names it by its hash only (a file known).
	kept := *recs[1]
	kept.Title = "网课（改）"
	if err := min.UpdateCERecord(ctx, &kept); err != nil {
		t.Fatalf("an office's edit of a record with a proof: %v", err)
	}
	if err := pu.DeleteCERecord(ctx, recs[0].ID); err != nil {
		t.Fatal(err)
	}
	useProofs(t, pu) // the sweep at a start, by the office whose record went
	got := useProofs(t, min)
	if b, err := got.Open(scan); err != nil || string(b) != string(scan.Data) {
		t.Errorf("the other office's proof: %q, %v", b, err)
	}
	if err := min.DeleteCERecord(ctx, recs[1].ID); err != nil {
		t.Fatal(err)
	}
	if n := files(t, got); n != 0 {
		t.Errorf("%d files once neither office refers to it", n)
	}
	_, err = owner.CopyFrom(ctx, pu, got)
	wantKey(t, "an office's login as the source of a copy", err, "err.migrate.office_login")
}
