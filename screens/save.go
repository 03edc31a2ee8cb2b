package screens

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data/files"
	"github.com/swcert/swcert/i18n"
)

// prefSaveFolder is the folder the last save went to, offered next time.
const prefSaveFolder = "save_folder"

// writeOut writes b (unless making it failed with err) at path through
// files.Write: whole or not at all, private to the user, never over the
// database, its journals, the log, the key or into the proof files'
// folder. It returns path, and the first error in words.
func writeOut(path string, b []byte, err error) (string, error) {
	if err != nil { // the document could not be made: nothing to write
		return path, err
	}
	return path, files.WriteError("out", path, files.Write(path, b)) // in words, or an internal error
}

// saveDialog asks where to save a file: a name (or a path) and a folder.
//
// Not Fyne's dialog.NewFileSave: it hands its callback a writer for which
// storage.Writer has already run os.Create, truncating the chosen file, so
// a person who picked the open database (or typed its name) would have
// emptied it before any check could run. This dialog opens no file: it
// gives a path, checked by files.CheckOutput before the dialog closes (the
// refusal is shown in it, to choose another name), and the caller writes
// through writeOut, which checks again.
type saveDialog struct {
	win    fyne.Window
	exts   []string // the first is added to a name without one of them
	name   *widget.Entry
	folder *widget.Label
	msg    *widget.Label
	dialog *dialog.CustomDialog
	save   func(path string)
	dir    string
}

// askSave asks where to save a file (suggesting name; exts are the endings
// it may have, the first added when the name has none) and hands the path
// chosen to save; a cancel does nothing.
func askSave(win fyne.Window, name string, exts []string, save func(path string)) *saveDialog {
	s := &saveDialog{win: win, exts: exts, save: save, dir: startFolder()}
	s.name = widget.NewEntry()
	s.name.SetText(name)
	s.name.OnSubmitted = func(string) { s.onSave() }
	s.folder = widget.NewLabel(s.dir)
	s.folder.Wrapping = fyne.TextWrapBreak
	s.msg = widget.NewLabel("")
	s.msg.Wrapping = fyne.TextWrapWord
	s.msg.Importance = widget.DangerImportance
	choose := widget.NewButton(i18n.T("save.choose"), s.onChooseFolder)
	saveBtn := widget.NewButton(i18n.T("save.save"), s.onSave)
	saveBtn.Importance = widget.HighImportance
	cancel := widget.NewButton(i18n.T("cancel"), func() { s.dialog.Hide() })
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("save.name"), s.name),
		widget.NewFormItem(i18n.T("save.folder"), container.NewBorder(nil, nil, nil, choose, s.folder)),
	)
	// The refusal, wrapped, takes the space between the form and the
	// buttons (in a VBox a wrapped label would run over the buttons).
	body := container.NewBorder(form, container.NewHBox(layout.NewSpacer(), cancel, saveBtn), nil, nil, s.msg)
	s.dialog = dialog.NewCustomWithoutButtons(i18n.T("save.title"), body, win)
	s.dialog.Resize(fyne.NewSize(600, 320))
	s.dialog.Show()
	win.Canvas().Focus(s.name)
	return s
}

// startFolder is where the last save went, else Documents, else home.
func startFolder() string {
	if a := fyne.CurrentApp(); a != nil {
		if d := a.Preferences().String(prefSaveFolder); d != "" {
			if fi, err := os.Stat(d); err == nil && fi.IsDir() {
				return d
			}
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	if fi, err := os.Stat(filepath.Join(home, "Documents")); err == nil && fi.IsDir() {
		return filepath.Join(home, "Documents")
	}
	return home
}

// onChooseFolder picks the folder with Fyne's folder dialog, which lists
// folders and opens no file.
func (s *saveDialog) onChooseFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err == nil && u != nil {
			s.dir = u.Path()
			s.folder.SetText(s.dir)
		}
	}, s.win)
	showFileDialog(d, s.win)
}

// path is the file the entries name: the name in the folder, or the path
// typed (absolute, or relative to the folder), with an ending added when
// it has none of exts.
func (s *saveDialog) path() string {
	name := strings.TrimSpace(s.name.Text)
	if name == "" {
		return ""
	}
	if len(s.exts) > 0 {
		ok := false
		for _, e := range s.exts {
			ok = ok || strings.HasSuffix(strings.ToLower(name), e)
		}
		if !ok {
			name += s.exts[0]
		}
	}
	if filepath.IsAbs(name) {
		return name
	}
	return s.dir + string(os.PathSeparator) + name // as typed: "x/../swcert.db" is the OS's to read
}

func (s *saveDialog) onSave() {
	path := s.path()
	if path == "" {
		s.msg.SetText(i18n.T("save.no_name"))
		return
	}
	if err := files.CheckOutput(path); err != nil {
		s.msg.SetText(i18n.Message(err))
		return
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		s.msg.SetText(i18n.T("err.file.is_folder", "Path", path))
		return
	case err == nil:
		confirm(s.win, i18n.T("save.replace_title"), i18n.T("save.replace_confirm", "Path", path), i18n.T("save.replace"), func() { s.done(path) })
		return
	}
	s.done(path)
}

func (s *saveDialog) done(path string) {
	s.dialog.Hide()
	if a := fyne.CurrentApp(); a != nil {
		dir, _ := filepath.Split(path)
		a.Preferences().SetString(prefSaveFolder, filepath.Clean(dir))
	}
	s.save(path)
}
