package screens

import (
	"fyne.io/fyne/v2"

	"path/filepath"
	"strings"

	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/i18n"
)

// The documents of the personal information and the service records,
// sealed like the others (data/docs): the personal information form
// (个人信息表) as a PDF, and the service-record report of a holder or of
// a project as a PDF or a sheet, by the ending of the name chosen.

// onExportForm saves the profile first (what is printed is what is
// kept), then asks where to write the form.
func (s *DossierTab) onExportForm() {
	if s.d == nil || s.unsaved() && !s.saveForm() {
		return
	}
	id := s.d.Holder.ID
	b, name, err := s.svc.Docs.ExportProfile(s.svc.ctx(), id)
	if err != nil {
		status(s.msg, err, "")
		return
	}
	askSave(s.win, name, []string{docs.FormatPDF}, func(path string) { s.written(writeOut(path, b, nil)) })
}

// onExportReport asks where to write the holder's service-record report;
// a name ending in .xlsx gets the sheet, any other the PDF.
func (s *DossierTab) onExportReport() {
	if s.d == nil {
		return
	}
	of := docs.ServiceReportOf{HolderID: s.d.Holder.ID}
	exportServiceReport(s.svc, s.win, of, func(where string, err error) { s.written(where, err) })
}

func (s *DossierTab) written(where string, err error) {
	if err != nil {
		status(s.msg, err, "")
		return
	}
	status(s.msg, nil, i18n.T("dossier.exported", "Path", where))
}

// onExportReport writes the project's report: who served and how much.
func (s *ServiceTab) onExportReport() {
	if s.project == nil || s.project.ID == 0 {
		return
	}
	of := docs.ServiceReportOf{ProjectID: s.project.ID}
	exportServiceReport(s.svc, s.win, of, func(where string, err error) {
		if err != nil {
			status(s.msg, err, "")
			return
		}
		status(s.msg, nil, i18n.T("dossier.exported", "Path", where))
	})
}

// exportServiceReport asks where, then writes the report in the format of
// the name's ending (PDF unless it ends in .xlsx).
func exportServiceReport(svc Services, win fyne.Window, of docs.ServiceReportOf, done func(string, error)) {
	_, name, err := svc.Docs.ExportServiceReport(svc.ctx(), of, docs.FormatPDF) // the name to suggest, and whether it can be made
	if err != nil {
		done("", err)
		return
	}
	askSave(win, name, []string{docs.FormatPDF, docs.FormatXLSX}, func(path string) {
		ext := docs.FormatPDF
		if strings.EqualFold(filepath.Ext(path), docs.FormatXLSX) {
			ext = docs.FormatXLSX
		}
		b, _, err := svc.Docs.ExportServiceReport(svc.ctx(), of, ext)
		done(writeOut(path, b, err))
	})
}
