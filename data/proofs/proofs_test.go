package proofs

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/swcert/swcert/data"
)

func TestAddKeepsByContent(t *testing.T) {
	s := &Store{Dir: filepath.Join(t.TempDir(), "proofs")}
	pdf := []byte("%PDF-1.4\n% a certificate of completion\n%%EOF")
	p, err := s.Add("/home/张三/培训证书.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "培训证书.pdf" || p.Type != "application/pdf" || p.Size != int64(len(pdf)) || len(p.SHA256) != 64 {
		t.Errorf("proof %+v", p)
	}
	b, err := os.ReadFile(s.Path(p))
	if err != nil || !bytes.Equal(b, pdf) {
		t.Fatalf("kept file: %v", err)
	}
	again, err := s.Add("copy.pdf", pdf)
	if err != nil || again.SHA256 != p.SHA256 {
		t.Errorf("same content twice: %+v %v", again, err)
	}
	entries, _ := os.ReadDir(s.Dir)
	if len(entries) != 1 {
		t.Errorf("%d files kept, want 1", len(entries))
	}
}

func TestRefusals(t *testing.T) {
	s := &Store{Dir: filepath.Join(t.TempDir(), "proofs")}
	big := append([]byte("%PDF-"), make([]byte, MaxSize)...)
	for name, tc := range map[string]struct {
		b   []byte
		key string
	}{
		"empty":                  {nil, "err.proof.empty"},
		"too large":              {big, "err.proof.too_large"},
		"a Word file named .pdf": {[]byte("PK\x03\x04 docx"), "err.proof.type"},
	} {
		_, err := s.Add(name, tc.b)
		if e := data.AsError(err); e == nil || e.Key != tc.key || e.Field != "proof" {
			t.Errorf("%s: %v, want %s", name, err, tc.key)
		}
	}
	if _, err := os.Stat(s.Dir); !os.IsNotExist(err) {
		entries, _ := os.ReadDir(s.Dir)
		if len(entries) != 0 {
			t.Errorf("refused files were kept: %v", entries)
		}
	}
}
