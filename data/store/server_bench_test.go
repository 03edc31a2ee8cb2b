package store

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/pgtest"
)

// The server's benchmarks (the agency edition, #18): 1,000,000 holders
// on a throwaway PostgreSQL cluster (data/pgtest), built once per run.
// They run in the server's pass only:
//
//	SWCERT_TEST_STORE=postgres go test -run '^$' -bench Server -benchtime 20x ./data/store/
//
// (make bench-server; scripts/pg-bench.sh adds the binary's demo and
// import). SWCERT_BENCH_SERVER_HOLDERS sets another number of holders.

// serverBenchHolders is how many holders the server's benchmarks search.
func serverBenchHolders() int {
	if n, err := strconv.Atoi(os.Getenv("SWCERT_BENCH_SERVER_HOLDERS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

var (
	serverBenchOnce sync.Once
	serverBenchDSN  string
	serverBenchKey  string
	serverBenchErr  error
)

// serverBenchDB is a server database of benchRecords(n): the holders of
// the SQLite benchmarks, two certificates each. Written through the store
// a row at a time it takes the better part of an hour; here the rows are
// copied in (COPY) with the row triggers off, and what the triggers would
// have kept is then made in one statement each, with the schema's own
// function for the search text.
func serverBenchDB(b *testing.B) (dsn, key string) {
	b.Helper()
	if !onServer() {
		b.Skip("the server's benchmark: runs in the server's pass (SWCERT_TEST_STORE=postgres)")
	}
	serverBenchOnce.Do(func() {
		// SWCERT_BENCH_SERVER_DSN: a database of a server of one's own,
		// filled at the first run and used as it is at the next
		// (scripts/pg-bench.sh), else one on the test's cluster.
		serverBenchDSN = os.Getenv("SWCERT_BENCH_SERVER_DSN")
		if serverBenchDSN == "" {
			serverBenchDSN = pgtest.Database(b)
		}
		dir, err := os.MkdirTemp("", "swcert-bench-server-")
		if err != nil {
			serverBenchErr = err
			return
		}
		serverBenchKey = filepath.Join(dir, "installation.key")
		db, err := Open(serverBenchDSN, func() time.Time { return testNow }, WithKeyFile(serverBenchKey))
		if err != nil { // makes the schema
			serverBenchErr = err
			return
		}
		defer db.Close()
		var n int
		if serverBenchErr = db.sql.QueryRow(`SELECT count(*) FROM holders`).Scan(&n); serverBenchErr == nil && n == 0 {
			serverBenchErr = copyBenchRecords(serverBenchDSN, benchRecords(serverBenchHolders()))
		}
	})
	if serverBenchErr != nil {
		b.Fatal(serverBenchErr)
	}
	return serverBenchDSN, serverBenchKey
}

func copyBenchRecords(dsn string, recs []data.HolderRecord) error {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	ts := testNow.UTC().Format(stampLayout)
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	// The owner is the cluster's superuser: it may turn the triggers off
	// for this transaction.
	if _, err := tx.Exec(ctx, `SET LOCAL session_replication_role = replica`); err != nil {
		return err
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"holders"},
		[]string{"id", "name", "id_type", "id_number", "org", "created_at", "updated_at"},
		pgx.CopyFromSlice(len(recs), func(i int) ([]any, error) {
			h := recs[i].Holder
			return []any{int64(i + 1), h.Name, "resident", h.IDNumber, h.Org, ts, ts}, nil
		}))
	if err != nil {
		return err
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"certificates"},
		[]string{"id", "holder_id", "level", "mno", "exam_year", "passed_on", "issued_on", "issuer", "status", "created_at", "updated_at"},
		pgx.CopyFromSlice(2*len(recs), func(i int) ([]any, error) {
			c := recs[i/2].Certificates[i%2]
			return []any{int64(i + 1), int64(i/2 + 1), string(c.Level), c.MNo, int64(c.ExamYear), c.PassedOn.String(), c.IssuedOn.String(),
				c.Issuer, "valid", ts, ts}, nil
		}))
	if err != nil {
		return err
	}
	for _, q := range []string{
		`UPDATE holders SET search = swcert_search_text(name, id_number, org, id)`,
		`INSERT INTO holder_search (id, name, phone, key) SELECT id, name, phone, swcert_search_key(search) FROM holders ORDER BY name, id`,
		`INSERT INTO attention_fresh (holder_id, until, gen) SELECT id, 0, 1 FROM holders`,
		`SELECT setval(pg_get_serial_sequence('holders', 'id'), (SELECT max(id) FROM holders))`,
		`SELECT setval(pg_get_serial_sequence('certificates', 'id'), (SELECT max(id) FROM certificates))`,
	} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	// As autovacuum leaves a table some time after a load: its statistics
	// for the planner, and its pages all-visible.
	_, err = conn.Exec(ctx, `VACUUM ANALYZE`)
	return err
}

// BenchmarkServerSearch1M: a search over 1,000,000 holders on the server,
// the first page of 50 (page) and the count the list shows beside it
// (count), measured apart: the window shows the page, then the count.
func BenchmarkServerSearch1M(b *testing.B) {
	dsn, key := serverBenchDB(b)
	db, err := Open(dsn, func() time.Time { return testNow }, WithKeyFile(key))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	searchBench(b, db, []searchCase{
		{"all", ""},
		{"common_name", "王"},             // 50,000 matches
		{"every_row", "机构"},              // every holder's employer
		{"two_chars", "王伟"},              // 2,500
		{"rare_name", "王伟娜"},             // 125
		{"two_words", "王 娜"},             // 2,500
		{"id_number", "110105196001010"}, // an ID prefix
		{"id_birth", "19600101"},         // a date of birth in the ID numbers (1,000)
		{"id_region", "110105"},          // a region every ID number has
		{"mno", "2022S110099999"},        // one certificate
		{"phone", "13800138000"},         // no one's
		{"none", "无此人"},                  // no match
		{"none_two_chars", "无此"},         // no match, no trigram
	})
}

type searchCase struct{ name, search string }

// searchBench measures each search's first page and count apart.
func searchBench(b *testing.B, db *DB, cases []searchCase) {
	for _, q := range cases {
		f := data.HolderFilter{Search: q.search}
		b.Run(q.name+"/page", func(b *testing.B) {
			for b.Loop() {
				if _, err := db.FindHolders(ctx, f); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(q.name+"/count", func(b *testing.B) {
			for b.Loop() {
				if _, err := db.CountHolders(ctx, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkServerDashboard1M: the dashboard's first screen over the
// 1,000,000 holders of BenchmarkServerSearch1M (two certificates each) at
// testNow: the figures, then the first page of the 30-day view with the
// number of its items, read by keys (first-screen) and paged in SQL
// (first-screen-paged); a page far down; the parts alone. The items are
// worked out once before (minutes, the first open after a load).
func BenchmarkServerDashboard1M(b *testing.B) {
	dsn, key := serverBenchDB(b)
	db, err := Open(dsn, func() time.Time { return testNow }, WithKeyFile(key))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := db.RefreshAttention(ctx, testNow); err != nil {
		b.Fatal(err)
	}
	within30 := data.AttentionFilter{Within: 30}
	b.Run("first-screen", func(b *testing.B) {
		for b.Loop() {
			firstScreenByKeys(b, db, within30, testNow)
		}
	})
	b.Run("first-screen-paged", func(b *testing.B) {
		for b.Loop() {
			firstScreenPaged(b, db, within30, testNow)
		}
	})
	b.Run("page-far-down", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.AttentionAt(ctx, within30, testNow, 500_000, 100); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("count-grouped", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := db.AttentionCount(ctx, data.AttentionFilter{Within: 30, Group: data.GroupOrg}, testNow); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("figures", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.AttentionFigures(ctx, testNow); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("keys-30", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := db.AttentionKeys(ctx, within30, testNow); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("keys-grouped", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := db.AttentionKeys(ctx, data.AttentionFilter{Within: 30, Group: data.GroupOrg}, testNow); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// serverDemoDB is the server database `swcert demo` filled
// (SWCERT_BENCH_SERVER_DEMO_DSN, made by scripts/pg-bench.sh).
func serverDemoDB(b *testing.B) *DB {
	b.Helper()
	dsn := os.Getenv("SWCERT_BENCH_SERVER_DEMO_DSN")
	if !onServer() || dsn == "" {
		b.Skip("needs SWCERT_BENCH_SERVER_DEMO_DSN, a database `swcert demo` filled, in the server's pass")
	}
	db, err := Open(dsn, time.Now, WithKeyFile(filepath.Join(b.TempDir(), "installation.key")))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkServerDashboard: the dashboard on the demo's server database
// (serverDemoDB), as BenchmarkDashboard100k measures a file. The demo's
// clock is the wall clock: the dashboard is read at now.
func BenchmarkServerDashboard(b *testing.B) {
	db := serverDemoDB(b)
	now := time.Now()
	within30 := data.AttentionFilter{Within: 30}
	b.Run("first-screen", func(b *testing.B) {
		for b.Loop() {
			firstScreenByKeys(b, db, within30, now)
		}
	})
	b.Run("first-screen-paged", func(b *testing.B) {
		for b.Loop() {
			firstScreenPaged(b, db, within30, now)
		}
	})
	b.Run("due-30", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.Attention(ctx, within30, now); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("whole", func(b *testing.B) { workOutWhole(b, db, now) })
}

// BenchmarkServerDemoSearch: the searches of BenchmarkServerSearch1M on
// the database `swcert demo` filled (SWCERT_BENCH_SERVER_DEMO_DSN), its
// numbers taken from a holder in the middle: the demo's names, agencies
// and numbers are spread as a real roster's are, not as benchRecords'.
func BenchmarkServerDemoSearch(b *testing.B) {
	db := serverDemoDB(b)
	var name, id, phone, mno string
	err := db.sql.QueryRowContext(ctx, `SELECT h.name, h.id_number, h.phone, c.mno FROM holders h JOIN certificates c ON c.holder_id = h.id
		WHERE h.id_type = 'resident' AND h.phone <> '' AND h.id >= (SELECT max(id) / 2 FROM holders) ORDER BY h.id LIMIT 1`).Scan(&name, &id, &phone, &mno)
	if err != nil {
		b.Fatal(err)
	}
	searchBench(b, db, []searchCase{
		{"all", ""},
		{"common_name", "王"},
		{"every_row", "演示"}, // every demo employer
		{"agency_word", "阳光"},
		{"city", "北京市"},
		{"holder_name", name},
		{"two_words", "王 娜"},
		{"id_number", id[:15]},
		{"id_birth", id[6:14]},
		{"id_region", id[:6]},
		{"mno", mno},
		{"phone", phone},
		{"none", "无此人"},
		{"none_two_chars", "无此"},
	})
}

// BenchmarkServerImportSheet10k: 10,000 rows into an empty server
// database, as BenchmarkImportSheet10k into a file.
func BenchmarkServerImportSheet10k(b *testing.B) {
	if !onServer() {
		b.Skip("the server's benchmark: runs in the server's pass (SWCERT_TEST_STORE=postgres)")
	}
	tab := benchSheet(b, 10_000)
	for b.Loop() {
		b.StopTimer()
		db, err := openTarget(b, pgtest.Database(b), func() time.Time { return testNow })
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if res := importSheet(b, db, tab, data.ImportOptions{}); !res.Written || res.Imported != 15_000 {
			b.Fatalf("%+v", res.Imported)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
}
