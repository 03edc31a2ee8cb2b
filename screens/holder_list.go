package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/screens/i18n"
)

// maxCachedPages bounds the pages a list keeps: scrolling through 100,000
// holders must not end up holding all of them.
const maxCachedPages = 40

// holderList is the searchable list of holders. It knows only the count and
// fetches the pages a scroll shows, so it stays fast with 100,000 holders.
type holderList struct {
	svc      Services
	onSelect func(*data.Holder)

	search *widget.Entry
	list   *widget.List
	count  *widget.Label
	newBtn *widget.Button

	// cur and prev are the rows selected now and before (-1: none), so a
	// selection can be put back when a question about unsaved edits is
	// answered Cancel.
	cur, prev int

	query string
	n     int // holders matching query
	total int // all holders
	pages map[int][]*data.Holder

	content fyne.CanvasObject
}

func newHolderList(svc Services, onSelect func(*data.Holder)) *holderList {
	l := &holderList{svc: svc, onSelect: onSelect, pages: map[int][]*data.Holder{}, cur: -1, prev: -1}
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder(i18n.T("holders.search"))
	l.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	l.count = widget.NewLabel("")
	l.count.Wrapping = fyne.TextWrapWord
	l.newBtn = widget.NewButtonWithIcon(i18n.T("holders.new"), theme.ContentAddIcon(), nil)
	l.newBtn.Importance = widget.HighImportance
	l.list = widget.NewList(
		func() int { return l.n },
		func() fyne.CanvasObject {
			name := widget.NewLabel("姓名 Name")
			name.TextStyle.Bold = true
			detail := widget.NewLabel("110105********002X")
			detail.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, name, nil, detail)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			h := l.at(i)
			c := o.(*fyne.Container)
			name, detail := c.Objects[1].(*widget.Label), c.Objects[0].(*widget.Label)
			if h == nil {
				name.SetText("")
				detail.SetText("")
				return
			}
			name.SetText(h.Name)
			detail.SetText(holderSummary(h))
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		l.prev, l.cur = l.cur, i
		if h := l.at(i); h != nil {
			l.onSelect(h)
		}
	}
	top := container.NewVBox(l.search, l.count)
	l.content = container.NewBorder(top, l.newBtn, nil, nil, l.list)
	return l
}

// holderSummary is the second part of a list row: masked ID and employer.
func holderSummary(h *data.Holder) string {
	s := data.MaskIDNumber(h.IDNumber)
	if h.Org != "" {
		s += "  " + h.Org
	}
	return s
}

func (l *holderList) setQuery(q string) {
	l.query = q
	l.reload()
}

// reload drops the cached pages and counts again.
func (l *holderList) reload() {
	ctx := l.svc.ctx()
	l.pages = map[int][]*data.Holder{}
	n, err := l.svc.Holders.CountHolders(ctx, data.HolderFilter{Search: l.query})
	if err != nil {
		l.count.SetText(i18n.Message(err))
		return
	}
	l.n = n
	if l.query == "" {
		l.total = n
	} else if t, err := l.svc.Holders.CountHolders(ctx, data.HolderFilter{}); err == nil {
		l.total = t
	}
	switch {
	case l.total == 0:
		l.count.SetText(i18n.T("holders.none"))
	case n == 0:
		l.count.SetText(i18n.T("holders.no_match", "Query", l.query))
	case l.query != "":
		l.count.SetText(i18n.T("holders.count_filtered", "Count", n, "Total", l.total))
	default:
		l.count.SetText(i18n.T("holders.count", "Count", n))
	}
	l.list.UnselectAll()
	l.cur, l.prev = -1, -1
	l.list.Refresh()
}

// at returns the i-th holder of the current search, fetching its page.
func (l *holderList) at(i int) *data.Holder {
	if i < 0 || i >= l.n {
		return nil
	}
	size := data.DefaultPageSize
	p := i / size
	page, ok := l.pages[p]
	if !ok {
		var err error
		page, err = l.svc.Holders.FindHolders(l.svc.ctx(), data.HolderFilter{Search: l.query, Offset: p * size, Limit: size})
		if err != nil {
			l.count.SetText(i18n.Message(err)) // the rows stay empty; this says why
			return nil
		}
		if len(l.pages) >= maxCachedPages {
			l.pages = map[int][]*data.Holder{}
		}
		l.pages[p] = page
	}
	if j := i - p*size; j < len(page) {
		return page[j]
	}
	return nil
}

// Len is how many holders the list shows.
func (l *holderList) Len() int { return l.n }
