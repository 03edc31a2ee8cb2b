package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// PrefSharedDB is the shared database the window opens at start (its URL,
// without a password: the password is asked for each time, never kept).
const PrefSharedDB = "shared_db"

// SharedLogin asks where the agency's shared database is and for the
// login's password, and connects (File → Open shared database…, and at
// start when the window last used one).
type SharedLogin struct {
	Host, Database, Login, RootCert *widget.Entry
	Password                        *widget.Entry
	TLS                             *widget.Select
	Connect                         *widget.Button
	Msg                             *widget.Label
	// connect tries the address with the password, off the UI goroutine
	// (a server that does not answer takes up to connect_timeout).
	connect func(url string, password []byte) (Opened, error)
	// run runs work off the UI goroutine, then done on it.
	run func(work, done func())
	// connecting: a connection is being tried; cancelled: the person
	// gave up on it meanwhile (Cancel), so what it opens is dropped.
	connecting, cancelled bool
}

// Opened is a shared database opened off the UI goroutine: Use shows the
// window on it (on the UI goroutine), Drop closes it unused.
type Opened struct{ Use, Drop func() }

// tlsModes are the TLS choices, in the order shown.
var tlsModes = []string{"verify-full", "require", "disable"}

// NewSharedLogin is the form, filled from url (a URL the window used
// before, or ""). run runs the connection off the UI goroutine and then
// its outcome on it; nil: data.Go and fyne.Do.
func NewSharedLogin(url string, connect func(url string, password []byte) (Opened, error), run func(work, done func())) *SharedLogin {
	if run == nil {
		run = func(work, done func()) { data.Go(func() { work(); fyne.Do(done) }) }
	}
	l := &SharedLogin{connect: connect, run: run, Msg: widget.NewLabel("")}
	l.Msg.Wrapping = fyne.TextWrapWord
	l.Host, l.Database, l.Login, l.RootCert = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	l.Host.SetPlaceHolder("db.agency.cn")
	l.Database.SetText("swcert")
	l.RootCert.SetPlaceHolder(i18n.T("shared.root_cert_hint"))
	l.Password = widget.NewPasswordEntry()
	l.Password.OnSubmitted = func(string) { l.onConnect() }
	var shown []string
	for _, m := range tlsModes {
		shown = append(shown, i18n.T("shared.tls."+m))
	}
	l.TLS = widget.NewSelect(shown, nil)
	l.TLS.SetSelectedIndex(0)
	if s, ok := data.ParseServer(url); ok {
		l.Host.SetText(s.Host)
		l.Database.SetText(s.Database)
		l.Login.SetText(s.Login)
		l.RootCert.SetText(s.RootCert)
		for i, m := range tlsModes {
			if m == s.TLS {
				l.TLS.SetSelectedIndex(i)
			}
		}
	}
	l.Connect = widget.NewButton(i18n.T("shared.connect"), l.onConnect)
	l.Connect.Importance = widget.HighImportance
	return l
}

// Form is the fields, labelled.
func (l *SharedLogin) Form() fyne.CanvasObject {
	return widget.NewForm(
		widget.NewFormItem(i18n.T("shared.host"), l.Host),
		widget.NewFormItem(i18n.T("shared.database"), l.Database),
		widget.NewFormItem(i18n.T("field.login"), l.Login),
		widget.NewFormItem(i18n.T("field.password"), l.Password),
		widget.NewFormItem(i18n.T("shared.tls"), l.TLS),
		widget.NewFormItem(i18n.T("shared.root_cert"), l.RootCert),
	)
}

// Content is the form as the window's content (at start).
func (l *SharedLogin) Content(other fyne.CanvasObject) fyne.CanvasObject {
	text := widget.NewLabel(i18n.T("shared.text"))
	text.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(text, l.Form(), l.Connect, l.Msg)
	if other != nil {
		box.Add(other)
	}
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 420), box))
}

// server is what the form says.
func (l *SharedLogin) server() data.Server {
	tls := tlsModes[0]
	if i := l.TLS.SelectedIndex(); i >= 0 {
		tls = tlsModes[i]
	}
	return data.Server{Host: l.Host.Text, Database: l.Database.Text, Login: l.Login.Text, TLS: tls, RootCert: l.RootCert.Text}
}

// onConnect tries the server while the window stays live: the form says
// so and takes no second try until the first has its answer.
func (l *SharedLogin) onConnect() {
	if l.connecting {
		return
	}
	s := l.server()
	url, err := s.URL()
	password := []byte(l.Password.Text)
	l.Password.SetText("") // typed again after a failure; never kept after a success
	if err != nil {
		status(l.Msg, err, "")
		return
	}
	l.connecting, l.cancelled = true, false
	l.Connect.Disable()
	l.Msg.Importance = widget.MediumImportance
	l.Msg.SetText(i18n.T("shared.connecting", "Host", s.Host))
	var opened Opened
	l.run(func() {
		opened, err = l.connect(url, password)
		clear(password)
	}, func() {
		l.connecting = false
		l.Connect.Enable()
		switch {
		case err != nil:
			status(l.Msg, err, "")
		case l.cancelled:
			opened.Drop()
			l.Msg.SetText("")
		default:
			l.Msg.SetText("")
			opened.Use()
		}
	})
}

// Cancel gives up on a connection being tried.
func (l *SharedLogin) Cancel() { l.cancelled = l.connecting }

// ShowOpenShared asks for a shared database to open instead of the one
// open (File → Open shared database…). Svc.OpenShared does the switch.
func (m *Main) ShowOpenShared() *SharedLogin {
	var d dialog.Dialog
	l := NewSharedLogin(m.App.Preferences().String(PrefSharedDB), func(url string, password []byte) (Opened, error) {
		o, err := m.Svc.OpenShared(url, password)
		if err != nil {
			return o, err
		}
		use := o.Use
		o.Use = func() {
			m.App.Preferences().SetString(PrefSharedDB, url)
			d.Hide()
			use()
		}
		return o, nil
	}, m.Svc.background)
	d = dialog.NewCustomWithoutButtons(i18n.T("menu.open_shared"), container.NewVBox(l.Form(), l.Msg,
		container.NewHBox(widget.NewButton(i18n.T("cancel"), func() { l.Cancel(); d.Hide() }), l.Connect)), m.Win)
	d.Resize(fyne.NewSize(560, 420))
	d.Show()
	m.Win.Canvas().Focus(l.Host)
	return l
}
