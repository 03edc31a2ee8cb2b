package sheet

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/swcert/swcert/data"
)

// More rows than an .xlsx sheet holds are refused, saying so and what to
// do, before anything is written; as many as it holds are not (the
// roster of 1,000,000 demo holders has 1.5 million certificates: excelize
// failed past its last row with "cannot convert cell", shown as an
// internal error). A .csv takes them.
func TestXLSXRefusesMoreRowsThanASheetHolds(t *testing.T) {
	if err := checkXLSXRows(excelize.TotalRows - 1); err != nil {
		t.Errorf("as many rows as a sheet holds below its header: %v", err)
	}
	rows := make([][]string, excelize.TotalRows)
	for i := range rows {
		rows[i] = []string{"x"}
	}
	e := Export{Columns: []Column{{Header: "名称", Kind: KindText}}, Rows: rows}
	var b bytes.Buffer
	err := WriteTable("roster.xlsx", &b, e)
	if data.ErrorCode(err) != data.EINVALID || b.Len() != 0 {
		t.Fatalf("one row too many: %v, %d bytes written", err, b.Len())
	}
	if e := data.AsError(err); e.Key != "err.sheet.xlsx_rows" || e.Args["Rows"] != "1,048,576" || e.Args["Max"] != "1,048,575" {
		t.Errorf("refusal %+v", e)
	}
	if err := WriteTable("roster.csv", &b, e); err != nil || b.Len() < excelize.TotalRows*2 {
		t.Errorf("the same rows as .csv: %v, %d bytes", err, b.Len())
	}
	// Rows given one at a time, their number known before: refused at
	// once, not one read.
	read := 0
	streamed := Export{Columns: e.Columns, Total: excelize.TotalRows, Each: func(row func([]string) error) error {
		read++
		return row([]string{"x"})
	}}
	err = WriteTable("roster.xlsx", &bytes.Buffer{}, streamed)
	if e := data.AsError(err); e == nil || e.Key != "err.sheet.xlsx_rows" || e.Args["Rows"] != "1,048,576" || read != 0 {
		t.Errorf("%d rows known before: %v, %d read", excelize.TotalRows, err, read)
	}
	// Not known before: counted as they are written, past the last row,
	// and the refusal says how many.
	streamed.Total = 0
	n := excelize.TotalRows + 9
	streamed.Each = func(row func([]string) error) error {
		for range n {
			if err := row([]string{"x"}); err != nil {
				return err
			}
		}
		return nil
	}
	err = WriteTable("roster.xlsx", &b, streamed)
	if e := data.AsError(err); e == nil || e.Key != "err.sheet.xlsx_rows" || e.Args["Rows"] != "1,048,585" {
		t.Errorf("%d rows not known before: %v", n, err)
	}
}
