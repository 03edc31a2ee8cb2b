package store

import (
	"context"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
)

// Items worked out by an older release's rules are worked out again on the
// first open by a release whose rules changed (data.AttentionRules).
func TestNewRulesWorkEveryHolderOutAgain(t *testing.T) {
	ctx := context.Background()
	path := newTarget(t)
	clock := func() time.Time { return testNow }
	db, err := openTarget(t, path, clock)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.CreateHolderRecords(ctx, records(t, 3)); err != nil {
		t.Fatal(err)
	}
	if err := db.RefreshAttention(ctx, testNow); err != nil {
		t.Fatal(err)
	}
	stale := func(db *DB) int {
		t.Helper()
		ids, err := db.staleHolders(ctx, testNow)
		if err != nil {
			t.Fatal(err)
		}
		return len(ids)
	}
	if n := stale(db); n != 0 {
		t.Fatalf("%d stale right after a refresh", n)
	}
	// As an older release left it: its rules' version.
	_, older := rulesVersionSQL(db.sql.dialect, 1)
	if _, err := db.sql.ExecContext(ctx, older); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = openTarget(t, path, clock); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := stale(db); n != 3 {
		t.Errorf("%d of 3 holders to work out again under the new rules", n)
	}
	var v int
	read, _ := rulesVersionSQL(db.sql.dialect, 0)
	db.sql.QueryRowContext(ctx, read).Scan(&v)
	if v != data.AttentionRules {
		t.Errorf("rules version %d, want %d", v, data.AttentionRules)
	}
}
