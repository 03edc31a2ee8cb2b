//go:build !nowindow

package app

import (
	"context"
	"io"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"github.com/swcert/swcert/assets"
	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/data/proofs"
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
	db, closeDB, err := openStore(o)
	if store.IsLocked(err) {
		// An encrypted database: its passphrase is asked before anything
		// of it shows; a wrong one opens nothing and asks again.
		screens.SetWindowLanguage(i18n.Resolve(a.Preferences().String(screens.PrefLanguage), system))
		u := screens.NewUnlock(o.db, func(p []byte) error {
			o.pass = p
			db, closeDB, err = openStore(o)
			if err != nil {
				o.pass = nil
			}
			return err
		}, func() { startMain(a, w, o, db, system) })
		w.SetContent(u.Content())
		w.Canvas().Focus(u.Pass)
	} else if err != nil {
		i18n.SetLanguage(i18n.Resolve(a.Preferences().String(screens.PrefLanguage), system))
		return fail(stderr, false, err)
	} else {
		startMain(a, w, o, db, system)
	}
	defer func() {
		if closeDB != nil {
			closeDB()
		}
	}()
	w.Resize(screens.WindowSize(a.Preferences()))
	w.CenterOnScreen()
	w.ShowAndRun()
	return ExitOK
}

// startMain fills the window with the tabs on the open store.
func startMain(a fyne.App, w fyne.Window, o *options, db *store.DB, system string) {
	// Load the search texts while the window opens, so the first keystroke
	// in the search box does not pay for it.
	data.Go(func() { db.WarmSearch(context.Background()) })
	heavy := &heavyWork{}
	heavy.set(0) // idle
	proofStore := &proofs.Store{Dir: proofDir(o.home()), Sealer: db.ProofSealer()}
	screens.RememberWindowSize(a.Preferences(), w, proofStore.CloseViews) // the proofs opened for a viewer, when sealed
	svc := screens.Services{Holders: db, Certs: db, Anns: db, Keys: db, Regs: db, CE: db, Paper: db, Dossiers: db, Transfers: db, Projects: db, Attention: db, Calendar: db, Reminders: db, Audit: db, Now: o.now, DBPath: o.shownDB(),
		Heavy:      heavy.run,
		Proofs:     proofStore,
		Encryption: encryptionOf(o, db),
		Backups:    backupFiles(o),
		Docs: &docs.Service{Holders: db, Certs: db, Anns: db, Keys: db, Regs: db, CE: db, Paper: db, Snapshots: db, Import: db,
			Dossiers: db, Projects: db, Photos: proofStore, Now: o.now}}
	main := screens.NewMain(a, w, svc, VersionLine(), system)
	main.Install()
	// The dashboard (and with it the reminders) is worked out again every
	// hour, so a deadline coming within a reminder window is told that day.
	data.Go(func() {
		for range time.Tick(time.Hour) {
			fyne.Do(func() { main.Refresh() })
		}
	})
}

// encryptionOf is the store's encryption at rest for Settings: a file's
// only (a shared server's disks are its IT person's), so none on a server.
func encryptionOf(o *options, db *store.DB) data.EncryptionService {
	if store.IsServer(o.db) {
		return nil
	}
	return db
}
