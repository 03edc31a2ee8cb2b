package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The dossier's files (the photo, a work entry's and an honour's proofs)
// go into a backup with the CE proofs and come back with a restore; check
// finds them all; with encryption on they are sealed on disk.
func TestBackupCarriesTheDossierFiles(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X")
	dir := t.TempDir()
	photo := writeJPEG(t, dir, 295, 413, 0)
	r.ok(nil, "profile", "photo", "--holder", "1", photo)
	proof := filepath.Join(dir, "三区计划证明.pdf")
	os.WriteFile(proof, []byte("%PDF-1.4 sanqu proof"), 0o600)
	r.ok(nil, "work", "add", "--holder", "1", "--org", "阳光社工", "--start-on", "2020-01-01", "--programme", "sanqu", "--proof", proof)
	honour := filepath.Join(dir, "荣誉证书.pdf")
	os.WriteFile(honour, []byte("%PDF-1.4 honour"), 0o600)
	r.ok(nil, "honour", "add", "--holder", "1", "--title", "优秀社工", "--date", "2024-01-01", "--level", "省", "--proof", honour)

	file := filepath.Join(dir, "b.zip")
	var b struct {
		Proofs int `json:"proofs"`
	}
	r.ok(&b, "backup", "--out", file)
	if b.Proofs != 3 {
		t.Errorf("backup holds %d files, want the photo and two proofs", b.Proofs)
	}
	fresh := &run{t: t, db: filepath.Join(t.TempDir(), "elsewhere", "swcert.db")}
	if code, _, errs := fresh.do("restore", file); code != 0 {
		t.Fatalf("restore: %d %s", code, errs)
	}
	if want, got := tableRows(t, r.db), tableRows(t, fresh.db); want != got {
		t.Errorf("restored rows differ")
	}
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(fresh.db), "proofs", "*"))
	if len(files) != 3 {
		t.Errorf("restored files: %v", files)
	}
	if code, out, _ := fresh.do("check"); code != 0 || !strings.Contains(out, "all 3 proof files") {
		t.Errorf("check: %d %s", code, out)
	}

	// Encrypted: the photo on disk is no longer the JPEG.
	pass := filepath.Join(dir, "pass")
	os.WriteFile(pass, []byte("a long passphrase"), 0o600)
	if code, _, errs := r.do("--passphrase-file", pass, "encryption", "on"); code != 0 {
		t.Fatalf("encryption on: %d %s", code, errs)
	}
	plain, _ := os.ReadFile(photo)
	kept, _ := filepath.Glob(filepath.Join(filepath.Dir(r.db), "proofs", "*.jpg"))
	if len(kept) != 1 {
		t.Fatalf("kept photo: %v", kept)
	}
	if sealed, _ := os.ReadFile(kept[0]); bytes.Equal(sealed, plain) || bytes.Contains(sealed, plain[:64]) {
		t.Error("the photo is plain on disk while encryption is on")
	}
	var d dossierJSON
	r.ok(&d, "--passphrase-file", pass, "profile", "show", "--holder", "1")
	if d.Profile.Photo == nil || len(d.Missing) == 0 {
		t.Errorf("encrypted dossier: %+v", d)
	}
}
