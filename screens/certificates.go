package screens

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// Certificates is the Certificates tab: the holders on the left (searched
// and paged, never all loaded), the selected holder's form and their
// certificates on the right.
type Certificates struct {
	svc Services
	win fyne.Window
	sel *Selection
	// seen is the Selection's Changes the tab shows.
	seen int

	// SearchDelay debounces typing in the search box; 0 searches at once
	// (tests), the window uses a short delay so typing stays smooth.
	SearchDelay time.Duration
	searchTimer *time.Timer

	list    *holderList
	holder  *holderForm
	certs   *certPanel
	content fyne.CanvasObject
}

// NewCertificates builds the tab with a selection of its own.
func NewCertificates(svc Services, win fyne.Window) *Certificates {
	return newCertificates(svc, win, NewSelection())
}

// newCertificates builds the tab on the window's selection.
func newCertificates(svc Services, win fyne.Window, sel *Selection) *Certificates {
	s := &Certificates{svc: svc, win: win, sel: sel, seen: sel.Changes()}
	s.list = newHolderList(svc, s.onPickHolder)
	s.list.shown = func() int64 {
		if s.holder == nil || s.holder.h == nil {
			return 0
		}
		return s.holder.h.ID
	}
	s.holder = newHolderForm(svc, win, s.onHolderSaved, s.onHolderDeleted)
	s.certs = newCertPanel(svc, win)
	s.certs.onPicked = func(c *data.Certificate) { s.publish(s.holder.h, c) }
	s.list.search.OnChanged = s.onSearchChanged
	s.list.newBtn.OnTapped = s.newHolder

	s.content = listDetailBar(s.list.content, s.certs.bar, s.holder.content, widget.NewSeparator(), s.certs.content)
	s.list.reload()
	s.onNewHolder()
	if h := sel.Holder(); h != nil { // the window was rebuilt (a language switch)
		s.seen = -1
		s.follow()
	}
	return s
}

// unsaved says whether the holder or the certificate form holds edits not
// saved yet.
func (s *Certificates) unsaved() bool { return s.holder.unsaved() || s.certs.unsaved() }

// saveUnsaved saves what holds edits, and says whether all was saved.
func (s *Certificates) saveUnsaved() bool {
	if s.holder.unsaved() && !s.holder.saveForm() {
		return false
	}
	return !s.certs.unsaved() || s.certs.saveForm()
}

// Save is Ctrl+S: it saves the form the cursor is in; with the cursor in
// neither, the one holding edits (the holder first).
func (s *Certificates) Save() bool {
	if focused := s.win.Canvas().Focused(); focused != nil {
		for _, f := range s.certs.fields() {
			if focused == fyne.Focusable(f.entry) {
				return s.certs.saveForm()
			}
		}
	}
	if s.certs.unsaved() && !s.holder.unsaved() {
		return s.certs.saveForm()
	}
	return s.holder.saveForm()
}

// shownName is the holder the forms show ("" for a new one).
func (s *Certificates) shownName() string {
	if s.holder.h == nil {
		return s.holder.name.entry.Text
	}
	return s.holder.h.Name
}

// onPickHolder is a click (or arrow key) on a holder of the list.
func (s *Certificates) onPickHolder(h *data.Holder) {
	if s.holder.h != nil && s.holder.h.ID == h.ID {
		return
	}
	guard(s.win, s.unsaved(), i18n.T("tab.certificates"), s.shownName(), s.saveUnsaved, func() {
		s.onSelectHolder(h)
		s.publish(h, nil)
	}, func() { // kept: the row of the holder shown again (none: a new one)
		var id int64
		if s.holder.h != nil {
			id = s.holder.h.ID
		}
		s.list.mark(id)
	})
}

