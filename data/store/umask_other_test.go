//go:build !unix

package store

import "testing"

// withUmask: there is no umask here; the modes are what Windows keeps.
func withUmask(t *testing.T, mask int) { t.Skip("file modes are Unix's") }
