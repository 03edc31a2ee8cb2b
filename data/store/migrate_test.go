package store

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressly/goose/v3"

	"github.com/swcert/swcert/data"
)

// atVersion makes a database at path with the schema of migration v, as
// the release that had it left it.
func atVersion(t *testing.T, path string, v int64) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, raw, mustSub(migrations, "migrations"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, v); err != nil {
		t.Fatal(err)
	}
	return raw
}

func schemaSQL(t *testing.T, db *sql.DB, typ, name string) string {
	t.Helper()
	var s string
	if err := db.QueryRow(`SELECT sql FROM sqlite_master WHERE type = ? AND name = ?`, typ, name).Scan(&s); err != nil {
		t.Fatalf("%s %s: %v", typ, name, err)
	}
	return s
}

// Migration 00006 keeps hours as whole tenths. A database of the release
// before, with its floating-point hours (7.8 is stored as
// 7.7999999999999998), keeps every record and every proof, each hour
// exact to the tenth; online courses lose the 'approved' they had to
// store; the indexes and the attention triggers of 00005 are as they were.
func TestMigrationToTenthsKeepsEveryRecordAndProof(t *testing.T) {
	fileOnly(t, "databases of earlier releases are files")
	path := filepath.Join(t.TempDir(), "swcert.db")
	old := atVersion(t, path, 5)
	ts := "2025-06-01T08:00:00.000Z"
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := old.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO holders (id, name, id_type, id_number, created_at, updated_at) VALUES (1, '张伟', 'resident', '11010519491231002X', ?, ?)`, ts, ts)
	exec(`INSERT INTO holders (id, name, id_type, id_number, created_at, updated_at) VALUES (2, '李娜', 'resident', '44030519900101123X', ?, ?)`, ts, ts)
	exec(`INSERT INTO certificates (id, holder_id, level, mno, exam_year, passed_on, issued_on, status, created_at, updated_at)
		VALUES (1, 1, 'assistant', '2023A110001', 2023, '2023-09-20', '2023-12-01', 'valid', ?, ?)`, ts, ts)
	exec(`INSERT INTO registrations (cert_id, kind, status, applied_on, valid_from, created_at, updated_at)
		VALUES (1, 'first', 'issued', '2024-03-01', '2024-04-01', ?, ?)`, ts, ts)
	type row struct {
		id, holder int64
		kind       string
		hours      float64 // as the first version stored it
		review     string
		tenths     int64
		want       string // review after: "" for none
	}
	rows := []row{
		{1, 1, "online", 0.1, "approved", 1, ""},
		{2, 1, "online", 64.1, "approved", 641, ""},
		{3, 1, "training", 7.8, "approved", 78, "approved"},
		{4, 1, "training", 12.3, "pending", 123, "pending"},
		{5, 2, "courses", 0.7, "rejected", 7, "rejected"},
		{6, 2, "degree", 90, "pending", 900, "pending"},
		{7, 2, "online", 999.9, "pending", 9999, ""},
	}
	for _, r := range rows {
		exec(`INSERT INTO ce_records (id, holder_id, kind, title, provider, date, hours, review, created_at, updated_at)
			VALUES (?, ?, ?, '课程', '协会', '2025-01-0'||?, ?, ?, ?, ?)`, r.id, r.holder, r.kind, r.id, r.hours, r.review, ts, ts)
	}
	sha := func(c byte) string {
		b := make([]byte, 64)
		for i := range b {
			b[i] = c
		}
		return string(b)
	}
	proofs := map[int64]string{1: sha('a'), 2: sha('b'), 3: sha('a'), 4: sha('c'), 5: sha('d')}
	for id, s := range proofs {
		exec(`INSERT INTO ce_proofs (id, record_id, name, sha256, size, type, created_at) VALUES (?, ?, '证书.pdf', ?, 100, 'application/pdf', ?)`, id, id, s, ts)
	}
	// The dashboard's table as the old sums left it, fresh until far ahead.
	exec(`UPDATE attention_fresh SET until = 99999999999`)
	triggers := map[string]string{}
	for _, name := range []string{"ce_records_attention_insert", "ce_records_attention_update", "ce_records_attention_delete"} {
		triggers[name] = schemaSQL(t, old, "trigger", name)
	}
	old.Close()

	db, err := Open(path, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, r := range rows {
		var tenths int64
		var typ string
		var review sql.NullString
		if err := db.sql.QueryRow(`SELECT tenths, typeof(tenths), review FROM ce_records WHERE id = ?`, r.id).Scan(&tenths, &typ, &review); err != nil {
			t.Fatalf("record %d: %v", r.id, err)
		}
		if tenths != r.tenths || typ != "integer" || review.String != r.want || review.Valid != (r.want != "") {
			t.Errorf("record %d (%v h, %s): %d tenths (%s), review %v; want %d, %q", r.id, r.hours, r.kind, tenths, typ, review, r.tenths, r.want)
		}
		got, err := db.CERecord(ctx, r.id)
		if err != nil || got.Hours != data.TenthsOfHour(r.tenths) || string(got.Review) != r.want || got.HolderID != r.holder || got.Title != "课程" {
			t.Errorf("record %d loads as %+v %v", r.id, got, err)
		}
		if want, ok := proofs[r.id]; ok && (len(got.Proofs) != 1 || got.Proofs[0].SHA256 != want || got.Proofs[0].ID != r.id) {
			t.Errorf("record %d proofs %+v", r.id, got.Proofs)
		}
	}
	var n int
	db.sql.QueryRow(`SELECT count(*) FROM ce_proofs`).Scan(&n)
	if n != len(proofs) {
		t.Errorf("%d proofs after the migration, want %d", n, len(proofs))
	}
	for name, want := range triggers {
		if got := schemaSQL(t, db.sql.DB, "trigger", name); got != want {
			t.Errorf("trigger %s changed:\n%s\nwant\n%s", name, got, want)
		}
	}
	for _, idx := range []string{"ce_records_holder", "ce_proofs_record", "ce_proofs_sha256"} {
		schemaSQL(t, db.sql.DB, "index", idx)
	}
	if fk := schemaSQL(t, db.sql.DB, "table", "ce_proofs"); !strings.Contains(fk, `REFERENCES "ce_records"`) || !strings.Contains(fk, "ON DELETE CASCADE") {
		t.Errorf("ce_proofs no longer refers to ce_records: %s", fk)
	}
	var bad int
	db.sql.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&bad)
	if bad != 0 {
		t.Errorf("%d rows break a foreign key", bad)
	}

	// The dashboard is worked out again from exact sums: 0.1 + 64.1 + 7.8
	// is 72, so nothing is missing.
	items, err := db.Attention(ctx, data.AttentionFilter{Kind: data.AttCE}, testNow)
	if err != nil || len(items) != 0 {
		t.Errorf("CE items after the migration: %+v %v", items, err)
	}
	// The triggers work on the new table: a write marks the holder, and a
	// holder deleted takes their records and proofs.
	var gen int
	db.sql.QueryRow(`SELECT gen FROM attention_fresh WHERE holder_id = 2`).Scan(&gen)
	if err := db.CreateCERecord(ctx, &data.CERecord{HolderID: 2, Kind: data.CEOnline, Title: "网课", Date: data.NewDate(2026, 1, 1), Hours: data.TenthsOfHour(5)}); err != nil {
		t.Fatal(err)
	}
	var after int
	db.sql.QueryRow(`SELECT gen FROM attention_fresh WHERE holder_id = 2`).Scan(&after)
	if after != gen+1 {
		t.Errorf("attention gen %d → %d after a CE write", gen, after)
	}
	if err := db.DeleteHolder(ctx, 2); err != nil {
		t.Fatal(err)
	}
	db.sql.QueryRow(`SELECT count(*) FROM ce_records WHERE holder_id = 2`).Scan(&n)
	var np int
	db.sql.QueryRow(`SELECT count(*) FROM ce_proofs WHERE record_id = 5`).Scan(&np)
	if n != 0 || np != 0 {
		t.Errorf("holder deleted: %d records, %d proofs left", n, np)
	}
	// Hand-written SQL cannot store hours that are not whole tenths.
	if _, err := db.sql.Exec(`INSERT INTO ce_records (holder_id, kind, title, date, tenths, created_at, updated_at) VALUES (1, 'online', 'x', '2025-01-01', 7.5, ?, ?)`, ts, ts); err == nil {
		t.Error("7.5 tenths stored")
	}
}
