package data

import (
	"testing"
)

// dateFields sets one date field of a valid record and validates it as a
// save does.
func dateFields(today Date) map[string]func(d Date) error {
	return map[string]func(Date) error{
		"passed_on": func(d Date) error {
			c := Certificate{HolderID: 1, Level: LevelAssistant, MNo: "2008S0001", ExamYear: 2008, PassedOn: d, IssuedOn: today, Status: StatusValid}
			return c.Validate(today)
		},
		"issued_on": func(d Date) error {
			c := Certificate{HolderID: 1, Level: LevelAssistant, MNo: "2008S0001", ExamYear: 2008, PassedOn: EarliestDay, IssuedOn: d, Status: StatusValid}
			return c.Validate(today)
		},
		"date": func(d Date) error {
			r := CERecord{HolderID: 1, Kind: CEOnline, Title: "伦理", Date: d, Hours: WholeHours(3)}
			return r.Validate(today)
		},
		"applied_on": func(d Date) error {
			r := Registration{CertID: 1, Kind: RegFirst, Status: RegPending, AppliedOn: d}
			return r.Validate(today)
		},
		"valid_from": func(d Date) error {
			r := Registration{CertID: 1, Kind: RegFirst, Status: RegIssued, AppliedOn: EarliestDay, ValidFrom: d}
			return r.Validate(today)
		},
		"window_start": func(d Date) error {
			p := Paper{CertID: 1, Method: PaperOnsite, Status: PaperNotCollected, WindowStart: d}
			return p.Validate(today)
		},
		"window_end": func(d Date) error {
			p := Paper{CertID: 1, Method: PaperOnsite, Status: PaperNotCollected, WindowEnd: d}
			return p.Validate(today)
		},
		"sent_on": func(d Date) error {
			p := Paper{CertID: 1, Method: PaperMail, Status: PaperApplied, SentOn: d}
			return p.Validate(today)
		},
		"collected_on": func(d Date) error {
			p := Paper{CertID: 1, Method: PaperOnsite, Status: PaperCollected, CollectedOn: d}
			return p.Validate(today)
		},
	}
}

// Found by the fault campaign (#14): a CE record dated 1800 and a
// registration valid from 9999 were saved, and 0001-01-01 cleared a date.
// Each date field takes the first and last day of its range and refuses
// the day before and after, saying the range.
func TestDateFieldsRefuseImplausibleDays(t *testing.T) {
	today := NewDate(2026, 11, 22)
	zero, err := ParseDate("0001-01-01")
	if err != nil {
		t.Fatal(err)
	}
	for field, save := range dateFields(today) {
		first, last := DayRange(field, today)
		if !first.Equal(NewDate(2008, 1, 1)) {
			t.Errorf("%s: first day %s", field, first)
		}
		wantLast := today
		if field == "valid_from" || field == "window_start" || field == "window_end" {
			wantLast = NewDate(2027, 11, 22)
		}
		if !last.Equal(wantLast) {
			t.Errorf("%s: last day %s, want %s", field, last, wantLast)
		}
		for _, d := range []Date{first, last} {
			if err := save(d); err != nil {
				t.Errorf("%s = %s refused: %v", field, d, err)
			}
		}
		for _, d := range []Date{first.AddDays(-1), last.AddDays(1), zero, NewDate(1800, 1, 1), NewDate(9999, 12, 31)} {
			e := AsError(save(d))
			key := "err.date.range"
			if d.After(last) && last.Equal(today) {
				key = "err.date.after_today"
			}
			if e == nil || e.Field != field || e.Key != key || e.Args["Min"] != first.String() || e.Args["Max"] != last.String() {
				t.Errorf("%s = %s: %v, want %s %s…%s", field, d, e, key, first, last)
			}
		}
	}
}

// 0001-01-01 is the zero time.Time, which Date took for "not set": typed,
// it is a day (to be refused by its range), and only "" is no date.
func TestTypedYearOneIsADay(t *testing.T) {
	d, err := ParseDate("0001-01-01")
	if err != nil || d.IsZero() || d.String() != "0001-01-01" {
		t.Fatalf("ParseDate(0001-01-01) = %q, zero %v, %v", d, d.IsZero(), err)
	}
	if v, _ := d.Value(); v != "0001-01-01" {
		t.Errorf("stored as %v", v)
	}
	if _, err := ParseTime("0001-01-01"); err == nil {
		t.Error("0001-01-01 read as a time (the clock, --now): it is the zero time")
	}
	if e, _ := ParseDate(""); !e.IsZero() {
		t.Error("an empty date is set")
	}
	if (Date{}).AddDays(3).IsZero() == false || (Date{}).AddMonths(3).IsZero() == false {
		t.Error("no date plus days became a date")
	}
}
