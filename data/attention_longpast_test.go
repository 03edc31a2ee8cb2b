package data

import "testing"

// An item lapsed more than a year ago is told by its date, not counted in
// days: the boundary is LongPastDays behind today.
func TestAttentionLongPast(t *testing.T) {
	today := NewDate(2026, 11, 22)
	for _, c := range []struct {
		name string
		due  Date
		kind AttentionKind
		want bool
	}{
		{"due today", today, AttRegistration, false},
		{"lapsed yesterday", NewDate(2026, 11, 21), AttRegistration, false},
		{"lapsed exactly a year (365 days) ago", today.AddDays(-LongPastDays), AttRegistration, false},
		{"lapsed 366 days ago", today.AddDays(-LongPastDays - 1), AttRegistration, true},
		{"lapsed 11 years ago", NewDate(2015, 4, 18), AttPaper, true},
		{"due next year", NewDate(2027, 12, 1), AttRegistration, false},
		{"certificate not valid (standing, dated today)", today, AttCertificate, false},
	} {
		it := Attention{Kind: c.kind, DueOn: c.due, DaysLeft: today.DaysUntil(c.due), Overdue: c.due.Before(today)}
		if got := it.LongPast(); got != c.want {
			t.Errorf("%s: LongPast = %v, want %v", c.name, got, c.want)
		}
	}
}
