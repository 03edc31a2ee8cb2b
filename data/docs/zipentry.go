package docs

import (
	"archive/zip"
	"hash/crc32"
	"time"

	"github.com/swcert/swcert/data"
)

// zipHeader is a batch entry as every common unzip reads it: the name in
// UTF-8 with the flag that says so (Go sets it for a non-ASCII name), made
// by Unix with its mode (an entry "made by MS-DOS" makes Info-ZIP's unzip
// convert the name from the DOS code page: Chinese names came out garbled),
// the Info-ZIP Unicode path field for readers that look only there, and
// the time of the export (none showed 1980-00-00).
func zipHeader(name string, at time.Time) *zip.FileHeader {
	h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: at.In(data.Beijing)}
	h.SetMode(0o644) // sets CreatorVersion to Unix
	h.Extra = unicodePathExtra(name)
	return h
}

// unicodePathExtra is the Info-ZIP Unicode Path Extra Field (0x7075): the
// UTF-8 name, tied by CRC-32 to the header's own name field.
func unicodePathExtra(name string) []byte {
	crc := crc32.ChecksumIEEE([]byte(name))
	body := append([]byte{1, byte(crc), byte(crc >> 8), byte(crc >> 16), byte(crc >> 24)}, name...)
	n := len(body)
	return append([]byte{0x75, 0x70, byte(n), byte(n >> 8)}, body...)
}
