package screens

import (
	"io"

	"fyne.io/fyne/v2"
)

// writeOut writes b (unless making it failed with err) to w and closes w,
// keeping the first error; it returns the path written when w is a file.
func writeOut(w io.WriteCloser, b []byte, err error) (string, error) {
	if err == nil {
		_, err = w.Write(b)
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	where := ""
	if u, ok := w.(fyne.URIWriteCloser); ok {
		where = u.URI().Path()
	}
	return where, err
}
