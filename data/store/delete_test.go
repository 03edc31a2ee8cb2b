package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/swcert/swcert/data"
)

// A deleted holder's ID and phone numbers do not stay in the file's free
// pages (secure_delete), in the database or a -wal, once it is closed.
func TestDeletedNumbersLeaveNoTrace(t *testing.T) {
	fileOnly(t, "what is left in the file's free pages")
	path := filepath.Join(t.TempDir(), "swcert.db")
	db, err := Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	const id, phone = "44030519900101123X", "13912345678"
	for i := 0; i < 50; i++ { // others around it, so its page stays in use
		mustCreateHolder(t, db, holder("李娜", validID(i)))
	}
	h := holder("王芳", id)
	h.Phone = phone
	mustCreateHolder(t, db, h)
	if err := db.DeleteHolder(ctx, h.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil {
			continue // no -wal after a close
		}
		for _, s := range []string{id, phone, "44030519900101123x"} {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s still holds %s", filepath.Base(p), s)
			}
		}
	}
}

// After large deletions, closing gives the space back; a few deletions
// leave the file as it is.
func TestCloseVacuumsAfterLargeDeletions(t *testing.T) {
	fileOnly(t, "what is left in the file's free pages")
	path := filepath.Join(t.TempDir(), "swcert.db")
	db, err := Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	// The audit log keeps an entry of every holder written and deleted,
	// so deletions alone no longer free pages: this test of the vacuum
	// writes without it.
	for _, trigger := range []string{"holders_audit_insert", "holders_audit_delete"} {
		if _, err := db.sql.Exec(`DROP TRIGGER ` + trigger); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 5000; i++ {
		mustCreateHolder(t, db, holder("张伟", validID(i)))
	}
	db.Close()
	full, _ := os.Stat(path)

	db, _ = Open(path, clock)
	for i := int64(1); i <= 5; i++ {
		if err := db.DeleteHolder(ctx, i); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if fi, _ := os.Stat(path); fi.Size() != full.Size() {
		t.Errorf("5 deletions of 5000 changed the size %d → %d", full.Size(), fi.Size())
	}

	db, _ = Open(path, clock)
	for i := int64(6); i <= 4500; i++ {
		if err := db.DeleteHolder(ctx, i); err != nil {
			t.Fatal(err)
		}
	}
	free, pages, _ := db.freePages(ctx)
	if !worthVacuum(free, pages) {
		t.Fatalf("%d of %d pages free: the test needs a large deletion", free, pages)
	}
	db.Close()
	fi, _ := os.Stat(path)
	if fi.Size()*2 > full.Size() {
		t.Errorf("after deleting 4500 of 5000 holders the file is %d bytes of %d", fi.Size(), full.Size())
	}
	db, err = Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n, err := db.CountHolders(ctx, data.HolderFilter{}); err != nil || n != 500 {
		t.Errorf("%d holders after the vacuum (%v), want 500", n, err)
	}
}
