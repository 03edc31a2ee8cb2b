package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// Selection is the holder and certificate the window works on: one for
// every tab, so a holder picked on Certificates is the one 加注, 登记,
// 继续教育 and 纸质证书 show, and a language switch (which rebuilds the
// tabs) keeps it. Main owns it. A tab's own picker changes it (Set); a tab
// catches up with it when it is shown (it compares Changes with the count it
// last saw), so a hidden tab does no work and never asks anything while
// another tab is in front.
type Selection struct {
	holder *data.Holder
	certID int64 // 0: the tab's default (the newest certificate)
	n      int   // counts changes
}

// NewSelection is an empty selection: no holder yet.
func NewSelection() *Selection { return &Selection{} }

// Holder is the selected holder (nil: none).
func (s *Selection) Holder() *data.Holder { return s.holder }

// CertID is the selected certificate (0: none picked, the tab chooses).
func (s *Selection) CertID() int64 { return s.certID }

// Changes counts the changes so far; a tab remembers the count it showed.
func (s *Selection) Changes() int { return s.n }

// Set selects holder h (nil: none) and their certificate certID.
func (s *Selection) Set(h *data.Holder, certID int64) {
	if h == nil {
		certID = 0
	}
	s.holder, s.certID = h, certID
	s.n++
}

// holderID is the selected holder's ID (0: none).
func (s *Selection) holderID() int64 {
	if s.holder == nil {
		return 0
	}
	return s.holder.ID
}

// askUnsaved asks what to do with edits not saved yet before the tab shows
// something else: save them (then go on, if the save went through), drop
// them, or keep editing (keep). Closing the question (Esc) keeps editing:
// nothing typed is ever lost without an answer.
func askUnsaved(win fyne.Window, tab, name string, save func() bool, proceed, keep func()) {
	text := widget.NewLabel(i18n.T("unsaved.text", "Tab", tab, "Name", name))
	text.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	answered := false
	answer := func(f func()) func() {
		return func() {
			if answered {
				return
			}
			answered = true
			d.Hide()
			f()
		}
	}
	saveBtn := widget.NewButton(i18n.T("unsaved.save"), answer(func() {
		if save() {
			proceed()
		} else {
			keep() // the save was refused: the form says why
		}
	}))
	saveBtn.Importance = widget.HighImportance
	discard := widget.NewButton(i18n.T("unsaved.discard"), answer(proceed))
	keepBtn := widget.NewButton(i18n.T("unsaved.keep"), answer(keep))
	body := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), keepBtn, discard, saveBtn), nil, nil, text)
	d = dialog.NewCustomWithoutButtons(i18n.T("unsaved.title"), body, win)
	d.Resize(fyne.NewSize(480, 200))
	d.Show()
}

// guard runs proceed at once when nothing is unsaved, and asks first
// otherwise (askUnsaved).
func guard(win fyne.Window, unsaved bool, tab, name string, save func() bool, proceed, keep func()) {
	if !unsaved {
		proceed()
		return
	}
	askUnsaved(win, tab, name, save, proceed, keep)
}

// formState is what a form's widgets hold, to tell edits from what was
// loaded into it.
func formState(values ...string) string {
	s := ""
	for _, v := range values {
		s += v + "\x00"
	}
	return s
}
