package screens

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/screens/i18n"
)

// certPicker is the left side and the top of the tabs that work on one
// certificate (annotation, registration): the searchable holder list, and
// the chosen holder's certificates to pick from, the newest preselected.
type certPicker struct {
	svc Services

	SearchDelay time.Duration
	searchTimer *time.Timer

	list    *holderList
	heading *widget.Label
	sel     *widget.Select

	holder *data.Holder
	certs  []*data.Certificate
	cert   *data.Certificate
	// onCert is told the certificate picked (nil: none).
	onCert func(*data.Certificate)
	// leave, when set, is asked before a holder or certificate the person
	// picks replaces the one shown: the tab's unsaved edits
	// (dirty.confirmDiscard). Cancel puts the selection back.
	leave  func(then, cancel func())
	quiet  bool // the picker itself changes the selection: not asked
	certIx int  // the certificate selected (-1: none), to put back
}

// layout puts the holders on the left and, on the right, the certificate
// picked above its detail.
func (p *certPicker) layout(detail fyne.CanvasObject) fyne.CanvasObject {
	return listDetail(p.list.content, p.heading, p.sel, detail)
}

func newCertPicker(svc Services, onCert func(*data.Certificate)) *certPicker {
	p := &certPicker{svc: svc, onCert: onCert, certIx: -1}
	p.list = newHolderList(svc, p.onHolderPicked)
	p.list.search.OnChanged = p.onSearchChanged
	p.list.newBtn.Hide() // holders are made in the Certificates tab
	p.heading = widget.NewLabelWithStyle(i18n.T("ann.pick"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.heading.Wrapping = fyne.TextWrapWord
	p.sel = widget.NewSelect(nil, func(string) {
		i := p.sel.SelectedIndex()
		if p.quiet {
			p.pickIndex(i)
			return
		}
		prev := p.certIx
		p.ask(func() { p.pickIndex(i) }, func() {
			p.quiet = true
			defer func() { p.quiet = false }()
			if prev < 0 {
				p.sel.ClearSelected()
			} else {
				p.sel.SetSelectedIndex(prev)
			}
		})
	})
	p.sel.PlaceHolder = i18n.T("ann.pick_cert")
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

// ask runs then, after asking about unsaved edits when the tab has any.
func (p *certPicker) ask(then, cancel func()) {
	if p.leave == nil {
		then()
		return
	}
	p.leave(then, cancel)
}

// onHolderPicked is a click on the list: the tab's edits are asked about
// first; Cancel selects the holder shown again.
func (p *certPicker) onHolderPicked(h *data.Holder) {
	if p.quiet {
		return
	}
	prev := p.list.prev
	p.ask(func() { p.selectHolder(h) }, func() {
		p.quiet = true
		defer func() { p.quiet = false }()
		if prev < 0 {
			p.list.list.UnselectAll()
		} else {
			p.list.list.Select(prev)
		}
	})
}

func (p *certPicker) pickIndex(i int) {
	p.certIx = i
	if i < 0 || i >= len(p.certs) {
		p.pick(nil)
		return
	}
	p.pick(p.certs[i])
}

func (p *certPicker) pick(c *data.Certificate) {
	p.cert = c
	p.onCert(c)
}

// selectHolder lists the holder's certificates and picks the newest, the
// one that usually needs attention (certificates come by issue date).
func (p *certPicker) selectHolder(h *data.Holder) {
	p.holder = h
	certs, err := p.svc.Certs.Certificates(p.svc.ctx(), h.ID)
	if err != nil {
		p.heading.SetText(i18n.Message(err))
		return
	}
	p.certs = certs
	p.heading.SetText(i18n.T("ann.holder", "Name", h.Name, "Count", len(certs)))
	opts := make([]string, len(certs))
	for i, c := range certs {
		opts[i] = certSummary(c)
	}
	p.sel.Options = opts
	quiet := p.quiet
	p.quiet = true
	defer func() { p.quiet = quiet }()
	p.sel.ClearSelected()
	p.sel.Refresh()
	if len(certs) > 0 {
		p.sel.SetSelectedIndex(len(certs) - 1)
		return
	}
	p.pickIndex(-1)
}

// reload lists holders again and shows the same certificate, fresh.
func (p *certPicker) reload() {
	p.list.reload()
	if p.holder == nil {
		return
	}
	id := int64(0)
	if p.cert != nil {
		id = p.cert.ID
	}
	p.quiet = true
	defer func() { p.quiet = false }()
	p.selectHolder(p.holder)
	for i, c := range p.certs {
		if c.ID == id {
			p.sel.SetSelectedIndex(i)
		}
	}
}

// show picks holder h and their certificate certID, as if clicked.
// The tab's unsaved edits are asked about first.
func (p *certPicker) show(h *data.Holder, certID int64) {
	p.ask(func() {
		p.quiet = true
		defer func() { p.quiet = false }()
		p.selectHolder(h)
		for i, c := range p.certs {
			if c.ID == certID {
				p.sel.SetSelectedIndex(i)
			}
		}
	}, nil)
}
