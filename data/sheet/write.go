package sheet

import (
	"archive/zip"
	"compress/flate"
	"encoding/csv"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/swcert/swcert/data"
)

// Write writes a table as .xlsx or .csv, by the name's ending. A CSV starts
// with a byte-order mark: without it, Excel reads UTF-8 Chinese as noise.
func Write(name string, w io.Writer, header []string, rows [][]string) error {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		if _, err := io.WriteString(w, "\xef\xbb\xbf"); err != nil {
			return err
		}
		cw := csv.NewWriter(w)
		cw.UseCRLF = true // as Excel writes it
		if err := cw.Write(neutralizeRow(header)); err != nil {
			return err
		}
		for _, r := range rows {
			if err := cw.Write(neutralizeRow(r)); err != nil { // formula.go
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	case ".xlsx":
		f := excelize.NewFile()
		defer f.Close()
		// The fastest deflate: a 100,000-row roster spends most of its
		// time compressing otherwise, for a file a little smaller.
		f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
			zw := zip.NewWriter(w)
			zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
				return flate.NewWriter(out, flate.BestSpeed)
			})
			return zw
		})
		sheet := f.GetSheetName(0)
		sw, err := f.NewStreamWriter(sheet)
		if err != nil {
			return err
		}
		bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
		if err := sw.SetRow("A1", cells(header, bold)); err != nil {
			return err
		}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			if err := sw.SetRow(cell, cells(r, 0)); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
		return f.Write(w)
	}
	return data.Invalid("out", "err.sheet.type")
}

// cells are a row for the stream writer, every cell as text: an 18-digit
// ID number or a management number must not become a number Excel rounds.
// An empty cell is left out, and a plain one is a bare string: excelize
// escapes and scans every string cell it is given, which was most of the
// time of a 150,000-row roster.
func cells(values []string, style int) []any {
	out := make([]any, len(values))
	for i, v := range values {
		switch {
		case v == "":
		case style == 0:
			out[i] = v
		default:
			out[i] = excelize.Cell{Value: v, StyleID: style}
		}
	}
	return out
}

// TemplateHeader is the header of the import template, in Chinese (the
// import accepts English too).
var TemplateHeader = []string{"姓名", "证件类型", "证件号码", "手机号码", "工作单位", "登记地区", "证书级别", "管理号", "考试年份", "合格日期", "发证日期", "发证机关", "证书状态"}

// TemplateExample is one row showing how cells are written. It is marked
// as the example in its name cell, and an import skips it (saying so): a
// user who fills the template in below it may leave it where it is.
var TemplateExample = []string{templateExampleName, "居民身份证", "11010519491231002X", "13800138000", "阳光社会工作服务中心", "北京市朝阳区",
	"社会工作师", "2022S110000123", "2022", "2022-09-20", "2022-12-01", data.DefaultIssuer, "有效"}

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
