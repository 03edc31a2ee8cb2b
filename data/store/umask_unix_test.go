//go:build unix

package store

import (
	"syscall"
	"testing"
)

// withUmask runs the rest of the test under the umask mask (process-wide:
// the tests that use it do not run in parallel).
func withUmask(t *testing.T, mask int) {
	old := syscall.Umask(mask)
	t.Cleanup(func() { syscall.Umask(old) })
}
