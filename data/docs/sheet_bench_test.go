package docs

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/sheet"
	"github.com/swcert/swcert/data/sqlite"
)

// benchSheet is a staff sheet of n rows in the template's columns: n/2
// holders with two certificates each, as a roster lists them.
func benchSheet(b *testing.B, name string, n int) []byte {
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
	if err := sheet.Write(name, &buf, sheet.TemplateHeader, rows); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func benchService(b *testing.B) *Service {
	b.Helper()
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.Local)
	db, err := sqlite.Open(filepath.Join(b.TempDir(), "swcert.db"), func() time.Time { return now })
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return &Service{Holders: db, Certs: db, Import: db, Now: func() time.Time { return now }}
}

// BenchmarkImportSheet10k: 10,000 rows (.csv) into an empty database, as
// the README's Speed table measures with the binary.
func BenchmarkImportSheet10k(b *testing.B) {
	file := benchSheet(b, "staff.csv", 10_000)
	for b.Loop() {
		b.StopTimer()
		svc := benchService(b)
		b.StartTimer()
		rep, err := svc.ImportSheet(ctx, "staff.csv", bytes.NewReader(file), false, false)
		if err != nil || !rep.Written || len(rep.Errors) > 0 {
			b.Fatalf("%+v %v", rep, err)
		}
	}
}

// BenchmarkReimportSheet10k: the same 10,000 rows again, into the database
// that holds them (every record found, nothing changed).
func BenchmarkReimportSheet10k(b *testing.B) {
	file := benchSheet(b, "staff.csv", 10_000)
	svc := benchService(b)
	if rep, err := svc.ImportSheet(ctx, "staff.csv", bytes.NewReader(file), false, false); err != nil || !rep.Written {
		b.Fatalf("%+v %v", rep, err)
	}
	for b.Loop() {
		rep, err := svc.ImportSheet(ctx, "staff.csv", bytes.NewReader(file), false, false)
		if err != nil || len(rep.Errors) > 0 || rep.Imported+rep.Updated > 0 {
			b.Fatalf("%+v %v", rep, err)
		}
	}
}

// BenchmarkDryRunSheet10k: the preview of 10,000 new rows (every row
// merged as the import would, nothing written).
func BenchmarkDryRunSheet10k(b *testing.B) {
	file := benchSheet(b, "staff.csv", 10_000)
	svc := benchService(b)
	for b.Loop() {
		rep, err := svc.ImportSheet(ctx, "staff.csv", bytes.NewReader(file), true, true)
		if err != nil || len(rep.Errors) > 0 || rep.Imported != 15_000 {
			b.Fatalf("%+v %v", rep.Imported, err)
		}
	}
}
