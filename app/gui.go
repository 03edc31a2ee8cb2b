//go:build !nowindow

package app

import (
	"context"
	"errors"
	"io"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/assets"
	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/data/store"
	"github.com/swcert/swcert/i18n"
	"github.com/swcert/swcert/screens"
)

// windowBuilt: this build has the window (built without the nowindow tag,
// with cgo and Fyne); gui_none.go is the command line without it.
const windowBuilt = true

// runGUI opens the window on the database and runs until it is closed.
func runGUI(o *options, stderr io.Writer) int {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	// The theme (and with it the bundled CJK font) before any widget is
	// made: on Windows, text measured before it with Fyne's own font,
	// which has no Chinese, stayed that way (seen under Wine: 待办 as ��).
	// Main.Install sets it again, with the same preference.
	a.Settings().SetTheme(&screens.Theme{Variant: a.Preferences().StringWithFallback(screens.PrefTheme, screens.ThemeSystem)})

	// --lang given on the command line wins over the saved preference for
	// this run and becomes the preference.
	if o.lang != "" {
		a.Preferences().SetString(screens.PrefLanguage, i18n.Resolve(o.lang, ""))
	}
	system := string(lang.SystemLocale())
	screens.SetWindowLanguage(i18n.Resolve(a.Preferences().String(screens.PrefLanguage), system))

	w := a.NewWindow(DisplayName)
	o.window = true
	g := &session{a: a, w: w, system: system}
	defer g.close()
	shared := a.Preferences().String(screens.PrefSharedDB)
	if !o.dbGiven && shared != "" {
		// The window last worked on a shared database: its login is asked
		// for before anything shows (the password is never kept), or the
		// person goes back to this computer's database.
		l := screens.NewSharedLogin(shared, func(url string, password []byte) (screens.Opened, error) {
			return g.openShared(o, url, password)
		}, nil)
		local := widget.NewButton(i18n.T("shared.use_local"), func() {
			l.Cancel() // a login on its way is dropped when it answers
			a.Preferences().SetString(screens.PrefSharedDB, "")
			if err := g.open(o); err != nil {
				dialog.ShowError(errors.New(i18n.Message(err)), w)
			}
		})
		w.SetContent(l.Content(local))
		w.Canvas().Focus(l.Password)
	} else if err := g.open(o); err != nil {
		i18n.SetLanguage(i18n.Resolve(a.Preferences().String(screens.PrefLanguage), system))
		return fail(stderr, false, err)
	}
	w.Resize(screens.WindowSize(a.Preferences()))
	w.CenterOnScreen()
	w.ShowAndRun()
	return ExitOK
}

// session is the window on one store, which File → Open shared database…
// replaces.
type session struct {
	a       fyne.App
	w       fyne.Window
	system  string
	closeDB func()
	stop    chan struct{} // stops the window's timers
}

// open opens the database of o and shows the tabs on it. An encrypted
// database's passphrase is asked before anything of it shows; a wrong one
// opens nothing and asks again.
func (g *session) open(o *options) error {
	db, closeDB, err := openStore(o)
	if store.IsLocked(err) {
		u := screens.NewUnlock(o.db, func(p []byte) error {
			o.pass = p
			db, closeDB, err = openStore(o)
			if err != nil {
				o.pass = nil
			}
			return err
		}, func() { g.start(o, db, closeDB) })
		g.w.SetContent(u.Content())
		g.w.Canvas().Focus(u.Pass)
		return nil
	}
	if err != nil {
		return err
	}
	g.start(o, db, closeDB)
	return nil
}

// openShared opens the shared database at url with the password (off
// the UI goroutine: the window stays live while a server is slow to
// answer); its Use shows the window on it in place of the one before.
func (g *session) openShared(o *options, url string, password []byte) (screens.Opened, error) {
	next := *o
	next.db, next.dbGiven, next.pass = url, true, nil
	next.serverPassword = password
	db, closeDB, err := openStore(&next)
	next.serverPassword = nil
	if err != nil {
		return screens.Opened{}, err
	}
	return screens.Opened{Drop: closeDB, Use: func() {
		g.a.Preferences().SetString(screens.PrefSharedDB, url)
		*o = next
		g.start(o, db, closeDB)
	}}, nil
}

func (g *session) close() {
	if g.stop != nil {
		close(g.stop)
		g.stop = nil
	}
	if g.closeDB != nil {
		g.closeDB()
		g.closeDB = nil
	}
}

// start fills the window with the tabs on the open store, after closing
// the one before.
func (g *session) start(o *options, db *store.DB, closeDB func()) {
	g.close()
	g.closeDB, g.stop = closeDB, make(chan struct{})
	a, w, system, stop := g.a, g.w, g.system, g.stop
	// Load the search texts while the window opens, so the first keystroke
	// in the search box does not pay for it.
	data.Go(func() { db.WarmSearch(context.Background()) })
	heavy := &heavyWork{}
	heavy.set(0) // idle
	proofFiles := proofStore(db, o.home())
	screens.RememberWindowSize(a.Preferences(), w, proofFiles.CloseViews) // the proofs opened for a viewer, when sealed or the server's
	svc := screens.Services{Holders: db, Certs: db, Anns: db, Keys: db, Regs: db, CE: db, Paper: db, Dossiers: db, Transfers: db, Projects: db, Attention: db, Calendar: db, Reminders: db, Audit: db, Now: o.now, DBPath: o.shownDB(),
		Heavy:      heavy.run,
		Proofs:     proofFiles,
		Encryption: encryptionOf(o, db),
		Backups:    backupFiles(o),
		OpenShared: func(url string, password []byte) (screens.Opened, error) { return g.openShared(o, url, password) },
		Offices:    store.IsServer(o.db),
		Docs: &docs.Service{Holders: db, Certs: db, Anns: db, Keys: db, Regs: db, CE: db, Paper: db, Snapshots: db, Import: db,
			Dossiers: db, Projects: db, Photos: proofFiles, Now: o.now}}
	main := screens.NewMain(a, w, svc, VersionLine(), system)
	main.Install()
	// The dashboard (and with it the reminders) is worked out again every
	// hour, so a deadline coming within a reminder window is told that
	// day; what others write (another office on a shared server, the
	// command line beside the window) shows within seconds, on every tab.
	every := func(d time.Duration, f func()) {
		data.Go(func() {
			t := time.NewTicker(d)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					fyne.Do(f)
				}
			}
		})
	}
	every(time.Hour, main.Refresh)
	every(followEvery, main.Follow)
}

// followEvery is how often the window asks the store whether anything was
// written elsewhere: one cheap query, so a change shows within seconds.
const followEvery = 5 * time.Second

// encryptionOf is the store's encryption at rest for Settings: a file's
// only (a shared server's disks are its IT person's), so none on a server.
func encryptionOf(o *options, db *store.DB) data.EncryptionService {
	if store.IsServer(o.db) {
		return nil
	}
	return db
}
