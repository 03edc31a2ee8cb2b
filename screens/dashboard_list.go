package screens

import (
	"fmt"
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// The dashboard's list: its rows are group headings and items, and the
// items are read a page at a time, by their keys once read.

// row says what row r of the list shows: the heading of group g (item
// -1), or item i (g is -1 when not grouped).
func (s *Dashboard) row(r int) (g, i int) {
	if len(s.heads) == 0 {
		return -1, r
	}
	g = sort.Search(len(s.heads), func(g int) bool { return s.heads[g] > r }) - 1
	if g < 0 || r == s.heads[g] {
		return g, -1
	}
	return g, r - g - 1 // g+1 headings come before it
}

// groupNames are the codes of the group choices, for their labels.
func groupNames() []string {
	out := make([]string, len(data.AttentionGroups))
	for i, g := range data.AttentionGroups {
		out[i] = string(g)
		if g == data.GroupNone {
			out[i] = "none"
		}
	}
	return out
}

// groupTitle is a group's heading.
func groupTitle(g data.AttentionGroup, value string) string {
	switch {
	case g == data.GroupKind:
		return i18n.T("att.kind." + value)
	case g == data.GroupLevel:
		return i18n.T("level." + value)
	case value == "":
		return i18n.T("dash.group_empty")
	}
	return value
}

// Item is the i-th item the filters select, read with its page when first
// shown: by the keys, a few milliseconds however far down; before they
// are read, by its offset, off the UI goroutine (seconds far down a
// million items on a server), the row blank until the page lands.
func (s *Dashboard) Item(i int) (data.Attention, bool) {
	if i < 0 || i >= s.count {
		return data.Attention{}, false
	}
	p := i / dashPage
	page, ok := s.pages[p]
	if !ok && s.keys == nil {
		s.readPage(p)
		if page, ok = s.pages[p]; !ok {
			return data.Attention{}, false
		}
	}
	if !ok {
		var err error
		page, err = s.svc.Attention.AttentionPage(s.svc.ctx(), s.keys[p*dashPage:min((p+1)*dashPage, len(s.keys))], s.at)
		if err != nil {
			s.status.SetText(i18n.Message(err))
			return data.Attention{}, false
		}
		s.pages[p] = page
	}
	if i%dashPage >= len(page) {
		return data.Attention{}, false // worked out again since it was listed
	}
	return page[i%dashPage], true
}

// readPage reads page p by its offset off the UI goroutine, once, and
// shows it when it lands (unless the filters changed meanwhile).
func (s *Dashboard) readPage(p int) {
	if s.reading[p] {
		return
	}
	s.reading[p] = true
	n, f, at := s.filterN, s.filtered, s.at
	var page []data.Attention
	var err error
	inline := true // done runs before background returns (Services.Sync)
	s.svc.background(func() {
		page, err = s.svc.Attention.AttentionAt(s.svc.ctx(), f, at, p*dashPage, dashPage)
	}, func() {
		if n != s.filterN {
			return
		}
		delete(s.reading, p)
		if err != nil {
			s.status.SetText(i18n.Message(err))
			return
		}
		s.pages[p] = page
		if !inline {
			s.list.Refresh()
		}
	})
	inline = false
}

func (s *Dashboard) newRow() fyne.CanvasObject {
	when := widget.NewLabel("已逾期 999 天")
	when.TextStyle.Bold = true
	when.Truncation = fyne.TextTruncateEllipsis
	// The name in a column of its own (nameColumn), so the management
	// numbers line up down the list whatever the names' lengths.
	name, _ := nameColumn(false)
	what := widget.NewLabel("2021G320000057 · 加注到期")
	what.Truncation = fyne.TextTruncateEllipsis
	line := container.NewBorder(nil, nil, name, nil, what)
	where := widget.NewLabel("阳光社会工作服务中心 · 北京市朝阳区")
	where.Importance = widget.LowImportance
	where.Truncation = fyne.TextTruncateEllipsis
	// The "how soon" column as wide as its widest text (in this language),
	// so the names line up down the list.
	width := float32(0)
	for _, text := range []string{i18n.T("dash.overdue_days", "Days", 365), i18n.T("dash.lapsed_on", "Date", "2026-12-31")} {
		widest := widget.NewLabel(text)
		widest.TextStyle.Bold = true
		width = max(width, widest.MinSize().Width)
	}
	column := canvas.NewRectangle(color.Transparent)
	// A little more than the widest text: with "…" for a text that does not
	// fit, a label would cut one that fits only to the fraction of a unit.
	column.SetMinSize(fyne.NewSize(width+2, 0))
	// A group's heading: one line from the row's left edge, its name and
	// count, on a tinted band; the item's cells are hidden meanwhile.
	band := canvas.NewRectangle(color.Transparent)
	head := widget.NewLabel("上海市乐助社工服务社 · 共 12 项")
	head.Importance = widget.HighImportance
	head.Truncation = fyne.TextTruncateEllipsis
	headBox := container.NewVBox(layout.NewSpacer(), head, layout.NewSpacer())
	headBox.Hide()
	item := container.NewBorder(nil, nil, container.NewStack(column, when), nil, container.NewVBox(line, where))
	return container.NewStack(band, item, headBox)
}

// rowHeading is a row's heading label (shown for a group's heading only).
func rowHeading(o fyne.CanvasObject) *widget.Label {
	return o.(*fyne.Container).Objects[2].(*fyne.Container).Objects[1].(*widget.Label)
}

// headingBand is the tint behind a group heading: the primary colour the
// heading is written in, faint, across the whole row.
func headingBand() color.Color {
	r, g, b, _ := theme.Color(theme.ColorNamePrimary).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x26}
}

// rowTexts are the labels of a dashboard row: the name cell (nameColumn),
// what is due, where the holder works, and how soon.
func rowTexts(o fyne.CanvasObject) (name fyne.CanvasObject, what, where, when *widget.Label) {
	c := o.(*fyne.Container).Objects[1].(*fyne.Container)
	texts := c.Objects[0].(*fyne.Container)
	line := texts.Objects[0].(*fyne.Container)
	return line.Objects[1], line.Objects[0].(*widget.Label), texts.Objects[1].(*widget.Label), c.Objects[1].(*fyne.Container).Objects[1].(*widget.Label)
}

func (s *Dashboard) updateRow(r widget.ListItemID, o fyne.CanvasObject) {
	nameCell, what, where, when := rowTexts(o)
	g, i := s.row(r)
	c := o.(*fyne.Container)
	band, item, head := c.Objects[0].(*canvas.Rectangle), c.Objects[1], c.Objects[2]
	// A heading lies on a tinted band across the row, in the primary
	// colour (the bundled Chinese font has no bold face). Rows keep one
	// height: Fyne's list gives up its constant-time scrolling once any
	// row has a height of its own, and the dashboard lists 100,000 items.
	if i < 0 {
		band.FillColor = headingBand()
		band.Refresh()
		item.Hide()
		rowHeading(o).SetText(groupTitle(s.filtered.Group, s.spans[g].Value) + " · " + i18n.T("dash.group_count", "Count", s.spans[g].Count))
		head.Show()
		return
	}
	band.FillColor = color.Transparent
	band.Refresh()
	head.Hide()
	item.Show()
	it, ok := s.Item(i)
	if !ok {
		return
	}
	columnLabel(nameCell).SetText(it.Name)
	when.SetText(i18n.DaysText(it))
	when.Importance = daysImportance(it)
	when.Refresh()
	what.SetText(fmt.Sprintf("%s · %s", it.MNo, i18n.AttentionText(it)))
	where.SetText(it.Org + "  " + it.Region)
}
