package proofs

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

func count(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			n++
		}
	}
	return n
}

func TestKeepByContent(t *testing.T) {
	s := &Store{Dir: filepath.Join(t.TempDir(), "proofs")}
	pdf := []byte("%PDF-1.4\n% a certificate of completion\n%%EOF")
	p, err := New("/home/张三/培训证书.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "培训证书.pdf" || p.Type != "application/pdf" || p.Size != int64(len(pdf)) || len(p.SHA256) != 64 || !bytes.Equal(p.Data, pdf) {
		t.Errorf("proof %+v", p)
	}
	if n := count(t, s.Dir); n != 0 {
		t.Fatalf("describing a file kept %d files", n)
	}
	if err := s.Keep(p); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(s.Path(p))
	if err != nil || !bytes.Equal(b, pdf) {
		t.Fatalf("kept file: %v", err)
	}
	again, _ := New("copy.pdf", pdf)
	if err := s.Keep(again); err != nil || again.SHA256 != p.SHA256 || count(t, s.Dir) != 1 {
		t.Errorf("same content twice: %v, %d files", err, count(t, s.Dir))
	}
	os.WriteFile(filepath.Join(s.Dir, "notes.txt"), []byte("mine"), 0o600)
	if kept, err := s.Kept(); err != nil || len(kept) != 1 || kept[0] != p.SHA256 {
		t.Errorf("kept %v %v", kept, err)
	}
	if err := s.Remove(p.SHA256); err != nil || count(t, s.Dir) != 1 {
		t.Errorf("removed: %v, %d files left (notes.txt is not a proof)", err, count(t, s.Dir))
	}
	if err := s.Remove(p.SHA256); err != nil {
		t.Errorf("removing twice: %v", err)
	}
	if err := s.Remove("../notes.txt"); err == nil {
		t.Error("removed by a name that is no hash")
	}
	forged := p
	forged.Data = []byte("%PDF-1.4 another file")
	if err := s.Keep(forged); err == nil {
		t.Error("kept content under another file's hash")
	}
}

func TestRefusals(t *testing.T) {
	big := append([]byte("%PDF-"), make([]byte, MaxSize)...)
	for name, tc := range map[string]struct {
		b   []byte
		key string
	}{
		"empty":                  {nil, "err.proof.empty"},
		"too large":              {big, "err.proof.too_large"},
		"a Word file named .pdf": {[]byte("PK\x03\x04 docx"), "err.proof.type"},
	} {
		_, err := New(name, tc.b)
		if e := data.AsError(err); e == nil || e.Key != tc.key || e.Field != "proof" {
			t.Errorf("%s: %v, want %s", name, err, tc.key)
		}
	}
}

// A path that is not a regular file, or a file larger than MaxSize, is
// refused before it is read.
func TestReadFileBounded(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "证书.pdf")
	os.WriteFile(ok, []byte("%PDF-1.4 certificate"), 0o600)
	big := filepath.Join(dir, "big.pdf")
	f, _ := os.Create(big)
	f.Write([]byte("%PDF-"))
	f.Truncate(MaxSize + 1) // sparse: refused by its size alone
	f.Close()
	cases := []struct {
		path, key string
	}{
		{ok, ""},
		{big, "err.proof.too_large"},
		{dir, "err.proof.not_file"},
		{os.DevNull, "err.proof.not_file"},
		{filepath.Join(dir, "missing.pdf"), "err.proof.not_found"},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		cases = append(cases, struct{ path, key string }{"/dev/zero", "err.proof.not_file"}) // endless: read, it would be too large
	}
	cases = append(cases, fifo(t, dir)...)
	for _, tc := range cases {
		p, err := ReadFile(tc.path)
		got := ""
		if e := data.AsError(err); e != nil {
			got = e.Key
			if e.Field != "proof" {
				t.Errorf("%s: field %q", tc.path, e.Field)
			}
		} else if err != nil {
			got = err.Error()
		}
		if got != tc.key {
			t.Errorf("%s: %q, want %q", tc.path, got, tc.key)
		}
		if tc.key == "" && (p.Name != "证书.pdf" || int64(len(p.Data)) != p.Size) {
			t.Errorf("%s: read %+v", tc.path, p)
		}
	}
}

func TestClaim(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "swcert.db")
	os.WriteFile(db, []byte("SQLite format 3\x00 the database itself"), 0o600)
	os.WriteFile(db+"-wal", []byte("its WAL"), 0o600)
	s := &Store{Dir: filepath.Join(dir, "proofs")}
	if mine, err := s.Claim("kid-a", db); !mine || err != nil {
		t.Fatalf("the only database: %v %v", mine, err)
	}
	if mine, _ := s.Claim("kid-a", db); !mine {
		t.Error("claimed, then not its own")
	}
	// A second database opens the folder: it is shared, nobody removes.
	if mine, _ := s.Claim("kid-b", filepath.Join(dir, "demo.db")); mine {
		t.Error("a second database may remove files")
	}
	if mine, _ := s.Claim("kid-a", db); mine {
		t.Error("the first database still removes files from a shared folder")
	}

	// Another database beside it before any claim: shared from the start.
	dir2 := t.TempDir()
	os.WriteFile(filepath.Join(dir2, "other.sqlite"), []byte("SQLite format 3\x00 another"), 0o600)
	s2 := &Store{Dir: filepath.Join(dir2, "proofs")}
	if mine, _ := s2.Claim("kid-c", filepath.Join(dir2, "swcert.db")); mine {
		t.Error("claimed a folder beside another database")
	}
}
