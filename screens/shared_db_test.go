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
	f.svc.OpenShared = func(url string, password []byte) error {
		gotURL, gotPassword = url, string(password)
		if refuse {
			return data.Invalid("db", "err.server.login")
		}
		return nil
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
	if f.win.Canvas().Overlays().Top() == dlg {
		t.Error("the dialog stays open after connecting")
	}
	// Opened again, the form is filled with what was used, but the password.
	l2 := NewSharedLogin(f.app.Preferences().String(PrefSharedDB), nil)
	if l2.Host.Text != "db.agency.cn" || l2.Login.Text != "wang_fang" || l2.Database.Text != "swcert" || l2.Password.Text != "" {
		t.Errorf("the form again: %q %q %q", l2.Host.Text, l2.Login.Text, l2.Database.Text)
	}
}
