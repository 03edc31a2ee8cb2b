package sheet

import (
	"encoding/csv"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/swcert/swcert/assets"
	"github.com/swcert/swcert/data"
)

// Write writes a table of text as .xlsx or .csv, by the name's ending:
// every cell text, as a sheet typed by hand would be. Exports use
// WriteTable, which gives each column its kind.
func Write(name string, w io.Writer, header []string, rows [][]string) error {
	cols := make([]Column, len(header))
	for i, h := range header {
		cols[i] = Column{Header: h}
	}
	return WriteTable(name, w, Export{Columns: cols, Rows: rows})
}

// WriteTable writes an export as .xlsx or .csv, by the name's ending. A
// CSV starts with a byte-order mark: without it, Excel reads UTF-8 Chinese
// as noise. In an .xlsx each column is of its kind (xlsx.go): dates are
// dates, years and hours numbers, and numbers that are codes text.
func WriteTable(name string, w io.Writer, e Export) error {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		if _, err := io.WriteString(w, "\xef\xbb\xbf"); err != nil {
			return err
		}
		cw := csv.NewWriter(w)
		cw.UseCRLF = true // as Excel writes it
		if err := cw.Write(neutralizeRow(e.header())); err != nil {
			return err
		}
		err := e.each(func(r []string) error {
			return cw.Write(neutralizeRow(r)) // formula.go
		})
		if err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	case ".xlsx":
		return writeXLSX(w, e)
	}
	return data.Invalid("out", "err.sheet.type")
}

// TemplateFields are the import template's columns, as data-model fields:
// each is headed by the field's Chinese name in the window (the import
// accepts English and the common synonyms too, read.go).
var TemplateFields = []struct {
	Field string
	Kind  Kind
}{
	{"name", KindText}, {"id_type", KindText}, {"id_number", KindCode}, {"phone", KindCode}, {"org", KindText}, {"region", KindText},
	{"level", KindText}, {"mno", KindCode}, {"exam_year", KindYear}, {"passed_on", KindDate}, {"issued_on", KindDate},
	{"issuer", KindText}, {"status", KindText},
	// The personal information's base fields (个人信息), after those of
	// the first version, so that its sheets and templates read as before.
	{"sex", KindText}, {"birth_date", KindDate}, {"ethnicity", KindText}, {"education", KindText}, {"major", KindText},
}

// TemplateColumns are the template's columns, headed in Chinese.
var TemplateColumns = func() []Column {
	cols := make([]Column, len(TemplateFields))
	for i, f := range TemplateFields {
		cols[i] = Column{Header: assets.Word(assets.Chinese, "field."+f.Field), Kind: f.Kind}
	}
	return cols
}()

// TemplateExport is the import template as a sheet to write, made at now.
func TemplateExport(now time.Time) Export {
	return Export{Columns: TemplateColumns, Rows: [][]string{TemplateExample}, Title: assets.Word(assets.Chinese, "sheet.file_template"), At: now}
}

// TemplateHeader is the template's header row.
var TemplateHeader = Export{Columns: TemplateColumns}.header()

// TemplateExample is one row showing how cells are written. It is marked
// as the example in its name cell, and an import skips it (saying so): a
// user who fills the template in below it may leave it where it is.
var TemplateExample = []string{templateExampleName, "居民身份证", "11010519491231002X", "13800138000", "阳光社会工作服务中心", "北京市朝阳区",
	"社会工作师", "2022S110000123", "2022", "2022-09-20", "2022-12-01", data.DefaultIssuer, "有效",
	// Sex and date of birth empty: a resident ID number says them (a row
	// copied from this one with another number must not contradict it).
	"", "", "汉族", "本科", "社会工作"}

const templateExampleName = "张三（示例行，导入时跳过）"

// exampleNames are the names the example row had, in this version and
// before, so a template saved by an older one is read the same way.
var exampleNames = []string{templateExampleName, "张三（示例，导入前请删除）"}

// IsTemplateExample reports whether a row is the template's example: its
// name cell is the example's, or it still has the example's ID number and
// management number (the name typed over, the rest left).
func IsTemplateExample(m Mapping, cells []string) bool {
	name := m.Cell(cells, "name")
	for _, n := range exampleNames {
		if name == n {
			return true
		}
	}
	return data.NormalizeIDNumber(m.Cell(cells, "id_number")) == TemplateExample[2] &&
		data.NormalizeMNo(m.Cell(cells, "mno")) == TemplateExample[7]
}
