package data

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"
)

// Date is a calendar day with no time of day and no zone: the dates on a
// certificate are days, and a day must not shift when the machine's zone
// changes. The zero Date means "not set"; set tells it from a day that was
// given, so that a typed 0001-01-01 (the zero time.Time) is that day, to be
// refused by the field's range (DayRange), and never an empty date.
type Date struct {
	t   time.Time
	set bool
}

const dateLayout = "2006-01-02"

// NewDate makes the day y-m-d.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true}
}

// Beijing is the authority's clock (UTC+8, no daylight saving time).
// Decision (DOMAIN.md, the clock): every calendar day of the rules is a day
// in Beijing time, whatever the machine's zone, and times shown or printed
// are Beijing time and say so.
var Beijing = time.FixedZone("CST", 8*60*60)

// DateOf is the calendar day of the instant t in Beijing.
func DateOf(t time.Time) Date {
	t = t.In(Beijing)
	return NewDate(t.Year(), t.Month(), t.Day())
}

// Start is the instant the day d begins in Beijing (its midnight there).
func (d Date) Start() time.Time {
	return time.Date(d.t.Year(), d.t.Month(), d.t.Day(), 0, 0, 0, 0, Beijing)
}

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
			return Date{t2, true}, nil
		}
		return Date{}, fmt.Errorf("not a date: %q", s)
	}
	return Date{t, true}, nil
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
	return Date{t, true}, true
}

func (d Date) IsZero() bool       { return !d.set }
func (d Date) Time() time.Time    { return d.t }
func (d Date) Year() int          { return d.t.Year() }
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }
func (d Date) After(o Date) bool  { return d.t.After(o.t) }
func (d Date) Equal(o Date) bool  { return d.t.Equal(o.t) }
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n), d.set} }

// AddMonths counts n calendar months from d. Decision (DOMAIN.md, dates of
// registrations): where the target month has no such day, the result is
// that month's last day (2024-05-31 + 9 months = 2027-02-28, never March),
// as periods are counted in Chinese civil law (民法典 art. 202 practice).
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	months := int(d.t.Month()) - 1 + n
	y := d.t.Year() + months/12
	m := months % 12
	if m < 0 {
		m += 12
		y--
	}
	first := time.Date(y, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return NewDate(y, time.Month(m+1), min(d.t.Day(), last))
}

// AddYears counts n calendar years from d, as AddMonths(12n): 2024-02-29
// plus one year is 2025-02-28.
func (d Date) AddYears(n int) Date { return d.AddMonths(12 * n) }

// DaysUntil is the number of calendar days from d to o (negative when o is earlier).
// Counted on Unix days, not a time.Duration: a Duration spans 292 years
// and saturates beyond.
func (d Date) DaysUntil(o Date) int { return int((o.t.Unix() - d.t.Unix()) / 86400) }

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
	case time.Time: // a stored day has no zone: its calendar date as written
		*d = NewDate(x.Year(), x.Month(), x.Day())
		return nil
	}
	return fmt.Errorf("cannot scan %T into Date", v)
}

// TimeLayout is how a time is shown and typed: to the minute, in Beijing
// time. Whoever shows it says 北京时间 (FormatTime gives the digits only).
const TimeLayout = "2006-01-02 15:04"

// BeijingTimeZH says which clock a time is on, where a document prints it.
const BeijingTimeZH = "北京时间"

// FormatTime is t in Beijing time, to the minute ("" for the zero time).
func FormatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Beijing).Format(TimeLayout)
}

// ParseTime reads a time as people type it: RFC 3339 with its own offset,
// or "YYYY-MM-DD HH:MM[:SS]" or a day alone (its midnight), which are
// Beijing time whatever the machine's zone. The result is in Beijing.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(Beijing), nil
	}
	for _, layout := range []string{"2006-01-02 15:04:05", TimeLayout, "2006-01-02T15:04:05", "2006-01-02T15:04"} {
		if t, err := time.ParseInLocation(layout, dateSeparators.Replace(s), Beijing); err == nil {
			return t, nil
		}
	}
	d, err := ParseDate(s)
	if err != nil || d.Time().IsZero() { // "" or 0001-01-01: the zero time.Time, never a clock
		return time.Time{}, fmt.Errorf("not a time: %q", s)
	}
	return d.Start(), nil
}
