package screens

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/demo"
)

// File → Export roster…, a path typed, Save: the file holds the header
// and one row a certificate, holders in the list's order, private to the
// user, and the dialog says where it went. The roster is written a part
// of holders at a time into the file's temporary file (docs.RosterExport,
// files.WriteFrom).
func TestExportRosterFromTheMenu(t *testing.T) {
	f := newFixture(t, "en")
	ctx := context.Background()
	if err := f.db.CreateHolderRecords(ctx, demo.Generate(30, 4, data.DateOf(f.now))); err != nil {
		t.Fatal(err)
	}
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	path := filepath.Join(t.TempDir(), "roster.csv")
	menuItem(t, m, "Export roster…").Action()
	findEntry(f.win.Canvas().Overlays().Top()).SetText(path)
	f.tapDialogButton("Save")
	if got := f.dialogText(); !strings.Contains(got, "Saved "+path) {
		t.Fatalf("after the export: %q", got)
	}
	b, err := os.ReadFile(path)
	fi, _ := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the roster file: %v, %v", fi, err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	certs, err := f.db.CountCertificates(ctx)
	if err != nil || len(rows) != certs+1 || rows[0][0] != "姓名" {
		t.Fatalf("%d rows (header %v) for %d certificates (%v)", len(rows), rows[0], certs, err)
	}
	var names []string
	for _, h := range f.holders() {
		names = append(names, h.Name)
	}
	at := 0
	for _, r := range rows[1:] {
		for at < len(names) && names[at] != r[0] {
			at++
		}
		if at == len(names) {
			t.Fatalf("holder %s out of the list's order %v", r[0], names)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("%d files beside the roster", len(entries))
	}
}
