package data

import "time"

// The plausible days of each date field, in one place. A date outside them
// is a slip (a year typed 1800 or 9999, a 0001-01-01 left by another
// program) and is refused with the range; nothing is silently cleared.
//
//   - Nothing in these records happened before the first national exam
//     (FirstExamYear, 2008): not a pass, an issue, a CE record (it counts
//     toward a registration period, and every period starts after a pass),
//     a registration or a paper certificate.
//   - What happened (passed, issued, a CE record's day, applied, sent,
//     collected) is not after today.
//   - What is announced or begins later, a paper collection window and the
//     day a registration holds from, is at most a year ahead: a
//     re-registration is applied for at most 3 months before the previous
//     one expires and holds from the day after, and a locality announces
//     its window 2–3 months after results are released.

// EarliestDay is the first day of the year of the first national exam.
var EarliestDay = NewDate(FirstExamYear, time.January, 1)

// AheadYears is how far ahead an announced or future day may be.
const AheadYears = 1

// aheadFields are the date fields whose day may lie ahead of today: what
// is announced or begins later.
var aheadFields = map[string]bool{"valid_from": true, "window_start": true, "window_end": true}

// DayRange is the first and last day the date field may hold, today.
func DayRange(field string, today Date) (first, last Date) {
	if aheadFields[field] {
		return EarliestDay, today.AddYears(AheadYears)
	}
	return EarliestDay, today
}

// ValidateDay checks a date field: there when required, and inside its
// DayRange; the refusal says the range. (A zero today bounds only the
// first day: a rule checked without a clock.)
func ValidateDay(field string, d Date, required bool, today Date) error {
	if d.IsZero() {
		if required {
			return Invalid(field, "err.required")
		}
		return nil
	}
	first, last := DayRange(field, today)
	if !today.IsZero() && d.After(last) && last.Equal(today) {
		return Invalid(field, "err.date.after_today", "Min", first.String(), "Max", last.String())
	}
	if d.Before(first) || !today.IsZero() && d.After(last) {
		return Invalid(field, "err.date.range", "Min", first.String(), "Max", last.String())
	}
	return nil
}
