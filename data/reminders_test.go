package data

import "testing"

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
	sent := map[string]bool{}
	got, keys := Reminders([]Attention{item(40)}, days, sent)
	if len(got) != 0 {
		t.Errorf("40 days away is within no window: %v", got)
	}
	got, keys = Reminders([]Attention{item(30)}, days, sent)
	if len(got) != 1 {
		t.Fatalf("30 days away: %v", got)
	}
	for _, k := range keys {
		sent[k] = true
	}
	if got, _ := Reminders([]Attention{item(20)}, days, sent); len(got) != 0 {
		t.Errorf("reminded twice in the 30-day window: %v", got)
	}
	if got, _ := Reminders([]Attention{item(7)}, days, sent); len(got) != 1 {
		t.Errorf("the 7-day window: %v", got)
	}
	overdue := item(-2)
	overdue.Overdue = true
	if got, _ := Reminders([]Attention{overdue}, days, sent); len(got) != 0 {
		t.Errorf("overdue items are the dashboard's, not a reminder: %v", got)
	}
}
