package app

import (
	"bytes"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data/store"
)

// tableRows is every row of every table of the database at path.
func tableRows(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var b strings.Builder
	for _, n := range tables {
		rs, err := db.Query(`SELECT * FROM "` + n + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rs.Columns()
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rs.Scan(ptrs...)
			fmt.Fprintf(&b, "%s %q\n", n, vals)
		}
		rs.Close()
	}
	return b.String()
}

// A backup restored into a fresh place gives the same rows in every table
// and verifies a certificate exported before it, as this installation's.
func TestBackupRestoreVerifiesOldSeals(t *testing.T) {
	r := newRun(t)
	certWithHolder(r)
	r.ok(nil, "--now", "2026-11-20", "annotate", "apply", "--cert", "1")
	dir := t.TempDir()
	pdf := filepath.Join(dir, "c.pdf")
	r.ok(nil, "export", "cert", "--cert", "1", "--out", pdf)
	proof := filepath.Join(dir, "结业证书.pdf")
	os.WriteFile(proof, []byte("%PDF-1.4 training"), 0o600)
	r.ok(nil, "ce", "add", "--holder", "1", "--kind", "training", "--title", "督导", "--hours", "8", "--date", "2025-03-01", "--review", "approved", "--proof", proof)

	file := filepath.Join(dir, "swcert-backup.zip")
	var b struct {
		Path   string `json:"path"`
		KID    string `json:"kid"`
		Proofs int    `json:"proofs"`
		Key    bool   `json:"key"`
	}
	r.ok(&b, "backup", "--out", file)
	if b.Path != file || b.Proofs != 1 || !b.Key || b.KID == "" {
		t.Errorf("backup %+v", b)
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v", err)
	}

	fresh := &run{t: t, db: filepath.Join(t.TempDir(), "elsewhere", "swcert.db")}
	code, stdout, errs := fresh.do("restore", file)
	if code != 0 || !strings.Contains(stdout, "Restored") {
		t.Fatalf("restore: exit %d %q %q", code, stdout, errs)
	}
	if want, got := tableRows(t, r.db), tableRows(t, fresh.db); want != got {
		t.Errorf("restored rows differ:\nwant %s\ngot  %s", want, got)
	}
	var v verdictJSON
	fresh.ok(&v, "verify", pdf)
	if !v.Valid || v.Key != "own" || v.MatchesRecord == nil || !*v.MatchesRecord {
		t.Errorf("the old seal after restore: %+v", v)
	}
	if code, stdout, _ := fresh.do("check"); code != 0 || !strings.Contains(stdout, "sound") {
		t.Errorf("check after restore: %d %s", code, stdout)
	}
	// The restored installation signs with the same key.
	pdf2 := filepath.Join(dir, "c2.pdf")
	fresh.ok(nil, "export", "cert", "--cert", "1", "--out", pdf2)
	r.ok(&v, "verify", pdf2)
	if !v.Valid || v.Key != "own" {
		t.Errorf("a seal made after the restore, verified by the original: %+v", v)
	}

	// Restored again over the one there: it is kept first, and says where.
	code, stdout, _ = fresh.do("restore", file)
	if code != 0 || !strings.Contains(stdout, "kept as") {
		t.Errorf("restore over a database: %d %s", code, stdout)
	}
	kept, _ := filepath.Glob(filepath.Join(filepath.Dir(fresh.db), "backups", "swcert-before-restore-*.zip"))
	if len(kept) != 1 {
		t.Errorf("kept: %v", kept)
	}
}

// A backup is never written over the database or its key; a bad backup
// is refused with its reason and exit 2; check lists what is wrong.
func TestBackupRestoreCheckRefusals(t *testing.T) {
	r := newRun(t)
	certWithHolder(r)
	before, _ := os.ReadFile(r.db)
	for _, out := range []string{r.db, r.db + "-wal", store.KeyPath(r.db)} {
		code, _, errs := r.do("backup", "--out", out)
		if code != 2 || !strings.Contains(errs, "Choose another name or folder") {
			t.Errorf("backup over %s: %d %q", out, code, errs)
		}
	}
	if after, _ := os.ReadFile(r.db); !bytes.Equal(before, after) {
		t.Error("the database changed")
	}
	file := filepath.Join(t.TempDir(), "b.zip")
	r.ok(nil, "backup", "--out", file)
	raw, _ := os.ReadFile(file)
	cut := filepath.Join(t.TempDir(), "cut.zip")
	os.WriteFile(cut, raw[:len(raw)-100], 0o600)
	code, _, errs := r.do("restore", cut)
	if code != 2 || !strings.Contains(errs, "not a whole ZIP") || !strings.Contains(errs, "Nothing was changed") {
		t.Errorf("restore of a cut backup: %d %q", code, errs)
	}
	if code, _, errs := r.do("restore"); code != 2 || !strings.Contains(errs, "file") {
		t.Errorf("restore without a file: %d %q", code, errs)
	}
	if code, _, _ := r.do("check"); code != 0 {
		t.Errorf("check of a sound database: %d", code)
	}
	os.Remove(store.KeyPath(r.db))
	code, stdout, _ := r.do("check")
	if code != 1 || !strings.Contains(stdout, "1 problem found") || !strings.Contains(stdout, "Signing key file missing") {
		t.Errorf("check without the key: %d %s", code, stdout)
	}
	// Signing says so too, and no new key appears.
	code, _, errs = r.do("--now", "2026-11-20", "annotate", "apply", "--cert", "1")
	if code != 0 {
		t.Fatalf("apply: %s", errs)
	}
	code, _, errs = r.do("export", "cert", "--cert", "1", "--out", filepath.Join(t.TempDir(), "c.pdf"))
	if code != 1 || !strings.Contains(errs, "is missing: no new seal can be made") {
		t.Errorf("export without the key file: %d %q", code, errs)
	}
	if _, err := os.Stat(store.KeyPath(r.db)); err == nil {
		t.Error("a new key file was made")
	}
}

