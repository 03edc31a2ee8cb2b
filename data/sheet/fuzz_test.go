package sheet

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/swcert/swcert/data"
)

// FuzzRead: any file opened as a spreadsheet, .csv or .xlsx, is read or
// refused with a message, never a panic, and what is read is within the
// bounds. Its rows go through Parse likewise. And any table of text a
// person can type (cells split from the input at tabs and line breaks)
// written as .csv or .xlsx reads back cell for cell.
func FuzzRead(f *testing.F) {
	var x, c bytes.Buffer
	Write("x.xlsx", &x, agencySheet[0], agencySheet[1:3])
	Write("x.csv", &c, agencySheet[0], agencySheet[1:3])
	f.Add(x.Bytes())
	f.Add(c.Bytes())
	f.Add([]byte("姓名,证件号码,级别,管理号\n张三,11010519491231002X,社会工作师,2022S110001\n"))
	f.Add([]byte("a,\"b\nc\",d\r\n\r\n\"\"\"\",=1+1\n"))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, name := range []string{"x.csv", "x.xlsx"} {
			tab, err := Read(name, bytes.NewReader(b))
			if err != nil {
				if data.AsError(err) == nil {
					t.Fatalf("%s: an error without a message: %v", name, err)
				}
				continue
			}
			if len(tab.Rows) > data.MaxSheetRows {
				t.Fatalf("%s: %d rows read", name, len(tab.Rows))
			}
			if p, err := Parse(tab); err != nil && data.AsError(err) == nil {
				t.Fatalf("%s: Parse: an error without a message: %v", name, err)
			} else if err == nil && len(p.Rows)+len(p.Errors)+len(p.Example) > len(tab.Rows) {
				t.Fatalf("%s: Parse found more rows than the sheet has", name)
			}
		}
		rows := typedTable(string(b))
		if len(rows) < 2 || strings.Join(flatten(rows), "") == "" {
			return // an empty sheet is refused as such
		}
		for _, name := range []string{"x.csv", "x.xlsx"} {
			var out bytes.Buffer
			if err := Write(name, &out, rows[0], rows[1:]); err != nil {
				t.Fatalf("%s: write %q: %v", name, rows, err)
			}
			tab, err := Read(name, &out)
			if err != nil {
				t.Fatalf("%s: %q written does not read back: %v", name, rows, err)
			}
			got := append([][]string{tab.Header}, tab.Rows...)
			if !sameCells(got, rows, name == "x.csv") {
				t.Fatalf("%s: wrote %q, read %q", name, rows, got)
			}
		}
	})
}

// typedTable splits s into rows at line breaks and cells at tabs, keeping
// what a person types into a cell: printable text, valid UTF-8, no
// leading or trailing spaces (the import trims them).
func typedTable(s string) [][]string {
	if !utf8.ValidString(s) {
		return nil
	}
	var rows [][]string
	for _, line := range strings.Split(s, "\n") {
		var row []string
		for _, cell := range strings.Split(line, "\t") {
			cell = strings.TrimSpace(strings.Map(func(r rune) rune {
				if unicode.IsPrint(r) {
					return r
				}
				return -1
			}, cell))
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	return rows
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// sameCells compares tables as a sheet holds them: blank cells at a row's
// end and blank rows at the end are no cells, and a blank row is a blank
// row however many blank cells it was written with. A .csv has no blank
// rows at all (encoding/csv writes one as an empty line and skips it when
// reading).
func sameCells(a, b [][]string, noBlankRows bool) bool {
	trim := func(t [][]string) [][]string {
		var out [][]string
		for _, r := range t {
			for len(r) > 0 && r[len(r)-1] == "" {
				r = r[:len(r)-1]
			}
			if len(r) > 0 || !noBlankRows {
				out = append(out, r)
			}
		}
		for len(out) > 0 && len(out[len(out)-1]) == 0 {
			out = out[:len(out)-1]
		}
		return out
	}
	a, b = trim(a), trim(b)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") || len(a[i]) != len(b[i]) {
			return false
		}
	}
	return true
}
