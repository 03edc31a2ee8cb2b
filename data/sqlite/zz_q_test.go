package sqlite

import (
	"os"
	"testing"
	"time"
)

func TestZZQ(t *testing.T) {
	path := os.Getenv("PROF_DB")
	if path == "" {
		t.Skip()
	}
	db, _ := Open(path, func() time.Time { return testNow })
	defer db.Close()
	for _, q := range []string{
		`SELECT count(*) FROM attention WHERE due < '2026-11-22'`,
		`SELECT count(*) FROM attention WHERE due IS NULL`,
		`SELECT count(*) FROM attention WHERE due >= '2026-11-22' AND due <= '2026-12-22'`,
		`SELECT count(*) FROM attention WHERE due >= '2026-11-22' AND due <= '2026-12-22' OR due IS NULL`,
		`SELECT count(*) FROM attention WHERE (due <= '2026-12-22' OR due IS NULL)`,
		`SELECT coalesce(sum(due < '2026-11-22'), 0), coalesce(sum(due >= '2026-11-22' OR due IS NULL), 0) FROM attention WHERE (due <= '2026-12-22' OR due IS NULL)`,
		`SELECT count(*) FROM attention WHERE kind = 'paper'`,
		`SELECT count(*) FROM attention WHERE instr(search, '王') > 0`,
		`SELECT count(*) FROM holders`,
		`SELECT count(*) FROM certificates`,
		`SELECT count(*) FROM attention`,
	} {
		start := time.Now()
		var n any
		db.sql.QueryRow(q).Scan(&n)
		var plan, detail string
		var a, b int
		db.sql.QueryRow("EXPLAIN QUERY PLAN "+q).Scan(&a, &b, &plan, &detail)
		t.Logf("%8.1f ms  %v  %s  | %s", float64(time.Since(start).Microseconds())/1000, n, q, detail)
	}
}
