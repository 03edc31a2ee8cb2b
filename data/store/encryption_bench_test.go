package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/crypt"
)

// What encryption costs, on 10,000 holders (two certificates each), plain
// against encrypted with the default Argon2id costs:
// go test -run '^$' -bench Encryption -benchtime 5x ./data/store/

const encBenchHolders = 10_000

// encBenchDBs makes the plain and the encrypted database once per run.
func encBenchDBs(b *testing.B) (plain, encrypted string) {
	b.Helper()
	dir := b.TempDir()
	plain = filepath.Join(dir, "plain.db")
	db, err := Open(plain, func() time.Time { return testNow })
	if err != nil {
		b.Fatal(err)
	}
	if err := db.CreateHolderRecords(ctx, benchRecords(encBenchHolders)); err != nil {
		b.Fatal(err)
	}
	db.Close()
	encDir := filepath.Join(dir, "enc")
	os.Mkdir(encDir, 0o700)
	encrypted = filepath.Join(encDir, "enc.db")
	raw, err := os.ReadFile(plain)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(encrypted, raw, 0o600); err != nil {
		b.Fatal(err)
	}
	db, err = Open(encrypted, func() time.Time { return testNow })
	if err != nil {
		b.Fatal(err)
	}
	if err := db.EnableEncryption(ctx, []byte(pass)); err != nil {
		b.Fatal(err)
	}
	db.Close()
	return plain, encrypted
}

func BenchmarkEncryption10k(b *testing.B) {
	plain, encrypted := encBenchDBs(b)
	for _, c := range []struct {
		name string
		path string
	}{{"plain", plain}, {"encrypted", encrypted}} {
		open := func(b *testing.B) *DB {
			db, err := Open(c.path, func() time.Time { return testNow }, withPass(pass))
			if err != nil {
				b.Fatal(err)
			}
			return db
		}
		// Opening (the passphrase derived, once) with the first page shown.
		b.Run(c.name+"/open_first_page", func(b *testing.B) {
			for b.Loop() {
				db := open(b)
				if page, err := db.FindHolders(ctx, data.HolderFilter{}); err != nil || len(page) != data.DefaultPageSize {
					b.Fatalf("%d %v", len(page), err)
				}
				db.Close()
			}
		})
		db := open(b)
		db.WarmSearch(ctx)
		for _, q := range []struct{ name, search string }{
			{"name", "王"},
			{"full_id", "11010519600101001" + string(data.IDCheckChar("11010519600101001"))},
			{"none", "无此人"},
		} {
			b.Run(c.name+"/search_"+q.name, func(b *testing.B) {
				f := data.HolderFilter{Search: q.search}
				if n, _ := db.CountHolders(ctx, f); q.name == "full_id" && n != 1 {
					b.Fatalf("the full ID finds %d", n)
				}
				for b.Loop() {
					if _, err := db.FindHolders(ctx, f); err != nil {
						b.Fatal(err)
					}
					if _, err := db.CountHolders(ctx, f); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		db.Close()
	}
}

// BenchmarkEncryptionImport10k: 10,000 sheet rows into an empty database,
// plain and encrypted.
func BenchmarkEncryptionImport10k(b *testing.B) {
	tab := benchSheet(b, 10_000)
	for _, encrypted := range []bool{false, true} {
		name := "plain"
		if encrypted {
			name = "encrypted"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				db := benchImportDB(b)
				if encrypted {
					db.vault.kdf = crypt.Params{Time: 1, MemoryKiB: 64, Threads: 1}
					if err := db.EnableEncryption(ctx, []byte(pass)); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				if res := importSheet(b, db, tab, data.ImportOptions{}); !res.Written || res.Imported != 15_000 {
					b.Fatalf("%+v", res.Imported)
				}
			}
		})
	}
}

// BenchmarkEncryptionOn10k: turning encryption on for 10,000 holders (the
// rows sealed in one transaction, then VACUUM), without the derivation.
func BenchmarkEncryptionOn10k(b *testing.B) {
	plain, _ := encBenchDBs(b)
	raw, err := os.ReadFile(plain)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "on.db")
		os.WriteFile(path, raw, 0o600)
		db, err := Open(path, func() time.Time { return testNow }, cheapKDF)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := db.EnableEncryption(ctx, []byte(pass)); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
}
