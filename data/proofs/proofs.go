// Package proofs keeps the files that prove continuing-education records
// (certificates, diplomas, transcripts) in a directory beside the database,
// each under the SHA-256 of its contents: the same file added twice is
// kept once, and a file's name says nothing about the person.
package proofs

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/files"
)

// MaxSize bounds one proof file: a scan or a photo of a certificate fits.
const MaxSize = 10 << 20

// Store keeps proof files in Dir.
type Store struct{ Dir string }

// Types a proof may have, told by the file's first bytes, not its name.
var types = []struct {
	magic []byte
	mime  string
	ext   string
}{
	{[]byte("%PDF-"), "application/pdf", ".pdf"},
	{[]byte("\x89PNG\r\n\x1a\n"), "image/png", ".png"},
	{[]byte{0xFF, 0xD8, 0xFF}, "image/jpeg", ".jpg"},
}

// Check says whether b may be a proof: not empty, not larger than
// MaxSize, and a PDF, PNG or JPEG.
func Check(b []byte) (mime, ext string, err error) {
	if len(b) == 0 {
		return "", "", data.Invalid("proof", "err.proof.empty")
	}
	if len(b) > MaxSize {
		return "", "", data.Invalid("proof", "err.proof.too_large", "Size", fmt.Sprintf("%.1f", float64(len(b))/(1<<20)), "Max", MaxSize>>20)
	}
	for _, t := range types {
		if bytes.HasPrefix(b, t.magic) {
			return t.mime, t.ext, nil
		}
	}
	return "", "", data.Invalid("proof", "err.proof.type")
}

// Add keeps the file and describes it; name is what the user called it.
// A crash leaves no half file (files.Write).
func (s *Store) Add(name string, b []byte) (data.Proof, error) {
	mime, ext, err := Check(b)
	if err != nil {
		return data.Proof{}, err
	}
	sum := sha256.Sum256(b)
	p := data.Proof{Name: filepath.Base(strings.TrimSpace(name)), SHA256: hex.EncodeToString(sum[:]), Size: int64(len(b)), Type: mime}
	path := s.path(p.SHA256, ext)
	if _, err := os.Stat(path); err == nil {
		return p, nil // kept already
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return data.Proof{}, fmt.Errorf("proofs: %w", err)
	}
	if err := files.Write(path, b, 0o600); err != nil {
		return data.Proof{}, fmt.Errorf("proofs: %w", err)
	}
	return p, nil
}

// Path is where a proof's file is kept, to open it with the system viewer.
func (s *Store) Path(p data.Proof) string {
	for _, t := range types {
		if t.mime == p.Type {
			return s.path(p.SHA256, t.ext)
		}
	}
	return s.path(p.SHA256, "")
}

func (s *Store) path(sha, ext string) string { return filepath.Join(s.Dir, sha+ext) }

// FormatSize is a file size for people: 1.2 MB, 340 KB.
func FormatSize(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}
