package proofs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/swcert/swcert/data/files"
)

// The folder is beside the database, so two databases in one folder (a
// real one and a demo, say) would share it, and one of them removing a
// file the other still refers to would lose it. So a file is removed only
// by the one database that uses the folder, named in this file: the first
// to open the folder claims it unless another database lies beside it; a
// second database that opens a claimed folder makes it shared, and from
// then on no database removes anything from it (what is kept stays).
const (
	ownerFile = ".swcert-owner"
	shared    = "shared"
)

// Claim says whether the database at db, known by id (its own key), may
// remove files from the folder.
func (s *Store) Claim(id, db string) (bool, error) {
	if s.Blobs != nil {
		return true, nil // the database's own files, in no folder another shares
	}
	if id == "" || id == shared {
		return false, errors.New("proofs: a database without an id")
	}
	path := filepath.Join(s.Dir, ownerFile)
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		owner := strings.TrimSpace(string(b))
		if owner == id {
			return true, nil
		}
		if owner != shared {
			return false, s.mark(shared)
		}
		return false, nil
	case !errors.Is(err, fs.ErrNotExist):
		return false, fmt.Errorf("proofs: %w", err)
	}
	other, err := databaseBeside(db)
	if err != nil {
		return false, err
	}
	if other {
		return false, s.mark(shared)
	}
	return true, s.mark(id)
}

func (s *Store) mark(owner string) error {
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return fmt.Errorf("proofs: %w", err)
	}
	if err := files.WriteOwn(filepath.Join(s.Dir, ownerFile), []byte(owner+"\n"), 0o600); err != nil {
		return fmt.Errorf("proofs: %w", err)
	}
	return nil
}

// databaseBeside reports whether the folder of the database db holds
// another SQLite database (told by its header, whatever its name).
func databaseBeside(db string) (bool, error) {
	dir, self := filepath.Split(db)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, fmt.Errorf("proofs: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || name == self || strings.HasPrefix(name, self+"-") { // its -wal, -shm, -journal
			continue
		}
		if isSQLite(filepath.Join(dir, name)) {
			return true, nil
		}
	}
	return false, nil
}

func isSQLite(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 16)
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, []byte("SQLite format 3\x00"))
}
