package data

import (
	"testing"
	"time"
)

func TestReminders(t *testing.T) {
	days, err := ParseReminderDays("30，7, 1")
	if err != nil || len(days) != 3 || days[0] != 1 || days[2] != 30 {
		t.Fatalf("days %v %v", days, err)
	}
	for _, bad := range []string{"", "soon", "-1", "400"} {
		if _, err := ParseReminderDays(bad); AsError(err) == nil {
			t.Errorf("ParseReminderDays(%q) accepted", bad)
		}
	}
	item := func(d int) Attention {
		return Attention{CertID: 1, Kind: AttPaper, Key: "att.paper_collect", DueOn: NewDate(2026, 12, 31), DaysLeft: d}
	}
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, Beijing)
	states := map[string]ReminderState{}
	if got := DueReminders([]Attention{item(40)}, days, states, now); len(got) != 0 {
		t.Errorf("40 days away is within no window: %v", got)
	}
	got := DueReminders([]Attention{item(30)}, days, states, now)
	if len(got) != 1 || got[0].Window != 30 || got[0].Announced() {
		t.Fatalf("30 days away: %+v", got)
	}
	// Shown in the window: still there, now announced; the same reminder
	// for the whole 30-day window, a new one at 7 days.
	k30 := got[0].Key
	states[k30] = ReminderState{ShownAt: now}
	if got := DueReminders([]Attention{item(20)}, days, states, now); len(got) != 1 || !got[0].Announced() || got[0].Key != k30 {
		t.Errorf("in the 30-day window after it was shown: %+v", got)
	}
	if got := DueReminders([]Attention{item(7)}, days, states, now); len(got) != 1 || got[0].Announced() || got[0].Window != 7 {
		t.Errorf("the 7-day window: %+v", got)
	}
	// A notification alone does not make it announced.
	k7 := ReminderKey(item(7), 7)
	states[k7] = ReminderState{NotifiedAt: now}
	if got := DueReminders([]Attention{item(7)}, days, states, now); len(got) != 1 || got[0].Announced() {
		t.Errorf("notified only: %+v", got)
	}
	// Snoozed: gone until the next day (Beijing), then back.
	until := SnoozeUntil(now)
	if !until.Equal(time.Date(2026, 11, 23, 0, 0, 0, 0, Beijing)) {
		t.Errorf("snooze until %v", until)
	}
	states[k7] = ReminderState{SnoozedUntil: until}
	if got := DueReminders([]Attention{item(7)}, days, states, now); len(got) != 0 {
		t.Errorf("snoozed: %+v", got)
	}
	if got := DueReminders([]Attention{item(6)}, days, states, until); len(got) != 1 {
		t.Errorf("after the snooze: %+v", got)
	}
	// Dismissed: gone for that window.
	states[k7] = ReminderState{DismissedAt: now}
	if got := DueReminders([]Attention{item(5)}, days, states, until); len(got) != 0 {
		t.Errorf("dismissed: %+v", got)
	}
	overdue := item(-2)
	overdue.Overdue = true
	if got := DueReminders([]Attention{overdue}, days, states, now); len(got) != 0 {
		t.Errorf("overdue items are the dashboard's, not a reminder: %v", got)
	}
	standing := Attention{CertID: 2, Kind: AttCertificate, Key: "att.cert_not_valid", DueOn: NewDate(2026, 11, 22)}
	if got := DueReminders([]Attention{standing}, days, states, now); len(got) != 0 {
		t.Errorf("a standing item (no deadline) is reminded of, every day: %v", got)
	}
	if keys := ReminderKeys([]Attention{item(40), item(30), item(3)}, days); len(keys) != 2 {
		t.Errorf("keys %v", keys)
	}
}
