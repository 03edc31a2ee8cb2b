package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data/backup"
	"github.com/swcert/swcert/data/store"
)

func menuItem(t *testing.T, m *Main, label string) *fyne.MenuItem {
	t.Helper()
	for _, menu := range m.Menu().Items {
		for _, it := range menu.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// File → Back up… writes a backup where the user chose; Restore… puts its
// records back, after a confirmation, keeping what it replaced; the tabs
// show the restored records.
func TestBackUpAndRestoreFromTheMenu(t *testing.T) {
	f := newFixture(t, "en")
	f.addHolder("张伟", "11010519491231002X")
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	if it := menuItem(t, m, "Back up…"); it.Action == nil {
		t.Fatal("Back up… does nothing")
	}
	if it := menuItem(t, m, "Restore…"); it.Action == nil {
		t.Fatal("Restore… does nothing")
	}
	// As a person does: the menu item, a path typed in the save dialog, Save.
	path := filepath.Join(t.TempDir(), "my-backup.zip")
	menuItem(t, m, "Back up…").Action()
	findEntry(f.win.Canvas().Overlays().Top()).SetText(path)
	f.tapDialogButton("Save")
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the backup file: %v %v", fi, err)
	}
	if !strings.Contains(f.dialogText(), "Backup written to "+path) {
		t.Fatalf("after the backup: %q", f.dialogText())
	}
	if _, err := backup.Inspect(f.svc.ctx(), path, t.TempDir()); err != nil {
		t.Fatalf("the backup written does not read back: %v", err)
	}
	f.addHolder("李娜", "44030519900101123X")

	m.confirmRestore(path)
	if !strings.Contains(f.dialogText(), "kept as a backup") {
		t.Fatalf("the confirmation does not say the current database is kept: %q", f.dialogText())
	}
	f.tapDialogButton("Restore")
	if got := f.dialogText(); !strings.Contains(got, "Restored "+path) || !strings.Contains(got, "kept as") {
		t.Fatalf("after the restore: %q", got)
	}
	if hs := f.holders(); len(hs) != 1 || hs[0].Name != "张伟" {
		t.Errorf("holders after the restore: %v", hs)
	}
	cur := m.current()
	if cur == m {
		t.Error("the tabs were not rebuilt on the restored records")
	}
	if n := cur.Certificates.list.Len(); n != 1 {
		t.Errorf("the Certificates tab lists %d holders", n)
	}
	// A damaged file is refused with its reason; nothing changes.
	bad := filepath.Join(t.TempDir(), "bad.zip")
	os.WriteFile(bad, []byte("PK not really"), 0o600)
	cur.Win.Canvas().Overlays().Top().Hide()
	cur.restoreFrom(bad)
	if !strings.Contains(f.dialogText(), "not a whole ZIP") {
		t.Errorf("a bad backup: %q", f.dialogText())
	}
	if hs := f.holders(); len(hs) != 1 {
		t.Errorf("a refused restore changed the records: %v", hs)
	}
}

// Opening the window makes the day's automatic backup beside the
// database, once a day; Settings say how many to keep, 0 for none.
func TestAutomaticBackupAtStartAndItsSetting(t *testing.T) {
	f := newFixture(t, "en")
	f.addHolder("张伟", "11010519491231002X")
	dir := backup.BackupsDir(f.svc.DBPath)
	autos := func() []string {
		names, _ := filepath.Glob(filepath.Join(dir, "test-auto-*.zip"))
		return names
	}
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	if a := autos(); len(a) != 1 || filepath.Base(a[0]) != "test-auto-20261122.zip" {
		t.Fatalf("automatic backups after start: %v", a)
	}
	if _, err := backup.Inspect(f.svc.ctx(), autos()[0], t.TempDir()); err != nil {
		t.Errorf("the automatic backup does not read back: %v", err)
	}
	m.Refresh() // the hourly refresh, same day: no second one
	if a := autos(); len(a) != 1 {
		t.Errorf("twice in a day: %v", a)
	}

	s := m.NewSettings()
	if s.BackupKeep.entry.Text != "7" {
		t.Errorf("default keep %q", s.BackupKeep.entry.Text)
	}
	test.Type(s.BackupKeep.entry, "x")
	if !s.BackupKeep.msg.Visible() || f.app.Preferences().String(PrefBackupKeep) != "7" {
		t.Errorf("7x accepted: %q, message %q", f.app.Preferences().String(PrefBackupKeep), s.BackupKeep.msg.Text)
	}
	typeInto(s.BackupKeep.entry, "0")
	if f.app.Preferences().String(PrefBackupKeep) != "0" {
		t.Fatalf("keep 0 not saved: %q", f.app.Preferences().String(PrefBackupKeep))
	}
	f.now = f.now.AddDate(0, 0, 1)
	m.current().Refresh()
	if a := autos(); len(a) != 1 {
		t.Errorf("automatic backups made while off: %v", a)
	}
	typeInto(s.BackupKeep.entry, "2")
	for range 3 {
		f.now = f.now.AddDate(0, 0, 1)
		m.current().Refresh()
	}
	if a := autos(); len(a) != 2 || filepath.Base(a[1]) != "test-auto-20261126.zip" {
		t.Errorf("keeping 2: %v", a)
	}
}

// A window opened on a database whose key file is gone says so at once,
// with what to do.
func TestWindowTellsAMissingKeyFileAtStart(t *testing.T) {
	f := newFixture(t, "en")
	if err := os.Remove(store.KeyPath(f.svc.Backups.DB)); err != nil {
		t.Fatal(err)
	}
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	if got := f.dialogText(); !strings.Contains(got, "is missing: no new seal can be made") {
		t.Errorf("at start: %q", got)
	}
}
