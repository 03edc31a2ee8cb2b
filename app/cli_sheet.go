package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/data/files"
	"github.com/swcert/swcert/data/sheet"
	"github.com/swcert/swcert/screens/i18n"
)

// errImportRefused ends `import` with exit 2 once the report is printed.
var errImportRefused = errors.New("import refused")

// importView is the report with each error's message in words.
type importView struct {
	*docs.ImportReport
	Errors []rowErrorView `json:"errors"`
}

type rowErrorView struct {
	sheet.RowError
	Message string `json:"message"`
}

func importCmd(c *cli, args []string) error {
	fs := flags("import")
	dry := fs.Bool("dry-run", false, "check every row, write nothing")
	good := fs.Bool("skip-invalid", false, "import the good rows even when some are bad")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if pos == "" {
		return data.Invalid("file", "err.required")
	}
	b, err := os.ReadFile(pos)
	if err != nil {
		return files.ReadError("file", pos, err)
	}
	rep, err := c.docs().ImportSheet(c.ctx, pos, bytes.NewReader(b), *dry, *good)
	if err != nil {
		return err
	}
	view := importView{ImportReport: rep, Errors: []rowErrorView{}}
	for _, e := range rep.Errors {
		view.Errors = append(view.Errors, rowErrorView{RowError: e, Message: i18n.Message(e.Err)})
	}
	c.print(view, func(w io.Writer) {
		for _, e := range view.Errors {
			fmt.Fprintln(w, i18n.T("cli.import_row_error", "Row", e.Row, "Column", e.Column, "Message", e.Message))
		}
		switch {
		case rep.DryRun:
			fmt.Fprintln(w, i18n.T("cli.import_dry", "Rows", rep.Rows, "Bad", len(rep.Errors)))
		case rep.Written:
			fmt.Fprintln(w, i18n.T("cli.import_done", "Imported", rep.Imported, "Updated", rep.Updated, "Bad", len(rep.Errors)))
		default:
			fmt.Fprintln(w, i18n.T("cli.import_refused", "Bad", len(rep.Errors)))
		}
	})
	if !rep.DryRun && !rep.Written && len(rep.Errors) > 0 {
		return errImportRefused
	}
	return nil
}

func exportRoster(c *cli, args []string) error {
	fs := flags("export roster")
	out := fs.String("out", "", "FILE.xlsx or FILE.csv")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return data.Invalid("out", "err.required")
	}
	rows, err := c.docs().Roster(c.ctx)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := sheet.Write(*out, &b, docs.RosterHeader, rows); err != nil {
		return err
	}
	if err := writeFile(*out, b.Bytes()); err != nil {
		return err
	}
	c.print(map[string]any{"path": *out, "rows": len(rows)}, func(w io.Writer) {
		fmt.Fprintln(w, i18n.T("cli.roster_saved", "Path", *out, "Rows", len(rows)))
	})
	return nil
}

func exportTemplate(c *cli, args []string) error {
	fs := flags("export template")
	out := fs.String("out", "", "FILE.xlsx or FILE.csv")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return data.Invalid("out", "err.required")
	}
	var b bytes.Buffer
	if err := sheet.Write(*out, &b, sheet.TemplateHeader, [][]string{sheet.TemplateExample}); err != nil {
		return err
	}
	if err := writeFile(*out, b.Bytes()); err != nil {
		return err
	}
	c.print(map[string]any{"path": *out}, func(w io.Writer) { fmt.Fprintln(w, i18n.T("cli.template_saved", "Path", *out)) })
	return nil
}
