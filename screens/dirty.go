package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/screens/i18n"
)

// dirty knows whether a form holds edits that are not saved, so that
// nothing a person typed is lost without a question: before the form is
// filled with another record (another holder or certificate picked, the tab
// left), confirmDiscard asks Save / Discard / Cancel.
//
// It compares what the form holds (snap: its values as one string) with
// what it held when it was last filled or saved (mark), so every kind of
// widget counts and a value typed then typed back is no change.
//
// Use: d := newDirty(win, snap, save); call d.mark() after filling the form
// from the store and after a save; call d.confirmDiscard(then, cancel)
// where the form would be refilled.
type dirty struct {
	win   fyne.Window
	snap  func() string
	save  func() bool // saves the form; false when refused (the form says why)
	clean string
	asked bool // a question is open: a second one waits for its answer
}

func newDirty(win fyne.Window, snap func() string, save func() bool) *dirty {
	d := &dirty{win: win, snap: snap, save: save}
	d.mark()
	return d
}

// mark takes what the form holds now as saved.
func (d *dirty) mark() { d.clean = d.snap() }

// changed says whether the form was edited since mark.
func (d *dirty) changed() bool { return d.snap() != d.clean }

// confirmDiscard runs then at once when nothing is unsaved. Otherwise it
// asks: Save (then runs once the save succeeds; a refused save keeps the
// form and its messages, and cancel runs), Discard (then runs), Cancel
// (cancel runs, if not nil: put back a selection the person changed).
func (d *dirty) confirmDiscard(then, cancel func()) {
	if !d.changed() {
		then()
		return
	}
	if cancel == nil {
		cancel = func() {}
	}
	if d.asked {
		cancel()
		return
	}
	d.asked = true
	var dlg *dialog.CustomDialog
	answer := func(f func()) func() {
		return func() {
			dlg.Hide()
			d.asked = false
			f()
		}
	}
	save := widget.NewButton(i18n.T("unsaved.save"), answer(func() {
		if d.save() {
			then()
		} else {
			cancel()
		}
	}))
	save.Importance = widget.HighImportance
	discard := widget.NewButton(i18n.T("unsaved.discard"), answer(func() {
		d.mark()
		then()
	}))
	discard.Importance = widget.DangerImportance
	text := widget.NewLabel(i18n.T("unsaved.text"))
	text.Wrapping = fyne.TextWrapWord
	dlg = dialog.NewCustomWithoutButtons(i18n.T("unsaved.title"), text, d.win)
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(i18n.T("cancel"), answer(cancel)), discard, save})
	dlg.Resize(fyne.NewSize(440, 180))
	dlg.Show()
}
