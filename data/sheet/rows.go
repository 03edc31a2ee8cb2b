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

// Parse turns the rows into holders and certificates, checking each with
// the rules of data/ against today; a row with any problem is left out
// and reported (the first problem of the row). Two rows with one
// management number: the second is refused.
func Parse(t *Table, today data.Date) ([]data.ImportRow, []RowError, error) {
	m, err := MapHeader(t.Header)
	if err != nil {
		return nil, nil, err
	}
	column := func(field string) string {
		if i, ok := m[field]; ok && i < len(t.Header) {
			return t.Header[i]
		}
		return field
	}
	var rows []data.ImportRow
	var errs []RowError
	seenMNo := map[string]int{}
	for i, cells := range t.Rows {
		line := i + 2 // the header is row 1
		if blank(cells) {
			continue
		}
		r, err := parseRow(m, cells, today)
		if err == nil {
			if first, dup := seenMNo[r.Certificate.MNo]; dup {
				err = data.Invalid("mno", "err.sheet.mno_twice", "Row", first)
			}
		}
		if err != nil {
			field := ""
			if e := data.AsError(err); e != nil {
				field = e.Field
			}
			errs = append(errs, RowError{Row: line, Column: column(field), Field: field, Err: err})
			continue
		}
		seenMNo[r.Certificate.MNo] = line
		r.Line = line
		rows = append(rows, r)
	}
	return rows, errs, nil
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func parseRow(m Mapping, cells []string, today data.Date) (data.ImportRow, error) {
	get := func(f string) string { return m.Cell(cells, f) }
	h := data.Holder{Name: get("name"), IDNumber: get("id_number"), Phone: get("phone"), Org: get("org"), Region: get("region")}
	if t := get("id_type"); t != "" {
		typ, ok := data.ParseIDType(t)
		if !ok {
			return data.ImportRow{}, data.Invalid("id_type", "err.id_type.unknown", "Value", t)
		}
		h.IDType = typ
	} else {
		h.IDType = data.GuessIDType(h.IDNumber)
	}
	h.Normalize()
	if err := h.Validate(today); err != nil {
		return data.ImportRow{}, err
	}
	c := data.Certificate{HolderID: 1, MNo: get("mno"), Issuer: get("issuer")}
	lvl, ok := data.ParseLevel(get("level"))
	if !ok {
		return data.ImportRow{}, data.Invalid("level", "err.level.unknown", "Value", get("level"))
	}
	c.Level = lvl
	if y := get("exam_year"); y != "" {
		n, err := data.ParseExamYear(strings.TrimSuffix(y, ".0"))
		if err != nil {
			return data.ImportRow{}, err
		}
		c.ExamYear = n
	}
	var err error
	if c.PassedOn, err = cellDate(get("passed_on")); err != nil {
		return data.ImportRow{}, data.Invalid("passed_on", "err.date.format")
	}
	if c.IssuedOn, err = cellDate(get("issued_on")); err != nil {
		return data.ImportRow{}, data.Invalid("issued_on", "err.date.format")
	}
	if c.ExamYear == 0 && !c.PassedOn.IsZero() {
		c.ExamYear = c.PassedOn.Year() // Decision: a sheet without an exam year takes the year it was passed
	}
	if s := get("status"); s != "" {
		st, ok := data.ParseCertStatus(s)
		if !ok {
			return data.ImportRow{}, data.Invalid("status", "err.status.unknown", "Value", s)
		}
		c.Status = st
	}
	if c.Issuer == "" {
		c.Issuer = data.DefaultIssuer
	}
	c.Normalize()
	if err := c.Validate(today); err != nil {
		return data.ImportRow{}, err
	}
	c.HolderID = 0
	return data.ImportRow{Holder: h, Certificate: c}, nil
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
			return data.DateOf(t), nil
		}
	}
	return data.ParseDate(s)
}
