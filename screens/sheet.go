package screens

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/data/files"
	"github.com/swcert/swcert/data/sheet"
	"github.com/swcert/swcert/i18n"
)

// ShowImport asks for a spreadsheet, checks every row first (a dry run),
// shows what is wrong where and what the good rows would change, and
// imports only when the user says so: all rows when all are good, else the
// good ones, or nothing.
func (m *Main) ShowImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		m.openImport(r)
	}, m.Win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv"}))
	showFileDialog(d, m.Win)
}

// openImport reads the chosen spreadsheet, bounded as the command line
// reads it: a regular file (not a folder, a device such as /dev/zero or a
// pipe) of at most data.MaxSheetBytes, refused before it is read otherwise.
func (m *Main) openImport(r fyne.URIReadCloser) {
	defer r.Close()
	refuse := func(err error) {
		dialog.ShowInformation(i18n.T("import.title"), i18n.FieldMessage(err), m.Win)
	}
	if u := r.URI(); u.Scheme() == "file" {
		if err := files.CheckRegular(u.Path(), data.MaxSheetBytes); err != nil {
			var large *files.TooLargeError
			if errors.As(err, &large) {
				err = data.CheckSheetSize(large.Size)
			} else if e := files.ReadError("file", u.Path(), err); data.AsError(e) != nil {
				err = e
			} else {
				err = data.Invalid("file", "err.sheet.unreadable")
			}
			refuse(err)
			return
		}
	}
	b, err := files.ReadAtMost(r, data.MaxSheetBytes)
	if err != nil {
		refuse(data.Invalid("file", "err.sheet.unreadable"))
		return
	}
	if err := data.CheckSheetSize(int64(len(b))); err != nil {
		refuse(err)
		return
	}
	m.importFile(r.URI().Name(), b)
}

// importFile runs the dry run of a file and shows its report: what the
// good rows would do, since the user may choose to import them alone.
func (m *Main) importFile(name string, b []byte) {
	var rep *docs.ImportReport
	var err error
	m.busy(i18n.T("import.title"), i18n.T("busy.import_check"), func() {
		rep, err = m.Svc.Docs.ImportSheet(m.Svc.ctx(), name, bytes.NewReader(b), true, true)
	}, func() {
		if err != nil {
			dialog.ShowInformation(i18n.T("import.title"), i18n.FieldMessage(err), m.Win)
			return
		}
		m.showImportReport(name, b, rep)
	})
}

// showImportReport shows what the dry run found, every bad row and every
// change the good rows would make, and asks what to import.
func (m *Main) showImportReport(name string, b []byte, rep *docs.ImportReport) {
	summary := wrapped(i18n.T("import.summary", "Rows", rep.Rows, "Bad", len(rep.Errors),
		"Imported", rep.Imported, "Updated", rep.Updated, "Unchanged", rep.Unchanged))
	lines := i18n.ImportReportLines(rep, false)
	r := report{title: i18n.T("import.title"), summary: summary.Text, lines: lines, file: m.reportFileName(i18n.T("import.file_report"))}
	var top fyne.CanvasObject = summary
	if len(lines) > 0 {
		top = container.NewBorder(nil, nil, nil, widget.NewButton(i18n.T("report.save"), func() { m.saveReport(r) }), summary)
	}
	body := container.NewBorder(top, nil, nil, nil, reportList(lines))
	var d dialog.Dialog
	if rep.Imported+rep.Updated+rep.Unchanged == 0 {
		// Nothing would be imported (no good row, or only the example):
		// there is nothing to choose.
		d = dialog.NewCustom(i18n.T("import.title"), i18n.T("close"), body, m.Win)
	} else {
		good := rep.Rows - len(rep.Errors)
		okText := i18n.T("import.all", "Count", good)
		if len(rep.Errors) > 0 {
			okText = i18n.T("import.good", "Count", good)
		}
		d = dialog.NewCustomConfirm(i18n.T("import.title"), okText, i18n.T("import.nothing"), body, func(yes bool) {
			if yes {
				m.runImport(name, b, len(rep.Errors) > 0)
			}
		}, m.Win)
	}
	d.Resize(fyne.NewSize(640, 460))
	d.Show()
}

// runImport imports as the user chose: the good rows alone when the
// preview showed bad ones, else all or nothing (should the file's records
// have changed since the preview, nothing is imported behind its back).
func (m *Main) runImport(name string, b []byte, goodOnly bool) {
	var rep *docs.ImportReport
	var err error
	m.busy(i18n.T("import.title"), i18n.T("busy.import"), func() {
		rep, err = m.Svc.Docs.ImportSheet(m.Svc.ctx(), name, bytes.NewReader(b), false, goodOnly)
	}, func() {
		msg := ""
		switch {
		case err != nil:
			msg = i18n.FieldMessage(err)
		case !rep.Written:
			msg = i18n.T("cli.import_refused", "Bad", len(rep.Errors))
		default:
			msg = i18n.T("cli.import_done", "Imported", rep.Imported, "Updated", rep.Updated, "Unchanged", rep.Unchanged, "Bad", len(rep.Errors))
		}
		dialog.ShowInformation(i18n.T("import.title"), msg, m.Win)
		m.reloadLists()
	})
}

// ShowExportRoster writes the roster where the user says (.xlsx or .csv).
func (m *Main) ShowExportRoster() {
	m.saveSheet(data.ExportFileName(".xlsx", i18n.T("sheet.file_roster"), data.DateOf(m.Svc.Now()).String()), func(name string, w io.Writer) error {
		e, err := m.Svc.Docs.RosterExport(m.Svc.ctx())
		if err != nil {
			return err
		}
		return sheet.WriteTable(name, w, e)
	})
}

// ShowExportTemplate writes the import template.
func (m *Main) ShowExportTemplate() {
	m.saveSheet(data.ExportFileName(".xlsx", i18n.T("sheet.file_template")), func(name string, w io.Writer) error {
		return sheet.WriteTable(name, w, sheet.TemplateExport(m.Svc.Now()))
	})
}

func (m *Main) saveSheet(suggested string, write func(name string, w io.Writer) error) {
	// The format follows the name; no ending means .xlsx.
	askSave(m.Win, suggested, []string{".xlsx", ".csv"}, func(path string) {
		var err error
		m.busy(i18n.T("menu.export_roster"), i18n.T("busy.export"), func() {
			// Streamed into the file's temporary file: a sheet of a
			// million rows is hundreds of MB.
			err = files.WriteError("out", path, files.WriteFrom(path, func(w io.Writer) error {
				return write(filepath.Base(path), w)
			}))
		}, func() {
			if err != nil {
				dialog.ShowInformation(i18n.T("menu.export_roster"), i18n.FieldMessage(err), m.Win)
				return
			}
			dialog.ShowInformation(i18n.T("menu.export_roster"), i18n.T("export.saved", "Path", path), m.Win)
		})
	})
}

// busy runs heavy work off the UI goroutine behind a dialog that says what
// is happening (reading 100,000 rows takes seconds), then done on it.
func (m *Main) busy(title, what string, work, done func()) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(what), bar), m.Win)
	d.Show()
	m.Svc.background(func() { m.Svc.heavy(work) }, func() {
		bar.Stop()
		d.Hide()
		done()
	})
}
