//go:build unix

package proofs

import (
	"path/filepath"
	"syscall"
	"testing"
)

// fifo is a named pipe nobody writes to: opened plainly, it would wait.
func fifo(t *testing.T, dir string) []struct{ path, key string } {
	path := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Logf("no FIFO here: %v", err)
		return nil
	}
	return []struct{ path, key string }{{path, "err.proof.not_file"}}
}
