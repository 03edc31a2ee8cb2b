package sheet

import (
	"archive/zip"
	"bytes"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/swcert/swcert/data"
)

// The bounds of what Read decodes (data/limits.go says why each is where it
// is). Each is checked before the work it bounds: the file's size before
// it is unzipped, the parts' sizes (said and real) before excelize parses
// them, each row's columns and cells as the sheet streams.

// readBounded reads r to its end, refusing more than data.MaxSheetBytes.
func readBounded(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, data.MaxSheetBytes+1))
	if err != nil {
		return nil, data.Invalid("file", "err.sheet.unreadable")
	}
	if err := data.CheckSheetSize(int64(len(b))); err != nil {
		return nil, err
	}
	return b, nil
}

// checkZip refuses an .xlsx whose parts, unzipped, would hold more than
// data.MaxSheetUnzipped: first by what each part says it holds (a ZIP
// entry's header states its size), then by unzipping every part through a
// limited reader, since a header may lie. Nothing is kept: this costs the
// time of unzipping once, not memory.
func checkZip(b []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return data.Invalid("file", "err.sheet.unreadable")
	}
	if err := data.CheckSheetParts(len(zr.File)); err != nil {
		return err
	}
	var said int64
	for _, f := range zr.File {
		if f.UncompressedSize64 > data.MaxSheetUnzipped {
			return data.CheckSheetUnzipped(int64(min(f.UncompressedSize64, 1<<62)))
		}
		said += int64(f.UncompressedSize64)
	}
	if err := data.CheckSheetUnzipped(said); err != nil {
		return err
	}
	var real int64
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return data.Invalid("file", "err.sheet.unreadable")
		}
		n, err := io.Copy(io.Discard, io.LimitReader(rc, data.MaxSheetUnzipped-real+1))
		rc.Close()
		real += n
		if err := data.CheckSheetUnzipped(real); err != nil {
			return err
		}
		if err != nil { // a part longer than its header says, or damaged
			return data.Invalid("file", "err.sheet.unreadable")
		}
	}
	return nil
}

// openOptions keep every part excelize unzips in memory (bounded above),
// never in a temporary file, and refuse what unzips to more than the bound
// should a check above have missed it.
var openOptions = excelize.Options{UnzipSizeLimit: data.MaxSheetUnzipped, UnzipXMLSizeLimit: data.MaxSheetUnzipped}

// xlsxRows reads the first sheet's rows as GetRows does (raw values: a date
// cell comes as its serial number, not in the sheet's display format;
// blank rows between rows kept, blank cells at a row's end dropped), one
// row at a time, refusing the sheet at the first row beyond the bounds:
// a sheet may hold one cell at row 1,048,576 or column 16,384, and a row's
// cells come padded up to its last.
func xlsxRows(f *excelize.File) ([][]string, error) {
	it, err := f.Rows(f.GetSheetName(0))
	if err != nil {
		return nil, data.Invalid("file", "err.sheet.unreadable")
	}
	defer it.Close()
	var b bounds
	var rows [][]string
	for n := 1; it.Next(); n++ {
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, data.Invalid("file", "err.sheet.unreadable")
		}
		if len(row) == 0 {
			continue
		}
		if err := b.row(n, row); err != nil {
			return nil, err
		}
		for len(rows) < n-1 {
			rows = append(rows, nil)
		}
		rows = append(rows, row)
	}
	if err := it.Error(); err != nil {
		if err == excelize.ErrMaxRows {
			return nil, data.CheckSheetRow(excelize.TotalRows + 1)
		}
		return nil, data.Invalid("file", "err.sheet.unreadable")
	}
	return rows, nil
}

// bounds counts what the rows read so far hold.
type bounds struct {
	cells, text int64
}

// row checks row number n (1 is the header) before it is kept.
func (b *bounds) row(n int, row []string) error {
	if err := data.CheckSheetRow(n); err != nil {
		return err
	}
	if err := data.CheckSheetColumns(n, len(row)); err != nil {
		return err
	}
	b.cells += int64(len(row))
	if err := data.CheckSheetCells(b.cells); err != nil {
		return err
	}
	for i, c := range row {
		if err := data.CheckSheetCell(n, i+1, c); err != nil {
			return err
		}
		b.text += int64(len(c))
	}
	return data.CheckSheetText(b.text)
}

// checkCSV walks a .csv's bytes as encoding/csv will read them, before it
// does: no record (line, or lines when a quoted cell holds line breaks)
// longer than data.MaxCSVRecord, no more columns or rows than the bounds
// allow. A quote toggles "inside a quoted cell" (a doubled quote toggles
// twice); where this walk and encoding/csv could disagree (a stray quote in
// an unquoted cell), encoding/csv refuses the file at that line anyway.
func checkCSV(b []byte) error {
	line, start, rows, cols := 1, 0, 0, 1
	first := 1 // the line the record begins on
	quoted := false
	var cells int64
	end := func(i int) error { // the record ends before b[i]
		if err := data.CheckCSVRecord(first, int64(i-start)); err != nil {
			return err
		}
		if i > start && !(i == start+1 && b[start] == '\r') { // encoding/csv skips empty lines
			rows++
			if err := data.CheckSheetRow(rows); err != nil {
				return err
			}
			if err := data.CheckSheetColumns(rows, cols); err != nil {
				return err
			}
			cells += int64(cols)
			if err := data.CheckSheetCells(cells); err != nil {
				return err
			}
		}
		return nil
	}
	for i, c := range b {
		switch c {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				cols++
				if err := data.CheckSheetColumns(rows+1, cols); err != nil {
					return err
				}
			}
		case '\n':
			line++
			if !quoted {
				if err := end(i); err != nil {
					return err
				}
				start, first, cols = i+1, line, 1
			}
		}
		if i-start > data.MaxCSVRecord {
			return data.CheckCSVRecord(first, int64(i-start))
		}
	}
	return end(len(b))
}

// checkCells checks the cells of rows read from a .csv: each cell's length
// and their text together (the walk above bounded rows and columns).
func checkCells(rows [][]string) error {
	var text int64
	for i, row := range rows {
		for j, c := range row {
			if err := data.CheckSheetCell(i+1, j+1, c); err != nil {
				return err
			}
			text += int64(len(c))
		}
	}
	return data.CheckSheetText(text)
}
