package backup

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// The automatic backup is made at most once a day, and only the newest
// keep of them stay; a backup kept before a restore is never removed.
func TestAutoBackupOnceADayKeepingTheLastN(t *testing.T) {
	f := newFixture(t)
	src := f.source()
	kept := filepath.Join(BackupsDir(f.db), "swcert-before-restore-20261101-080000.zip")
	os.MkdirAll(BackupsDir(f.db), 0o700)
	os.WriteFile(kept, []byte("kept"), 0o600)
	var made []string
	for day := 0; day < 5; day++ {
		src.Now = testNow.AddDate(0, 0, day)
		for range 2 { // twice the same day: once only
			p, err := Auto(ctx, src, 3)
			if err != nil {
				t.Fatal(err)
			}
			if p != "" {
				made = append(made, filepath.Base(p))
			}
		}
	}
	if len(made) != 5 || made[0] != "swcert-auto-20261122.zip" {
		t.Errorf("made %v", made)
	}
	entries, _ := os.ReadDir(BackupsDir(f.db))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		if st, _ := os.Stat(filepath.Join(BackupsDir(f.db), e.Name())); st.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v", e.Name(), st.Mode().Perm())
		}
	}
	sort.Strings(names)
	want := []string{"swcert-auto-20261124.zip", "swcert-auto-20261125.zip", "swcert-auto-20261126.zip", "swcert-before-restore-20261101-080000.zip"}
	if len(names) != len(want) {
		t.Fatalf("backups %v, want %v", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Errorf("backups %v, want %v", names, want)
		}
	}
	if st, _ := os.Stat(BackupsDir(f.db)); st.Mode().Perm() != 0o700 {
		t.Errorf("backups folder mode %v", st.Mode().Perm())
	}
	// The newest restores.
	if _, err := Inspect(ctx, filepath.Join(BackupsDir(f.db), want[2]), t.TempDir()); err != nil {
		t.Error(err)
	}
	// 0 is off: nothing made.
	src.Now = testNow.AddDate(0, 0, 10)
	if p, err := Auto(ctx, src, 0); p != "" || err != nil {
		t.Errorf("keep 0 made %q %v", p, err)
	}
	_ = time.Second
}

func TestParseKeep(t *testing.T) {
	for in, want := range map[string]int{"7": 7, " 0 ": 0, "365": 365} {
		if n, err := ParseKeep(in); err != nil || n != want {
			t.Errorf("%q: %d %v", in, n, err)
		}
	}
	for _, in := range []string{"", "-1", "366", "0x7", "1_0", "七", "1000"} {
		if _, err := ParseKeep(in); errKind(err) != "err.backup.keep" {
			t.Errorf("%q accepted: %v", in, err)
		}
	}
}

// What a backup or restore killed half way left (a hidden copy of the
// database) is removed by the next one, once it is old enough not to be
// another program's work in progress.
func TestLeftoversOfAKilledBackupAreRemoved(t *testing.T) {
	f := newFixture(t)
	dir := filepath.Dir(f.db)
	os.MkdirAll(BackupsDir(f.db), 0o700)
	old := []string{filepath.Join(dir, ".swcert-backup-123"), filepath.Join(dir, ".swcert-restore-456"), filepath.Join(BackupsDir(f.db), ".swcert-backup-789.zip")}
	for _, p := range old[:2] {
		os.Mkdir(p, 0o700)
		os.WriteFile(filepath.Join(p, DBName), []byte("a copy"), 0o600)
	}
	os.WriteFile(old[2], []byte("half a zip"), 0o600)
	fresh := filepath.Join(dir, ".swcert-backup-999")
	os.Mkdir(fresh, 0o700)
	long := time.Now().Add(-2 * time.Hour)
	for _, p := range old {
		os.Chtimes(p, long, long)
	}
	src := f.source()
	src.Now = time.Now() // the files' times are the machine's
	if _, err := Auto(ctx, src, 7); err != nil {
		t.Fatal(err)
	}
	for _, p := range old {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s left", p)
		}
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a backup in progress was removed")
	}
}
