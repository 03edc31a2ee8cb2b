package data

import (
	"testing"
	"time"
)

// Decision (DOMAIN.md, dates of registrations): periods are counted in
// calendar months and years; where the target month has no such day, the
// period ends on that month's last day.
func TestCalendarMonths(t *testing.T) {
	cases := []struct {
		name   string
		from   Date
		months int
		want   string
	}{
		{"a month from the 15th", NewDate(2024, 6, 15), 1, "2024-07-15"},
		{"a month from 31 January: February has no 31st", NewDate(2025, 1, 31), 1, "2025-02-28"},
		{"a month from 31 January of a leap year", NewDate(2024, 1, 31), 1, "2024-02-29"},
		{"33 months from 31 May 2024: 31 February 2027 does not exist", NewDate(2024, 5, 31), 33, "2027-02-28"},
		{"a year from 29 February 2024", NewDate(2024, 2, 29), 12, "2025-02-28"},
		{"four years from 29 February 2024: a leap day again", NewDate(2024, 2, 29), 48, "2028-02-29"},
		{"three months back from 31 May", NewDate(2027, 5, 31), -3, "2027-02-28"},
		{"back across a year", NewDate(2027, 1, 31), -2, "2026-11-30"},
		{"back twelve months exactly", NewDate(2027, 3, 1), -12, "2026-03-01"},
		{"no months", NewDate(2024, 2, 29), 0, "2024-02-29"},
	}
	for _, tc := range cases {
		if got := tc.from.AddMonths(tc.months).String(); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	if got := NewDate(2024, 2, 29).AddYears(3).String(); got != "2027-02-28" {
		t.Errorf("three years from a leap day: %s", got)
	}
}

// Decision (DOMAIN.md, the clock): every calendar day is a day in Beijing
// time (UTC+8), whatever the machine's zone.
func TestBeijingDay(t *testing.T) {
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	newYork, _ := time.LoadLocation("America/New_York")
	cases := []struct {
		name string
		at   time.Time
		want string
	}{
		{"15:59 UTC is 23:59 in Beijing: still the same day", utc("2026-11-30T15:59:59Z"), "2026-11-30"},
		{"16:00 UTC is midnight in Beijing: the next day", utc("2026-11-30T16:00:00Z"), "2026-12-01"},
		{"a New York evening is the next morning in Beijing", utc("2026-11-30T20:00:00Z").In(newYork), "2026-12-01"},
		{"the leap day begins in Beijing at 16:00 UTC the day before", utc("2028-02-28T16:00:00Z"), "2028-02-29"},
	}
	for _, tc := range cases {
		if got := DateOf(tc.at).String(); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	if got := NewDate(2026, 12, 1).Start().UTC().Format(time.RFC3339); got != "2026-11-30T16:00:00Z" {
		t.Errorf("a day begins at Beijing midnight: %s", got)
	}
}

func TestParseAndFormatTime(t *testing.T) {
	cases := []struct {
		in   string
		want string // RFC 3339 in UTC
	}{
		{"2026-12-02 09:30", "2026-12-02T01:30:00Z"},          // typed: Beijing time
		{"2026-12-02 09:30:15", "2026-12-02T01:30:15Z"},       // with seconds
		{"2026/12/02 09:30", "2026-12-02T01:30:00Z"},          // with slashes
		{"2026-12-02", "2026-12-01T16:00:00Z"},                // a day: its Beijing midnight
		{"2026-12-02T09:30:00Z", "2026-12-02T09:30:00Z"},      // RFC 3339 keeps its offset
		{"2026-12-02T09:30:00+08:00", "2026-12-02T01:30:00Z"}, // …whatever it is
	}
	for _, tc := range cases {
		got, err := ParseTime(tc.in)
		if err != nil || got.UTC().Format(time.RFC3339) != tc.want {
			t.Errorf("%q: %v %v, want %s", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "tomorrow", "2026-13-01 10:00", "2026-12-02 25:00"} {
		if _, err := ParseTime(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
	if got := FormatTime(time.Date(2026, 12, 1, 16, 5, 59, 0, time.UTC)); got != "2026-12-02 00:05" {
		t.Errorf("shown in Beijing time: %s", got)
	}
}

// Day counts stay exact beyond the 292 years a time.Duration spans (it
// saturated: 2029-05-08 seen from 9999-12-31 was "106751 days overdue").
func TestDaysUntilFarApart(t *testing.T) {
	cases := []struct {
		from, to Date
		want     int
	}{
		{NewDate(2026, 11, 22), NewDate(2026, 11, 23), 1},
		{NewDate(2026, 11, 22), NewDate(2026, 11, 21), -1},
		{NewDate(1900, 1, 1), NewDate(2199, 12, 31), 109572},
		{NewDate(2199, 12, 31), NewDate(1900, 1, 1), -109572},
		{NewDate(9999, 12, 31), NewDate(2029, 5, 8), -2911219},
	}
	for _, c := range cases {
		if got := c.from.DaysUntil(c.to); got != c.want {
			t.Errorf("%s to %s: %d days, want %d", c.from, c.to, got, c.want)
		}
	}
}
