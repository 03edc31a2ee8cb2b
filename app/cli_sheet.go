package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/data/files"
	"github.com/swcert/swcert/data/sheet"
	"github.com/swcert/swcert/i18n"
)

// errImportRefused ends `import` with exit 2 once the report is printed:
// rows are bad and nothing was (in a dry run: would be) imported.
var errImportRefused = errors.New("import refused")

// importView is the report with each error's message in words, and ID
// and phone numbers masked unless --reveal.
type importView struct {
	*docs.ImportReport
	Errors  []rowErrorView      `json:"errors"`
	Skipped []skippedView       `json:"skipped"`
	Changes []data.ImportChange `json:"changes"`
}

type rowErrorView struct {
	sheet.RowError
	Message string `json:"message"`
}

type skippedView struct {
	Row     int    `json:"row"`
	Message string `json:"message"`
}

func importCmd(c *cli, args []string) error {
	fs := flags("import")
	dry := fs.Bool("dry-run", false, "check every row and show what would change, write nothing")
	good := fs.Bool("skip-invalid", false, "import the good rows even when some are bad")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if pos == "" {
		return data.Invalid("file", "err.required")
	}
	b, err := readSheet(pos)
	if err != nil {
		return err
	}
	rep, err := c.docs().ImportSheet(c.ctx, pos, bytes.NewReader(b), *dry, *good)
	if err != nil {
		return err
	}
	view := importView{ImportReport: rep, Errors: []rowErrorView{}, Skipped: []skippedView{}, Changes: make([]data.ImportChange, len(rep.Changes))}
	for _, e := range rep.Errors {
		view.Errors = append(view.Errors, rowErrorView{RowError: e, Message: i18n.Message(e.Err)})
	}
	for _, row := range rep.Skipped {
		view.Skipped = append(view.Skipped, skippedView{Row: row, Message: i18n.T("import.example_skipped", "Row", row)})
	}
	for i, ch := range rep.Changes {
		if !c.o.reveal {
			ch.IDNumber = data.MaskIDNumber(ch.IDNumber)
			ch.Fields = slices.Clone(ch.Fields)
			for j, f := range ch.Fields {
				if f.Field == "phone" {
					ch.Fields[j].Old, ch.Fields[j].New = data.MaskPhone(f.Old), data.MaskPhone(f.New)
				}
			}
		}
		view.Changes[i] = ch
	}
	c.print(view, func(w io.Writer) {
		for _, line := range importLines(rep, c.o.reveal) {
			fmt.Fprintln(w, line)
		}
	})
	if rep.Refused() {
		return errImportRefused
	}
	return nil
}

// readSheet reads the spreadsheet at path: a regular file (not a folder, a
// device such as /dev/zero or a pipe) of at most data.MaxSheetBytes, refused
// before a byte is read otherwise.
func readSheet(path string) ([]byte, error) {
	b, err := files.ReadRegular(path, data.MaxSheetBytes)
	var large *files.TooLargeError
	if errors.As(err, &large) {
		return nil, data.CheckSheetSize(large.Size)
	}
	if err != nil {
		return nil, files.ReadError("file", path, err)
	}
	return b, nil
}

// importLines are the report as the command line prints it: the bad rows,
// the skipped example, every change, then what was (or would be) done.
func importLines(rep *docs.ImportReport, reveal bool) []string {
	lines := i18n.ImportReportLines(rep, reveal)
	counts := []any{"Rows", rep.Rows, "Imported", rep.Imported, "Updated", rep.Updated, "Unchanged", rep.Unchanged, "Bad", len(rep.Errors)}
	switch {
	case rep.Rows == 0:
		lines = append(lines, i18n.T("cli.import_nothing"))
	case rep.Refused() && rep.DryRun:
		lines = append(lines, i18n.T("cli.import_dry_refused", counts...))
	case rep.Refused():
		lines = append(lines, i18n.T("cli.import_refused", counts...))
	case rep.DryRun:
		lines = append(lines, i18n.T("cli.import_dry", counts...))
	default:
		lines = append(lines, i18n.T("cli.import_done", counts...))
	}
	return lines
}

func exportRoster(c *cli, args []string) error {
	fs := flags("export roster")
	out := fs.String("out", "", "FILE.xlsx or FILE.csv")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkOut(*out); err != nil {
		return err
	}
	e, err := c.docs().RosterExport(c.ctx)
	if err != nil {
		return err
	}
	rows := 0
	each := e.Each
	e.Each = func(row func([]string) error) error {
		return each(func(r []string) error { rows++; return row(r) })
	}
	err = files.WriteFrom(*out, func(w io.Writer) error { return sheet.WriteTable(*out, w, e) })
	if err := files.WriteError("out", *out, err); err != nil {
		return err
	}
	c.print(map[string]any{"path": *out, "rows": rows}, func(w io.Writer) {
		fmt.Fprintln(w, i18n.T("cli.roster_saved", "Path", *out, "Rows", rows))
	})
	return nil
}

func exportTemplate(c *cli, args []string) error {
	fs := flags("export template")
	out := fs.String("out", "", "FILE.xlsx or FILE.csv")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkOut(*out); err != nil {
		return err
	}
	var b bytes.Buffer
	if err := sheet.WriteTable(*out, &b, sheet.TemplateExport(c.o.now())); err != nil {
		return err
	}
	if err := writeFile(*out, b.Bytes()); err != nil {
		return err
	}
	c.print(map[string]any{"path": *out}, func(w io.Writer) { fmt.Fprintln(w, i18n.T("cli.template_saved", "Path", *out)) })
	return nil
}
