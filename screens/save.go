package screens

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/swcert/swcert/data/files"
)

// writeOut writes b (unless making it failed with err) to w and closes w,
// keeping the first error; it returns the path written when w is a file.
func writeOut(w io.WriteCloser, b []byte, err error) (string, error) {
	where := ""
	if u, ok := w.(fyne.URIWriteCloser); ok {
		where = u.URI().Path()
	}
	if err != nil { // the document could not be made: nothing to write
		w.Close()
		return where, err
	}
	_, err = w.Write(b)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return where, files.WriteError("out", where, err) // in words, or an internal error
}

// askSave asks where to save a file (suggesting name; ext filters the
// list when given) and hands the chosen file to write; a cancel does
// nothing.
func askSave(win fyne.Window, name, ext string, write func(fyne.URIWriteCloser)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err == nil && w != nil {
			write(w)
		}
	}, win)
	d.SetFileName(name)
	if ext != "" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	d.Show()
}
