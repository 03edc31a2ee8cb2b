//go:build unix

package files

import "syscall"

// nonBlock opens a pipe without waiting for a writer.
const nonBlock = syscall.O_NONBLOCK
