package store

import (
	"testing"

	"github.com/swcert/swcert/data"
)

// An import writes its entries in one transaction, each following the one
// before it, and the chain's recorded end is its last entry (on a server
// the end moves once, at commit: migration 00019); a second import chains
// on from there.
func TestImportAuditChainsInOneTransaction(t *testing.T) {
	db := openTest(t)
	before := mustVerify(t, db) // the installation's key
	importSheet(t, db, benchSheet(t, 40), data.ImportOptions{})
	if n := mustVerify(t, db) - before; n != 60 { // 20 holders, 40 certificates
		t.Fatalf("%d entries of the import, want 60", n)
	}
	importSheet(t, db, benchSheet(t, 44), data.ImportOptions{})
	if n := mustVerify(t, db) - before; n != 66 {
		t.Fatalf("%d entries of both imports, want 66", n)
	}
	var head, last int64
	if err := db.sql.QueryRow(`SELECT last_id FROM audit_head WHERE chain = 'audit'`).Scan(&head); err != nil {
		t.Fatal(err)
	}
	if err := db.sql.QueryRow(`SELECT max(id) FROM audit`).Scan(&last); err != nil {
		t.Fatal(err)
	}
	if head != last {
		t.Errorf("the chain's end is entry %d, its last entry %d", head, last)
	}
}

// The newest entries removed, the next write does not hide it: it follows
// the recorded end, not the entries left.
func TestAuditRemovedEndStaysMissingAfterAWrite(t *testing.T) {
	db := openTest(t)
	auditedHolders(t, db, 2)
	n := int64(mustVerify(t, db))
	tamper(t, db, `DELETE FROM audit WHERE id = ?`, n)
	importSheet(t, db, benchSheet(t, 2), data.ImportOptions{})
	wantBreak(t, db, data.AuditBreak{ID: n, Reason: data.AuditMissing})
}
