package proofs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Hand passes the folder from the database known by from to the one known
// by to: a restore put another installation's database in the place of
// the one that used the folder. A folder shared, claimed by another
// database or not claimed yet stays as it is.
func (s *Store) Hand(from, to string) error {
	if s.Blobs != nil || from == to || to == "" || to == shared {
		return nil
	}
	b, err := os.ReadFile(filepath.Join(s.Dir, ownerFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if strings.TrimSpace(string(b)) != from {
		return nil
	}
	return s.mark(to)
}
