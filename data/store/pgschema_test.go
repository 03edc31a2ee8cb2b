package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx"
	"github.com/pressly/goose/v3"

	"github.com/swcert/swcert/data/pgtest"
)

// The PostgreSQL schema (migrations/postgres) is SQLite's at the same
// version: these tests compare the two, table by table and trigger by
// trigger, on a real server and a real SQLite file.

// openPostgresSchema is a fresh PostgreSQL database at the newest schema.
func openPostgresSchema(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", pgtest.Database(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := migratePostgres(db); err != nil {
		t.Fatalf("migrating PostgreSQL: %v", err)
	}
	return db
}

// openSQLiteSchema is a fresh SQLite file at version v of the migrations,
// as the store opens it (foreign keys on) but without the store.
func openSQLiteSchema(t *testing.T, v int64) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(filepath.Join(t.TempDir(), "swcert.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var moved bool
	p, err := goose.NewProvider(goose.DialectSQLite3, db, mustSub(migrations, "migrations"),
		goose.WithGoMigrations(keyMigration(os.DevNull, &moved)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(context.Background(), v); err != nil {
		t.Fatal(err)
	}
	return db
}

// What differs on purpose between the two schemas, beside the type names:
// the indexes of the search by SQL (search_server.go, migrations 00017 and
// 00020; 00024 dropped the baseline's trigram index, which none read), and the table of
// what SQLite keeps in its file's header (pgOnlyTables).
var pgOnly = []string{
	"index holders_name_search on holders (name, id, search, phone)",
	"index holders_phone on holders (phone)",
}

var pgOnlyTables = []string{"store_meta", "staff_offices", "proof_files", "holder_search"}

// onlyTheServerHas: a fact of what only the server has.
func onlyTheServerHas(fact string) bool {
	for _, t := range pgOnlyTables {
		if strings.Contains(fact, " "+t+" ") || strings.Contains(fact, " "+t+".") || strings.HasSuffix(fact, " "+t) {
			return true
		}
	}
	return slices.Contains(pgOnly, fact)
}

// The INTEGER PRIMARY KEYs that SQLite never numbers itself (a reference
// or a constant): plain bigint keys on PostgreSQL, not identity columns.
var plainKeys = []string{
	"attention_fresh.holder_id", "encryption.id", "honour_proofs.honour_id",
	"mail_forms.cert_id", "photos.holder_id", "profiles.holder_id",
}

var pgTypes = map[string]string{"INTEGER": "bigint", "TEXT": "text", "BLOB": "bytea", "REAL": "double precision"}

// TestPostgresSchemaMatchesSQLite compares the tables, their columns (in
// order: name, type, NOT NULL, whether a default is given), the keys,
// unique constraints, foreign keys, indexes and views of both dialects at
// the newest version, and the version itself.
func TestPostgresSchemaMatchesSQLite(t *testing.T) {
	comparing(t)
	lite := openSQLiteSchema(t, SchemaVersion())
	pg := openPostgresSchema(t)

	want, got := sqliteShape(t, lite), postgresShape(t, pg)
	got = slices.DeleteFunc(got, onlyTheServerHas)
	for _, s := range want {
		if !slices.Contains(got, s) {
			t.Errorf("SQLite has, PostgreSQL has not: %s", s)
		}
	}
	for _, s := range got {
		if !slices.Contains(want, s) {
			t.Errorf("PostgreSQL has, SQLite has not: %s", s)
		}
	}
	if len(want) < 300 {
		t.Errorf("only %d facts read from SQLite's schema: the reading is broken", len(want))
	}

	// Every SQLite migration has its PostgreSQL counterpart's number.
	var v int64
	if err := pg.QueryRow(`SELECT max(version_id) FROM goose_db_version WHERE is_applied`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != SchemaVersion() {
		t.Errorf("PostgreSQL's schema is at version %d, SQLite's at %d: every migration comes in both dialects", v, SchemaVersion())
	}
}

// sqliteShape lists the facts of SQLite's schema in the words
// postgresShape uses.
func sqliteShape(t *testing.T, db *sql.DB) []string {
	t.Helper()
	var out []string
	tables := queryStrings(t, db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'goose_db_version' ORDER BY name`)
	for _, table := range tables {
		rows, err := db.Query(`SELECT name, type, "notnull", dflt_value IS NOT NULL, pk FROM pragma_table_info(?) ORDER BY cid`, table)
		if err != nil {
			t.Fatal(err)
		}
		pk := map[int]string{} // position in the key: column
		pkType := ""
		n := 0
		for rows.Next() {
			var name, typ string
			var notNull, hasDefault bool
			var pkPos int
			if err := rows.Scan(&name, &typ, &notNull, &hasDefault, &pkPos); err != nil {
				t.Fatal(err)
			}
			n++
			pgType, ok := pgTypes[typ]
			if !ok {
				t.Fatalf("%s.%s: SQLite type %q has no PostgreSQL type in this test", table, name, typ)
			}
			// A primary key is NOT NULL in PostgreSQL; SQLite lets a rowid
			// table's TEXT key hold NULL (a legacy quirk no write relies on).
			if pkPos > 0 {
				notNull = true
				pk[pkPos], pkType = name, typ
			}
			out = append(out, columnFact(table, n, name, pgType, notNull, hasDefault))
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
		var key []string
		for i := 1; i <= len(pk); i++ {
			key = append(key, pk[i])
		}
		if len(key) > 0 {
			out = append(out, fmt.Sprintf("primary key %s (%s)", table, strings.Join(key, ", ")))
		}
		// SQLite numbers a row whose only key column is an INTEGER.
		if len(key) == 1 && pkType == "INTEGER" && !slices.Contains(plainKeys, table+"."+key[0]) {
			out = append(out, fmt.Sprintf("identity %s.%s", table, key[0]))
		}

		// Unique constraints (made by UNIQUE on a column) and indexes.
		idx, err := db.Query(`SELECT name, "unique", origin, partial FROM pragma_index_list(?)`, table)
		if err != nil {
			t.Fatal(err)
		}
		type index struct {
			name, origin    string
			unique, partial bool
		}
		var list []index
		for idx.Next() {
			var i index
			if err := idx.Scan(&i.name, &i.unique, &i.origin, &i.partial); err != nil {
				t.Fatal(err)
			}
			list = append(list, i)
		}
		if err := idx.Close(); err != nil {
			t.Fatal(err)
		}
		for _, i := range list {
			cols := strings.Join(queryStrings(t, db, `SELECT name FROM pragma_index_info(?) ORDER BY seqno`, i.name), ", ")
			switch i.origin {
			case "u":
				out = append(out, fmt.Sprintf("unique %s (%s)", table, cols))
			case "c":
				out = append(out, indexFact(i.name, table, cols, i.unique, i.partial))
			}
		}

		// Foreign keys.
		fk, err := db.Query(`SELECT id, "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`, table)
		if err != nil {
			t.Fatal(err)
		}
		type foreign struct {
			ref, onDelete string
			from, to      []string
		}
		keys := map[int]*foreign{}
		var ids []int
		for fk.Next() {
			var id int
			var ref, from, to, onDelete string
			if err := fk.Scan(&id, &ref, &from, &to, &onDelete); err != nil {
				t.Fatal(err)
			}
			if keys[id] == nil {
				keys[id] = &foreign{ref: ref, onDelete: onDelete}
				ids = append(ids, id)
			}
			keys[id].from = append(keys[id].from, from)
			keys[id].to = append(keys[id].to, to)
		}
		if err := fk.Close(); err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			k := keys[id]
			out = append(out, foreignFact(table, k.from, k.ref, k.to, k.onDelete))
		}
	}
	for _, view := range queryStrings(t, db, `SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name`) {
		cols := queryStrings(t, db, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, view)
		out = append(out, fmt.Sprintf("view %s (%s)", view, strings.Join(cols, ", ")))
	}
	return out
}

// postgresShape lists the facts of the PostgreSQL schema.
func postgresShape(t *testing.T, db *sql.DB) []string {
	t.Helper()
	var out []string
	rows, err := db.Query(`SELECT c.table_name, c.ordinal_position, c.column_name, c.data_type, c.is_nullable = 'NO',
			c.column_default IS NOT NULL, c.is_identity = 'YES', coalesce(c.collation_name, '')
		FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
		WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> 'goose_db_version'
		ORDER BY c.table_name, c.ordinal_position`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var table, name, typ, collation string
		var n int
		var notNull, hasDefault, identity bool
		if err := rows.Scan(&table, &n, &name, &typ, &notNull, &hasDefault, &identity, &collation); err != nil {
			t.Fatal(err)
		}
		out = append(out, columnFact(table, n, name, typ, notNull, hasDefault))
		if identity {
			out = append(out, fmt.Sprintf("identity %s.%s", table, name))
		}
		// SQLite compares text by its bytes; so must PostgreSQL, whatever
		// the server's locale (ORDER BY name is the search index's order).
		if typ == "text" && collation != "C" {
			t.Errorf("%s.%s is collated %q, not \"C\" (SQLite's BINARY)", table, name, collation)
		}
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}

	// Keys, unique constraints and foreign keys.
	cons, err := db.Query(`SELECT c.contype, c.conrelid::regclass::text, coalesce(c.confrelid::regclass::text, ''),
			(SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
			 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
			coalesce((SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
			 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum), ''),
			c.confdeltype
		FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
		WHERE n.nspname = current_schema() AND c.contype IN ('p', 'u', 'f') AND c.conrelid::regclass::text <> 'goose_db_version'`)
	if err != nil {
		t.Fatal(err)
	}
	onDelete := map[string]string{"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}
	for cons.Next() {
		var kind, table, ref, cols, refCols, del string
		if err := cons.Scan(&kind, &table, &ref, &cols, &refCols, &del); err != nil {
			t.Fatal(err)
		}
		switch kind {
		case "p":
			out = append(out, fmt.Sprintf("primary key %s (%s)", table, cols))
		case "u":
			out = append(out, fmt.Sprintf("unique %s (%s)", table, cols))
		case "f":
			out = append(out, foreignFact(table, strings.Split(cols, ", "), ref, strings.Split(refCols, ", "), onDelete[del]))
		}
	}
	if err := cons.Close(); err != nil {
		t.Fatal(err)
	}

	// Indexes other than those of the constraints above.
	idx, err := db.Query(`SELECT i.relname, t.relname, ix.indisunique, ix.indpred IS NOT NULL,
			coalesce((SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
			 JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum), 'an expression')
		FROM pg_index ix
		JOIN pg_class i ON i.oid = ix.indexrelid
		JOIN pg_class t ON t.oid = ix.indrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = current_schema() AND t.relname <> 'goose_db_version'
			AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid)`)
	if err != nil {
		t.Fatal(err)
	}
	for idx.Next() {
		var name, table, cols string
		var unique, partial bool
		if err := idx.Scan(&name, &table, &unique, &partial, &cols); err != nil {
			t.Fatal(err)
		}
		out = append(out, indexFact(name, table, cols, unique, partial))
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	for _, view := range queryStrings(t, db, `SELECT table_name FROM information_schema.views WHERE table_schema = current_schema() ORDER BY table_name`) {
		cols := queryStrings(t, db, `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`, view)
		out = append(out, fmt.Sprintf("view %s (%s)", view, strings.Join(cols, ", ")))
	}
	return out
}

func columnFact(table string, n int, name, typ string, notNull, hasDefault bool) string {
	s := fmt.Sprintf("column %s #%d %s %s", table, n, name, typ)
	if notNull {
		s += " NOT NULL"
	}
	if hasDefault {
		s += " DEFAULT"
	}
	return s
}

func indexFact(name, table, cols string, unique, partial bool) string {
	s := fmt.Sprintf("index %s on %s (%s)", name, table, cols)
	if unique {
		s += " unique"
	}
	if partial {
		s += " partial"
	}
	return s
}

func foreignFact(table string, from []string, ref string, to []string, onDelete string) string {
	return fmt.Sprintf("foreign key %s (%s) references %s (%s) on delete %s",
		table, strings.Join(from, ", "), ref, strings.Join(to, ", "), onDelete)
}

func queryStrings(t *testing.T, db *sql.DB, q string, args ...any) []string {
	t.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// dialects is the pair of databases a test writes the same rows to.
type dialects struct {
	lite, pg *sql.DB
}

func openDialects(t *testing.T) dialects {
	return dialects{openSQLiteSchema(t, SchemaVersion()), openPostgresSchema(t)}
}

// blobLiteral is SQLite's X'0102'; PostgreSQL writes bytea as '\x0102'.
var blobLiteral = regexp.MustCompile(`X'([0-9A-Fa-f]*)'`)

// exec runs the statements q (separated by ";\n") on both; the errors are
// SQLite's and PostgreSQL's.
func (d dialects) exec(q string) (liteErr, pgErr error) {
	for _, s := range strings.Split(q, ";\n") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		_, e1 := d.lite.Exec(s)
		_, e2 := d.pg.Exec(blobLiteral.ReplaceAllString(s, `'\x$1'`))
		if e1 != nil || e2 != nil {
			return e1, e2
		}
	}
	return nil, nil
}

// mustExec runs q on both and fails the test on an error in either.
func (d dialects) mustExec(t *testing.T, q string) {
	t.Helper()
	if e1, e2 := d.exec(q); e1 != nil || e2 != nil {
		t.Fatalf("%s\nSQLite: %v\nPostgreSQL: %v", q, e1, e2)
	}
}

// dump is what the triggers keep, read the same way from both: the
// search texts, the attention marks, the dropped proofs and the number of
// rows of every table (cascades).
func (d dialects) dump(t *testing.T) (lite, pg []string) {
	t.Helper()
	tables := queryStrings(t, d.lite, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'goose_db_version' ORDER BY name`)
	read := func(db *sql.DB) []string {
		out := queryStrings(t, db, `SELECT 'holder ' || id || ' ' || id_number || ' search ' || search FROM holders ORDER BY id`)
		out = append(out, queryStrings(t, db, `SELECT 'fresh ' || holder_id || ' until ' || until || ' since ' || since || ' gen ' || gen FROM attention_fresh ORDER BY holder_id`)...)
		out = append(out, queryStrings(t, db, `SELECT 'dropped ' || sha256 FROM proof_drops ORDER BY sha256`)...)
		for _, table := range tables {
			var n int
			if err := db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s: %d rows", table, n))
		}
		return out
	}
	return read(d.lite), read(d.pg)
}

// search is holder id's search text on both.
func (d dialects) search(t *testing.T, id int) (lite, pg string) {
	t.Helper()
	if err := d.lite.QueryRow(`SELECT search FROM holders WHERE id = ?`, id).Scan(&lite); err != nil {
		t.Fatal(err)
	}
	if err := d.pg.QueryRow(`SELECT search FROM holders WHERE id = $1`, id).Scan(&pg); err != nil {
		t.Fatal(err)
	}
	return lite, pg
}

const (
	holderCols = `holders (name, id_type, id_number, phone, org, region, created_at, updated_at)`
	certCols   = `certificates (holder_id, level, mno, exam_year, passed_on, issued_on, status, created_at, updated_at)`
	ts         = `'2024-05-01T00:00:00Z', '2024-05-01T00:00:00Z'`
	sha1       = `'1111111111111111111111111111111111111111111111111111111111111111'`
	sha2       = `'2222222222222222222222222222222222222222222222222222222222222222'`
	sha3       = `'3333333333333333333333333333333333333333333333333333333333333333'`
	sha4       = `'4444444444444444444444444444444444444444444444444444444444444444'`
)

// A holder and two certificates give the same search text on both, the
// certificates in SQLite's order (appended as written, by issue date once
// the text is made again), and a change of name makes it again.
func TestPostgresSearchText(t *testing.T) {
	comparing(t)
	d := openDialects(t)
	steps := []struct{ sql, want string }{
		{`INSERT INTO ` + holderCols + ` VALUES ('Zhang ÉWei 张伟', 'resident', '11010519491231002X', '', 'Hope Centre', '', ` + ts + `)`,
			"zhang Éwei 张伟\n11010519491231002x\nhope centre"},
		{`INSERT INTO ` + certCols + ` VALUES (1, 'senior', 'SW2021AB', 2021, '2021-06-20', '2021-09-01', 'valid', ` + ts + `)`,
			"zhang Éwei 张伟\n11010519491231002x\nhope centre sw2021ab"},
		{`INSERT INTO ` + certCols + ` VALUES (1, 'assistant', 'SW2019CD', 2019, '2019-06-20', '2019-09-01', 'valid', ` + ts + `)`,
			"zhang Éwei 张伟\n11010519491231002x\nhope centre sw2021ab sw2019cd"},
		{`UPDATE holders SET name = 'Li Na 李娜' WHERE id = 1`,
			"li na 李娜\n11010519491231002x\nhope centre\nsw2019cd sw2021ab"},
		{`UPDATE holders SET phone = '13800138000' WHERE id = 1`,
			"li na 李娜\n11010519491231002x\nhope centre\nsw2019cd sw2021ab"},
		{`UPDATE certificates SET mno = 'SW2019EF' WHERE mno = 'SW2019CD'`,
			"li na 李娜\n11010519491231002x\nhope centre\nsw2019ef sw2021ab"},
		{`DELETE FROM certificates WHERE mno = 'SW2021AB'`,
			"li na 李娜\n11010519491231002x\nhope centre\nsw2019ef"},
		{`DELETE FROM certificates`,
			"li na 李娜\n11010519491231002x\nhope centre"},
	}
	for _, s := range steps {
		d.mustExec(t, s.sql)
		lite, pg := d.search(t, 1)
		if lite != s.want || pg != s.want {
			t.Errorf("after %s\nSQLite:     %q\nPostgreSQL: %q\nwant:       %q", s.sql, lite, pg, s.want)
		}
	}
}

// Every SQLite trigger is driven by a write below, the same on both; after
// each, what the triggers keep must be the same on both. marks: the
// holders the write must mark in attention_fresh (every other keeps its
// until), so a write that fires nothing on both is caught too. err: the
// refusal expected from both.
func TestPostgresTriggersMatchSQLite(t *testing.T) {
	comparing(t)
	d := openDialects(t)
	cert := func(mno string) string { return `(SELECT id FROM certificates WHERE mno = '` + mno + `')` }
	work := `(SELECT id FROM work_history WHERE org = 'Hope Centre')`
	steps := []struct {
		fires []string
		sql   string
		marks []int
		err   string
	}{
		{[]string{"holders_search_insert", "holders_attention_insert", "holders_encryption_insert"},
			`INSERT INTO ` + holderCols + ` VALUES ('Zhang Wei', 'resident', 'H1', '', 'Hope', 'Shenzhen', ` + ts + `)`, []int{1}, ""},
		{nil, `INSERT INTO ` + holderCols + ` VALUES ('Li Na', 'resident', 'H2', '', 'Dawn', 'Shenzhen', ` + ts + `)`, []int{2}, ""},
		{[]string{"certificates_search_insert", "certificates_attention_insert"},
			`INSERT INTO ` + certCols + ` VALUES (1, 'senior', 'MNO-A1', 2021, '2021-06-20', '2021-09-01', 'valid', ` + ts + `)`, []int{1}, ""},
		{nil, `INSERT INTO ` + certCols + ` VALUES (1, 'assistant', 'MNO-B1', 2019, '2019-06-20', '2019-09-01', 'valid', ` + ts + `)`, []int{1}, ""},
		{[]string{"holders_search_update", "holders_attention_update"}, `UPDATE holders SET name = 'Zhang Wei2' WHERE id = 1`, []int{1}, ""},
		{nil, `UPDATE holders SET region = 'Guangzhou' WHERE id = 1`, []int{1}, ""},
		// Not a column the rules read: the search changes, no mark.
		{[]string{"holders_encryption_update"}, `UPDATE holders SET id_number = 'H1X' WHERE id = 1`, nil, ""},
		{[]string{"holders_attention_dossier"}, `UPDATE holders SET phone = '13800138000' WHERE id = 1`, []int{1}, ""},
		// Both column lists at once: two marks (gen + 2), as in SQLite.
		{nil, `UPDATE holders SET name = 'Zhang Wei', phone = '13800138001', org = 'Hope', region = 'Shenzhen', demo = 0 WHERE id = 1`, []int{1}, ""},
		{nil, `UPDATE holders SET demo = 1, updated_at = 'later' WHERE id = 1`, nil, ""},
		{[]string{"certificates_search_update", "certificates_attention_update"}, `UPDATE certificates SET mno = 'MNO-A2' WHERE mno = 'MNO-A1'`, []int{1}, ""},
		{nil, `UPDATE certificates SET holder_id = 2 WHERE mno = 'MNO-B1'`, []int{1, 2}, ""},
		{nil, `UPDATE certificates SET status = 'revoked' WHERE mno = 'MNO-A2'`, []int{1}, ""},
		{[]string{"certificates_search_delete", "certificates_attention_delete", "certificates_children_first"}, `DELETE FROM certificates WHERE mno = 'MNO-B1'`, []int{2}, ""},
		{[]string{"annotations_attention_insert"},
			`INSERT INTO annotations (cert_id, scene, days, applied_at, created_at, updated_at) VALUES (` + cert("MNO-A2") + `, 'hospital', 30, '2024-05-01', ` + ts + `)`, []int{1}, ""},
		{[]string{"annotations_attention_update"}, `UPDATE annotations SET completed_at = '2024-05-02'`, []int{1}, ""},
		{[]string{"annotations_attention_delete"}, `DELETE FROM annotations`, []int{1}, ""},
		{[]string{"registrations_attention_insert"},
			`INSERT INTO registrations (cert_id, kind, status, created_at, updated_at) VALUES (` + cert("MNO-A2") + `, 'first', 'pending', ` + ts + `)`, []int{1}, ""},
		{[]string{"registrations_attention_update"}, `UPDATE registrations SET status = 'issued', valid_from = '2024-06-01'`, []int{1}, ""},
		{[]string{"registrations_attention_delete"}, `DELETE FROM registrations`, []int{1}, ""},
		{[]string{"paper_attention_insert", "paper_encryption_insert"},
			`INSERT INTO paper (cert_id, method, status, proxy_id_number, created_at, updated_at) VALUES (` + cert("MNO-A2") + `, 'mail', 'applied', 'P1', ` + ts + `)`, []int{1}, ""},
		{[]string{"paper_attention_update"}, `UPDATE paper SET status = 'shipped'`, []int{1}, ""},
		{[]string{"paper_encryption_update"}, `UPDATE paper SET proxy_id_number = 'P2'`, []int{1}, ""},
		{[]string{"paper_attention_delete"}, `DELETE FROM paper`, []int{1}, ""},
		{nil, `INSERT INTO paper (cert_id, method, status, proxy_id_number, created_at, updated_at) VALUES (` + cert("MNO-A2") + `, 'mail', 'applied', 'P2', ` + ts + `)`, []int{1}, ""},
		{[]string{"mail_forms_encryption_insert"},
			`INSERT INTO mail_forms (cert_id, sex, recipient, phone, province, city, district, address, postcode, fee, created_at, updated_at)
			VALUES (` + cert("MNO-A2") + `, 'female', 'Zhang', '13800138000', 'GD', 'SZ', 'NS', 'Road 1', '518000', 'prepaid', ` + ts + `)`, nil, ""},
		{[]string{"mail_forms_encryption_update"}, `UPDATE mail_forms SET phone = '13800138002'`, nil, ""},
		{[]string{"ce_records_attention_insert"},
			`INSERT INTO ce_records (holder_id, kind, title, date, tenths, review, created_at, updated_at) VALUES (1, 'training', 'Ethics', '2024-04-01', 75, 'pending', ` + ts + `)`, []int{1}, ""},
		{[]string{"ce_records_attention_update"}, `UPDATE ce_records SET review = 'approved'`, []int{1}, ""},
		{nil, `INSERT INTO ce_proofs (record_id, name, sha256, size, type, created_at) SELECT id, 'a.pdf', ` + sha1 + `, 10, 'application/pdf', 't' FROM ce_records`, nil, ""},
		{nil, `INSERT INTO ce_proofs (record_id, name, sha256, size, type, created_at) SELECT id, 'b.pdf', ` + sha2 + `, 10, 'application/pdf', 't' FROM ce_records`, nil, ""},
		{[]string{"ce_proofs_drop"}, `DELETE FROM ce_proofs WHERE name = 'a.pdf'`, nil, ""},
		// The record's other proof goes with it.
		{[]string{"ce_records_attention_delete", "ce_records_children_first"}, `DELETE FROM ce_records`, []int{1}, ""},
		{[]string{"profiles_attention_insert"}, `INSERT INTO profiles (holder_id, created_at, updated_at) VALUES (1, ` + ts + `)`, []int{1}, ""},
		{[]string{"profiles_attention_update"}, `UPDATE profiles SET sex = 'male', education = 'master'`, []int{1}, ""},
		{[]string{"profiles_attention_delete"}, `DELETE FROM profiles`, []int{1}, ""},
		{[]string{"photos_attention_insert"},
			`INSERT INTO photos (holder_id, name, sha256, size, type, width, height, created_at) VALUES (1, 'me.jpg', ` + sha1 + `, 1000, 'image/jpeg', 295, 413, 't')`, []int{1}, ""},
		{[]string{"photos_attention_delete", "photos_drop"}, `DELETE FROM photos`, []int{1}, ""},
		{nil, `INSERT INTO transfers (holder_id, applied_on, to_org, status, created_at, updated_at) VALUES (1, '2024-01-01', 'Hope Centre', 'pending', ` + ts + `)`, nil, ""},
		{[]string{"work_history_attention_insert"},
			`INSERT INTO work_history (holder_id, org, start_on, transfer_id, created_at, updated_at) SELECT 1, 'Hope Centre', '2024-02-01', id, ` + ts + ` FROM transfers`, []int{1}, ""},
		{[]string{"work_history_attention_update"}, `UPDATE work_history SET programme = 'sanqu'`, []int{1}, ""},
		// Not a column the rules read: no mark.
		{nil, `UPDATE work_history SET position = 'Lead', end_on = '2024-03-01'`, nil, ""},
		{[]string{"work_history_attention_delete", "work_history_children_first"}, `DELETE FROM work_history`, []int{1}, ""},
		{nil, `INSERT INTO work_history (holder_id, org, start_on, transfer_id, created_at, updated_at) SELECT 1, 'Hope Centre', '2024-02-01', id, ` + ts + ` FROM transfers`, []int{1}, ""},
		{[]string{"work_proofs_attention_insert"},
			`INSERT INTO work_proofs (work_id, name, sha256, size, type, created_at) VALUES (` + work + `, 'c.pdf', ` + sha3 + `, 10, 'application/pdf', 't')`, []int{1}, ""},
		{[]string{"work_proofs_attention_delete", "work_proofs_drop"}, `DELETE FROM work_proofs`, []int{1}, ""},
		{nil, `INSERT INTO work_proofs (work_id, name, sha256, size, type, created_at) VALUES (` + work + `, 'c.pdf', ` + sha3 + `, 10, 'application/pdf', 't')`, []int{1}, ""},
		// The transfer's passing: the entry keeps, its reference goes.
		{nil, `DELETE FROM transfers`, nil, ""},
		{nil, `INSERT INTO honours (holder_id, title, date, level, created_at, updated_at) VALUES (1, 'Model Worker', '2023-05-01', 'city', ` + ts + `)`, nil, ""},
		{nil, `INSERT INTO honour_proofs (honour_id, name, sha256, size, type, created_at) SELECT id, 'd.pdf', ` + sha4 + `, 10, 'application/pdf', 't' FROM honours`, nil, ""},
		{[]string{"honour_proofs_drop"}, `DELETE FROM honour_proofs`, nil, ""},
		{nil, `INSERT INTO honour_proofs (honour_id, name, sha256, size, type, created_at) SELECT id, 'd.pdf', ` + sha4 + `, 10, 'application/pdf', 't' FROM honours`, nil, ""},
		{nil, `INSERT INTO projects (name, org, start_on, created_at, updated_at) VALUES ('Elderly care', 'Hope', '2024-01-01', ` + ts + `);
			INSERT INTO participants (project_id, holder_id, joined_at) SELECT id, 1, 't' FROM projects;
			INSERT INTO service_records (project_id, holder_id, date, content, tenths, created_at, updated_at) SELECT id, 1, '2024-02-01', 'Visits', 30, ` + ts + ` FROM projects`, nil, ""},

		// The form a value is written in: plain, and no hash, while the
		// database is not encrypted; nothing plain once it is.
		{nil, `INSERT INTO holders (name, id_type, id_number, created_at, updated_at, id_hash) VALUES ('Wang', 'other', 'H3', ` + ts + `, X'01')`, nil, "swcert: encryption changed"},
		{nil, `UPDATE holders SET id_hash = X'01' WHERE id = 2`, nil, "swcert: encryption changed"},
		{nil, `INSERT INTO encryption (id, kdf, time, memory_kib, threads, salt, wrapped_key, kid, created_at, updated_at)
			VALUES (1, 'argon2id', 1, 64, 1, X'00', X'00', X'0102030405060708', ` + ts + `)`, nil, ""},
		{nil, `INSERT INTO holders (name, id_type, id_number, created_at, updated_at) VALUES ('Wang', 'other', 'H3', ` + ts + `)`, nil, "swcert: encryption changed"},
		{nil, `UPDATE holders SET phone = '13800138009' WHERE id = 2`, nil, "swcert: encryption changed"},
		{nil, `UPDATE holders SET name = 'Li Na2' WHERE id = 2`, []int{2}, ""},
		{nil, `UPDATE paper SET proxy_id_number = 'P3'`, nil, "swcert: encryption changed"},
		{nil, `UPDATE paper SET proxy_id_number = ''`, []int{1}, ""},
		{nil, `UPDATE mail_forms SET phone = '13800138003'`, nil, "swcert: encryption changed"},
		{nil, `DELETE FROM encryption`, nil, ""},

		// A holder goes with everything of theirs: every delete trigger of
		// their rows fires in the cascade.
		{[]string{"holders_attention_delete", "honours_children_first"}, `DELETE FROM holders WHERE id = 1`, []int{1}, ""},
	}

	var fired []string
	for _, s := range steps {
		fired = append(fired, s.fires...)
		d.mustExec(t, `UPDATE attention_fresh SET until = 100`)
		e1, e2 := d.exec(s.sql)
		switch {
		case s.err == "" && (e1 != nil || e2 != nil):
			t.Fatalf("%s\nSQLite: %v\nPostgreSQL: %v", s.sql, e1, e2)
		case s.err != "" && (e1 == nil || e2 == nil || !strings.Contains(e1.Error(), s.err) || !strings.Contains(e2.Error(), s.err)):
			t.Fatalf("%s: want %q from both\nSQLite: %v\nPostgreSQL: %v", s.sql, s.err, e1, e2)
		}
		lite, pg := d.dump(t)
		if !slices.Equal(lite, pg) { // every later step would differ too
			t.Fatalf("after %s\nSQLite:\n\t%s\nPostgreSQL:\n\t%s", s.sql, strings.Join(lite, "\n\t"), strings.Join(pg, "\n\t"))
		}
		marked := queryStrings(t, d.lite, `SELECT holder_id FROM attention_fresh WHERE until = 0 ORDER BY holder_id`)
		var want []string
		for _, h := range s.marks {
			want = append(want, fmt.Sprint(h))
		}
		if !slices.Equal(marked, want) {
			t.Errorf("after %s: holders %v marked, want %v", s.sql, marked, want)
		}
	}

	// The list above drives every trigger SQLite has, but the audit log's:
	// TestAuditEveryKindOfWrite drives each of those on both (and the dump
	// above compares the number of entries after every write).
	for _, name := range queryStrings(t, d.lite, `SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`) {
		if !slices.Contains(fired, name) && !auditTrigger.MatchString(name) {
			t.Errorf("no write above fires SQLite's trigger %s: add one", name)
		}
	}
	// The cascade left what both keep: the dropped proofs of the holder's
	// files, and the holder's mark.
	lite, _ := d.dump(t)
	for _, want := range []string{"dropped " + strings.Trim(sha3, "'"), "dropped " + strings.Trim(sha4, "'"), "holders: 1 rows", "work_history: 0 rows"} {
		if !slices.Contains(lite, want) {
			t.Errorf("after deleting the holder, no %q in\n\t%s", want, strings.Join(lite, "\n\t"))
		}
	}
}

// auditTrigger names the triggers of the audit log (00014_audit.sql).
var auditTrigger = regexp.MustCompile(`^([a-z_]+_audit_(insert|update|delete)|audit_sealed_(update|delete))$`)

// refusal says what kind of constraint refused err, in either dialect.
func refusal(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return map[string]string{"23514": "check", "23505": "unique", "23503": "foreign key", "23502": "not null"}[pe.Code]
	}
	if err == nil {
		return ""
	}
	for kind, msg := range map[string]string{"check": "CHECK constraint failed", "unique": "UNIQUE constraint failed",
		"foreign key": "FOREIGN KEY constraint failed", "not null": "NOT NULL constraint failed"} {
		if strings.Contains(err.Error(), msg) {
			return kind
		}
	}
	return ""
}

// The constraints refuse the same bad rows on both, and take the same row
// made good (so the refusal is the constraint's, not a mistake in the SQL).
func TestPostgresConstraintsMatchSQLite(t *testing.T) {
	comparing(t)
	d := openDialects(t)
	d.mustExec(t, `INSERT INTO `+holderCols+` VALUES ('Zhang Wei', 'resident', 'H1', '', 'Hope', '', `+ts+`);
		INSERT INTO `+certCols+` VALUES (1, 'senior', 'MNO-A1', 2021, '2021-06-20', '2021-09-01', 'valid', `+ts+`);
		INSERT INTO projects (name, org, start_on, created_at, updated_at) VALUES ('Care', 'Hope', '2024-01-01', `+ts+`);
		INSERT INTO participants (project_id, holder_id, joined_at) VALUES (1, 1, 't')`)
	holder := func(name, idType, idNumber string) string {
		return `INSERT INTO holders (name, id_type, id_number, created_at, updated_at) VALUES ('` + name + `', '` + idType + `', '` + idNumber + `', ` + ts + `)`
	}
	certificate := func(mno, passed, issued string, year int) string {
		return fmt.Sprintf(`INSERT INTO %s VALUES (1, 'senior', '%s', %d, '%s', '%s', 'valid', %s)`, certCols, mno, year, passed, issued, ts)
	}
	transfer := func(status, decided string) string {
		return `INSERT INTO transfers (holder_id, applied_on, to_org, status, decided_on, created_at, updated_at) VALUES (1, '2024-01-01', 'Dawn', '` + status + `', ` + decided + `, ` + ts + `)`
	}
	key := func(kid, own, public string) string {
		return `INSERT INTO seal_keys (kid, name, own, public_key, created_at, updated_at) VALUES ('` + kid + `', 'ours', ` + own + `, X'` + public + `', ` + ts + `)`
	}
	key32 := strings.Repeat("ab", 32)
	cases := []struct {
		kind, bad, good string
	}{
		{"check", holder("  ", "resident", "H2"), holder("Li Na", "resident", "H2")},
		{"check", holder("Wang", "driver", "H3"), holder("Wang", "passport", "H3")},
		{"unique", holder("Wang", "passport", "H3"), holder("Wang", "passport", "H4")},
		{"not null", `INSERT INTO holders (name, id_type, created_at, updated_at) VALUES ('Zhao', 'other', ` + ts + `)`, holder("Zhao", "other", "H5")},
		{"check", `UPDATE holders SET demo = 2 WHERE id = 1`, `UPDATE holders SET demo = 1 WHERE id = 1`},
		{"check", certificate("MNO-B1", "2021-06-20", "2021-06-19", 2021), certificate("MNO-B1", "2021-06-20", "2021-06-20", 2021)},
		{"check", certificate("MN1", "2021-06-20", "2021-09-01", 2021), certificate("MNO1", "2021-06-20", "2021-09-01", 2021)},
		{"check", certificate("MNO-C1", "2007-06-20", "2007-09-01", 2007), certificate("MNO-C1", "2008-06-20", "2008-09-01", 2008)},
		{"unique", certificate("MNO-C1", "2008-06-20", "2008-09-01", 2008), certificate("MNO-C2", "2008-06-20", "2008-09-01", 2008)},
		{"foreign key", `INSERT INTO ` + certCols + ` VALUES (99, 'senior', 'MNO-D1', 2021, '2021-06-20', '2021-09-01', 'valid', ` + ts + `)`,
			`INSERT INTO ` + certCols + ` VALUES (1, 'senior', 'MNO-D1', 2021, '2021-06-20', '2021-09-01', 'valid', ` + ts + `)`},
		{"check", `INSERT INTO annotations (cert_id, scene, days, applied_at, created_at, updated_at) VALUES (1, 'x', 91, '2024-01-01', ` + ts + `)`,
			`INSERT INTO annotations (cert_id, scene, days, applied_at, created_at, updated_at) VALUES (1, 'x', 90, '2024-01-01', ` + ts + `)`},
		{"check", `INSERT INTO ce_records (holder_id, kind, title, date, tenths, created_at, updated_at) VALUES (1, 'online', 'x', '2024-01-01', 0, ` + ts + `)`,
			`INSERT INTO ce_records (holder_id, kind, title, date, tenths, created_at, updated_at) VALUES (1, 'online', 'x', '2024-01-01', 1, ` + ts + `)`},
		{"check", transfer("pending", "'2024-02-01'"), transfer("pending", "NULL")},
		{"unique", transfer("pending", "NULL"), transfer("approved", "'2024-02-01'")},
		{"check", `INSERT INTO work_history (holder_id, org, start_on, end_on, created_at, updated_at) VALUES (1, 'Hope', '2024-02-01', '2024-01-31', ` + ts + `)`,
			`INSERT INTO work_history (holder_id, org, start_on, end_on, created_at, updated_at) VALUES (1, 'Hope', '2024-02-01', NULL, ` + ts + `)`},
		{"unique", `INSERT INTO work_history (holder_id, org, start_on, created_at, updated_at) VALUES (1, 'Dawn', '2024-03-01', ` + ts + `)`,
			`INSERT INTO work_history (holder_id, org, start_on, end_on, created_at, updated_at) VALUES (1, 'Dawn', '2023-03-01', '2023-12-31', ` + ts + `)`},
		{"check", `INSERT INTO photos (holder_id, name, sha256, size, type, width, height, created_at) VALUES (1, 'a', ` + sha1 + `, 512001, 'image/png', 1, 1, 't')`,
			`INSERT INTO photos (holder_id, name, sha256, size, type, width, height, created_at) VALUES (1, 'a', ` + sha1 + `, 512000, 'image/png', 1, 1, 't')`},
		{"check", `INSERT INTO service_records (project_id, holder_id, date, content, tenths, created_at, updated_at) VALUES (1, 1, '2024-02-01', 'x', 241, ` + ts + `)`,
			`INSERT INTO service_records (project_id, holder_id, date, content, tenths, created_at, updated_at) VALUES (1, 1, '2024-02-01', 'x', 240, ` + ts + `)`},
		// (A refused insert took a number from PostgreSQL's sequence, not
		// from SQLite: holders are named by their ID numbers here.)
		{"foreign key", `INSERT INTO service_records (project_id, holder_id, date, content, tenths, created_at, updated_at) SELECT 1, id, '2024-02-01', 'x', 1, ` + ts + ` FROM holders WHERE id_number = 'H2'`,
			`INSERT INTO participants (project_id, holder_id, joined_at) SELECT 1, id, 't' FROM holders WHERE id_number = 'H2'`},
		{"check", key("k1", "1", key32[:62]), key("k1", "1", key32)},
		{"unique", key("k2", "1", key32), key("k2", "0", key32)},
		{"check", `INSERT INTO calendar_events (uid, day, text_hash, sequence, updated_at) VALUES ('u', '2024-01-01', 'h', -1, 't')`,
			`INSERT INTO calendar_events (uid, day, text_hash, sequence, updated_at) VALUES ('u', '2024-01-01', 'h', 0, 't')`},
	}
	for _, c := range cases {
		e1, e2 := d.exec(c.bad)
		if refusal(e1) != c.kind || refusal(e2) != c.kind {
			t.Errorf("%s\nwant a %s refusal from both\nSQLite: %v\nPostgreSQL: %v", c.bad, c.kind, e1, e2)
		}
		if e1, e2 := d.exec(c.good); e1 != nil || e2 != nil {
			t.Errorf("%s\nSQLite: %v\nPostgreSQL: %v", c.good, e1, e2)
		}
	}
}

// The store writes a NULL id for a new row (holders.go, work.go): SQLite
// numbers it, and so does PostgreSQL; an honour written again under its
// own id keeps it, and the next new one does not take it.
func TestPostgresNullID(t *testing.T) {
	comparing(t)
	pg := openPostgresSchema(t)
	var a, b, c int64
	for i, p := range []*int64{&a, &b} {
		if err := pg.QueryRow(`INSERT INTO holders (id, name, id_type, id_number, created_at, updated_at)
			VALUES ($1, 'Zhang', 'other', $2, 't', 't') RETURNING id`, nil, fmt.Sprint("H", i)).Scan(p); err != nil {
			t.Fatal(err)
		}
	}
	if a != 1 || b != 2 {
		t.Fatalf("new holders numbered %d, %d", a, b)
	}
	if err := pg.QueryRow(`INSERT INTO honours (id, holder_id, title, date, level, created_at, updated_at)
		VALUES (NULL, 1, 'Model', '2024-01-01', 'city', 't', 't') RETURNING id`).Scan(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := pg.Exec(`DELETE FROM honours WHERE id = $1`, a); err != nil {
		t.Fatal(err)
	}
	if err := pg.QueryRow(`INSERT INTO honours (id, holder_id, title, date, level, created_at, updated_at)
		VALUES ($1, 1, 'Model', '2024-01-01', 'city', 't', 't') RETURNING id`, a).Scan(&b); err != nil {
		t.Fatal(err)
	}
	if err := pg.QueryRow(`INSERT INTO honours (id, holder_id, title, date, level, created_at, updated_at)
		VALUES (NULL, 1, 'Model', '2024-01-01', 'city', 't', 't') RETURNING id`).Scan(&c); err != nil {
		t.Fatal(err)
	}
	if b != a || c == a {
		t.Errorf("honour %d written again as %d; the next new one is %d", a, b, c)
	}
}

// The baseline's Down takes away everything its Up made (a failed
// deployment can be rolled back to an empty database), and Up works again.
func TestPostgresBaselineDown(t *testing.T) {
	comparing(t)
	pg := openPostgresSchema(t)
	ctx := context.Background()
	p, err := goose.NewProvider(goose.DialectPostgres, pg, mustSub(postgresMigrations, "migrations/postgres"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 0); err != nil {
		t.Fatal(err)
	}
	left := queryStrings(t, pg, `SELECT c.relkind::text || ' ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND c.relname NOT LIKE 'goose_db_version%'
		UNION ALL SELECT 'function ' || proname FROM pg_proc WHERE proname LIKE 'swcert\_%'`)
	if len(left) > 0 {
		t.Errorf("left after Down: %v", left)
	}
	if err := migratePostgres(pg); err != nil {
		t.Fatalf("Up after Down: %v", err)
	}
}
