package screens

import (
	"bytes"
	"fmt"
	"io"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/ical"
	"github.com/swcert/swcert/screens/i18n"
)

// Dashboard is the first tab: what needs attention across all holders,
// soonest first, with figures on top and filters; a row opens the tab
// where it is dealt with.
type Dashboard struct {
	svc Services
	win fyne.Window
	// OnOpen shows an item in its tab (set by Main).
	OnOpen func(data.Attention)
	// OnComputed is told every fresh computation (Main sends reminders).
	OnComputed func([]data.Attention)

	all   []data.Attention
	shown []data.Attention
	// The snapshot itself is let go once the items are worked out: with
	// 100,000 holders it is most of the memory; the figures need only these.
	holders, certs int
	computed       bool
	// What the items were worked out against: the store's version and the
	// minute (states turn on the clock, to the minute at the finest).
	version int64
	minute  time.Time

	figures *widget.Label
	kind    *widget.Select
	within  *widget.Select
	level   *widget.Select
	search  *widget.Entry
	list    *widget.List
	status  *widget.Label

	content fyne.CanvasObject
}

var withinDays = []int{7, 30, 90, 0}

// NewDashboard builds the tab; Refresh fills it.
func NewDashboard(svc Services, win fyne.Window) *Dashboard {
	s := &Dashboard{svc: svc, win: win}
	s.figures = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.figures.Wrapping = fyne.TextWrapWord
	kinds := append([]string{i18n.T("dash.all_kinds")}, labels("att.kind.", data.AttentionKinds)...)
	s.kind = widget.NewSelect(kinds, func(string) { s.applyFilter() })
	s.kind.SetSelectedIndex(0)
	var within []string
	for _, d := range withinDays {
		if d == 0 {
			within = append(within, i18n.T("dash.any_time"))
		} else {
			within = append(within, i18n.T("dash.within", "Days", d))
		}
	}
	s.within = widget.NewSelect(within, func(string) { s.applyFilter() })
	s.within.SetSelectedIndex(1)
	s.level = widget.NewSelect(append([]string{i18n.T("dash.all_levels")}, labels("level.", data.Levels)...), func(string) { s.applyFilter() })
	s.level.SetSelectedIndex(0)
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(i18n.T("dash.search"))
	s.search.OnChanged = func(string) { s.applyFilter() }
	s.status = wrapped("")
	s.list = widget.NewList(func() int { return len(s.shown) }, s.newRow, s.updateRow)
	s.list.OnSelected = func(i widget.ListItemID) {
		if i < len(s.shown) && s.OnOpen != nil {
			s.OnOpen(s.shown[i])
		}
		s.list.UnselectAll()
	}
	refresh := widget.NewButtonWithIcon(i18n.T("dash.refresh"), theme.ViewRefreshIcon(), s.Refresh)
	ics := widget.NewButtonWithIcon(i18n.T("dash.export_ics"), theme.DocumentSaveIcon(), s.onExportICS)
	filters := container.NewGridWithColumns(4, s.kind, s.within, s.level, s.search)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(refresh, ics), s.figures),
		filters, s.status,
	)
	s.content = container.NewBorder(top, nil, nil, nil, s.list)
	return s
}

// Content is the tab's canvas object.
func (s *Dashboard) Content() fyne.CanvasObject { return s.content }

// Show is switching to the tab: the items are worked out again only when
// something was written since, or the minute changed; otherwise what is
// shown is still true, and with 100,000 holders the work takes seconds.
func (s *Dashboard) Show() {
	if s.computed {
		v, err := s.svc.Snapshots.Version(s.svc.ctx())
		if err == nil && v == s.version && s.svc.Now().Truncate(time.Minute).Equal(s.minute) {
			return
		}
	}
	s.Refresh()
}

// Refresh computes everything again, off the UI goroutine: with 100,000
// holders it takes a moment, and the window stays live meanwhile.
func (s *Dashboard) Refresh() {
	s.status.SetText(i18n.T("dash.computing"))
	var snap *data.Snapshot
	var items []data.Attention
	var err error
	version, minute := int64(-1), s.svc.Now().Truncate(time.Minute)
	s.svc.background(func() {
		// The version before the snapshot: a write while it is read shows
		// at the next Show.
		if v, err := s.svc.Snapshots.Version(s.svc.ctx()); err == nil {
			version = v
		}
		snap, err = s.svc.Snapshots.Snapshot(s.svc.ctx())
		if err == nil {
			items = data.AttentionItems(snap, s.svc.Now())
		}
	}, func() {
		if err != nil {
			s.status.SetText(i18n.Message(err))
			return
		}
		s.all, s.holders, s.certs, s.computed = items, len(snap.Holders), len(snap.Certificates), true
		s.version, s.minute = version, minute
		big := s.holders > 10000
		snap = nil
		s.showFigures()
		s.applyFilter()
		if big && !s.svc.Sync {
			// A large snapshot was just let go: hand its pages back to the
			// system now rather than keep them for the next refresh.
			go debug.FreeOSMemory()
		}
		if s.OnComputed != nil {
			s.OnComputed(items)
		}
	})
}

