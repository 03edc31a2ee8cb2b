package screens

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// certPicker is the left side and the top of the tabs that work on one
// certificate (annotation, registration, paper): the searchable holder
// list, and the chosen holder's certificates to pick from, the newest
// preselected. What it picks is the window's Selection; when its tab is
// shown it catches up with what another tab picked meanwhile.
type certPicker struct {
	svc Services
	win fyne.Window
	sel *Selection
	tab string // the tab's name, for the unsaved-edits question

	// unsaved says whether the tab's form holds edits not saved yet, and
	// save saves them (true when saved); both set by the tab.
	unsaved func() bool
	save    func() bool

	SearchDelay time.Duration
	searchTimer *time.Timer

	list    *holderList
	heading *widget.Label
	certSel *widget.Select

	holder  *data.Holder
	certs   []*data.Certificate
	cert    *data.Certificate
	seen    int  // the Selection's Changes the picker shows
	loading bool // the certificate choice is being set by the picker, not the user
	// onCert is told the certificate picked (nil: none).
	onCert func(*data.Certificate)
}

// layout puts the holders on the left and, on the right, the certificate
// picked above its detail, with the tab's buttons in a bar below it.
func (p *certPicker) layout(bar fyne.CanvasObject, detail fyne.CanvasObject) fyne.CanvasObject {
	return listDetailBar(p.list.content, bar, p.heading, p.certSel, detail)
}

func newCertPicker(svc Services, win fyne.Window, sel *Selection, tab string, onCert func(*data.Certificate)) *certPicker {
	p := &certPicker{svc: svc, win: win, sel: sel, tab: tab, onCert: onCert, seen: -1,
		unsaved: func() bool { return false }, save: func() bool { return true }}
	p.list = newHolderList(svc, p.onPickHolder)
	p.list.shown = p.holderID
	p.list.search.OnChanged = p.onSearchChanged
	p.list.newBtn.Hide() // holders are made in the Certificates tab
	p.heading = widget.NewLabelWithStyle(i18n.T("ann.pick"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.heading.Wrapping = fyne.TextWrapWord
	p.certSel = widget.NewSelect(nil, func(string) { p.onPickCert() })
	p.certSel.PlaceHolder = i18n.T("ann.pick_cert")
	p.list.reload()
	return p
}

func (p *certPicker) onSearchChanged(q string) {
	if p.SearchDelay <= 0 {
		p.list.setQuery(q)
		return
	}
	if p.searchTimer != nil {
		p.searchTimer.Stop()
	}
	p.searchTimer = time.AfterFunc(p.SearchDelay, func() { fyne.Do(func() { p.list.setQuery(q) }) })
}

// onPickHolder is a click (or arrow key) on a holder of the list: shown,
// and selected for every tab, once unsaved edits are dealt with.
func (p *certPicker) onPickHolder(h *data.Holder) {
	if p.holder != nil && p.holder.ID == h.ID {
		return
	}
	guard(p.win, p.unsaved(), p.tab, p.name(), p.save, func() {
		p.selectHolder(h)
		p.publish()
	}, func() { p.list.mark(p.holderID()) }) // kept: the row of the holder shown again
}

// onPickCert is a certificate chosen in the list above the detail.
func (p *certPicker) onPickCert() {
	i := p.certSel.SelectedIndex()
	var c *data.Certificate
	if i >= 0 && i < len(p.certs) {
		c = p.certs[i]
	}
	if p.loading {
		p.pick(c)
		return
	}
	if c != nil && p.cert != nil && c.ID == p.cert.ID {
		return
	}
	guard(p.win, p.unsaved(), p.tab, p.name(), p.save, func() {
		p.pick(c)
		p.publish()
	}, func() { p.selectCert(p.certID()) })
}

// name is the holder whose edits the question is about.
func (p *certPicker) name() string {
	if p.holder == nil {
		return ""
	}
	return p.holder.Name
}

func (p *certPicker) certID() int64 {
	if p.cert == nil {
		return 0
	}
	return p.cert.ID
}

// publish makes what the picker shows the window's selection.
func (p *certPicker) publish() {
	p.sel.Set(p.holder, p.certID())
	p.seen = p.sel.Changes()
}

func (p *certPicker) pick(c *data.Certificate) {
	p.cert = c
	p.onCert(c)
}

// selectHolder lists the holder's certificates and picks the newest, the
// one that usually needs attention (certificates come by issue date).
func (p *certPicker) selectHolder(h *data.Holder) {
	p.holder = h
	p.certs = nil
	if h == nil {
		p.heading.SetText(i18n.T("ann.pick"))
		p.setOptions(nil)
		p.pick(nil)
		return
	}
	certs, err := p.svc.Certs.Certificates(p.svc.ctx(), h.ID)
	if err != nil {
		p.heading.SetText(i18n.Message(err))
		return
	}
	p.certs = certs
	p.heading.SetText(i18n.T("ann.holder", "Name", h.Name, "Count", len(certs)))
	p.setOptions(certs)
	if len(certs) > 0 {
		p.selectCert(certs[len(certs)-1].ID)
		return
	}
	p.pick(nil)
}

func (p *certPicker) setOptions(certs []*data.Certificate) {
	opts := make([]string, len(certs))
	for i, c := range certs {
		opts[i] = certSummary(c)
	}
	p.loading = true
	p.certSel.Options = opts
	p.certSel.ClearSelected()
	p.certSel.Refresh()
	p.loading = false
}

// selectCert picks certificate id among the holder's (the picker's doing,
// not a choice of the user's).
func (p *certPicker) selectCert(id int64) {
	p.loading = true
	defer func() { p.loading = false }()
	for i, c := range p.certs {
		if c.ID == id {
			p.certSel.SetSelectedIndex(i)
			if p.cert == nil || p.cert.ID != id {
				p.pick(c) // SetSelectedIndex says nothing when the index stays
			}
			return
		}
	}
}

// refresh is the tab coming to the front: the holders listed again, and
// the selection another tab made meanwhile shown (asking first when the
// form holds unsaved edits; keeping them makes this tab's holder the
// selection again). Unsaved edits of the same holder are left as typed.
func (p *certPicker) refresh() {
	p.list.reload()
	if p.seen == p.sel.Changes() || p.sel.holderID() == p.holderID() && (p.sel.CertID() == 0 || p.sel.CertID() == p.certID()) {
		p.seen = p.sel.Changes()
		if !p.unsaved() && p.holder != nil {
			p.show(p.holder, p.certID())
		}
		return
	}
	h, certID := p.sel.Holder(), p.sel.CertID()
	guard(p.win, p.unsaved(), p.tab, p.name(), p.save, func() {
		p.show(h, certID)
		p.seen = p.sel.Changes()
	}, p.publish)
}

func (p *certPicker) holderID() int64 {
	if p.holder == nil {
		return 0
	}
	return p.holder.ID
}

// show picks holder h and their certificate certID (0: the newest), as if
// clicked.
func (p *certPicker) show(h *data.Holder, certID int64) {
	p.cert = nil // shown afresh even when it is the same certificate
	p.selectHolder(h)
	if h != nil {
		p.list.mark(h.ID)
	} else {
		p.list.checkShown()
	}
	if certID != 0 {
		p.selectCert(certID)
	}
}
