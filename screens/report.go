package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// report is what a long job found, kept on screen until it is read and
// kept on disk when asked: the summary on top, then every line, left
// aligned and scrolled (a message box centres its text and would have to
// drop lines to fit), and "Save list…", which writes the summary and the
// lines to a text file a person can follow up on (which holders a batch
// skipped, which rows an import refused).
type report struct {
	title   string
	summary string
	lines   []string
	file    string // the suggested name of the saved list
}

// text is the saved list: the summary, a blank line, then one line each,
// in Windows line endings with a byte-order mark so that Notepad on any
// Windows version reads the Chinese.
func (r report) text() []byte {
	var b strings.Builder
	b.WriteString("\ufeff")
	b.WriteString(r.summary)
	b.WriteString("\r\n")
	if len(r.lines) > 0 {
		b.WriteString("\r\n")
	}
	for _, l := range r.lines {
		b.WriteString(l)
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

// reportList shows lines in a scrolled list of wrapped, left-aligned
// labels; the import preview shows its lines the same way.
func reportList(lines []string) *widget.List {
	return widget.NewList(func() int { return len(lines) }, func() fyne.CanvasObject {
		l := widget.NewLabel("第 12 行，身份证号：校验位不符")
		l.Wrapping = fyne.TextWrapWord
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
}

// showReport opens the report. Without lines it is a message box with the
// summary alone (there is nothing to keep).
func (m *Main) showReport(r report) {
	if len(r.lines) == 0 {
		dialog.ShowInformation(r.title, r.summary, m.Win)
		return
	}
	var d *dialog.CustomDialog
	save := widget.NewButton(i18n.T("report.save"), func() { m.saveReport(r) })
	closeBtn := widget.NewButton(i18n.T("close"), func() { d.Hide() })
	closeBtn.Importance = widget.HighImportance
	buttons := container.NewHBox(layout.NewSpacer(), save, closeBtn)
	body := container.NewBorder(wrapped(r.summary), buttons, nil, nil, reportList(r.lines))
	d = dialog.NewCustomWithoutButtons(r.title, body, m.Win)
	d.Resize(fyne.NewSize(640, 460))
	d.Show()
}

// saveReport asks where and writes the list there.
func (m *Main) saveReport(r report) {
	askSave(m.Win, r.file, []string{".txt"}, func(path string) {
		if _, err := writeOut(path, r.text(), nil); err != nil {
			dialog.ShowInformation(r.title, i18n.FieldMessage(err), m.Win)
			return
		}
		dialog.ShowInformation(r.title, i18n.T("export.saved", "Path", path), m.Win)
	})
}

// reportFileName is a saved list's suggested name: what it is and the day.
func (m *Main) reportFileName(what string) string {
	return data.ExportFileName(".txt", what, data.DateOf(m.Svc.Now()).String())
}
