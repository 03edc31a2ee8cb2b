package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/swcert/swcert/data"
)

// Hostile spreadsheets, made here as an attacker would: a real .xlsx
// (written by Write) whose parts are replaced or added with archive/zip.

func baseXLSX(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write("x.xlsx", &b, agencySheet[0], agencySheet[1:3]); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// rezip copies the .xlsx b with parts replaced (or added) by parts.
func rezip(t *testing.T, b []byte, parts map[string]string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, f := range zr.File {
		if _, ok := parts[f.Name]; ok {
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	for name, content := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, content)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// withSheet is an .xlsx whose first sheet's data are rows (XML).
func withSheet(t *testing.T, rows string, extra ...string) []byte {
	parts := map[string]string{"xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>` +
		rows + `</sheetData></worksheet>`}
	for i := 0; i+1 < len(extra); i += 2 {
		parts[extra[i]] = extra[i+1]
	}
	return rezip(t, baseXLSX(t), parts)
}

func inline(ref, text string) string {
	return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, text)
}

const header = `<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>`

func refusedWith(t *testing.T, what, name string, b []byte, key string, args map[string]any) {
	t.Helper()
	_, err := Read(name, bytes.NewReader(b))
	e := data.AsError(err)
	if e == nil || e.Key != key {
		t.Errorf("%s: %v, want %s", what, err, key)
		return
	}
	for k, v := range args {
		if e.Args[k] != v {
			t.Errorf("%s: %s = %v, want %v (%v)", what, k, e.Args[k], v, e.Args)
		}
	}
}

// A ZIP whose parts say they unzip to more than the bound is refused on
// what they say, before anything is unzipped; one that says less than it
// holds is refused when it holds more than it said.
func TestAZipBombIsRefusedBeforeItIsUnzipped(t *testing.T) {
	big := int64(data.MaxSheetUnzipped + 20<<20) // 340 MiB of blanks: 438 KB deflated
	bomb := func(said uint64) []byte {
		var deflated bytes.Buffer
		fw, _ := flate.NewWriter(&deflated, flate.BestSpeed)
		io.WriteString(fw, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		io.Copy(fw, io.LimitReader(blanks{}, big))
		io.WriteString(fw, `</sheetData></worksheet>`)
		fw.Close()
		base := baseXLSX(t)
		zr, _ := zip.NewReader(bytes.NewReader(base), int64(len(base)))
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		for _, f := range zr.File {
			if f.Name != "xl/worksheets/sheet1.xml" {
				zw.Copy(f)
			}
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
			CompressedSize64: uint64(deflated.Len()), UncompressedSize64: said, CRC32: 0})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(deflated.Bytes())
		zw.Close()
		return out.Bytes()
	}
	honest := bomb(uint64(big) + 100)
	if len(honest) > 1<<20 {
		t.Fatalf("the bomb is %d bytes", len(honest))
	}
	refusedWith(t, "a part saying 340 MB", "bomb.xlsx", honest, "err.sheet.unzipped_too_large", map[string]any{"Size": "340.0", "Max": 320})
	refusedWith(t, "a part saying 2^64-1 bytes", "bomb.xlsx", bomb(1<<64-1), "err.sheet.unzipped_too_large", nil)
	// A header that lies: unzipping stops where it said it ends.
	refusedWith(t, "a part saying 1 KB, holding 340 MB", "bomb.xlsx", bomb(1000), "err.sheet.unreadable", nil)
	refusedWith(t, "a part saying 300 MB, holding 340 MB", "bomb.xlsx", bomb(300<<20), "err.sheet.unreadable", nil)

	// Many small parts that add up.
	parts := map[string]string{}
	for i := range 11 {
		parts[fmt.Sprintf("xl/media/blank%d.bin", i)] = strings.Repeat(" ", 30<<20)
	}
	refusedWith(t, "11 parts of 30 MB", "bomb.xlsx", rezip(t, baseXLSX(t), parts), "err.sheet.unzipped_too_large", map[string]any{"Max": 320})
	parts = map[string]string{}
	for i := range data.MaxSheetParts + 1 - 9 { // with the 9 of the workbook
		parts[fmt.Sprintf("xl/media/p%d.bin", i)] = ""
	}
	refusedWith(t, "10,001 parts", "parts.xlsx", rezip(t, baseXLSX(t), parts), "err.sheet.too_many_parts", map[string]any{"Parts": "10,001"})
}

type blanks struct{}

func (blanks) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// A sheet is read row by row and refused at the first row beyond the
// bounds: a cell at the far corner of a sheet, a row at column 16,384,
// more cells than a roster could need, a cell longer than Excel allows, a
// shared text repeated to gigabytes.
func TestAFarSheetIsRefusedAsItStreams(t *testing.T) {
	refusedWith(t, "a value on row 1,048,576", "far.xlsx", withSheet(t, header+`<row r="1048576">`+inline("A1048576", "x")+`</row>`),
		"err.sheet.too_many_rows", map[string]any{"SheetRow": "1,048,576", "Max": "500,000"})
	refusedWith(t, "a value at column XFD", "wide.xlsx", withSheet(t, header+`<row r="2">`+inline("XFD2", "x")+`</row>`),
		"err.sheet.too_many_columns", map[string]any{"SheetRow": "2", "Columns": "16,384", "Max": "1,000"})
	var rows strings.Builder
	rows.WriteString(header)
	for i := 2; i <= 5_002; i++ {
		fmt.Fprintf(&rows, `<row r="%d">%s</row>`, i, inline(fmt.Sprintf("ALL%d", i), "x")) // column 1,000
	}
	refusedWith(t, "5,001 rows of 1,000 columns", "cells.xlsx", withSheet(t, rows.String()), "err.sheet.too_many_cells", map[string]any{"Max": "5,000,000"})
	refusedWith(t, "a cell of 32,768 characters", "long.xlsx", withSheet(t, header+`<row r="2">`+inline("B2", strings.Repeat("长", 32_768))+`</row>`),
		"err.sheet.cell_too_long", map[string]any{"SheetRow": "2", "Column": "B", "Length": "32,768", "Max": "32,767"})
	// One shared text of 32,767 characters in 9,000 cells: 288 MB of text
	// from a part of 300 KB (the cells of a row are made one by one).
	rows.Reset()
	rows.WriteString(header)
	for i := 2; i <= 901; i++ {
		fmt.Fprintf(&rows, `<row r="%d">`, i)
		for c := 1; c <= 10; c++ {
			fmt.Fprintf(&rows, `<c r="%s%d" t="s"><v>0</v></c>`, data.ColumnName(c), i)
		}
		rows.WriteString(`</row>`)
	}
	sst := `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>` +
		strings.Repeat("a", 32_767) + `</t></si></sst>`
	refusedWith(t, "a shared text repeated", "shared.xlsx", withSheet(t, rows.String(), "xl/sharedStrings.xml", sst), "err.sheet.text_too_large", map[string]any{"Max": 128})

	refusedWith(t, "not a ZIP", "x.xlsx", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an encrypted workbook"), "err.sheet.unreadable", nil)
}

// The bounds change nothing for a sheet within them: the far dimension a
// sheet may state, blank rows between rows and blank cells at a row's end
// read as excelize's GetRows reads them.
func TestASheetWithinTheBoundsReadsAsBefore(t *testing.T) {
	b := withSheet(t, header+`<row r="3">`+inline("B3", "乙")+`<c r="C3"/></row><row r="4"/><row r="6">`+inline("A6", "甲")+inline("ALL6", "末")+`</row><row r="1048576"/>`)
	tab, err := Read("x.xlsx", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := f.GetRows(f.GetSheetName(0), excelize.Options{RawCellValue: true})
	got := append([][]string{tab.Header}, tab.Rows...)
	if len(got) != 6 || !reflect.DeepEqual(fmt.Sprint(got), fmt.Sprint(want)) {
		t.Errorf("read %q\nGetRows %q", got, want)
	}
}

// A .csv is walked before it is parsed: its size, each record's length,
// its columns and rows.
func TestAHostileCSVIsRefusedBeforeItIsParsed(t *testing.T) {
	_, err := Read("zero.csv", io.LimitReader(blanks{}, data.MaxSheetBytes+10))
	if e := data.AsError(err); e == nil || e.Key != "err.sheet.too_large" || e.Args["Max"] != 128 {
		t.Errorf("a stream of 128 MB and more: %v", err)
	}
	head := "姓名,证件号码\n"
	refusedWith(t, "a line of 2 MB", "x.csv", []byte(head+"张三,"+strings.Repeat("1", 2<<20)+"\n"), "err.sheet.line_too_long",
		map[string]any{"Line": "2", "Max": "1,048,576"})
	refusedWith(t, "a quoted cell of many lines", "x.csv", []byte(head+`张三,"`+strings.Repeat(",\n", 600_000)+`"`), "err.sheet.line_too_long",
		map[string]any{"Line": "2"})
	refusedWith(t, "1,001 columns", "x.csv", []byte(head+"张三"+strings.Repeat(",", 1000)+"\n"), "err.sheet.too_many_columns",
		map[string]any{"SheetRow": "2", "Columns": "1,001"})
	refusedWith(t, "500,001 rows", "x.csv", []byte(head+strings.Repeat("张三\n", 500_001)), "err.sheet.too_many_rows",
		map[string]any{"SheetRow": "500,002"})
	refusedWith(t, "5,001 rows of 1,000 columns", "x.csv", []byte(head+strings.Repeat(strings.Repeat(",", 999)+"\n", 5_001)), "err.sheet.too_many_cells", nil)
	refusedWith(t, "a cell of 32,768 characters", "x.csv", []byte(head+"张三,"+strings.Repeat("长", 32_768)+"\n"), "err.sheet.cell_too_long",
		map[string]any{"SheetRow": "2", "Column": "B", "Length": "32,768"})
	// Empty lines are no rows (encoding/csv skips them), and a quoted line
	// break is no new record.
	b := []byte(head + strings.Repeat("\r\n", 600_000) + "\"张\n三\",1\n")
	tab, err := Read("x.csv", bytes.NewReader(b))
	if err != nil || len(tab.Rows) != 1 || tab.Rows[0][0] != "张\n三" {
		t.Errorf("blank lines and a quoted line break: %v %q", err, tab)
	}
}
