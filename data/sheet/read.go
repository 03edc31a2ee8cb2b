// Package sheet reads and writes the spreadsheets agencies keep their staff
// in: .xlsx (excelize) and .csv (UTF-8, or GB18030 as Chinese Excel saves
// it). Reading maps the headers, Chinese or English with their common
// synonyms, in any order, onto the data model.
package sheet

import (
	"bytes"
	"encoding/csv"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/swcert/swcert/data"
)

// Columns are the data-model fields a sheet may hold, with the headers
// (lower-cased, spaces removed) that name each.
var Columns = []struct {
	Field   string
	Headers []string
}{
	{"name", []string{"姓名", "name", "holder", "持证人"}},
	{"id_type", []string{"证件类型", "idtype", "id_type", "documenttype"}},
	{"id_number", []string{"证件号码", "身份证号", "身份证号码", "身份证", "idnumber", "id_number", "id"}},
	{"phone", []string{"手机", "手机号码", "手机号", "联系电话", "电话", "phone", "mobile"}},
	{"org", []string{"工作单位", "单位", "所在单位", "机构", "employer", "org", "organisation", "organization"}},
	{"region", []string{"登记地区", "地区", "所在地区", "region"}},
	{"level", []string{"级别", "证书级别", "等级", "level"}},
	{"mno", []string{"管理号", "证书管理号", "证书编号", "mno", "managementno", "managementnumber"}},
	{"exam_year", []string{"考试年份", "考试年度", "考试年", "examyear", "exam_year"}},
	{"passed_on", []string{"合格日期", "通过日期", "成绩合格日期", "passedon", "passed_on", "passed"}},
	{"issued_on", []string{"发证日期", "签发日期", "颁发日期", "issuedon", "issued_on", "issued"}},
	{"issuer", []string{"发证机构", "发证机关", "证书发放机构", "发证单位", "issuer", "issuingbody"}},
	{"status", []string{"证书状态", "状态", "status"}},
	{"sex", []string{"性别", "sex", "gender"}},
	{"birth_date", []string{"出生日期", "出生年月日", "生日", "birthdate", "birth_date", "dateofbirth"}},
	{"ethnicity", []string{"民族", "ethnicity", "ethnicgroup"}},
	{"education", []string{"学历", "最高学历", "文化程度", "education"}},
	{"major", []string{"专业", "所学专业", "major"}},
}

// Table is a sheet read into header and rows of cells.
type Table struct {
	Header []string
	Rows   [][]string
}

// Read reads the first sheet of an .xlsx, or a .csv, by its name's ending.
func Read(name string, r io.Reader) (*Table, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx":
		b, err := readBounded(r)
		if err != nil {
			return nil, err
		}
		if err := checkZip(b); err != nil {
			return nil, err
		}
		f, err := excelize.OpenReader(bytes.NewReader(b), openOptions)
		if err != nil {
			return nil, data.Invalid("file", "err.sheet.unreadable")
		}
		defer f.Close()
		rows, err := xlsxRows(f)
		if err != nil {
			return nil, err
		}
		return table(rows)
	case ".csv":
		b, err := readBounded(r)
		if err != nil {
			return nil, err
		}
		b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		if !utf8.Valid(b) { // Chinese Excel saves CSV in GB18030
			if d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b); err == nil {
				b = d
			}
		}
		if err := checkCSV(b); err != nil {
			return nil, err
		}
		cr := csv.NewReader(bytes.NewReader(b))
		cr.FieldsPerRecord = -1
		rows, err := cr.ReadAll()
		if err != nil {
			return nil, data.Invalid("file", "err.sheet.unreadable")
		}
		if err := checkCells(rows); err != nil {
			return nil, err
		}
		for _, r := range rows {
			for i, c := range r {
				r[i] = unneutralize(c) // formula.go
			}
		}
		return table(rows)
	}
	return nil, data.Invalid("file", "err.sheet.type")
}

func table(rows [][]string) (*Table, error) {
	if len(rows) == 0 {
		return nil, data.Invalid("file", "err.sheet.empty")
	}
	return &Table{Header: rows[0], Rows: rows[1:]}, nil
}

// Mapping gives, for each field, the column that holds it (-1: none).
type Mapping map[string]int

// MapHeader finds the fields' columns; name, id_number, level and mno are
// required, and a header named twice is refused.
func MapHeader(header []string) (Mapping, error) {
	m := Mapping{}
	for i, h := range header {
		key := strings.ToLower(strings.Join(strings.Fields(h), ""))
		for _, c := range Columns {
			for _, syn := range c.Headers {
				if key == syn {
					if _, dup := m[c.Field]; dup {
						return nil, data.Invalid("file", "err.sheet.header_twice", "Header", h)
					}
					m[c.Field] = i
				}
			}
		}
	}
	var missing []string
	for _, f := range []string{"name", "id_number", "level", "mno"} {
		if _, ok := m[f]; !ok {
			missing = append(missing, f)
		}
	}
	if len(missing) > 0 {
		return nil, data.Invalid("file", "err.sheet.missing_columns", "Columns", strings.Join(missing, ", "))
	}
	return m, nil
}

// Cell is the value of field in row ("" when absent).
func (m Mapping) Cell(row []string, field string) string {
	i, ok := m[field]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}