func (s *Dashboard) showFigures() {
	month, overdue := 0, 0
	for _, it := range s.all {
		switch {
		case it.Overdue:
			overdue++
		case it.DaysLeft <= 30:
			month++
		}
	}
	s.figures.SetText(i18n.T("dash.figures", "Holders", s.holders, "Certs", s.certs, "Month", month, "Overdue", overdue))
}

// Filter is what the filters select.
func (s *Dashboard) Filter() data.AttentionFilter {
	f := data.AttentionFilter{Search: s.search.Text}
	if i := s.kind.SelectedIndex(); i > 0 {
		f.Kind = data.AttentionKinds[i-1]
	}
	if i := s.within.SelectedIndex(); i >= 0 {
		f.Within = withinDays[i]
	}
	if i := s.level.SelectedIndex(); i > 0 {
		f.Level = data.Levels[i-1]
	}
	return f
}

func (s *Dashboard) applyFilter() {
	if s.list == nil || !s.computed {
		return
	}
	s.shown = s.Filter().Filter(s.all)
	s.status.SetText(i18n.T("dash.showing", "Count", len(s.shown), "Total", len(s.all)))
	s.list.Refresh()
}

func (s *Dashboard) newRow() fyne.CanvasObject {
	when := widget.NewLabel("已逾期 999 天")
	when.TextStyle.Bold = true
	what := widget.NewLabel("欧阳娜娜 · 2021G320000057 · 加注到期")
	what.Truncation = fyne.TextTruncateEllipsis
	where := widget.NewLabel("阳光社会工作服务中心 · 北京市朝阳区")
	where.Importance = widget.LowImportance
	where.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, when, nil, container.NewVBox(what, where))
}

func (s *Dashboard) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.shown) {
		return
	}
	it := s.shown[i]
	c := o.(*fyne.Container)
	texts, when := c.Objects[0].(*fyne.Container), c.Objects[1].(*widget.Label)
	when.SetText(DaysText(it))
	switch {
	case it.Overdue || it.Kind == data.AttCertificate:
		when.Importance = widget.DangerImportance
	case it.DaysLeft <= 7:
		when.Importance = widget.WarningImportance
	default:
		when.Importance = widget.MediumImportance
	}
	when.Refresh()
	texts.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s", it.Name, it.MNo, AttentionText(it)))
	texts.Objects[1].(*widget.Label).SetText(it.Org + "  " + it.Region)
}

// AttentionText is an item's message (the CLI prints the same).
func AttentionText(it data.Attention) string {
	args := append([]any{"Due", it.DueOn.String(), "Level", i18n.T("level." + string(it.Level))}, it.Args...)
	return i18n.T(it.Key, args...)
}

// DaysText is how soon: "in 5 days", "today", "3 days overdue".
func DaysText(it data.Attention) string {
	switch {
	case it.DaysLeft < 0:
		return i18n.T("dash.overdue_days", "Days", -it.DaysLeft)
	case it.DaysLeft == 0:
		return i18n.T("dash.today")
	}
	return i18n.T("dash.in_days", "Days", it.DaysLeft)
}

// ICS writes the shown items as an iCalendar file.
func ICS(w io.Writer, items []data.Attention, now time.Time) error {
	events := make([]ical.Event, len(items))
	for i, it := range items {
		events[i] = ical.Event{UID: ical.UID(it), Day: it.DueOn, Summary: it.Name + "：" + AttentionText(it),
			Description: i18n.T("level."+string(it.Level)) + " " + it.MNo + " · " + it.Org}
	}
	return ical.Write(w, events, now)
}

func (s *Dashboard) onExportICS() {
	askSave(s.win, "swcert-deadlines.ics", ".ics", func(w fyne.URIWriteCloser) {
		var b bytes.Buffer
		err := ICS(&b, s.shown, s.svc.Now())
		where, err := writeOut(w, b.Bytes(), err)
		if err != nil {
			s.status.SetText(i18n.Message(err))
			return
		}
		s.status.SetText(i18n.T("dash.ics_saved", "Path", where, "Count", len(s.shown)))
	})
}
