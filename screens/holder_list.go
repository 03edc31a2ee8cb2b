package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// maxCachedPages bounds the pages a list keeps: scrolling through 100,000
// holders must not end up holding all of them.
const maxCachedPages = 40

// holderList is the searchable list of holders. It knows only the count and
// fetches the pages a scroll shows, so it stays fast with 100,000 holders.
type holderList struct {
	// stale: written to elsewhere since the list counted (Main.Follow).
	stale    bool
	svc      Services
	onSelect func(*data.Holder)

	search    *widget.Entry // the search box (searchBox's entry)
	searchBox *searchEntry  // what the window focuses; the down arrow goes to the rows
	list      *pickList
	count     *widget.Label
	newBtn    *widget.Button
	// outside says the holder the form shows is not among the rows (a
	// search that excludes them); shown, when set, is that holder's ID.
	outside *widget.Label
	shown   func() int64

	marking bool // mark is selecting the row: no pick
	row     int  // the row selected (-1: none)

	query string
	// programmes, when set, keeps the holders with experience under one
	// of them (the dashboard's list of holders for a project bid).
	programmes []data.Programme
	n          int // holders matching query
	total      int // all holders
	pages      map[int][]*data.Holder

	content fyne.CanvasObject
}

func newHolderList(svc Services, onSelect func(*data.Holder)) *holderList {
	l := &holderList{svc: svc, onSelect: onSelect, pages: map[int][]*data.Holder{}, row: -1}
	l.searchBox = newSearchEntry()
	l.search = &l.searchBox.Entry
	l.search.SetPlaceHolder(i18n.T("holders.search"))
	l.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	l.count = widget.NewLabel("")
	l.count.Wrapping = fyne.TextWrapWord
	l.outside = widget.NewLabel("")
	l.outside.Wrapping = fyne.TextWrapWord
	l.outside.Importance = widget.WarningImportance
	l.outside.Hide()
	l.newBtn = widget.NewButtonWithIcon(i18n.T("holders.new"), theme.ContentAddIcon(), nil)
	l.newBtn.Importance = widget.HighImportance
	l.list = newPickList(
		func() int { return l.n },
		func() fyne.CanvasObject {
			name, _ := nameColumn(true)
			detail := widget.NewLabel("110105********002X")
			detail.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, name, nil, detail)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			h := l.at(i)
			c := o.(*fyne.Container)
			name, detail := columnLabel(c.Objects[1]), c.Objects[0].(*widget.Label)
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
		l.row = i
		if l.marking {
			return
		}
		if h := l.at(i); h != nil {
			l.onSelect(h)
		}
		l.outside.Hide() // a row is picked: the list shows them (mark tells again if the pick was refused)
	}
	l.list.OnUnselected = func(widget.ListItemID) { l.row = -1 }
	l.searchBox.onDown = l.focusRows
	l.search.OnSubmitted = func(string) { l.focusRows() }
	top := container.NewVBox(l.searchBox, l.count, l.outside)
	l.content = container.NewBorder(top, l.newBtn, nil, nil, l.list)
	return l
}

// focusRows puts the keyboard on the rows found and picks the first
// (the arrow keys then pick the others).
func (l *holderList) focusRows() {
	l.setQuery(l.search.Text) // what is typed, even before the search's delay ran it
	if l.n == 0 {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(l.list); c != nil {
		c.Focus(l.list)
	}
	l.list.Select(0)
}

// mark selects the row of the holder shown (id; 0: none) when it is on a
// page already read, so the list says whom the form shows after another
// tab picked them; it picks nothing. Elsewhere in the list, no row is
// marked (finding it would read the list up to it).
func (l *holderList) mark(id int64) {
	l.marking = true
	defer func() { l.marking = false }()
	defer l.checkShown()
	l.list.UnselectAll()
	if id == 0 {
		return
	}
	l.at(0) // the first page, read if the list has not shown it yet
	for p, page := range l.pages {
		for j, h := range page {
			if h.ID == id {
				l.list.Select(p*data.DefaultPageSize + j)
				return
			}
		}
	}
}

// holderSummary is the second part of a list row: masked ID and employer.
func holderSummary(h *data.Holder) string {
	s := data.MaskIDNumber(h.IDNumber)
	if h.Org != "" {
		s += "  " + h.Org
	}
	return s
}

// setQuery lists the holders matching q; the same query again (a
// debounced search landing after Enter ran it) changes nothing.
func (l *holderList) setQuery(q string) {
	if q == l.query {
		return
	}
	l.query = q
	l.reload()
}

// reload drops the cached pages and counts again.
func (l *holderList) reload() {
	l.stale = false
	ctx := l.svc.ctx()
	l.pages = map[int][]*data.Holder{}
	n, err := l.svc.Holders.CountHolders(ctx, data.HolderFilter{Search: l.query, Programmes: l.programmes})
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
	l.list.Refresh()
	l.checkShown()
}

// checkShown marks the holder the form shows when the search excludes
// them. The form keeps them (it may hold edits, and every tab shares the
// selection), but nobody should take them for a search result.
func (l *holderList) checkShown() {
	var id int64
	if l.shown != nil {
		id = l.shown()
	}
	if id == 0 || l.query == "" {
		l.outside.Hide()
		return
	}
	n, err := l.svc.Holders.CountHolders(l.svc.ctx(), data.HolderFilter{Search: l.query, HolderID: id})
	if err != nil || n > 0 {
		l.outside.Hide()
		return
	}
	l.outside.SetText(i18n.T("holders.shown_outside", "Query", l.query))
	l.outside.Show()
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
		page, err = l.svc.Holders.FindHolders(l.svc.ctx(), data.HolderFilter{Search: l.query, Programmes: l.programmes, Offset: p * size, Limit: size})
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
