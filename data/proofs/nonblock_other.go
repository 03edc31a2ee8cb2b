//go:build !unix

package proofs

// nonBlock: elsewhere (Windows) a pipe is no path a file dialog offers,
// and the Stat before the open refuses what is not a regular file.
const nonBlock = 0
