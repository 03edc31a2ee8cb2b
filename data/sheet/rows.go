package sheet

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/swcert/swcert/data"
)

// RowError says what is wrong in one cell.
type RowError struct {
	Row    int    `json:"row"`
	Column string `json:"column"` // the header as written in the file
	Field  string `json:"field"`
	Err    error  `json:"-"`
}

// Parsed is a sheet read into what each row says.
type Parsed struct {
	Rows    []data.ImportRow
	Errors  []RowError // rows whose cells do not read, the first problem of each
	Example []int      // rows that are the template's example, skipped
	header  []string
	mapping Mapping
}

// Column is the sheet's own header of a field (the field's name when the
// sheet has no such column).
func (p *Parsed) Column(field string) string {
	if i, ok := p.mapping[field]; ok && i < len(p.header) {
		return p.header[i]
	}
	return field
}

// Parse reads what each row says: an empty cell, or a column the sheet
// lacks, says nothing (data.HolderUpdate), so an import keeps what was
// saved there. A cell that does not read (an unknown level, a date that
// is not one) makes its row bad, reported with the first such cell. Two
// rows with one management number: the second is bad. The template's
// example row is skipped. Whether a row fits what is saved is for
// data.MergeImport to say.
func Parse(t *Table) (*Parsed, error) {
	m, err := MapHeader(t.Header)
	if err != nil {
		return nil, err
	}
	p := &Parsed{header: t.Header, mapping: m}
	seenMNo := map[string]int{}
	for i, cells := range t.Rows {
		line := i + 2 // the header is row 1
		if blank(cells) {
			continue
		}
		if IsTemplateExample(m, cells) {
			p.Example = append(p.Example, line)
			continue
		}
		r, err := parseRow(m, cells)
		if err == nil {
			if first, dup := seenMNo[r.Certificate.MNo]; dup {
				err = data.Invalid("mno", "err.sheet.mno_twice", "First", first)
			}
		}
		if err != nil {
			field := ""
			if e := data.AsError(err); e != nil {
				field = e.Field
			}
			p.Errors = append(p.Errors, RowError{Row: line, Column: p.Column(field), Field: field, Err: err})
			continue
		}
		seenMNo[r.Certificate.MNo] = line
		r.Line = line
		p.Rows = append(p.Rows, r)
	}
	return p, nil
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// said is what a cell says: nil for an empty cell.
func said(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func parseRow(m Mapping, cells []string) (data.ImportRow, error) {
	get := func(f string) string { return m.Cell(cells, f) }
	var r data.ImportRow
	if err := checkConverted(m, cells); err != nil { // converted.go
		return r, err
	}
	h := &r.Holder
	if h.IDNumber = data.NormalizeIDNumber(get("id_number")); h.IDNumber == "" {
		return r, data.Invalid("id_number", "err.required")
	}
	h.Name, h.Phone, h.Org, h.Region = said(get("name")), said(get("phone")), said(get("org")), said(get("region"))
	if s := get("id_type"); s != "" {
		typ, ok := data.ParseIDType(s)
		if !ok {
			return r, data.Invalid("id_type", "err.id_type.unknown", "Value", s)
		}
		h.IDType = &typ
	}
	if err := parseProfile(&r.Profile, get); err != nil {
		return r, err
	}
	c := &r.Certificate
	if c.MNo = data.NormalizeMNo(get("mno")); c.MNo == "" {
		return r, data.Invalid("mno", "err.required")
	}
	if s := get("level"); s != "" {
		lvl, ok := data.ParseLevel(s)
		if !ok {
			return r, data.Invalid("level", "err.level.unknown", "Value", s)
		}
		c.Level = &lvl
	}
	if s := get("exam_year"); s != "" {
		n, err := data.ParseExamYear(strings.TrimSuffix(s, ".0"))
		if err != nil {
			return r, err
		}
		c.ExamYear = &n
	}
	for _, d := range []struct {
		field string
		to    **data.Date
	}{{"passed_on", &c.PassedOn}, {"issued_on", &c.IssuedOn}} {
		if s := get(d.field); s != "" {
			day, err := cellDate(s)
			if err != nil {
				return r, data.Invalid(d.field, "err.date.format")
			}
			*d.to = &day
		}
	}
	c.Issuer = said(get("issuer"))
	if s := get("status"); s != "" {
		st, ok := data.ParseCertStatus(s)
		if !ok {
			return r, data.Invalid("status", "err.status.unknown", "Value", s)
		}
		c.Status = &st
	}
	return r, nil
}

// parseProfile reads the personal information's cells: words by their
// Chinese names or codes (男, 本科), the date of birth as a date cell.
func parseProfile(p *data.ProfileUpdate, get func(string) string) error {
	if s := get("sex"); s != "" {
		v, ok := data.ParseSex(s)
		if !ok {
			return data.Invalid("sex", "err.value.unknown", "Value", s, "Values", "男 (male), 女 (female)")
		}
		p.Sex = &v
	}
	if s := get("birth_date"); s != "" {
		d, err := cellDate(s)
		if err != nil {
			return data.Invalid("birth_date", "err.date.format")
		}
		p.BirthDate = &d
	}
	if s := get("education"); s != "" {
		v, ok := data.ParseEducation(s)
		if !ok {
			return data.Invalid("education", "err.value.unknown", "Value", s, "Values", "高中及以下, 大专, 本科, 硕士研究生, 博士研究生")
		}
		p.Education = &v
	}
	p.Ethnicity, p.Major = said(get("ethnicity")), said(get("major"))
	return nil
}

// cellDate reads a date as typed (2022-09-20, 2022/9/20) or as the serial
// number an .xlsx date cell holds.
func cellDate(s string) (data.Date, error) {
	if d, err := data.ParseDate(s); err == nil {
		return d, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f > 1 && f < 100000 {
		t, err := excelize.ExcelDateToTime(f, false)
		if err == nil {
			return data.NewDate(t.Year(), t.Month(), t.Day()), nil // the cell's own day: a spreadsheet has no zone
		}
	}
	return data.ParseDate(s)
}
