package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/demo"
)

// The benchmarks run on one file of 100,000 holders (with about 200,000
// certificates), built once per `go test` run and then copied, since
// building it is slower than what is measured. Run them with `make bench`.
const benchHolders = 100_000

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

func benchDB(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "swcert-bench-")
		if err != nil {
			benchErr = err
			return
		}
		benchPath = filepath.Join(dir, "bench.db")
		db, err := Open(benchPath, func() time.Time { return testNow })
		if err != nil {
			benchErr = err
			return
		}
		defer db.Close()
		benchErr = db.CreateHolderRecords(ctx, benchRecords(benchHolders))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

// benchRecords are holders with two certificates each and names drawn
// from a small alphabet, so a one-character search matches many rows and a
// full number matches one.
func benchRecords(n int) []data.HolderRecord {
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平")
	recs := make([]data.HolderRecord, n)
	for i := range recs {
		first17 := "110105" + data.NewDate(1960, 1, 1).AddDays(i/1000).Time().Format("20060102") + fmt.Sprintf("%03d", i%1000)
		h := data.Holder{
			Name:     string([]rune{surnames[i%len(surnames)], given[(i/7)%len(given)], given[(i/131)%len(given)]}),
			IDNumber: first17 + string(data.IDCheckChar(first17)),
			Org:      "机构" + fmt.Sprintf("%03d", i%500),
		}
		c1 := cert(0, fmt.Sprintf("2018Z11%07d", i), data.NewDate(2019, 1, 6))
		c2 := cert(0, fmt.Sprintf("2022S11%07d", i), data.NewDate(2023, 1, 6))
		recs[i] = data.HolderRecord{Holder: h, Certificates: []data.Certificate{*c1, *c2}}
	}
	return recs
}

// BenchmarkSearchFirstPage100k: one search over 100,000 holders, returning
// the first page of 50 and the count the list shows beside it.
func BenchmarkSearchFirstPage100k(b *testing.B) {
	db, err := Open(benchDB(b), func() time.Time { return testNow })
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	// The first search after opening loads the search texts; that cost is
	// BenchmarkFirstSearchAfterOpen100k's, not a keystroke's.
	if _, err := db.CountHolders(ctx, data.HolderFilter{Search: "warm"}); err != nil {
		b.Fatal(err)
	}
	for _, q := range []struct{ name, search string }{
		{"all", ""},
		{"common_name", "王"},             // thousands of matches
		{"rare_name", "王伟娜"},             // a few hundred
		{"id_number", "110105196001010"}, // an ID prefix
		{"mno", "2022S110099999"},        // one certificate
		{"none", "无此人"},                  // no match: the whole table is read
	} {
		b.Run(q.name, func(b *testing.B) {
			f := data.HolderFilter{Search: q.search}
			for b.Loop() {
				page, err := db.FindHolders(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := db.CountHolders(ctx, f); err != nil {
					b.Fatal(err)
				}
				_ = page
			}
		})
	}
}

// BenchmarkOpenFirstPage100k: what starting the app costs before the list
// shows: open the file (migrations already applied), count, first page.
func BenchmarkOpenFirstPage100k(b *testing.B) {
	path := benchDB(b)
	for b.Loop() {
		db, err := Open(path, func() time.Time { return testNow })
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.CountHolders(ctx, data.HolderFilter{}); err != nil {
			b.Fatal(err)
		}
		page, err := db.FindHolders(ctx, data.HolderFilter{})
		if err != nil || len(page) != data.DefaultPageSize {
			b.Fatalf("first page: %d, %v", len(page), err)
		}
		db.Close()
	}
}

// BenchmarkFirstSearchAfterOpen100k: the first search of a session, or the
// first after another process changed the file, loads the search texts.
func BenchmarkFirstSearchAfterOpen100k(b *testing.B) {
	path := benchDB(b)
	for b.Loop() {
		db, err := Open(path, func() time.Time { return testNow })
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.FindHolders(ctx, data.HolderFilter{Search: "王"}); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

var (
	demoOnce sync.Once
	demoPath string
	demoErr  error
)

// demoDB is 100,000 demo holders with certificates, registrations, CE
// records, annotations and paper collections (about a minute to build).
func demoDB(b *testing.B) string {
	b.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "swcert-bench-demo-")
		if err != nil {
			demoErr = err
			return
		}
		demoPath = filepath.Join(dir, "demo.db")
		db, err := Open(demoPath, func() time.Time { return testNow })
		if err != nil {
			demoErr = err
			return
		}
		defer db.Close()
		demoErr = db.CreateHolderRecords(ctx, demo.Generate(benchHolders, 1, data.DateOf(testNow)))
		if demoErr == nil { // as `swcert demo` does
			demoErr = db.RefreshAttention(ctx, testNow)
		}
	})
	if demoErr != nil {
		b.Fatal(demoErr)
	}
	return demoPath
}

