package screens

import (
	"bytes"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// Unlock asks for the passphrase of an encrypted database before the main
// window opens. Try opens the store with it; a wrong passphrase keeps the
// prompt, says so, and has opened (and changed) nothing.
type Unlock struct {
	Pass *widget.Entry
	Open *widget.Button
	Msg  *widget.Label
	text *widget.Label
	try  func(passphrase []byte) error
	done func()
}

// NewUnlock builds the prompt for the database at path; done runs once
// try has succeeded.
func NewUnlock(path string, try func(passphrase []byte) error, done func()) *Unlock {
	u := &Unlock{try: try, done: done, Msg: widget.NewLabel(""), Pass: widget.NewPasswordEntry()}
	u.Msg.Wrapping = fyne.TextWrapWord
	u.Pass.SetPlaceHolder(i18n.T("field.passphrase"))
	u.Pass.OnSubmitted = func(string) { u.onOpen() }
	u.Open = widget.NewButton(i18n.T("unlock.open"), u.onOpen)
	u.Open.Importance = widget.HighImportance
	u.text = widget.NewLabel(i18n.T("unlock.text", "Path", path))
	u.text.Wrapping = fyne.TextWrapWord
	return u
}

// Content is the prompt, to be the window's content.
func (u *Unlock) Content() fyne.CanvasObject {
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(460, 220),
		container.NewVBox(u.text, u.Pass, u.Open, u.Msg)))
}

func (u *Unlock) onOpen() {
	if err := u.try([]byte(u.Pass.Text)); err != nil {
		u.Pass.SetText("")
		status(u.Msg, err, "")
		return
	}
	u.Pass.SetText("")
	u.done()
}

// encryptionSection is the Settings part that turns encryption at rest on
// and off and changes the passphrase (data.EncryptionService; a store
// without it shows none).
type encryptionSection struct {
	svc    Services
	win    fyne.Window
	State  *widget.Label
	Msg    *widget.Label
	On     *widget.Button // "Encrypt…"
	Change *widget.Button
	Off    *widget.Button
	// Entries of the passphrase dialog open now (tests type into them).
	Entries []*widget.Entry
	box     *fyne.Container
}

func newEncryptionSection(svc Services, win fyne.Window) *encryptionSection {
	e := &encryptionSection{svc: svc, win: win, State: widget.NewLabel(""), Msg: widget.NewLabel("")}
	e.State.Wrapping = fyne.TextWrapWord
	e.Msg.Wrapping = fyne.TextWrapWord
	e.On = widget.NewButton(i18n.T("settings.encrypt"), func() {
		e.ask("encryption.title_on", "encryption.warning", []string{"encryption.new", "encryption.again"}, func(p [][]byte) error {
			if !bytes.Equal(p[0], p[1]) {
				return data.Invalid("passphrase", "err.crypt.passphrase_mismatch")
			}
			return svc.Encryption.EnableEncryption(svc.ctx(), p[0])
		}, "encryption.done_on")
	})
	e.Change = widget.NewButton(i18n.T("settings.change_passphrase"), func() {
		e.ask("encryption.title_change", "encryption.warning", []string{"encryption.current", "encryption.new", "encryption.again"}, func(p [][]byte) error {
			if !bytes.Equal(p[1], p[2]) {
				return data.Invalid("passphrase", "err.crypt.passphrase_mismatch")
			}
			return svc.Encryption.ChangePassphrase(svc.ctx(), p[0], p[1])
		}, "encryption.done_changed")
	})
	e.Off = widget.NewButton(i18n.T("settings.decrypt"), func() {
		e.ask("encryption.title_off", "encryption.off_hint", []string{"encryption.current"}, func(p [][]byte) error {
			return svc.Encryption.DisableEncryption(svc.ctx(), p[0])
		}, "encryption.done_off")
	})
	e.box = container.NewVBox(e.State, container.NewHBox(e.On, e.Change, e.Off), e.Msg)
	e.refresh()
	return e
}

// refresh shows whether the database is encrypted and what can be done.
func (e *encryptionSection) refresh() {
	st, err := e.svc.Encryption.Encryption(e.svc.ctx())
	if err != nil {
		status(e.Msg, err, "")
		return
	}
	if st.On {
		e.State.SetText(i18n.T("settings.encryption_on"))
		e.On.Hide()
		e.Change.Show()
		e.Off.Show()
	} else {
		e.State.SetText(i18n.T("settings.encryption_off"))
		e.On.Show()
		e.Change.Hide()
		e.Off.Hide()
	}
}

// ask shows a dialog of passphrase entries (labels: keys) and runs do with
// what was typed; the outcome shows under the section.
func (e *encryptionSection) ask(title, hint string, labels []string, do func([][]byte) error, doneKey string) {
	e.Entries = nil
	form := widget.NewForm()
	for _, l := range labels {
		en := widget.NewPasswordEntry()
		e.Entries = append(e.Entries, en)
		form.Append(i18n.T(l), en)
	}
	warn := widget.NewLabel(i18n.T(hint))
	warn.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(i18n.T(title), i18n.T("encryption.confirm"), i18n.T("cancel"), container.NewVBox(form, warn), func(ok bool) {
		if !ok {
			return
		}
		p := make([][]byte, len(e.Entries))
		for i, en := range e.Entries {
			p[i] = []byte(en.Text)
		}
		e.Msg.SetText(i18n.T("encryption.working"))
		var err error
		e.svc.background(func() { e.svc.heavy(func() { err = do(p) }) }, func() {
			status(e.Msg, err, i18n.T(doneKey))
			e.refresh()
		})
	}, e.win)
	d.Resize(fyne.NewSize(460, 300))
	d.Show()
	e.win.Canvas().Focus(e.Entries[0])
}
