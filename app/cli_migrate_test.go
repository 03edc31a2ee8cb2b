package app

import (
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/swcert/swcert/data/store"
)

type migrateJSON struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Tables []struct {
		Table  string `json:"table"`
		Source int64  `json:"source"`
		Target int64  `json:"target"`
	} `json:"tables"`
	KeyCopied string `json:"key_copied"`
}

func (m migrateJSON) count(t *testing.T, table string) int64 {
	t.Helper()
	for _, c := range m.Tables {
		if c.Table == table {
			if c.Source != c.Target {
				t.Errorf("%s: %d in the source, %d in the target", table, c.Source, c.Target)
			}
			return c.Target
		}
	}
	t.Fatalf("no count of %s in %+v", table, m.Tables)
	return 0
}

// holdersOf is `holder list` as JSON, the part that must survive a copy.
func holdersOf(r *run) any {
	r.t.Helper()
	var v any
	r.ok(&v, "holder", "list")
	return v
}

// rowsIn counts the rows of every copied table of a database, opened
// behind the store's back.
func rowsIn(t *testing.T, target string) map[string]int64 {
	t.Helper()
	driver := "sqlite"
	if store.IsServer(target) {
		driver = "pgx"
	}
	db, err := sql.Open(driver, target)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string]int64{}
	tables := []string{"holders", "certificates", "annotations", "ce_records", "ce_proofs", "profiles", "photos"}
	if store.IsServer(target) {
		tables = append(tables, "proof_files")
	}
	for _, table := range tables {
		var n int64
		if err := db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		out[table] = n
	}
	return out
}

// A file's records move to a shared server and back: the same holders, a
// CE proof's file in the server's proof_files, the PDF sealed before the
// move verifying on the server as this installation's own, and one
// exported on the server verifying too; then the server into a new file.
func TestMigrateAFileToAServerAndBack(t *testing.T) {
	file := newRun(t)
	srv := newServerRun(t) // also the data folder of this installation
	certWithHolder(file)   // holder 1, certificate 1
	file.ok(nil, "demo", "--holders", "5")
	cert, holder := "1", "1"
	scan := filepath.Join(t.TempDir(), "结业证书.pdf")
	os.WriteFile(scan, []byte("%PDF-1.4 a course's certificate"), 0o600)
	file.ok(nil, "ce", "add", "--holder", holder, "--kind", "online", "--title", "网课", "--date", "2026-03-01", "--hours", "2", "--proof", scan)
	file.ok(nil, "annotate", "apply", "--cert", cert)
	file.now = "2026-11-23"
	sealed := filepath.Join(t.TempDir(), "before.pdf")
	file.ok(nil, "export", "cert", "--cert", cert, "--out", sealed)
	want := holdersOf(file)

	var m migrateJSON
	file.ok(&m, "migrate", "--from", file.db, "--to", srv.db)
	if n := m.count(t, "holders"); n != 6 {
		t.Errorf("%d holders copied", n)
	}
	if n := m.count(t, store.ProofFileCount); n < 1 {
		t.Errorf("%d proof files copied", n)
	}
	m.count(t, "ce_proofs")
	m.count(t, "seal_keys")
	if m.KeyCopied == "" {
		t.Error("the key was not carried to the server installation's place")
	}
	srv.now = "2026-11-23"
	if got := holdersOf(srv); !reflect.DeepEqual(got, want) {
		t.Errorf("holders on the server:\n%v\nwant\n%v", got, want)
	}
	if rows := rowsIn(t, srv.db); rows["proof_files"] < 1 || rows["ce_proofs"] < 1 {
		t.Errorf("server rows %v", rows)
	}
	var v verdictJSON
	srv.ok(&v, "verify", sealed)
	if !v.Valid || v.Key != "own" || v.MatchesRecord == nil || !*v.MatchesRecord {
		t.Errorf("the PDF sealed on the file, verified on the server: %+v", v)
	}
	onServer := filepath.Join(t.TempDir(), "server.pdf")
	srv.ok(nil, "export", "cert", "--cert", cert, "--out", onServer)
	srv.ok(&v, "verify", onServer)
	if !v.Valid || v.Key != "own" || v.MatchesRecord == nil || !*v.MatchesRecord {
		t.Errorf("the PDF sealed on the server: %+v", v)
	}
	// New ids continue after the copied ones.
	var h holderJSON
	srv.ok(&h, "holder", "add", "--name", "李娜", "--id-number", "44030519900101123X")
	if h.ID != 7 {
		t.Errorf("the server's next holder is %d", h.ID)
	}

	back := newRun(t)
	back.now = "2026-11-23"
	srv.ok(&m, "migrate", "--from", srv.db, "--to", back.db)
	if n := m.count(t, "holders"); n != 7 {
		t.Errorf("%d holders copied back", n)
	}
	m.count(t, store.ProofFileCount)
	if got, want := holdersOf(back), holdersOf(srv); !reflect.DeepEqual(got, want) {
		t.Errorf("holders in the new file:\n%v\nwant\n%v", got, want)
	}
	back.ok(&v, "verify", onServer)
	if !v.Valid || v.Key == "own" { // the file has a key of its own (carryKey)
		t.Errorf("the server's PDF in the new file: %+v", v)
	}
	if kept, _ := os.ReadDir(proofDir(back.db)); len(kept) == 0 {
		t.Error("no proof files beside the new file")
	}
}

