package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
)

// What happened to each reminder is kept in the database: reopened (or
// opened on another computer), it is the same; a mark already made keeps
// its time; a key that is no reminder's is refused.
func TestReminderStates(t *testing.T) {
	path := newTarget(t)
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, data.Beijing)
	db, err := openTarget(t, path, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	a, b := "paper/1/att.paper_collect/2026-12-31@30", "reg/2/att.reg_open.first/2027-01-20@7"
	if st, err := db.ReminderStates(ctx, []string{a, b}); err != nil || len(st) != 0 {
		t.Fatalf("none yet: %+v %v", st, err)
	}
	if err := db.MarkRemindersNotified(ctx, []string{a, b}); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkRemindersShown(ctx, []string{a}); err != nil {
		t.Fatal(err)
	}
	first := now
	now = now.Add(time.Hour)
	if err := db.MarkRemindersShown(ctx, []string{a}); err != nil {
		t.Fatal(err)
	}
	until := data.SnoozeUntil(now)
	if err := db.SnoozeReminder(ctx, b, until); err != nil {
		t.Fatal(err)
	}
	if err := db.DismissReminder(ctx, "not a key"); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("a key that is none: %v", err)
	}
	db.Close()

	db, err = openTarget(t, path, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.ReminderStates(ctx, []string{a, b, "x@1"})
	if err != nil {
		t.Fatal(err)
	}
	if !st[a].ShownAt.Equal(first) || st[a].NotifiedAt.IsZero() || !st[a].DismissedAt.IsZero() {
		t.Errorf("a: %+v", st[a])
	}
	if !st[b].ShownAt.IsZero() || st[b].NotifiedAt.IsZero() || !st[b].SnoozedUntil.Equal(until) {
		t.Errorf("b (notified, never shown, snoozed): %+v", st[b])
	}
	if _, ok := st["x@1"]; ok || len(st) != 2 {
		t.Errorf("states %+v", st)
	}
	if err := db.DismissReminder(ctx, a); err != nil {
		t.Fatal(err)
	}
	if st, _ := db.ReminderStates(ctx, []string{a}); st[a].DismissedAt.IsZero() {
		t.Errorf("not dismissed: %+v", st[a])
	}
}

// BenchmarkReminderStates: what the window reads at every dashboard
// computation for an agency with 5,000 reminders due, half of them seen.
func BenchmarkReminderStates(b *testing.B) {
	db, err := Open(filepath.Join(b.TempDir(), "r.db"), time.Now)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	keys := make([]string, 5000)
	for i := range keys {
		keys[i] = fmt.Sprintf("paper/%d/att.paper_collect/2026-12-31@30", i+1)
	}
	if err := db.MarkRemindersShown(ctx, keys[:2500]); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if st, err := db.ReminderStates(ctx, keys); err != nil || len(st) != 2500 {
			b.Fatal(len(st), err)
		}
	}
}
