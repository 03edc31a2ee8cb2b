// Package files writes files whole or not at all.
package files

import (
	"os"
	"path/filepath"
)

// Write puts b at path with the permissions perm: into a temporary file
// beside it first, then renamed over it, so a reader (or a crash, or a full
// disk) never meets half a file, and what was there stays until the new
// one is whole. The temporary file is removed when anything fails.
func Write(path string, b []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".swcert-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), perm) // a temporary file is 0600
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
