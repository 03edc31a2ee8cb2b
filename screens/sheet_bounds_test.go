package screens

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"github.com/swcert/swcert/i18n"
)

// chosen is a file as the open dialog hands it over: opened, with its URI.
type chosen struct {
	io.Reader
	uri fyne.URI
}

func (c chosen) Close() error  { return nil }
func (c chosen) URI() fyne.URI { return c.uri }

type spaces struct{}

func (spaces) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// The window's import refuses what the command line refuses, with the
// same message, before it reads or decodes it: a device, a file larger than
// the bound, a zip bomb, a row wider than a sheet may be. Nothing is
// imported.
func TestTheWindowsImportRefusesWhatItCannotBound(t *testing.T) {
	f := newFixture(t, i18n.English)
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.csv")
	os.WriteFile(huge, nil, 0o600)
	if err := os.Truncate(huge, 200<<20); err != nil { // sparse
		t.Fatal(err)
	}
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	io.Copy(w, io.LimitReader(spaces{}, 400<<20))
	zw.Close()
	bombPath := filepath.Join(dir, "bomb.xlsx")
	os.WriteFile(bombPath, bomb.Bytes(), 0o600)
	wide := filepath.Join(dir, "wide.csv")
	os.WriteFile(wide, []byte("姓名,证件号码\n张三"+strings.Repeat(",", 1000)+"\n"), 0o600)

	read := &countingReader{r: spaces{}}
	cases := []struct {
		name string
		file chosen
		want string
	}{
		{"/dev/zero", chosen{read, storage.NewFileURI("/dev/zero")}, "/dev/zero is not a file"},
		{"200 MB", chosen{read, storage.NewFileURI(huge)}, "This spreadsheet is 200.0 MB; SWCert imports files of at most 128 MB"},
		{"an endless stream", chosen{read, mustParseURI(t, "content://stream.csv")}, "SWCert imports files of at most 128 MB"},
		{"a zip bomb", chosen{bytes.NewReader(bomb.Bytes()), storage.NewFileURI(bombPath)}, "Unzipped, this workbook holds at least 400.0 MB; SWCert reads at most 320 MB"},
		{"1,001 columns", chosen{mustOpen(t, wide), storage.NewFileURI(wide)}, "Row 2 has 1,001 columns; SWCert reads at most 1,000"},
	}
	for _, c := range cases {
		m.openImport(c.file)
		if text := f.dialogText(); !strings.Contains(text, c.want) {
			t.Errorf("%s: dialog %q, want %q", c.name, text, c.want)
		}
		f.tapDialogButton("OK")
	}
	if read.n > 129<<20 {
		t.Errorf("read %d bytes of endless input", read.n)
	}
	if len(f.holders()) != 0 {
		t.Error("imported")
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func mustOpen(t *testing.T, path string) io.Reader {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(b)
}

func mustParseURI(t *testing.T, s string) fyne.URI {
	t.Helper()
	u, err := storage.ParseURI(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