// key export writes the public key only: the file has no private part.
func TestKeyExportHasNoPrivateKey(t *testing.T) {
	r := newRun(t)
	out := filepath.Join(t.TempDir(), "k.jwk")
	r.ok(nil, "key", "export", "--out", out)
	b, _ := os.ReadFile(out)
	var jwk map[string]any
	if err := json.Unmarshal(b, &jwk); err != nil {
		t.Fatal(err)
	}
	if _, ok := jwk["d"]; ok || jwk["kty"] != "OKP" || jwk["x"] == nil {
		t.Errorf("exported %s", b)
	}
	keyFile, _ := os.ReadFile(store.KeyPath(r.db))
	priv, err := store.ParseKey(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte(base64.RawURLEncoding.EncodeToString(priv.Seed()))) {
		t.Error("the private key is in the exported file")
	}
}

// A database whose key has yet to move out (an older SWCert's) beside a
// key file of another key does not open, and says why: the file is never
// overwritten.
func TestOpenRefusesAKeyFileOfAnotherKey(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "key", "list")
	keyFile, _ := os.ReadFile(store.KeyPath(r.db))
	priv, err := store.ParseKey(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	// As the release before migration 00010 left it.
	raw, _ := sql.Open("sqlite", r.db)
	if _, err := raw.Exec(`UPDATE seal_keys SET private_key = ? WHERE own = 1`, []byte(priv)); err != nil {
		t.Fatal(err)
	}
	// That release had no later migration either (goose refuses a gap):
	// 00011 made calendar_events, 00012 reminders, 00013 the dossier's
	// tables, its view and a trigger on holders.
	raw.Exec(`DELETE FROM goose_db_version WHERE version_id >= 10`)
	raw.Exec(`DROP TABLE calendar_events`)
	raw.Exec(`DROP TABLE reminders`)
	for _, q := range []string{`DROP VIEW proof_refs`, `DROP TRIGGER holders_attention_dossier`, `DROP TABLE service_records`, `DROP TABLE participants`,
		`DROP TABLE projects`, `DROP TABLE honour_proofs`, `DROP TABLE honours`, `DROP TABLE work_proofs`, `DROP TABLE work_history`,
		`DROP TABLE transfers`, `DROP TABLE photos`, `DROP TABLE profiles`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()
	other := r.db + ".other"
	newRunAt(t, other).ok(nil, "key", "list")
	otherKey, _ := os.ReadFile(store.KeyPath(other))
	os.WriteFile(store.KeyPath(r.db), otherKey, 0o600)
	code, _, errs := r.do("holder", "list")
	if code != 1 || !strings.Contains(errs, "holds another key than this database's") {
		t.Errorf("exit %d %q", code, errs)
	}
	if b, _ := os.ReadFile(store.KeyPath(r.db)); !bytes.Equal(b, otherKey) {
		t.Error("the key file was overwritten")
	}
}

func newRunAt(t *testing.T, db string) *run { return &run{t: t, db: db} }

// check walks the audit log's chain too, without changing the file: an
// entry altered behind SWCert's back is named; a write made outside
// SWCert (whose entry waits unsealed for SWCert's next start) is not a
// break.
func TestCheckWalksTheAuditLog(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X", "--org", "旧单位")
	r.ok(nil, "holder", "edit", "1", "--org", "新单位")
	db, err := sql.Open("sqlite", r.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`INSERT INTO holders (name, id_type, id_number, created_at, updated_at) VALUES ('李娜', 'other', 'X1', 't', 't')`); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(r.db)
	if code, out, errs := r.do("check"); code != 0 || !strings.Contains(out, "sound") {
		t.Fatalf("check with a write made outside SWCert: %d %s %s", code, out, errs)
	}
	if after, _ := os.ReadFile(r.db); !bytes.Equal(before, after) {
		t.Error("check changed the database")
	}
	var id int
	if err := db.QueryRow(`SELECT id FROM audit WHERE after_row LIKE '%新单位%'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP TRIGGER audit_sealed_update; UPDATE audit SET after_row = replace(after_row, '新单位', '别的') WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	code, out, _ := r.do("check")
	if code != 1 || !strings.Contains(out, fmt.Sprintf("entry #%d was altered", id)) || !strings.Contains(out, "trigger audit_sealed_update") {
		t.Errorf("check of an altered audit log: %d %s", code, out)
	}
	code, out, _ = r.do("--lang", "zh", "check")
	if code != 1 || !strings.Contains(out, fmt.Sprintf("第 %d 条记录在写入后被改动", id)) {
		t.Errorf("check of an altered audit log, in Chinese: %d %s", code, out)
	}
}
