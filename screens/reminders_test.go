package screens

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

func TestRemindersOncePerWindow(t *testing.T) {
	f := newFixture(t, i18n.English)
	c := f.certOf(f.addHolder("张伟", validID), data.NewDate(2026, 1, 20))
	if err := f.db.SetPaper(context.Background(), &data.Paper{CertID: c.ID, Method: data.PaperOnsite, WindowEnd: data.NewDate(2026, 11, 29)}); err != nil {
		t.Fatal(err)
	}
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	want := &fyne.Notification{Title: "SWCert: 1 deadline coming",
		Content: "张伟: collect the paper certificate by 2026-11-29: never reissued (in 7 days)"}
	test.AssertNotificationSent(t, want, func() { m.Install() })
	// The next computation the same day: nothing new to say.
	test.AssertNotificationSent(t, nil, func() { m.Dashboard.Refresh() })

	// Settings: bad days are refused with a message, good ones saved.
	s := m.NewSettings()
	typeInto(s.Remind.entry, "soon")
	if !strings.Contains(s.Remind.Message(), "0 to 365") {
		t.Errorf("message %q", s.Remind.Message())
	}
	typeInto(s.Remind.entry, "14,3")
	if got := f.app.Preferences().String(PrefRemindDays); got != "14, 3" {
		t.Errorf("saved %q", got)
	}
}

// paperDue makes a holder whose paper certificate must be collected within
// 7 days of the tests' clock.
func (f *fixture) paperDue() *data.Certificate {
	f.t.Helper()
	c := f.certOf(f.addHolder("张伟", validID), data.NewDate(2026, 1, 20))
	if err := f.db.SetPaper(context.Background(), &data.Paper{CertID: c.ID, Method: data.PaperOnsite, WindowEnd: data.NewDate(2026, 11, 29)}); err != nil {
		f.t.Fatal(err)
	}
	return c
}

func (f *fixture) reminderState() data.ReminderState {
	f.t.Helper()
	key := "paper/1/att.paper_collect/2026-11-29@7"
	st, err := f.db.ReminderStates(context.Background(), []string{key})
	if err != nil {
		f.t.Fatal(err)
	}
	return st[key]
}

// The reminder centre lists what is due; a reminder counts as told once it
// was on screen there, never because a notification was attempted (one
// that cannot show, blocked or without D-Bus, is no reminder).
func TestReminderCentreCountsWhatWasShown(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.paperDue()
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Tabs.SelectIndex(1) // another tab: the centre is not on screen
	test.AssertNotificationSent(t, &fyne.Notification{Title: "SWCert: 1 deadline coming",
		Content: "张伟: collect the paper certificate by 2026-11-29: never reissued (in 7 days)"}, func() { m.Install() })
	days, _ := data.ParseReminderDays("30,7,1")
	m.Reminders.load(days, nil) // read again with another tab in front
	if st := f.reminderState(); st.NotifiedAt.IsZero() || !st.ShownAt.IsZero() {
		t.Fatalf("notified only, never on screen, yet: %+v", st)
	}
	if len(m.Reminders.Due()) != 1 || m.Reminders.Due()[0].Announced() {
		t.Fatalf("due %+v", m.Reminders.Due())
	}
	// The dashboard shown: the centre lists it, and now it was shown.
	m.Tabs.SelectIndex(0)
	m.Reminders.Seen()
	if st := f.reminderState(); !st.ShownAt.Equal(testNow) {
		t.Fatalf("shown in the centre but not recorded: %+v", st)
	}
	if text := collectText(m.Reminders.Content()); !strings.Contains(text, "张伟: collect the paper certificate") || !strings.Contains(text, "1 deadline within a reminder window, 1 new") {
		t.Errorf("the centre says:\n%s", text)
	}
}

// What happened to a reminder is the database's: another preferences file
// (another user, another computer) opening the same database is not told
// again, and sees it as announced.
func TestReminderStateIsTheDatabases(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.paperDue()
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	other := test.NewTempApp(t) // fresh preferences, the same database
	m2 := NewMain(other, f.win, f.svc, "test", "en-US")
	test.AssertNotificationSent(t, nil, func() { m2.Install() })
	if d := m2.Reminders.Due(); len(d) != 1 || !d[0].Announced() {
		t.Errorf("due on the other computer: %+v", d)
	}
}

// Dismissed, a reminder is gone for good; snoozed, it is back the next day.
func TestReminderDismissAndSnooze(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	f.paperDue()
	m := NewMain(f.app, f.win, f.svc, "test", "zh-CN")
	m.Install()
	test.Tap(findButton(m.Reminders.Content(), "明天再提醒"))
	if len(m.Reminders.Due()) != 0 || m.Reminders.Content().Visible() {
		t.Fatalf("snoozed but still listed: %+v", m.Reminders.Due())
	}
	m.Dashboard.Refresh()
	if len(m.Reminders.Due()) != 0 {
		t.Fatalf("snoozed, back the same day")
	}
	f.now = f.now.Add(24 * time.Hour)
	m.Dashboard.Refresh()
	if len(m.Reminders.Due()) != 1 {
		t.Fatalf("not back the next day")
	}
	test.Tap(findButton(m.Reminders.Content(), "知道了"))
	m.Dashboard.Refresh()
	if len(m.Reminders.Due()) != 0 || f.reminderState().DismissedAt.IsZero() {
		t.Errorf("dismissed, still due: %+v", m.Reminders.Due())
	}
}

// Above the dashboard the centre lists three; the others count as shown
// only once its list of all of them was opened.
func TestReminderCentreAll(t *testing.T) {
	f := newFixture(t, i18n.English)
	for i := 0; i < 5; i++ {
		first17 := "110105" + data.NewDate(1980, 1, 1).AddDays(i).Time().Format("20060102") + "123"
		h := f.addHolder("持证人"+string(rune('甲'+i)), first17+string(data.IDCheckChar(first17)))
		c := &data.Certificate{HolderID: h.ID, Level: data.LevelSocialWorker, MNo: "2025S11000" + string(rune('1'+i)), ExamYear: 2025,
			PassedOn: data.NewDate(2026, 1, 20), IssuedOn: data.NewDate(2026, 3, 21), Issuer: data.DefaultIssuer}
		if err := f.db.CreateCertificate(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		if err := f.db.SetPaper(context.Background(), &data.Paper{CertID: c.ID, Method: data.PaperOnsite, WindowEnd: data.NewDate(2026, 11, 25+i)}); err != nil {
			t.Fatal(err)
		}
	}
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	shown := func() int {
		n := 0
		for _, r := range m.Reminders.Due() {
			if r.Announced() {
				n++
			}
		}
		return n
	}
	if len(m.Reminders.Due()) != 5 || shown() != 3 {
		t.Fatalf("due %d, shown %d", len(m.Reminders.Due()), shown())
	}
	test.Tap(findButton(m.Reminders.Content(), "All 5 reminders…"))
	if shown() != 5 {
		t.Errorf("after the list of all: shown %d", shown())
	}
	m.Dashboard.Refresh() // as the database has it
	if shown() != 5 {
		t.Errorf("read again: shown %d", shown())
	}
}
