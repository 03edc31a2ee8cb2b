//go:build unix

package app

import "syscall"

func mkfifo(path string) error { return syscall.Mkfifo(path, 0o600) }
