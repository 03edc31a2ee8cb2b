package screens

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/i18n"
)

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Choosing the open database as the place to save an export (by its name,
// a path through "..", or its -wal) leaves it byte for byte as it was, and
// the save dialog says why and stays open for another name; another name
// saves the file, private to the user. Fyne's own save dialog would have
// emptied the file (os.Create) before handing it over.
func TestSavingOverTheDatabaseIsRefusedInTheDialog(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.addHolder("张伟", "11010519491231002X")
	s := NewVerify(f.svc, f.win)
	f.win.SetContent(s.Content())
	db := f.svc.DBPath
	dir := filepath.Dir(db)
	os.Mkdir(filepath.Join(dir, "x"), 0o700)
	dbBytes, walBytes := fileBytes(t, db), fileBytes(t, db+"-wal")
	// The dialog opens on the database's folder, as after a save there.
	f.app.Preferences().SetString(prefSaveFolder, dir)
	for _, name := range []string{db, filepath.Base(db), dir + "/x/../" + filepath.Base(db), db + "-wal"} {
		s.onExportKey()
		d := f.win.Canvas().Overlays().Top()
		entry := findEntry(d)
		if entry == nil {
			t.Fatal("no file name in the save dialog")
		}
		entry.SetText(name)
		f.tapDialogButton("Save")
		if msg := f.dialogText(); !strings.Contains(msg, "which holds SWCert's records. Choose another name") || !strings.Contains(msg, db) {
			t.Errorf("%s: the dialog says %q", name, msg)
		}
		if f.win.Canvas().Overlays().Top() != d {
			t.Errorf("%s: the dialog closed", name)
		}
		f.tapDialogButton("Cancel")
	}
	if !bytes.Equal(fileBytes(t, db), dbBytes) || !bytes.Equal(fileBytes(t, db+"-wal"), walBytes) {
		t.Fatal("the database changed")
	}
	if n := len(f.holders()); n != 1 {
		t.Errorf("%d holders after the refusals", n)
	}

	// Another name: saved, 0600, said under the keys.
	s.onExportKey()
	findEntry(f.win.Canvas().Overlays().Top()).SetText("public.jwk")
	f.tapDialogButton("Save")
	out := filepath.Join(dir, "public.jwk")
	fi, err := os.Stat(out)
	if err != nil || fi.Mode().Perm() != 0o600 || !strings.Contains(s.keyMsg.Text, out) {
		t.Errorf("saved: %v %v, message %q", fi, err, s.keyMsg.Text)
	}
	if f.win.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stayed open after saving")
	}
}
