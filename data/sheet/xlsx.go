package sheet

import (
	"archive/zip"
	"compress/flate"
	"io"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/files"
)

// Kind is what a column holds, and so how an .xlsx cell of it is written.
type Kind uint8

const (
	// KindText is free text.
	KindText Kind = iota
	// KindCode is a number that is not a quantity: an ID number, a
	// phone, a management number. Text, and the whole column formatted
	// as text ("@"), so that a number typed into it in Excel, WPS or
	// LibreOffice stays as typed instead of becoming 1.10101E+17.
	KindCode
	// KindDate is a day (YYYY-MM-DD): a date cell.
	KindDate
	// KindDateTime is a day and time (YYYY-MM-DD HH:MM): a date-time cell.
	KindDateTime
	// KindYear is a year: a whole number.
	KindYear
	// KindHours is hours in tenths: a number with one decimal.
	KindHours
	// KindCount is a count (of records, participants): a whole number.
	KindCount
)

// Column is a column of an export: its header and its kind.
type Column struct {
	Header string
	Kind   Kind
}

// Export is a table to write: columns, rows of cells as text (as the CSV
// has them), and what the workbook's properties say.
type Export struct {
	Columns []Column
	Rows    [][]string
	// Each, when set, gives the rows instead of Rows, one at a time to
	// row (the roster of 1,000,000 holders is never held at once); it
	// stops at row's error and returns it.
	Each func(row func([]string) error) error
	// Total is how many rows Each gives, when it is known before (0: not
	// known): an .xlsx refuses more than a sheet holds at once, not
	// after counting them as they are written.
	Total int
	Title string    // the workbook's title
	At    time.Time // when it was made; zero: not said
	// Sheet names the sheet ("" leaves the default); More are further
	// sheets of the workbook, after this one (an .xlsx only).
	Sheet string
	More  []Export
}

func (e Export) header() []string {
	h := make([]string, len(e.Columns))
	for i, c := range e.Columns {
		h[i] = c.Header
	}
	return h
}

// each gives row the rows of e, from Each or Rows.
func (e Export) each(row func([]string) error) error {
	if e.Each != nil {
		return e.Each(row)
	}
	for _, r := range e.Rows {
		if err := row(r); err != nil {
			return err
		}
	}
	return nil
}

// Number formats of the kinds (ECMA-376 18.8.30: 49 is "@", text).
const numFmtText = 49

// xlsxStyles are the style IDs of the kinds, made once a workbook.
type xlsxStyles struct {
	header, code, date, dateTime, hours int
}

