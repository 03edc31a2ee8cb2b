package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
)

// File → Open shared database…: the person types the server, database,
// login and password as the IT person gave them; the window is asked to
// connect to the URL they make (the password beside it, never in it, and
// never kept), and remembers the URL for the next start. A refusal is
// said in the dialog and remembers nothing.
func TestOpenASharedDatabaseFromTheMenu(t *testing.T) {
	f := newFixture(t, "en")
	var gotURL, gotPassword string
	refuse := true
	used := false
	f.svc.OpenShared = func(url string, password []byte) (Opened, error) {
		gotURL, gotPassword = url, string(password)
		if refuse {
			return Opened{}, data.Invalid("db", "err.server.login")
		}
		return Opened{Use: func() { used = true }, Drop: func() { t.Error("dropped") }}, nil
	}
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	if menuItem(t, m, "Open shared database…").Action == nil {
		t.Fatal("the menu item does nothing")
	}
	l := m.ShowOpenShared()
	dlg := f.win.Canvas().Overlays().Top()
	typeInto(l.Host, "db.agency.cn")
	typeInto(l.Login, "wang_fang")
	typeInto(l.Password, "秘密 pw")
	test.Tap(l.Connect)
	if gotURL != "postgres://wang_fang@db.agency.cn/swcert?connect_timeout=10&sslmode=verify-full" || gotPassword != "秘密 pw" {
		t.Fatalf("connected to %q with %q", gotURL, gotPassword)
	}
	if !strings.Contains(l.Msg.Text, "refused the login") || f.app.Preferences().String(PrefSharedDB) != "" || l.Password.Text != "" {
		t.Errorf("after a refused login: %q, remembered %q, password left %q", l.Msg.Text, f.app.Preferences().String(PrefSharedDB), l.Password.Text)
	}
	refuse = false
	typeInto(l.Password, "秘密 pw")
	test.Tap(l.Connect)
	if got := f.app.Preferences().String(PrefSharedDB); got != gotURL || strings.Contains(got, "秘密") {
		t.Errorf("remembered %q", got)
	}
	if f.win.Canvas().Overlays().Top() == dlg || !used {
		t.Errorf("after connecting: the dialog still open %v, the window switched %v", f.win.Canvas().Overlays().Top() == dlg, used)
	}
	// Opened again, the form is filled with what was used, but the password.
	l2 := NewSharedLogin(f.app.Preferences().String(PrefSharedDB), nil, nil)
	if l2.Host.Text != "db.agency.cn" || l2.Login.Text != "wang_fang" || l2.Database.Text != "swcert" || l2.Password.Text != "" {
		t.Errorf("the form again: %q %q %q", l2.Host.Text, l2.Login.Text, l2.Database.Text)
	}
}

// A server slow to answer (up to connect_timeout, 10 s) leaves the window
// live: the form says it is connecting and takes no second try meanwhile;
// the person may cancel, and what then opens is closed unused, not
// switched to behind their back.
func TestConnectingToASlowServerKeepsTheWindowLive(t *testing.T) {
	f := newFixture(t, "en")
	var work, done func()
	tries := 0
	var used, dropped bool
	l := NewSharedLogin("", func(url string, password []byte) (Opened, error) {
		tries++
		return Opened{Use: func() { used = true }, Drop: func() { dropped = true }}, nil
	}, func(w, d func()) { work, done = w, d })
	f.win.SetContent(l.Content(nil))
	typeInto(l.Host, "db.agency.cn")
	typeInto(l.Login, "wang_fang")
	typeInto(l.Password, "pw")
	test.Tap(l.Connect)
	if work == nil || tries != 0 {
		t.Fatal("the connection was tried on the UI goroutine")
	}
	if !l.Connect.Disabled() || l.Msg.Text != "Connecting to db.agency.cn…" || l.Password.Text != "" {
		t.Errorf("while connecting: button disabled %v, %q, password left %q", l.Connect.Disabled(), l.Msg.Text, l.Password.Text)
	}
	l.onConnect() // Enter in the password box meanwhile
	work()
	if tries != 1 {
		t.Errorf("%d tries while one was on its way", tries)
	}
	l.Cancel()
	done()
	if used || !dropped || l.Connect.Disabled() || l.Msg.Text != "" {
		t.Errorf("cancelled meanwhile: used %v, dropped %v, button disabled %v, %q", used, dropped, l.Connect.Disabled(), l.Msg.Text)
	}
	// Tried again without cancelling, it is used.
	typeInto(l.Password, "pw")
	test.Tap(l.Connect)
	work()
	done()
	if !used {
		t.Error("a connection not cancelled was not used")
	}
}
