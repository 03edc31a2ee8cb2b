package store

import (
	"slices"
	"testing"
)

// Every table of the schema is either copied by CopyFrom or left out for a
// reason (notCopied): a new table fails here until it is decided on.
func TestCopyKnowsEveryTable(t *testing.T) {
	db := openTest(t)
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
	if onServer() {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
	}
	rows, err := db.sql.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		if _, left := notCopied[name]; !left && !slices.Contains(copyTables, name) {
			t.Errorf("table %s is neither copied nor left out by `swcert migrate` (copy.go)", name)
		}
	}
}
