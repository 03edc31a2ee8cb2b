package screens

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
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
