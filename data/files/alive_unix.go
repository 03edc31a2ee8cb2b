//go:build unix

package files

import (
	"errors"
	"syscall"
)

// alive reports whether a process pid runs (or may: one of another user).
// A pid taken again by a new process keeps a leftover until a later start.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
