package screens

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/backup"
	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/data/store"
	"github.com/swcert/swcert/i18n"
)

// testNow is the fixed clock of the screen tests: 10:00 in Beijing, the
// clock every rule counts days in and every time is shown in.
var testNow = time.Date(2026, 11, 22, 10, 0, 0, 0, data.Beijing)

// fixture is a real store on a temporary file and the window of a test app.
type fixture struct {
	t   testing.TB
	now time.Time // the clock of the store and the screens; tests move it
	db  *store.DB
	app fyne.App
	win fyne.Window
	svc Services
}

func newFixture(t testing.TB, lang string) *fixture {
	t.Helper()
	i18n.SetLanguage(lang)
	t.Cleanup(func() { SetWindowLanguage(i18n.English) }) // Fyne's own texts too
	path := filepath.Join(t.TempDir(), "test.db")
	f := &fixture{t: t, now: testNow}
	clock := func() time.Time { return f.now }
	db, err := store.Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	proofStore := &proofs.Store{Dir: filepath.Join(filepath.Dir(path), "proofs")}
	if err := db.UseProofFiles(context.Background(), proofStore); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	a.Preferences().SetString(PrefLanguage, lang)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 800))
	f.db, f.app, f.win = db, a, w
	f.svc = Services{Holders: db, Certs: db, Anns: db, Keys: db, Regs: db, CE: db, Paper: db, Dossiers: db, Transfers: db, Projects: db, Attention: db, Calendar: db, Reminders: db, Audit: db, Now: clock, DBPath: path, Sync: true,
		Proofs:  proofStore,
		Backups: &backup.Files{DB: path, Proofs: proofStore.Dir, AppVersion: "test"},
		Docs: &docs.Service{Holders: db, Certs: db, Anns: db, Keys: db, Regs: db, CE: db, Paper: db, Snapshots: db, Import: db,
			Dossiers: db, Projects: db, Photos: proofStore, Now: clock}}
	return f
}

// certificates shows the Certificates tab in the window.
func (f *fixture) certificates() *Certificates {
	s := NewCertificates(f.svc, f.win)
	f.win.SetContent(s.Content())
	return s
}

func (f *fixture) holders() []*data.Holder {
	f.t.Helper()
	hs, err := f.db.FindHolders(context.Background(), data.HolderFilter{Limit: 1000})
	if err != nil {
		f.t.Fatal(err)
	}
	return hs
}

func (f *fixture) addHolder(name, id string) *data.Holder {
	f.t.Helper()
	h := &data.Holder{Name: name, IDNumber: id, Phone: "13800138000", Org: "阳光社工"}
	if err := f.db.CreateHolder(context.Background(), h); err != nil {
		f.t.Fatal(err)
	}
	return h
}

// typeInto types text into an entry as a user would, key by key.
func typeInto(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

// tapButton taps the button labelled text in the top overlay (a dialog).
func (f *fixture) tapDialogButton(text string) {
	f.t.Helper()
	top := f.win.Canvas().Overlays().Top()
	if top == nil {
		f.t.Fatalf("no dialog open to tap %q", text)
	}
	b := findButton(top, text)
	if b == nil {
		f.t.Fatalf("no button %q in the dialog", text)
	}
	test.Tap(b)
}

func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// dialogText gathers the labels of the top overlay.
func (f *fixture) dialogText() string {
	top := f.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return collectText(top)
}

func collectText(o fyne.CanvasObject) string {
	s := ""
	switch x := o.(type) {
	case *widget.Label:
		return x.Text + "\n"
	case *fyne.Container:
		for _, c := range x.Objects {
			s += collectText(c)
		}
		return s
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			s += collectText(c)
		}
	}
	return s
}

func findEntry(o fyne.CanvasObject) *widget.Entry {
	switch x := o.(type) {
	case *widget.Entry:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if e := findEntry(c); e != nil {
				return e
			}
		}
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			if e := findEntry(c); e != nil {
				return e
			}
		}
	}
	return nil
}
