//go:build !unix

package files

// nonBlock: elsewhere (Windows) a pipe is no path a person names, and the
// Stat before the open refuses what is not a regular file.
const nonBlock = 0
