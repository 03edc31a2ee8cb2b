package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
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

// ReminderState is what happened to one reminder, kept in the database
// (not in a preferences file: a database moved to another computer, or
// opened by another user, keeps it). A zero time is "not yet".
type ReminderState struct {
	Key string
	// ShownAt: the reminder was on screen in the window's reminder centre.
	// Only this counts as told: a desktop notification cannot be confirmed
	// (blocked by security suites on Windows, no D-Bus on Linux), so
	// NotifiedAt only keeps one from being sent again.
	ShownAt      time.Time
	NotifiedAt   time.Time
	DismissedAt  time.Time // the person said they know: not shown again
	SnoozedUntil time.Time // hidden until then
}

// Reminder is an item that has come within one of the reminder windows.
type Reminder struct {
	Key    string // one per item and window: see ReminderKey
	Item   Attention
	Window int // the window's days (30, 7, 1 by default)
	State  ReminderState
}

// Announced says whether the reminder was shown in the window already.
func (r Reminder) Announced() bool { return !r.State.ShownAt.IsZero() }

// ReminderKey names the reminder of an item within a window: the same item
// is reminded of once per window, and again when its due day moves.
func ReminderKey(it Attention, window int) string {
	return fmt.Sprintf("%s/%d/%s/%s@%d", it.Kind, it.CertID, it.Key, it.DueOn, window)
}

// reminderWindow is the window an item d days away falls in: the smallest
// of at least d days. Overdue items are the dashboard's, not reminders, and
// so are standing ones (a certificate not valid): they have no deadline,
// and being "due today" every day they would be reminded of every day.
func reminderWindow(it Attention, days []int) (int, bool) {
	if it.Overdue || it.DaysLeft < 0 || it.Standing() {
		return 0, false
	}
	i, _ := slices.BinarySearch(days, it.DaysLeft)
	if i == len(days) {
		return 0, false // not within any window yet
	}
	return days[i], true
}

// ReminderKeys are the keys of the reminders the items make (to load
// their states).
func ReminderKeys(items []Attention, days []int) []string {
	var keys []string
	for _, it := range items {
		if w, ok := reminderWindow(it, days); ok {
			keys = append(keys, ReminderKey(it, w))
		}
	}
	return keys
}

// DueReminders are the reminders to show at now: the items within a
// window (days sorted, as ParseReminderDays gives them), less those
// dismissed and those snoozed past now, with what happened to each so far.
func DueReminders(items []Attention, days []int, states map[string]ReminderState, now time.Time) []Reminder {
	var out []Reminder
	for _, it := range items {
		w, ok := reminderWindow(it, days)
		if !ok {
			continue
		}
		key := ReminderKey(it, w)
		st := states[key]
		st.Key = key
		if !st.DismissedAt.IsZero() || now.Before(st.SnoozedUntil) {
			continue
		}
		out = append(out, Reminder{Key: key, Item: it, Window: w, State: st})
	}
	return out
}

// SnoozeUntil is when a reminder snoozed at now comes back: the start of
// the next day (Beijing time, as every day here).
func SnoozeUntil(now time.Time) time.Time {
	b := now.In(Beijing)
	return time.Date(b.Year(), b.Month(), b.Day()+1, 0, 0, 0, 0, Beijing)
}
