package store

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/proofs"
)

// tableRows reads every row of every table of db but those named in
// skip, as text, in rowid (or key) order.
func tableRows(t *testing.T, db *sql.DB, skip map[string]bool) map[string][][]string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		if !skip[n] {
			names = append(names, n)
		}
	}
	rows.Close()
	out := map[string][][]string{}
	for _, n := range names {
		rs, err := db.Query(`SELECT * FROM "` + n + `" ORDER BY 1`)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		cols, _ := rs.Columns()
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rs.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			row := make([]string, len(cols))
			for i, v := range vals {
				row[i] = fmt.Sprintf("%s=%T:%v", cols[i], v, v)
			}
			out[n] = append(out[n], row)
		}
		rs.Close()
	}
	return out
}

// A database made by the release before the dossier (main at 0d68561:
// `swcert demo --holders 30`, a CE record with its proof file, a paper
// collection with a mail form, an exported calendar; the reminder row set
// through that release's schema, as its window does) opens with migration
// 00013: every row of every table it had is still there, unchanged, and
// its proof file is still kept. The attention tables are left out: they
// are a cache worked out again (its registration items now say what the
// dossier lacks).
func TestMigrationToDossierKeepsEveryRowOfTheRelease(t *testing.T) {
	fileOnly(t, "databases of earlier releases are files")
	dir := t.TempDir()
	copyDir(t, filepath.Join("testdata", "release-0d68561"), dir)
	path := filepath.Join(dir, "swcert.db")
	skip := map[string]bool{"attention": true, "attention_fresh": true, "goose_db_version": true}

	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var version int64
	raw.QueryRow(`SELECT max(version_id) FROM goose_db_version`).Scan(&version)
	before := tableRows(t, raw, skip)
	raw.Close()
	if version != 12 || len(before["holders"]) != 30 || len(before["ce_proofs"]) != 1 || len(before["reminders"]) != 1 || len(before["calendar_events"]) == 0 {
		t.Fatalf("the fixture is not the release's database: version %d, %d holders", version, len(before["holders"]))
	}

	db, err := Open(path, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	store := &proofs.Store{Dir: filepath.Join(dir, "proofs")}
	if err := db.UseProofFiles(ctx, store); err != nil {
		t.Fatal(err)
	}
	db.sql.QueryRow(`SELECT max(version_id) FROM goose_db_version`).Scan(&version)
	if version != 17 {
		t.Errorf("migrated to %d", version)
	}
	after := tableRows(t, db.sql.DB, skip)
	for table, rows := range before {
		if !reflect.DeepEqual(after[table], rows) {
			t.Errorf("%s changed: %d rows before, %d after", table, len(rows), len(after[table]))
			for i := range min(len(rows), len(after[table])) {
				if !slices.Equal(rows[i], after[table][i]) {
					t.Errorf("  %v\n→ %v", rows[i], after[table][i])
					break
				}
			}
		}
	}
	for _, table := range []string{"profiles", "photos", "work_history", "work_proofs", "honours", "honour_proofs", "transfers", "projects", "participants", "service_records"} {
		var n int
		if err := db.sql.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil || n != 0 {
			t.Errorf("new table %s: %d rows (%v)", table, n, err)
		}
	}
	if n := files(t, store); n != 1 {
		t.Errorf("%d proof files after the upgrade, want the release's 1", n)
	}
	// The upgraded database works: the dossier of a holder of the
	// release's says what it lacks, and the registration due says so.
	d, err := db.Dossier(ctx, 1)
	if err != nil || len(d.Missing) == 0 {
		t.Fatalf("dossier: %+v %v", d, err)
	}
	items, err := db.Attention(ctx, data.AttentionFilter{Kind: data.AttRegistration}, testNow)
	if err != nil {
		t.Fatal(err)
	}
	said := false
	for _, it := range items {
		for i := 0; i+1 < len(it.Args); i += 2 {
			said = said || it.Args[i] == "Missing"
		}
	}
	if len(items) > 0 && !said {
		t.Errorf("no registration item says the dossier is incomplete: %+v", items[0])
	}
}
