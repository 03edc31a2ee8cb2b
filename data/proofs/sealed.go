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

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/crypt"
	"github.com/swcert/swcert/data/files"
)

// Sealed proof files (encryption at rest): a file keeps its name (the
// hash of its plain content, and the extension of its type) and holds
// what the store's sealer made of it. A folder may hold both forms at
// once (a conversion stopped half way): each file says which it is, and
// both are read.

// UseSealer makes the store seal what it writes with f (data.SealedProofFiles).
func (s *Store) UseSealer(f data.FileSealer) { s.Sealer = f }

func (s *Store) seal(sha string, plain []byte) ([]byte, error) {
	if s.Sealer == nil {
		return plain, nil
	}
	return s.Sealer.SealFile(sha, plain)
}

// keptAlready says whether the file at path holds p already: in the form
// it would be written in, or plain with the same content (another
// database beside this one may read it plain).
func (s *Store) keptAlready(path string, p data.Proof, b []byte) bool {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	if fi.Size() == int64(len(b)) {
		return true
	}
	if fi.Size() != int64(len(p.Data)) {
		return false
	}
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, p.Data)
}

// find is the path of the file kept for a hash ("" when none).
func (s *Store) find(sha string) string {
	for _, t := range types {
		if fi, err := os.Stat(s.path(sha, t.ext)); err == nil && fi.Mode().IsRegular() {
			return s.path(sha, t.ext)
		}
	}
	return ""
}

// readKept reads the file at path, bounded, and returns it as stored and
// its plain content, checked against its hash.
func (s *Store) readKept(sha, path string) (stored, plain []byte, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("proofs: %w", err)
	}
	defer f.Close()
	stored, err = io.ReadAll(io.LimitReader(f, int64(MaxSize+crypt.Overhead+1)))
	if err != nil {
		return nil, nil, fmt.Errorf("proofs: %w", err)
	}
	plain = stored
	if crypt.IsSealed(stored) {
		if s.Sealer == nil {
			return nil, nil, errors.New("proofs: a sealed file and no key")
		}
		if plain, err = s.Sealer.OpenFile(sha, stored); err != nil {
			return nil, nil, err
		}
	}
	sum := sha256.Sum256(plain)
	if hex.EncodeToString(sum[:]) != sha {
		return nil, nil, fmt.Errorf("proofs: the file of %s does not hold its content", sha)
	}
	return stored, plain, nil
}

// Open reads the plain content of a kept proof.
func (s *Store) Open(p data.Proof) ([]byte, error) {
	if s.Blobs != nil {
		return s.readBlob(p.SHA256)
	}
	if !IsHash(p.SHA256) {
		return nil, fmt.Errorf("proofs: %q is not a hash", p.SHA256)
	}
	path := s.find(p.SHA256)
	if path == "" {
		return nil, fmt.Errorf("proofs: %w", fs.ErrNotExist)
	}
	_, plain, err := s.readKept(p.SHA256, path)
	return plain, err
}

// Reseal writes the file of a hash again in the form the sealer now
// writes, atomically (files.Write: a stop leaves the old file or the new
// one, never half of one). A file already in that form, or gone, is left.
func (s *Store) Reseal(sha string) error {
	if s.Blobs != nil {
		return nil // a server keeps no encryption at rest of its own
	}
	if !IsHash(sha) {
		return fmt.Errorf("proofs: %q is not a hash", sha)
	}
	path := s.find(sha)
	if path == "" {
		return nil
	}
	stored, plain, err := s.readKept(sha, path)
	if err != nil {
		return err
	}
	b, err := s.seal(sha, plain)
	if err != nil {
		return err
	}
	if crypt.IsSealed(b) == crypt.IsSealed(stored) {
		return nil
	}
	if err := files.WriteOwn(path, b, 0o600); err != nil {
		return fmt.Errorf("proofs: %w", err)
	}
	return nil
}

// ViewPath is a path the system's viewer can open for a kept proof: the
// kept file when it is plain; a sealed one is opened into a private
// temporary folder (0700, the file 0600), removed by CloseViews when the
// window closes (and the viewer is done with it), and so is one the
// database keeps (Blobs).
func (s *Store) ViewPath(p data.Proof) (string, error) {
	if s.Blobs != nil {
		return s.viewBlob(p)
	}
	path := s.find(p.SHA256)
	if path == "" || !IsHash(p.SHA256) {
		return s.Path(p), nil // the viewer says it is missing
	}
	stored, plain, err := s.readKept(p.SHA256, path)
	if err != nil {
		return "", err
	}
	if !crypt.IsSealed(stored) {
		return path, nil
	}
	return s.view(path, plain)
}

// view writes plain into the private temporary folder of the views, under
// the base name of path, for the system's viewer.
func (s *Store) view(path string, plain []byte) (string, error) {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	if s.viewDir == "" {
		dir, err := os.MkdirTemp("", "swcert-view-")
		if err != nil {
			return "", fmt.Errorf("proofs: %w", err)
		}
		s.viewDir = dir
	}
	out := filepath.Join(s.viewDir, filepath.Base(path))
	if err := files.WriteOwn(out, plain, 0o600); err != nil {
		return "", fmt.Errorf("proofs: %w", err)
	}
	return out, nil
}

// CloseViews removes the files ViewPath opened.
func (s *Store) CloseViews() {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	if s.viewDir != "" {
		_ = os.RemoveAll(s.viewDir)
		s.viewDir = ""
	}
}
