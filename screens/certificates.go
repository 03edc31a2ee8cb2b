package screens

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/screens/i18n"
)

// Certificates is the Certificates tab: the holders on the left (searched
// and paged, never all loaded), the selected holder's form and their
// certificates on the right.
type Certificates struct {
	svc Services
	win fyne.Window

	// SearchDelay debounces typing in the search box; 0 searches at once
	// (tests), the window uses a short delay so typing stays smooth.
	SearchDelay time.Duration
	searchTimer *time.Timer

	list    *holderList
	holder  *holderForm
	certs   *certPanel
	content fyne.CanvasObject
}

// NewCertificates builds the tab.
func NewCertificates(svc Services, win fyne.Window) *Certificates {
	s := &Certificates{svc: svc, win: win}
	s.list = newHolderList(svc, s.onSelectHolder)
	s.holder = newHolderForm(svc, win, s.onHolderSaved, s.onHolderDeleted)
	s.certs = newCertPanel(svc, win)
	s.list.search.OnChanged = s.onSearchChanged
	s.list.newBtn.OnTapped = s.onNewHolder

	s.content = listDetail(s.list.content, s.holder.content, widget.NewSeparator(), s.certs.content)
	s.list.reload()
	s.onNewHolder()
	return s
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
}

func (s *Certificates) onSelectHolder(h *data.Holder) {
	s.holder.edit(h)
	s.certs.setHolder(h)
}

func (s *Certificates) onHolderSaved(h *data.Holder) {
	s.list.reload()
	s.certs.setHolder(h)
}

func (s *Certificates) onHolderDeleted() {
	s.list.reload()
	s.onNewHolder()
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
