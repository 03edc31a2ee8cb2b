//go:build !unix

package files

import "os"

// alive reports whether a process pid runs: on Windows, finding it opens
// a handle, which fails for a process that has ended.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