func newStyles(f *excelize.File) (xlsxStyles, error) {
	var s xlsxStyles
	var err error
	for _, st := range []struct {
		to    *int
		style excelize.Style
	}{
		{&s.header, excelize.Style{Font: &excelize.Font{Bold: true}, NumFmt: numFmtText}},
		{&s.code, excelize.Style{NumFmt: numFmtText}},
		{&s.date, excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")}},
		{&s.dateTime, excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd hh:mm")}},
		{&s.hours, excelize.Style{CustomNumFmt: ptr("0.0")}},
	} {
		if *st.to, err = f.NewStyle(&st.style); err != nil {
			return s, err
		}
	}
	return s, nil
}

func ptr(s string) *string { return &s }

// colWidth is a column's width in characters, by kind.
var colWidth = map[Kind]float64{KindText: 14, KindCode: 20, KindDate: 12, KindDateTime: 17, KindYear: 9, KindHours: 10, KindCount: 9}

// writeXLSX writes the export as one sheet with the stream writer.
func writeXLSX(w io.Writer, e Export) error {
	// A large sheet spills to temporary files while it is written: in a
	// private folder that a killed run's next start removes.
	tmp, done, err := files.ScratchDir()
	if err != nil {
		return err
	}
	defer done()
	f := excelize.NewFile(excelize.Options{TmpDir: tmp})
	defer f.Close()
	// The fastest deflate: a 100,000-row roster spends most of its time
	// compressing otherwise, for a file a little smaller.
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, flate.BestSpeed)
		})
		return zw
	})
	if err := setProperties(f, e); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	sheet := f.GetSheetName(0)
	if e.Sheet != "" {
		if err := f.SetSheetName(sheet, e.Sheet); err != nil {
			return err
		}
		sheet = e.Sheet
	}
	if err := writeSheet(f, sheet, e, st); err != nil {
		return err
	}
	for _, m := range e.More {
		if _, err := f.NewSheet(m.Sheet); err != nil {
			return err
		}
		if err := writeSheet(f, m.Sheet, m, st); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// writeSheet writes the columns and rows of e to the sheet, streamed.
// More rows than a sheet holds are refused before any is written (the
// roster of 1,000,000 holders: 1.5 million certificates).
func writeSheet(f *excelize.File, sheet string, e Export, st xlsxStyles) error {
	if err := checkXLSXRows(max(len(e.Rows), e.Total)); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, c := range e.Columns {
		if err := sw.SetColWidth(i+1, i+1, colWidth[c.Kind]); err != nil {
			return err
		}
		if c.Kind == KindCode { // what is typed in later stays text too
			if err := sw.SetColStyle(i+1, i+1, st.code); err != nil {
				return err
			}
		}
	}
	head := make([]any, len(e.Columns))
	for i, c := range e.Columns {
		head[i] = excelize.Cell{Value: c.Header, StyleID: st.header}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	row := make([]any, len(e.Columns))
	// Rows given one at a time are counted past what the sheet holds,
	// unwritten, so the refusal says how many there are.
	n := 0
	err = e.each(func(r []string) error {
		n++
		if n > excelize.TotalRows-1 {
			return nil
		}
		for j := range row {
			row[j] = nil
			if j < len(r) {
				row[j] = typedCell(e.Columns[j].Kind, r[j], st)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+1)
		return sw.SetRow(cell, row)
	})
	if err != nil {
		return err
	}
	if err := checkXLSXRows(n); err != nil {
		return err
	}
	return sw.Flush()
}

// checkXLSXRows refuses rows below the header that a sheet does not hold.
func checkXLSXRows(rows int) error {
	if rows > excelize.TotalRows-1 {
		return data.Invalid("out", "err.sheet.xlsx_rows", "Rows", data.Grouped(int64(rows)), "Max", data.Grouped(excelize.TotalRows-1))
	}
	return nil
}

// typedCell is a cell of kind k holding v. An empty cell is left out; a
// plain text cell is a bare string (excelize escapes and scans every
// string cell it is given: most of the time of a 150,000-row roster);
// a value that does not read as its kind stays text, as it came.
func typedCell(k Kind, v string, st xlsxStyles) any {
	if v == "" {
		return nil
	}
	switch k {
	case KindCode:
		return excelize.Cell{Value: v, StyleID: st.code}
	case KindDate:
		if d, err := data.ParseDate(v); err == nil && !d.IsZero() {
			return excelize.Cell{Value: serial(d.Time()), StyleID: st.date}
		}
	case KindDateTime:
		if t, err := time.Parse("2006-01-02 15:04", v); err == nil {
			return excelize.Cell{Value: serial(t), StyleID: st.dateTime}
		}
	case KindYear, KindCount:
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	case KindHours:
		if x, err := strconv.ParseFloat(v, 64); err == nil {
			return excelize.Cell{Value: x, StyleID: st.hours}
		}
	}
	return v
}

// excelEpoch is day 0 of the 1900 date system as Excel counts it after
// its 1900-02-29 (so from 1900-03-01 on, which every date here is).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serial is the Excel serial number of t's wall-clock day and time: a
// spreadsheet has no time zone, and shows what the record says.
func serial(t time.Time) float64 {
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	d := wall.Sub(excelEpoch)
	days := float64(d / (24 * time.Hour))
	return days + float64(d%(24*time.Hour))/float64(24*time.Hour)
}

// setProperties names SWCert as the workbook's author and application
// (not the library's defaults), with the export's title and time.
func setProperties(f *excelize.File, e Export) error {
	p := &excelize.DocProperties{Creator: "SWCert", LastModifiedBy: "SWCert", Title: e.Title, Language: "zh-CN",
		Description: "Exported by SWCert (社工证书助手)"}
	if !e.At.IsZero() {
		p.Created = e.At.UTC().Format(time.RFC3339)
		p.Modified = p.Created
	}
	if err := f.SetDocProps(p); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "SWCert"})
}
