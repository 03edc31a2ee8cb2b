package files

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// deadPID is the process ID of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no `true` to run:", err)
	}
	return cmd.Process.Pid
}

// What a run killed mid-export left (its journal entries and the hidden
// temporary files they name, anywhere the person exported to) is removed
// at the next start; what is not a temporary file of ours (a name that
// does not match, a folder, a link), and what a live process is writing,
// is left alone.
func TestUseJournalRemovesWhatAKilledRunLeft(t *testing.T) {
	data, out := t.TempDir(), t.TempDir()
	jdir := filepath.Join(data, JournalFolder)
	if err := os.MkdirAll(jdir, 0o700); err != nil {
		t.Fatal(err)
	}
	dead := deadPID(t)
	entry := func(name string, pid int, path string) {
		if err := os.WriteFile(filepath.Join(jdir, name), []byte(fmt.Sprintf("%d\n%s\n", pid, path)), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	file := func(name string) string {
		p := filepath.Join(out, name)
		if err := os.WriteFile(p, []byte("张伟,11010519491231002X"), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	zip := file(".swcert-batch-12345.zip")
	roster := file(".swcert-67890")
	mine := file("roster.xlsx")                      // the person's own file
	live := file(".swcert-424242")                   // being written by a live process
	os.Mkdir(filepath.Join(out, ".swcert-1"), 0o700) // a folder of that name
	os.Symlink(mine, filepath.Join(out, ".swcert-2"))
	entry(fmt.Sprintf("%d-1", dead), dead, zip)
	entry(fmt.Sprintf("%d-2", dead), dead, roster)
	entry(fmt.Sprintf("%d-3", dead), dead, mine)
	entry(fmt.Sprintf("%d-4", dead), dead, filepath.Join(out, ".swcert-1"))
	entry(fmt.Sprintf("%d-5", dead), dead, filepath.Join(out, ".swcert-2"))
	entry(fmt.Sprintf("%d-6", dead), dead, filepath.Join(out, ".swcert-3")) // gone already
	scratch := filepath.Join(data, ".swcert-scratch-99")                    // excelize's spill of a roster
	os.Mkdir(scratch, 0o700)
	os.WriteFile(filepath.Join(scratch, "excelize-123"), []byte("11010519491231002X"), 0o600)
	entry(fmt.Sprintf("%d-7", dead), dead, scratch)
	entry("1-1", 1, live) // pid 1 runs
	entry("junk", 0, "")

	removed, err := UseJournal(data)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { journal.Lock(); journal.dir = ""; journal.Unlock() }()
	if len(removed) != 3 {
		t.Errorf("removed %v, want the ZIP, the roster and the scratch folder", removed)
	}
	for _, p := range []string{zip, roster, scratch} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s is still there", p)
		}
	}
	for _, p := range []string{mine, live, filepath.Join(out, ".swcert-1"), filepath.Join(out, ".swcert-2")} {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s was removed", p)
		}
	}
	left, _ := os.ReadDir(jdir)
	if len(left) != 1 || left[0].Name() != "1-1" {
		t.Errorf("journal holds %v, want only the live process's entry", left)
	}

	// A write of this run is journaled while it runs, and the entry goes
	// when it is done.
	f, done, err := CreateTemp(out, ".swcert-", "")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadDir(jdir); len(got) != 2 {
		t.Errorf("journal while writing: %v", got)
	}
	if _, err := UseJournal(data); err != nil { // a second start meanwhile
		t.Fatal(err)
	}
	if _, err := os.Stat(f.Name()); err != nil {
		t.Errorf("a start removed the temporary file of a write in progress: %v", err)
	}
	f.Close()
	os.Remove(f.Name())
	done()
	if got, _ := os.ReadDir(jdir); len(got) != 1 {
		t.Errorf("journal after the write: %v", got)
	}
}

// A scratch folder is private, journaled while in use, and gone with its
// entry when done.
func TestScratchDir(t *testing.T) {
	data := t.TempDir()
	if _, err := UseJournal(data); err != nil {
		t.Fatal(err)
	}
	defer func() { journal.Lock(); journal.dir = ""; journal.Unlock() }()
	dir, done, err := ScratchDir()
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(dir)
	if err != nil || fi.Mode().Perm() != 0o700 || filepath.Dir(dir) != data {
		t.Fatalf("scratch %s: %v %v", dir, fi, err)
	}
	os.WriteFile(filepath.Join(dir, "excelize-1"), []byte("x"), 0o600)
	if entries, _ := os.ReadDir(filepath.Join(data, JournalFolder)); len(entries) != 1 {
		t.Errorf("journal while in use: %v", entries)
	}
	done()
	if _, err := os.Stat(dir); err == nil {
		t.Error("the scratch folder is still there")
	}
	if entries, _ := os.ReadDir(filepath.Join(data, JournalFolder)); len(entries) != 0 {
		t.Errorf("journal after: %v", entries)
	}
}
