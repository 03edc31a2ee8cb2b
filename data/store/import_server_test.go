package store

import (
	"testing"

	"github.com/swcert/swcert/data"
)

// An import finds what is saved under its rows' keys whether it looks them
// up row by row (a file) or all at once first (a server, import_server.go):
// new holders and certificates, the same rows again unchanged, and a sheet
// of saved and new rows together.
func TestImportFindsWhatIsSaved(t *testing.T) {
	db := openTest(t)
	if res := importSheet(t, db, benchSheet(t, 6), data.ImportOptions{}); !res.Written || res.Imported != 9 {
		t.Fatalf("first import: %+v", res)
	}
	if res := importSheet(t, db, benchSheet(t, 6), data.ImportOptions{}); res.Unchanged != 9 || res.Imported != 0 || len(res.Changes) != 0 {
		t.Errorf("the same rows again: %+v", res)
	}
	res := importSheet(t, db, benchSheet(t, 10), data.ImportOptions{})
	if res.Unchanged != 9 || res.Imported != 6 || res.Updated != 0 {
		t.Errorf("saved and new rows: %+v", res)
	}
	if n, err := db.CountHolders(ctx, data.HolderFilter{}); err != nil || n != 5 {
		t.Errorf("%d holders, %v; want 5", n, err)
	}
}
