package screens

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/i18n"
)

// Batch is a batch export on screen: its progress bar and Cancel button.
type Batch struct {
	bar    *widget.ProgressBar
	cancel *widget.Button
	dialog *dialog.CustomDialog
}

// batchFileName is the ZIP's suggested name: what it holds, the search
// that chose the holders (when one did), and the day.
func batchFileName(ce bool, query string, now time.Time) string {
	what := i18n.T("batch.file_certs")
	if ce {
		what = i18n.T("batch.file_ce")
	}
	return data.ExportFileName(".zip", what, query, data.DateOf(now).String())
}

// ShowBatch offers to export the PDFs of the holders the Certificates tab
// lists: certificates or CE reports, into a ZIP or a folder.
func (m *Main) ShowBatch() {
	query := m.Certificates.list.query
	what := widget.NewRadioGroup([]string{i18n.T("batch.certs"), i18n.T("batch.ce")}, nil)
	what.SetSelected(i18n.T("batch.certs"))
	into := widget.NewRadioGroup([]string{i18n.T("batch.zip"), i18n.T("batch.folder")}, nil)
	into.SetSelected(i18n.T("batch.zip"))
	var d *dialog.CustomDialog
	start := widget.NewButton(i18n.T("batch.start"), func() {
		d.Hide()
		ce := what.Selected == i18n.T("batch.ce")
		if into.Selected == i18n.T("batch.zip") {
			askSave(m.Win, batchFileName(ce, query, m.Svc.Now()), []string{".zip"}, func(path string) { m.RunBatch(ce, query, path) })
			return
		}
		showFileDialog(dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				m.RunBatch(ce, query, u.Path())
			}
		}, m.Win), m.Win)
	})
	start.Importance = widget.HighImportance
	// Which holders: those the search found, or all of them (an empty
	// search read "search: ''").
	whom := i18n.T("batch.what_all", "Count", m.Certificates.list.Len())
	if strings.TrimSpace(query) != "" {
		whom = i18n.T("batch.what", "Count", m.Certificates.list.Len(), "Query", query)
	}
	body := container.NewVBox(wrapped(whom), what, into, start)
	d = dialog.NewCustom(i18n.T("batch.title"), i18n.T("cancel"), body, m.Win)
	d.Resize(fyne.NewSize(460, 280))
	d.Show()
}

// RunBatch exports with a progress bar and a Cancel button, off the UI
// goroutine; the window stays live. The summary says what was written,
// what was skipped and why, and after a cancel what is (not) there.
func (m *Main) RunBatch(ce bool, query, out string) *Batch {
	b := &Batch{bar: widget.NewProgressBar()}
	ctx, cancel := context.WithCancel(m.Svc.ctx())
	b.cancel = widget.NewButton(i18n.T("batch.cancel"), cancel)
	b.dialog = dialog.NewCustomWithoutButtons(i18n.T("batch.title"), container.NewVBox(b.bar, b.cancel), m.Win)
	b.dialog.Resize(fyne.NewSize(420, 160))
	b.dialog.Show()
	run := m.Svc.Docs.ExportCertificates
	if ce {
		run = m.Svc.Docs.ExportCEReports
	}
	var res *docs.BatchResult
	var err error
	m.Svc.background(func() {
		m.Svc.heavy(func() {
			res, err = run(ctx, query, out, func(done, total int) {
				update := func() {
					b.bar.Max = float64(total)
					b.bar.SetValue(float64(done))
				}
				if m.Svc.Sync {
					update()
				} else {
					fyne.Do(update)
				}
				if m.onBatchProgress != nil {
					m.onBatchProgress(b, done, total)
				}
			})
		})
	}, func() {
		cancel()
		b.dialog.Hide()
		r := report{title: i18n.T("batch.title"), file: m.reportFileName(i18n.T("batch.file_report"))}
		switch {
		case err != nil:
			r.summary = i18n.FieldMessage(err)
		case res.Canceled && strings.HasSuffix(strings.ToLower(out), ".zip"):
			r.summary = i18n.T("batch.canceled_zip")
		case res.Canceled:
			r.summary = i18n.T("batch.canceled", "Written", len(res.Written))
		default:
			r.summary = i18n.T("batch.done", "Written", len(res.Written), "Skipped", len(res.Skipped), "Path", out)
			for _, s := range res.Skipped {
				r.lines = append(r.lines, i18n.T("batch.skipped", "Name", s.Name, "MNo", s.MNo, "Reason", i18n.Message(s.Reason)))
			}
		}
		m.showReport(r)
	})
	return b
}