// newHolder empties the form for a new holder (New holder, Ctrl+N), once
// unsaved edits are dealt with, and puts the cursor in 姓名.
func (s *Certificates) newHolder() {
	guard(s.win, s.unsaved(), i18n.T("tab.certificates"), s.shownName(), s.saveUnsaved, func() {
		s.onNewHolder()
		s.win.Canvas().Focus(s.holder.name.entry)
	}, func() {})
}

// publish makes holder h and certificate c (nil: none picked) the
// window's selection.
func (s *Certificates) publish(h *data.Holder, c *data.Certificate) {
	id := int64(0)
	if c != nil {
		id = c.ID
	}
	s.sel.Set(h, id)
	s.seen = s.sel.Changes()
}

// follow is the tab coming to the front: it shows the holder and
// certificate another tab (or the dashboard) selected meanwhile, asking
// first when a form holds unsaved edits; keeping them makes this tab's
// holder the selection again.
func (s *Certificates) follow() {
	if s.seen == s.sel.Changes() {
		return
	}
	target, certID := s.sel.Holder(), s.sel.CertID()
	shownID := int64(0)
	if s.holder.h != nil {
		shownID = s.holder.h.ID
	}
	if target != nil && target.ID == shownID && (certID == 0 || certID == s.certs.certID()) {
		s.seen = s.sel.Changes()
		return
	}
	guard(s.win, s.unsaved(), i18n.T("tab.certificates"), s.shownName(), s.saveUnsaved, func() {
		s.seen = s.sel.Changes()
		s.list.list.UnselectAll() // the row marked is no longer the holder shown; a click on it must count
		if target == nil {
			s.onNewHolder()
			return
		}
		h, err := s.svc.Holders.Holder(s.svc.ctx(), target.ID) // as saved now
		if err != nil {
			s.onNewHolder()
			status(s.holder.status, err, "")
			return
		}
		s.onSelectHolder(h)
		s.list.mark(h.ID)
		if certID != 0 {
			s.certs.selectCert(certID)
		}
	}, func() { s.publish(s.holder.h, s.certs.c) })
}

// Content is the tab's canvas object.
func (s *Certificates) Content() fyne.CanvasObject { return s.content }

// Refresh reloads the list (after demo data was added, say).
func (s *Certificates) Refresh() { s.list.reload() }

func (s *Certificates) onSearchChanged(q string) {
	if s.SearchDelay <= 0 {
		s.list.setQuery(q)
		return
	}
	if s.searchTimer != nil {
		s.searchTimer.Stop()
	}
	s.searchTimer = time.AfterFunc(s.SearchDelay, func() {
		fyne.Do(func() { s.list.setQuery(q) })
	})
}

func (s *Certificates) onNewHolder() {
	s.list.list.UnselectAll()
	s.holder.edit(nil)
	s.certs.setHolder(nil)
	s.list.checkShown()
}

func (s *Certificates) onSelectHolder(h *data.Holder) {
	s.holder.edit(h)
	s.certs.setHolder(h)
}

func (s *Certificates) onHolderSaved(h *data.Holder) {
	s.list.reload()
	same := s.certs.h != nil && s.certs.h.ID == h.ID
	switch {
	case same && s.certs.unsaved():
		s.certs.h = h // the certificate being typed stays as typed
	case same:
		keep := s.certs.certID()
		s.certs.setHolder(h)
		s.certs.selectCert(keep)
	default: // a new holder
		s.certs.setHolder(h)
	}
	s.publish(h, s.certs.c)
}

func (s *Certificates) onHolderDeleted() {
	s.list.reload()
	s.onNewHolder()
	s.publish(nil, nil)
}

// status shows a one-line outcome under a form: green for done, red for a
// refusal. An internal error is logged in detail and shown as a plain
// sentence (i18n.Internal).
func status(l *widget.Label, err error, okText string) {
	if err != nil {
		l.Importance = widget.DangerImportance
		l.SetText(i18n.FieldMessage(err))
		return
	}
	l.Importance = widget.SuccessImportance
	l.SetText(okText)
}
