package i18n

import (
	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/docs"
)

// ImportReportLines are what the window's preview and the command line
// show of an import before its counts: the bad rows, the skipped example
// row, then every change. ID and phone numbers are masked unless reveal.
func ImportReportLines(rep *docs.ImportReport, reveal bool) []string {
	var lines []string
	for _, e := range rep.Errors {
		lines = append(lines, T("cli.import_row_error", "Row", e.Row, "Column", e.Column, "Message", Message(e.Err)))
	}
	for _, row := range rep.Skipped {
		lines = append(lines, T("import.example_skipped", "Row", row))
	}
	for _, c := range rep.Changes {
		lines = append(lines, ImportChangeLines(c, reveal)...)
	}
	return lines
}

// ImportChangeLines are the lines an import's preview and report show for
// one record a row creates or changes: one for a new record, one per field
// changed (old → new). ID and phone numbers are masked unless reveal.
func ImportChangeLines(c data.ImportChange, reveal bool) []string {
	id := c.IDNumber
	if !reveal {
		id = data.MaskIDNumber(id)
	}
	if c.Outcome == data.ImportNew {
		if c.Record == "holder" {
			return []string{T("import.change.new_holder", "Row", c.Row, "Name", c.Name, "IDNumber", id)}
		}
		return []string{T("import.change.new_certificate", "Row", c.Row, "Name", c.Name, "MNo", c.MNo)}
	}
	key := "import.change.certificate"
	if c.Record == "holder" {
		key = "import.change.holder"
	}
	lines := make([]string, len(c.Fields))
	for i, f := range c.Fields {
		lines[i] = T(key, "Row", c.Row, "Name", c.Name, "MNo", c.MNo, "Column", f.Column,
			"Old", ImportValue(f.Field, f.Old, reveal), "New", ImportValue(f.Field, f.New, reveal))
	}
	return lines
}

// ImportValue is a field's value as a change shows it: levels, statuses
// and ID types in words, a phone number masked unless reveal.
func ImportValue(field, v string, reveal bool) string {
	switch {
	case v == "":
		return T("import.empty")
	case field == "level" || field == "status" || field == "id_type":
		return T(field + "." + v)
	case field == "phone" && !reveal:
		return data.MaskPhone(v)
	}
	return v
}
