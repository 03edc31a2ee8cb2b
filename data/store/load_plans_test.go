package store

import (
	"testing"
)

// A load's later statements are planned for the tables as they are then,
// not as they were at its first statement (00026, bulkTx): a plan kept
// from a load's start, when holders had a few rows, read the whole table
// at each statement after, and a demo of 1,000,000 holders slowed down
// without end. In one load's transaction: a few holders and
// certificates, a query by keys run often enough to be kept, then 20,000
// holders; the next statement's certificates and the query again read
// no holder but their own (the transaction's own scans of holders, by
// pg_stat_xact_user_tables).
func TestServerLoadPlansAsTheTablesGrow(t *testing.T) {
	serverOnly(t, "PostgreSQL keeps the plans of a session")
	db := openTest(t)
	const ts = `'2026-11-22T10:00:00.000Z'`
	err := db.bulkTx(ctx, func(tx *txn) error {
		run := func(q string, args ...any) {
			t.Helper()
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		holders := func(from, to int) {
			run(`INSERT INTO holders (id, name, id_type, id_number, demo, created_at, updated_at)
				SELECT g, '演示' || g, 'passport', 'P' || g, 1, `+ts+`, `+ts+` FROM generate_series(?1::bigint, ?2::bigint) g`, from, to)
		}
		certificates := func(from, to int) {
			run(`INSERT INTO certificates (holder_id, level, mno, exam_year, passed_on, issued_on, status, created_at, updated_at)
				SELECT g, 'assistant', '2020Z' || g, 2020, '2020-10-01', '2020-12-01', 'valid', `+ts+`, `+ts+` FROM generate_series(?1::bigint, ?2::bigint) g`, from, to)
		}
		byKeys := func() {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM holders WHERE id = ANY(?1::bigint[])`, "{3,5,7}").Scan(&n); err != nil || n != 3 {
				t.Fatalf("holders by keys: %d, %v", n, err)
			}
		}
		read := func() (n int64) {
			t.Helper()
			if err := tx.QueryRowContext(ctx, `SELECT coalesce(seq_tup_read, 0) FROM pg_stat_xact_user_tables WHERE relname = 'holders'`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		holders(1, 10)
		certificates(1, 5)
		for range 8 {
			byKeys()
		}
		holders(11, 20_000)
		before := read()
		certificates(6, 10)
		if n := read() - before; n > 1000 {
			t.Errorf("a statement of 5 certificates read %d holders", n)
		}
		before = read()
		byKeys()
		if n := read() - before; n > 1000 {
			t.Errorf("3 holders by their keys: %d holders read", n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