// BenchmarkDashboard100k: the dashboard with 100,000 holders (about
// 185,000 items). first-screen is what opening it does: the figures, the
// keys of the default filter (30 days) and its first page; page-far a
// page 500 pages down with any time. next-day is
// the first look of a day: the holders whose dates came are worked out
// again (iteration i is day i after the demo's). whole is working out
// everyone (after a first open of an older file, or a demo). due-30 reads
// what `swcert due --within 30` prints.
func BenchmarkDashboard100k(b *testing.B) {
	// As the binary runs heavy work (app/memory.go): the collector at 400%
	// under a soft limit of 384 MiB.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(384 << 20))
	db, err := Open(demoDB(b), func() time.Time { return testNow })
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
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
	keys, _, err := db.AttentionKeys(ctx, data.AttentionFilter{}, testNow)
	if err != nil || len(keys) < 50100 {
		b.Fatal(len(keys), err)
	}
	b.Run("page-far", func(b *testing.B) {
		for b.Loop() {
			if page, err := db.AttentionPage(ctx, keys[50000:50100], testNow); err != nil || len(page) != 100 {
				b.Fatal(len(page), err)
			}
		}
	})
	b.Run("due-30", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.Attention(ctx, within30, testNow); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("next-day", func(b *testing.B) {
		day := testNow
		for b.Loop() {
			day = day.AddDate(0, 0, 1)
			if err := db.RefreshAttention(ctx, day); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("whole", func(b *testing.B) { workOutWhole(b, db, testNow) })
}

// BenchmarkFirstOpenOfEarlierRelease100k: the first open of a database of a
// release before the stamp reads every page once (quick_check), then
// stamps it; later opens are BenchmarkOpenFirstPage100k.
func BenchmarkFirstOpenOfEarlierRelease100k(b *testing.B) {
	src := benchDB(b)
	dir := b.TempDir()
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(dir, "old.db")
		raw, err := os.ReadFile(src)
		if err != nil {
			b.Fatal(err)
		}
		copy(raw[68:72], []byte{0, 0, 0, 0}) // as an earlier release left it
		if err := os.WriteFile(path, raw, 0o600); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		db, err := Open(path, func() time.Time { return testNow })
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

// BenchmarkCloseAfterDeletingMost100k: closing after 80,000 of 100,000
// holders were deleted gives the space back (VACUUM), after the command's
// output or once the window is gone.
func BenchmarkCloseAfterDeletingMost100k(b *testing.B) {
	src := benchDB(b)
	dir := b.TempDir()
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(dir, "copy.db")
		raw, err := os.ReadFile(src)
		if err != nil {
			b.Fatal(err)
		}
		os.Remove(path + "-wal")
		if err := os.WriteFile(path, raw, 0o600); err != nil {
			b.Fatal(err)
		}
		db, err := Open(path, func() time.Time { return testNow })
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.sql.Exec(`DELETE FROM holders WHERE id % 5 != 0`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		db.Close()
	}
}

// firstScreenByKeys is the dashboard's first screen at now read as it
// was: the figures, every key of the filter, the first page by them.
func firstScreenByKeys(b *testing.B, db *DB, f data.AttentionFilter, now time.Time) {
	if _, err := db.AttentionFigures(ctx, now); err != nil {
		b.Fatal(err)
	}
	keys, _, err := db.AttentionKeys(ctx, f, now)
	if err != nil {
		b.Fatal(err)
	}
	first := keys[:min(100, len(keys))] // a small demo has fewer
	if page, err := db.AttentionPage(ctx, first, now); err != nil || len(page) != len(first) {
		b.Fatal(len(page), err)
	}
}

// firstScreenPaged is the first screen as the window reads it now
// (screens/dashboard.go): the figures, the count, the first page by its
// offset; the keys for scrolling come after.
func firstScreenPaged(b *testing.B, db *DB, f data.AttentionFilter, now time.Time) {
	if _, err := db.AttentionFigures(ctx, now); err != nil {
		b.Fatal(err)
	}
	n, _, err := db.AttentionCount(ctx, f, now)
	if err != nil {
		b.Fatal(err)
	}
	if page, err := db.AttentionAt(ctx, f, now, 0, 100); err != nil || len(page) != min(100, n) {
		b.Fatal(len(page), err)
	}
}

// workOutWhole times working out every holder's items again at now, as
// after a load.
func workOutWhole(b *testing.B, db *DB, now time.Time) {
	for b.Loop() {
		b.StopTimer()
		if _, err := db.sql.ExecContext(ctx, `UPDATE attention_fresh SET until = 0`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := db.RefreshAttention(ctx, now); err != nil {
			b.Fatal(err)
		}
	}
}
