package app

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/i18n"
)

// The documents of the registration dossier: the personal information
// form and the service-record reports (data/docs/dossier.go).

func exportProfile(c *cli, args []string) error {
	fs := flags("export profile")
	holder := int64Flag(fs, "holder", 0, "holder ID")
	out := fs.String("out", "", "the PDF to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *holder <= 0 {
		return data.Invalid("holder", "err.required")
	}
	if err := checkOut(*out); err != nil {
		return err
	}
	b, name, err := c.docs().ExportProfile(c.ctx, *holder)
	if err != nil {
		return err
	}
	return c.wroteDocument(*out, b, name)
}

func exportServiceReport(c *cli, args []string) error {
	fs := flags("export service-report")
	holder := int64Flag(fs, "holder", 0, "holder ID: the holder's report")
	project := int64Flag(fs, "project", 0, "project ID: the project's report")
	out := fs.String("out", "", "the PDF or .xlsx to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if (*holder > 0) == (*project > 0) {
		return data.Invalid("holder", "err.service_report.which")
	}
	if err := checkOut(*out); err != nil {
		return err
	}
	b, name, err := c.docs().ExportServiceReport(c.ctx, docs.ServiceReportOf{HolderID: *holder, ProjectID: *project}, filepath.Ext(*out))
	if err != nil {
		return err
	}
	return c.wroteDocument(*out, b, name)
}

// wroteDocument writes the document and says where, with the name the
// window would suggest for it. Files of a holder's dossier hold their
// personal data: written for the owner only (files.Write).
func (c *cli) wroteDocument(out string, b []byte, suggested string) error {
	if err := writeFile(out, b); err != nil {
		return err
	}
	c.print(map[string]any{"path": out, "bytes": len(b), "suggested_name": suggested}, func(w io.Writer) {
		fmt.Fprintln(w, i18n.T("cli.document_written", "Path", out, "Name", suggested))
	})
	return nil
}