// A target that holds records is refused, naming what it holds, and
// nothing is written to it.
func TestMigrateRefusesATargetThatIsNotEmpty(t *testing.T) {
	file := newRun(t)
	srv := newServerRun(t)
	file.ok(nil, "demo", "--holders", "3")
	srv.ok(nil, "holder", "add", "--name", "李娜", "--id-number", "44030519900101123X")
	before := rowsIn(t, srv.db)
	code, _, errs := file.do("migrate", "--from", file.db, "--to", srv.db)
	if code != ExitInvalid || !strings.Contains(errs, "already has 1 holders") {
		t.Errorf("migrate into a server with a holder: exit %d, %q", code, errs)
	}
	if after := rowsIn(t, srv.db); !reflect.DeepEqual(after, before) {
		t.Errorf("the refused target changed: %v, was %v", after, before)
	}
	other := newRun(t)
	other.ok(nil, "holder", "add", "--name", "李娜", "--id-number", "44030519900101123X")
	if code, _, errs := file.do("migrate", "--from", file.db, "--to", other.db); code != ExitInvalid || !strings.Contains(errs, "already has 1 holders") {
		t.Errorf("migrate into a file with a holder: exit %d, %q", code, errs)
	}
	if code, _, errs := file.do("migrate", "--from", file.db, "--to", file.db); code != ExitInvalid || !strings.Contains(errs, "same database") {
		t.Errorf("migrate into itself: exit %d, %q", code, errs)
	}
	missing := filepath.Join(t.TempDir(), "typo.db")
	if code, _, errs := file.do("migrate", "--from", missing, "--to", other.db); code != ExitInvalid || !strings.Contains(errs, "There is no database at "+missing) {
		t.Errorf("migrate from a file that is not there: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("the missing source was made")
	}
	if code, _, errs := file.do("migrate", "--from", file.db); code != ExitInvalid || !strings.Contains(errs, "Target") {
		t.Errorf("migrate without --to: exit %d, %q", code, errs)
	}
}

// A row the server refuses half way through the copy (an integer column
// holding text, as SQLite lets a program write) leaves the target empty:
// no record and no proof file.
func TestMigrateFailingMidwayLeavesTheTargetEmpty(t *testing.T) {
	file := newRun(t)
	srv := newServerRun(t)
	file.ok(nil, "demo", "--holders", "3")
	scan := filepath.Join(t.TempDir(), "a.pdf")
	os.WriteFile(scan, []byte("%PDF-1.4 a proof"), 0o600)
	file.ok(nil, "ce", "add", "--holder", "1", "--kind", "online", "--title", "网课", "--date", "2026-03-01", "--hours", "2", "--proof", scan)
	raw, err := sql.Open("sqlite", file.db)
	if err != nil {
		t.Fatal(err)
	}
	// After the holders, certificates and CE records were copied.
	if _, err := raw.Exec(`UPDATE ce_proofs SET size = 'not a number'`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	code, _, errs := file.do("migrate", "--from", file.db, "--to", srv.db)
	if code == 0 || !strings.Contains(errs, "ce_proofs") || !strings.Contains(errs, "nothing was written") {
		t.Fatalf("a copy with a row the server refuses: exit %d, %q", code, errs)
	}
	for table, n := range rowsIn(t, srv.db) {
		if n != 0 {
			t.Errorf("%s has %d rows after the failed copy", table, n)
		}
	}
}

// An encrypted file, opened with its passphrase as every command opens
// it, goes to the server plain (a server keeps no encryption at rest of
// its own): the ID and phone numbers, a proxy's ID number and the proof
// file; the search by a full number works there.
func TestMigrateAnEncryptedFileCopiesPlainValues(t *testing.T) {
	file := newRun(t)
	srv := newServerRun(t)
	scan := filepath.Join(t.TempDir(), "scan.pdf")
	os.WriteFile(scan, []byte("%PDF-1.4 a scan with 11010519491231002X"), 0o600)
	file.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X", "--phone", "13800138000")
	file.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2022031100000123", "--exam-year", "2022", "--passed-on", "2022-09-01", "--issued-on", "2022-11-20")
	file.ok(nil, "paper", "set", "--cert", "1", "--method", "onsite", "--proxy-name", "王五", "--proxy-id-number", "44030519900101123X")
	file.ok(nil, "ce", "add", "--holder", "1", "--kind", "training", "--title", "伦理", "--date", "2026-03-01", "--hours", "8", "--proof", scan)
	t.Setenv(envPassphrase, "correct horse battery")
	file.ok(nil, "encryption", "on")

	var m migrateJSON
	file.ok(&m, "migrate", "--from", file.db, "--to", srv.db)
	m.count(t, "holders")
	m.count(t, store.ProofFileCount)
	var full holderJSON
	srv.ok(&full, "--reveal", "holder", "show", "1")
	if full.IDNumber != "11010519491231002X" || full.Phone != "13800138000" {
		t.Errorf("on the server: %+v", full)
	}
	var list []holderJSON
	srv.ok(&list, "holder", "list", "--search", "11010519491231002x")
	if len(list) != 1 {
		t.Errorf("search by the full ID number on the server: %+v", list)
	}
	raw, err := sql.Open("pgx", srv.db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var proxy, scanned string
	var hashes int
	raw.QueryRow(`SELECT proxy_id_number FROM paper`).Scan(&proxy)
	raw.QueryRow(`SELECT convert_from(data, 'UTF8') FROM proof_files`).Scan(&scanned)
	raw.QueryRow(`SELECT count(*) FROM holders WHERE id_hash IS NOT NULL OR phone_hash IS NOT NULL`).Scan(&hashes)
	if proxy != "44030519900101123X" || !strings.Contains(scanned, "a scan with") || hashes != 0 {
		t.Errorf("on the server: proxy %q, proof %q, %d keyed hashes", proxy, scanned, hashes)
	}
}
