package proofs

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/swcert/swcert/data"
)

// Proof files kept by the database itself (a shared server,
// data.ProofBlobs): the store writes and removes them inside its own
// transactions, so this Store only reads them. Dir is then only where
// ViewPath puts what a viewer opens: a private temporary folder removed
// by CloseViews, never a cache beside the program that another office's
// deletion would leave stale.

// errDatabaseKeeps refuses to write or remove a file the database keeps
// outside the store's transactions (which the store never asks for).
var errDatabaseKeeps = errors.New("proofs: the database keeps these files in its own transactions")

// readBlob reads the file of a hash from the database, bounded, and
// checks it holds its content.
func (s *Store) readBlob(sha string) ([]byte, error) {
	if !IsHash(sha) {
		return nil, fmt.Errorf("proofs: %q is not a hash", sha)
	}
	b, err := s.Blobs.ProofBlob(sha, MaxSize)
	if err != nil {
		return nil, fmt.Errorf("proofs: %w", err)
	}
	sum := sha256.Sum256(b)
	if hex.EncodeToString(sum[:]) != sha {
		return nil, fmt.Errorf("proofs: the file of %s does not hold its content", sha)
	}
	return b, nil
}

// viewBlob is ViewPath for a file the database keeps.
func (s *Store) viewBlob(p data.Proof) (string, error) {
	plain, err := s.readBlob(p.SHA256)
	if err != nil {
		return "", err
	}
	return s.view(s.Path(p), plain)
}
