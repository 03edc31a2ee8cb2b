package store

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
)

// Turning encryption on or off killed (SIGKILL) at any point of its work
// leaves a database that opens with the passphrase, with every number and
// every proof file readable and exactly as entered; the next start
// finishes what the files still lack. The conversion runs in a child
// process (this test binary, TestEncryptionKillChild) killed after a
// delay spread over the time a whole conversion takes.

const killHolders = 2000

func killRecords() []data.HolderRecord {
	recs := benchRecords(killHolders)
	for i := range recs {
		recs[i].Holder.Phone = fmt.Sprintf("139%08d", i)
	}
	return recs
}

func killProofContent(i int) string {
	return fmt.Sprintf("%%PDF-1.4 proof number %d of the kill test", i)
}

const killProofs = 40

// killTemplate is a plain (or encrypted) database with its proofs folder.
func killTemplate(t *testing.T, encrypted bool) string {
	t.Helper()
	dir := t.TempDir()
	db, err := openAt(t, filepath.Join(dir, "swcert.db"))
	if err != nil {
		t.Fatal(err)
	}
	useProofs(t, db)
	if err := db.CreateHolderRecords(ctx, killRecords()); err != nil {
		t.Fatal(err)
	}
	hours, _ := data.ParseHours("hours", "1")
	for i := range killProofs {
		p := proof(t, fmt.Sprintf("p%d.pdf", i), killProofContent(i))
		if err := db.CreateCERecord(ctx, &data.CERecord{HolderID: int64(i + 1), Kind: data.CETraining, Title: "培训", Date: data.NewDate(2026, 3, 1),
			Hours: hours, Review: data.ReviewApproved, Proofs: []data.Proof{p}}); err != nil {
			t.Fatal(err)
		}
	}
	if encrypted {
		if err := db.EnableEncryption(ctx, []byte(pass)); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	return dir
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(path string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if fi.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o700)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestEncryptionKillChild is the child process: it converts the database
// named in the environment and exits. Skipped in a normal run.
func TestEncryptionKillChild(t *testing.T) {
	fileOnly(t, "encryption at rest is a file's")
	path, op := os.Getenv("SWCERT_KILL_DB"), os.Getenv("SWCERT_KILL_OP")
	if path == "" {
		t.Skip("run by TestEncryptionSurvivesAKill")
	}
	db, err := openAt(t, path, withPass(pass))
	if err != nil {
		t.Fatal(err)
	}
	useProofs(t, db)
	if op == "on" {
		err = db.EnableEncryption(ctx, []byte(pass))
	} else {
		err = db.DisableEncryption(ctx, []byte(pass))
	}
	if err != nil {
		t.Fatal(err)
	}
}

func runKillChild(t *testing.T, dir, op string, after time.Duration) (finished bool, took time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestEncryptionKillChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "SWCERT_KILL_DB="+filepath.Join(dir, "swcert.db"), "SWCERT_KILL_OP="+op)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the child failed: %v", err)
		}
		return true, time.Since(start)
	case <-time.After(after):
		cmd.Process.Kill()
		<-done
		return false, time.Since(start)
	}
}

// checkAfterKill opens the database as the next start would and checks
// every value and file.
func checkAfterKill(t *testing.T, dir string) (on, pending bool) {
	t.Helper()
	db, err := openAt(t, filepath.Join(dir, "swcert.db"), withPass(pass))
	if err != nil {
		t.Fatalf("does not open: %v", err)
	}
	defer db.Close()
	pending = db.filesPending(ctx)
	store := useProofs(t, db) // finishes the files
	st, err := db.Encryption(ctx)
	if err != nil {
		t.Fatal(err)
	}
	recs := killRecords()
	hs, err := db.FindHolders(ctx, data.HolderFilter{Limit: killHolders + 10})
	if err != nil || len(hs) != killHolders {
		t.Fatalf("%d holders, %v", len(hs), err)
	}
	for _, h := range hs {
		want := recs[h.ID-1].Holder
		if h.IDNumber != want.IDNumber || h.Phone != want.Phone {
			t.Fatalf("holder %d: %s %s, want %s %s", h.ID, h.IDNumber, h.Phone, want.IDNumber, want.Phone)
		}
	}
	var wrongForm int
	q := `SELECT count(*) FROM holders WHERE typeof(id_number) <> 'blob' OR id_hash IS NULL`
	if !st.On {
		q = `SELECT count(*) FROM holders WHERE typeof(id_number) = 'blob' OR id_hash IS NOT NULL`
	}
	if err := db.sql.QueryRow(q).Scan(&wrongForm); err != nil || wrongForm != 0 {
		t.Fatalf("on=%v: %d holders in the other form (%v)", st.On, wrongForm, err)
	}
	for i := range killProofs {
		p := proof(t, fmt.Sprintf("p%d.pdf", i), killProofContent(i))
		b, err := store.Open(p)
		if err != nil || string(b) != killProofContent(i) {
			t.Fatalf("proof %d: %q %v", i, b, err)
		}
		raw, _ := os.ReadFile(store.Path(p))
		if sealed := string(raw) != killProofContent(i); sealed != st.On {
			t.Fatalf("proof %d: sealed %v in a database with encryption on=%v", i, sealed, st.On)
		}
	}
	if db.filesPending(ctx) {
		t.Fatal("still pending after a start")
	}
	return st.On, pending
}

func TestEncryptionSurvivesAKill(t *testing.T) {
	fileOnly(t, "encryption at rest is a file's")
	if testing.Short() {
		t.Skip("kills a dozen conversions")
	}
	for _, c := range []struct {
		op        string
		encrypted bool
		runs      int
	}{{"on", false, 10}, {"off", true, 8}} {
		tmpl := killTemplate(t, c.encrypted)
		// How long a whole conversion takes, child start included.
		whole := t.TempDir()
		copyDir(t, tmpl, whole)
		finished, full := runKillChild(t, whole, c.op, time.Minute)
		if !finished {
			t.Fatal("the whole run did not finish")
		}
		if on, _ := checkAfterKill(t, whole); on != (c.op == "on") {
			t.Fatalf("%s: the whole run left on=%v", c.op, on)
		}
		counts, pendings := map[bool]int{}, 0
		for i := range c.runs {
			dir := t.TempDir()
			copyDir(t, tmpl, dir)
			after := full * time.Duration(i+1) / time.Duration(c.runs+1)
			finished, _ := runKillChild(t, dir, c.op, after)
			on, pending := checkAfterKill(t, dir)
			counts[on]++
			if pending {
				pendings++
			}
			t.Logf("%s killed after %v (finished: %v): on=%v, files pending=%v", c.op, after, finished, on, pending)
		}
		t.Logf("%s: %d runs, %d left on, %d left off, %d with files to finish", c.op, c.runs, counts[true], counts[false], pendings)
	}
}
