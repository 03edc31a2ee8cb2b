package proofs

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/swcert/swcert/data/crypt"
)

// sealer seals with one key, or writes plain when off.
type sealer struct {
	k   *crypt.Keys
	off bool
}

func (s *sealer) SealFile(name string, b []byte) ([]byte, error) {
	if s.off {
		return b, nil
	}
	return s.k.Seal("proof:"+name, b), nil
}

func (s *sealer) OpenFile(name string, b []byte) ([]byte, error) {
	if !crypt.IsSealed(b) {
		return b, nil
	}
	return s.k.Open("proof:"+name, b)
}

func TestSealedFilesKeepResealAndView(t *testing.T) {
	k, _ := crypt.NewKeys()
	sl := &sealer{k: k}
	s := &Store{Dir: t.TempDir(), Sealer: sl}
	p, err := New("scan.png", []byte("\x89PNG\r\n\x1a\n the holder's ID card"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Keep(p); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(s.Path(p))
	if !crypt.IsSealed(raw) {
		t.Fatal("kept plain")
	}
	if got, err := s.Open(p); err != nil || string(got) != string(p.Data) {
		t.Fatalf("open: %q %v", got, err)
	}
	// Kept again: the same file stays (not written anew).
	if err := s.Keep(p); err != nil {
		t.Fatal(err)
	}
	if raw2, _ := os.ReadFile(s.Path(p)); string(raw2) != string(raw) {
		t.Error("kept twice: written again")
	}

	// The viewer gets a plain copy, in a private folder that goes.
	view, err := s.ViewPath(p)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(view); string(b) != string(p.Data) {
		t.Errorf("view: %q", b)
	}
	if fi, _ := os.Stat(filepath.Dir(view)); fi.Mode().Perm() != 0o700 {
		t.Errorf("view folder mode %v", fi.Mode().Perm())
	}
	s.CloseViews()
	if _, err := os.Stat(view); !os.IsNotExist(err) {
		t.Errorf("the view is left: %v", err)
	}

	// Off: Reseal writes it plain; again, nothing to do.
	sl.off = true
	if err := s.Reseal(p.SHA256); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(s.Path(p)); string(b) != string(p.Data) {
		t.Errorf("after reseal off: %q", b)
	}
	if view, _ := s.ViewPath(p); view != s.Path(p) {
		t.Errorf("a plain file is viewed where it is: %s", view)
	}
	// A plain file of the same content, kept while sealing, stays plain:
	// another database beside this one may read it.
	sl.off = false
	if err := s.Keep(p); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(s.Path(p)); string(b) != string(p.Data) {
		t.Error("a plain file of the same content was sealed over")
	}
	// A damaged file is not resealed over (its content is not its hash).
	os.WriteFile(s.Path(p), []byte("\x89PNG\r\n\x1a\n something else"), 0o600)
	if err := s.Reseal(p.SHA256); err == nil {
		t.Error("a damaged file was resealed")
	}
	if err := s.Reseal("00" + p.SHA256[2:]); err != nil {
		t.Errorf("a file gone: %v", err)
	}
}
