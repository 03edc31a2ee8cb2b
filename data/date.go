package data

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"
)

// Date is a calendar day with no time of day and no zone: the dates on a
// certificate are days, and a day must not shift when the machine's zone
// changes. The zero Date means "not set".
type Date struct{ t time.Time }

const dateLayout = "2006-01-02"

// NewDate makes the day y-m-d.
func NewDate(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// DateOf is the calendar day of t in t's own location.
func DateOf(t time.Time) Date { return NewDate(t.Year(), t.Month(), t.Day()) }

// ParseDate reads YYYY-MM-DD (also YYYY/MM/DD and YYYY.MM.DD, as people type
// them). An empty string is the zero Date.
func ParseDate(s string) (Date, error) {
	if d, ok := parseStored(s); ok {
		return d, nil
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	s = dateSeparators.Replace(s)
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		// Accept single-digit months and days: 2021-1-5.
		if t2, err2 := time.Parse("2006-1-2", s); err2 == nil {
			return Date{t2}, nil
		}
		return Date{}, fmt.Errorf("not a date: %q", s)
	}
	return Date{t}, nil
}

// ValidateDay checks the day of something that happened: there when
// required, and not after today.
func ValidateDay(field string, d Date, required bool, today Date) error {
	if d.IsZero() {
		if required {
			return Invalid(field, "err.required")
		}
		return nil
	}
	if !today.IsZero() && d.After(today) {
		return Invalid(field, "err.date.future")
	}
	return nil
}

var dateSeparators = strings.NewReplacer("/", "-", ".", "-")

// parseStored reads the stored form YYYY-MM-DD without time.Parse: the
// dashboard reads hundreds of thousands of them.
func parseStored(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	n := func(from, to int) int {
		v := 0
		for i := from; i < to; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, m, d := n(0, 4), n(5, 7), n(8, 10)
	if y < 1 || m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 2021-02-30 rolled over: not a date
		return Date{}, false
	}
	return Date{t}, true
}

func (d Date) IsZero() bool         { return d.t.IsZero() }
func (d Date) Time() time.Time      { return d.t }
func (d Date) Year() int            { return d.t.Year() }
func (d Date) Before(o Date) bool   { return d.t.Before(o.t) }
func (d Date) After(o Date) bool    { return d.t.After(o.t) }
func (d Date) Equal(o Date) bool    { return d.t.Equal(o.t) }
func (d Date) AddDays(n int) Date   { return Date{d.t.AddDate(0, 0, n)} }
func (d Date) AddYears(n int) Date  { return Date{d.t.AddDate(n, 0, 0)} }
func (d Date) AddMonths(n int) Date { return Date{d.t.AddDate(0, n, 0)} }

// DaysUntil is the number of calendar days from d to o (negative when o is earlier).
func (d Date) DaysUntil(o Date) int { return int(o.t.Sub(d.t).Hours() / 24) }

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(dateLayout)
}

func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

func (d *Date) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Value stores a Date as TEXT YYYY-MM-DD (NULL when zero), so that SQL
// comparisons and ORDER BY work on the text.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

func (d *Date) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		p, err := ParseDate(x)
		*d = p
		return err
	case []byte:
		p, err := ParseDate(string(x))
		*d = p
		return err
	case time.Time:
		*d = DateOf(x)
		return nil
	}
	return fmt.Errorf("cannot scan %T into Date", v)
}
