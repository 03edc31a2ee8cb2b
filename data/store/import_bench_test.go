package store

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/sheet"
)

// The import's benchmarks (not in `make bench`, each run is a second):
// go test -run '^$' -bench Import -benchtime 5x ./data/store/

// benchSheet is a staff sheet of n rows in the template's columns, read
// back: n/2 holders with two certificates each, as a roster lists them.
func benchSheet(b testing.TB, n int) *sheet.Table {
	b.Helper()
	rows := make([][]string, n)
	for i := range rows {
		h := i / 2
		first17 := "110105" + data.NewDate(1960, 1, 1).AddDays(h/1000).Time().Format("20060102") + fmt.Sprintf("%03d", h%1000)
		id := first17 + string(data.IDCheckChar(first17))
		level, mno, passed, issued := "助理社会工作师", fmt.Sprintf("2018Z11%07d", h), "2018-06-20", "2019-01-06"
		if i%2 == 1 {
			level, mno, passed, issued = "社会工作师", fmt.Sprintf("2022S11%07d", h), "2022-06-20", "2023-01-06"
		}
		rows[i] = []string{fmt.Sprintf("持证人%05d", h), "居民身份证", id, "", fmt.Sprintf("机构%03d", h%500), "北京市",
			level, mno, passed[:4], passed, issued, data.DefaultIssuer, "有效"}
	}
	var buf bytes.Buffer
	if err := sheet.Write("staff.csv", &buf, sheet.TemplateHeader, rows); err != nil {
		b.Fatal(err)
	}
	tab, err := sheet.Read("staff.csv", &buf)
	if err != nil {
		b.Fatal(err)
	}
	return tab
}

func benchImportDB(b *testing.B) *DB {
	b.Helper()
	db, err := Open(filepath.Join(b.TempDir(), "swcert.db"), func() time.Time { return testNow })
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// importSheet is what an import does with a sheet read: parse, merge, write.
func importSheet(b testing.TB, db *DB, tab *sheet.Table, opt data.ImportOptions) data.ImportResult {
	p, err := sheet.Parse(tab)
	if err != nil || len(p.Errors) > 0 {
		b.Fatalf("%v %+v", err, p.Errors)
	}
	res, err := db.ImportRows(ctx, p.Rows, opt)
	if err != nil || len(res.Errors) > 0 {
		b.Fatalf("%v %+v", err, res.Errors)
	}
	return res
}

// BenchmarkImportSheet10k: 10,000 rows into an empty database, as the
// README's Speed table measures with the binary.
func BenchmarkImportSheet10k(b *testing.B) {
	tab := benchSheet(b, 10_000)
	for b.Loop() {
		b.StopTimer()
		db := benchImportDB(b)
		b.StartTimer()
		if res := importSheet(b, db, tab, data.ImportOptions{}); !res.Written || res.Imported != 15_000 {
			b.Fatalf("%+v", res.Imported)
		}
	}
}

// BenchmarkImportAgain10k: the same 10,000 rows again, into the database
// that holds them (every record found, nothing changed).
func BenchmarkImportAgain10k(b *testing.B) {
	tab := benchSheet(b, 10_000)
	db := benchImportDB(b)
	importSheet(b, db, tab, data.ImportOptions{})
	for b.Loop() {
		if res := importSheet(b, db, tab, data.ImportOptions{}); res.Unchanged != 15_000 {
			b.Fatalf("%+v", res.Unchanged)
		}
	}
}

// BenchmarkImportDryRun10k: the preview of 10,000 new rows (every row
// merged as the import would, nothing written).
func BenchmarkImportDryRun10k(b *testing.B) {
	tab := benchSheet(b, 10_000)
	db := benchImportDB(b)
	for b.Loop() {
		if res := importSheet(b, db, tab, data.ImportOptions{DryRun: true}); res.Imported != 15_000 || res.Written {
			b.Fatalf("%+v", res.Imported)
		}
	}
}
