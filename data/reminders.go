package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// DefaultReminderDays: a reminder 30, 7 and 1 day before a deadline.
var DefaultReminderDays = []int{30, 7, 1}

// ParseReminderDays reads "30,7,1" (any order, any separators people type).
func ParseReminderDays(s string) ([]int, error) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' || r == '、' || r == ';' })
	var days []int
	for _, x := range f {
		n, err := strconv.Atoi(x)
		if err != nil || n < 0 || n > 365 {
			return nil, Invalid("remind_days", "err.remind.days")
		}
		if !slices.Contains(days, n) {
			days = append(days, n)
		}
	}
	if len(days) == 0 {
		return nil, Invalid("remind_days", "err.remind.days")
	}
	slices.Sort(days)
	return days, nil
}

// Reminders picks the items that have newly come within one of the
// reminder windows: an item d days away falls in the smallest window of at
// least d days, and is reminded of once per window (sent holds the keys of
// reminders already sent). It returns them with the keys to add to sent.
func Reminders(items []Attention, days []int, sent map[string]bool) ([]Attention, []string) {
	var out []Attention
	var keys []string
	for _, it := range items {
		if it.Overdue || it.DaysLeft < 0 {
			continue
		}
		i, _ := slices.BinarySearch(days, it.DaysLeft)
		if i == len(days) {
			continue // not within any window yet
		}
		key := fmt.Sprintf("%s/%d/%s/%s@%d", it.Kind, it.CertID, it.Key, it.DueOn, days[i])
		if !sent[key] {
			out = append(out, it)
			keys = append(keys, key)
		}
	}
	return out, keys
}
