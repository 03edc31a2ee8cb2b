// Package proofs keeps the files that prove continuing-education records
// (certificates, diplomas, transcripts) in a directory beside the database,
// each under the SHA-256 of its contents: the same file added twice is
// kept once, and a file's name says nothing about the person. It reads a
// file the user picks (bounded before reading), and keeps and removes files
// as the store says (data.ProofFiles): a file is written with the record
// that refers to it and removed when none does.
package proofs

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/files"
)

// MaxSize bounds one proof file: a scan or a photo of a certificate fits.
const MaxSize = 10 << 20

// Store keeps proof files in Dir. Sealer, when the store gives one
// (data.SealedProofFiles, sealed.go), seals the files it writes and opens
// those it reads. Blobs, when the database keeps the files itself (a
// shared server, blobs.go), is where they are read instead; the folder
// is not used then.
type Store struct {
	Dir    string
	Sealer data.FileSealer
	Blobs  data.ProofBlobs

	viewMu  sync.Mutex
	viewDir string // where ViewPath opens sealed files
}

var _ data.SealedProofFiles = (*Store)(nil)

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
		return "", "", tooLarge(int64(len(b)))
	}
	for _, t := range types {
		if bytes.HasPrefix(b, t.magic) {
			return t.mime, t.ext, nil
		}
	}
	return "", "", data.Invalid("proof", "err.proof.type")
}

func tooLarge(n int64) error {
	return data.Invalid("proof", "err.proof.too_large", "Size", fmt.Sprintf("%.1f", float64(n)/(1<<20)), "Max", MaxSize>>20)
}

// New describes b as a proof with its content, to be kept when the record
// it is attached to is saved; name is what the user called the file.
func New(name string, b []byte) (data.Proof, error) {
	mime, _, err := Check(b)
	if err != nil {
		return data.Proof{}, err
	}
	sum := sha256.Sum256(b)
	return data.Proof{Name: filepath.Base(strings.TrimSpace(name)), SHA256: hex.EncodeToString(sum[:]), Size: int64(len(b)), Type: mime, Data: b}, nil
}

// Read reads a proof from r, no more than MaxSize and one byte of it.
func Read(name string, r io.Reader) (data.Proof, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return data.Proof{}, data.Invalid("proof", "err.proof.read", "Path", name)
	}
	return New(name, b)
}

// ReadFile reads the proof at path. What is not a regular file (a folder,
// a device such as /dev/zero, a pipe) or is larger than MaxSize is refused
// before anything is read, and no more than MaxSize and one byte are read
// of a file that grows meanwhile.
func ReadFile(path string) (data.Proof, error) {
	b, err := readBounded(path, MaxSize, tooLarge)
	if err != nil {
		return data.Proof{}, err
	}
	return New(path, b)
}

// readBounded reads the regular file at path, refusing one larger than
// max (large says how) before reading it, and reading no more than max
// and one byte of one that grows meanwhile.
func readBounded(path string, max int64, large func(int64) error) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, readFailed(path, err)
	}
	if err := regular(path, fi, max, large); err != nil {
		return nil, err
	}
	// Non-blocking: a pipe put in its place since the Stat does not hang
	// the open; the opened file is checked again below.
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, readFailed(path, err)
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, readFailed(path, err)
	}
	if err := regular(path, fi, max, large); err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, data.Invalid("proof", "err.proof.read", "Path", path)
	}
	if int64(len(b)) > max {
		return nil, large(int64(len(b)))
	}
	return b, nil
}

func regular(path string, fi fs.FileInfo, max int64, large func(int64) error) error {
	if !fi.Mode().IsRegular() {
		return data.Invalid("proof", "err.proof.not_file", "Path", path)
	}
	if fi.Size() > max {
		return large(fi.Size())
	}
	return nil
}

func readFailed(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return data.Invalid("proof", "err.proof.not_found", "Path", path)
	case errors.Is(err, fs.ErrPermission):
		return data.Invalid("proof", "err.proof.no_access", "Path", path)
	}
	return data.Invalid("proof", "err.proof.read", "Path", path)
}

// Keep writes p.Data under its hash, unless a whole file of that content
// is kept already. A crash leaves no half file (files.Write).
func (s *Store) Keep(p data.Proof) error {
	if s.Blobs != nil {
		return errDatabaseKeeps
	}
	sum := sha256.Sum256(p.Data)
	if p.Data == nil || hex.EncodeToString(sum[:]) != p.SHA256 {
		return errors.New("proofs: the content is not the proof's")
	}
	_, ext, err := Check(p.Data)
	if err != nil {
		return err
	}
	path := s.path(p.SHA256, ext)
	b, err := s.seal(p.SHA256, p.Data)
	if err != nil {
		return err
	}
	if s.keptAlready(path, p, b) {
		return nil
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return fmt.Errorf("proofs: %w", err)
	}
	if err := files.WriteOwn(path, b, 0o600); err != nil {
		return fmt.Errorf("proofs: %w", err)
	}
	return nil
}

// Remove removes the file of a hash; one already gone is no error.
func (s *Store) Remove(sha string) error {
	if s.Blobs != nil {
		return errDatabaseKeeps
	}
	if !IsHash(sha) {
		return fmt.Errorf("proofs: %q is not a hash", sha)
	}
	for _, t := range types {
		if err := os.Remove(s.path(sha, t.ext)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("proofs: %w", err)
		}
	}
	return nil
}

// Kept lists the hashes of the files kept; other files are not its own.
func (s *Store) Kept() ([]string, error) {
	if s.Blobs != nil {
		return s.Blobs.ProofBlobHashes()
	}
	entries, err := os.ReadDir(s.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("proofs: %w", err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		for _, t := range types {
			if sha, ok := strings.CutSuffix(name, t.ext); ok && IsHash(sha) && e.Type().IsRegular() {
				out = append(out, sha)
			}
		}
	}
	return out, nil
}

// IsHash reports whether s is how a proof file is named: a SHA-256 in
// lowercase hex (the backup checks its entries by the same rule).
func IsHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range []byte(s) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
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
