package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/screens/i18n"
)

func TestRemindersOncePerWindow(t *testing.T) {
	f := newFixture(t, i18n.English)
	c := f.certOf(f.addHolder("张伟", validID), data.NewDate(2026, 1, 20))
	if err := f.db.SetPaper(context.Background(), &data.Paper{CertID: c.ID, Method: data.PaperOnsite, WindowEnd: data.NewDate(2026, 11, 29)}); err != nil {
		t.Fatal(err)
	}
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	want := &fyne.Notification{Title: "SWCert: 1 deadline(s) coming",
		Content: "张伟：collect the paper certificate by 2026-11-29: never reissued（in 7 days）"}
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
