package screens

import (
	"bytes"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
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
	OnComputed func()

	// The items are read from the store a page at a time, as the list
	// scrolls: the first screen from the count and the first page, then by
	// their keys, read meanwhile (with 1,000,000 holders reading every key
	// takes seconds, and a page far down by its offset too).
	computed bool
	at       time.Time // the instant the items are read at
	figs     data.AttentionFigures
	count    int                      // the items the filters select
	keys     []data.AttentionKey      // their keys, in order, once read (nil before)
	spans    []data.AttentionSpan     // their groups, when grouped
	heads    []int                    // the row of each group's heading
	pages    map[int][]data.Attention // pages read of them
	reading  map[int]bool             // pages being read by their offset, off the UI goroutine
	filterN  int                      // counts filter changes, so a slow read cannot land late
	filtered data.AttentionFilter     // what the list shows
	// What was read holds while the store's version and the minute stay
	// (states turn on the clock, to the minute at the finest).
	version int64
	minute  time.Time

	figures *widget.Label
	kind    *widget.Select
	within  *widget.Select
	level   *widget.Select
	group   *widget.Select
	search  *widget.Entry
	list    *pickList
	status  *widget.Label

	dossier *dossierBar // agency changes under review, programme experience

	top     *fyne.Container
	content fyne.CanvasObject
}

// dashPage is how many items are read at a time.
const dashPage = 100

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
	s.group = widget.NewSelect(labels("dash.group.", groupNames()), func(string) { s.applyFilter() })
	s.group.SetSelectedIndex(0)
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(i18n.T("dash.search"))
	s.search.OnChanged = func(string) { s.applyFilter() }
	s.status = wrapped("")
	s.list = newPickList(func() int { return s.count + len(s.spans) }, s.newRow, s.updateRow)
	s.list.moveOnly = true // each row opens a tab: the arrows move, Enter opens
	s.list.OnSelected = func(r widget.ListItemID) {
		if _, i := s.row(r); i >= 0 && s.OnOpen != nil {
			if it, ok := s.Item(i); ok {
				s.OnOpen(it)
			}
		}
		s.list.UnselectAll()
	}
	refresh := widget.NewButtonWithIcon(i18n.T("dash.refresh"), theme.ViewRefreshIcon(), s.Refresh)
	ics := widget.NewButtonWithIcon(i18n.T("dash.export_ics"), theme.DocumentSaveIcon(), s.onExportICS)
	filters := container.NewGridWithColumns(5, s.kind, s.within, s.level, s.group, s.search)
	s.dossier = newDossierBar(svc, win)
	s.dossier.incomplete.OnChanged = func(on bool) {
		if on { // the filter has its own days: the window open or opening within 90
			s.within.Disable()
		} else {
			s.within.Enable()
		}
		s.applyFilter()
	}
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(refresh, ics), s.figures),
		filters, s.dossier.content, s.status,
	)
	s.top = top
	s.content = container.NewBorder(top, nil, nil, nil, s.list)
	return s
}

// SetTop puts o above the figures (Main puts the reminder centre there).
func (s *Dashboard) SetTop(o fyne.CanvasObject) {
	s.top.Objects = append([]fyne.CanvasObject{o}, s.top.Objects...)
	s.top.Refresh()
}

// Content is the tab's canvas object.
func (s *Dashboard) Content() fyne.CanvasObject { return s.content }

// Show is switching to the tab: the items are read again only when
// something was written since, or the minute changed; otherwise what is
// shown is still true.
func (s *Dashboard) Show() {
	s.dossier.refresh() // agency changes are no attention items: counted each time
	if s.computed {
		v, err := s.svc.Attention.Version(s.svc.ctx())
		if err == nil && v == s.version && s.svc.Now().Truncate(time.Minute).Equal(s.minute) {
			return
		}
	}
	s.Refresh()
}

// Refresh reads everything again, off the UI goroutine: the store first
// works out the holders whose items may have changed (quick, unless a
// great many were just written), and the window stays live meanwhile.
func (s *Dashboard) Refresh() {
	s.status.SetText(i18n.T("dash.computing"))
	s.dossier.refresh()
	var figs data.AttentionFigures
	var err error
	at := s.svc.Now()
	version := int64(-1)
	s.svc.background(func() {
		// Heavy: after a large import every holder is worked out again.
		s.svc.heavy(func() { figs, err = s.svc.Attention.AttentionFigures(s.svc.ctx(), at) })
		// The version after the store brought its items up to date (a
		// write of its own), and before they are read: a write landing
		// meanwhile shows at the next Show.
		if v, verr := s.svc.Attention.Version(s.svc.ctx()); err == nil && verr == nil {
			version = v
		}
	}, func() {
		if err != nil {
			s.status.SetText(i18n.Message(err))
			return
		}
		s.figs, s.at, s.computed = figs, at, true
		s.version, s.minute = version, at.Truncate(time.Minute)
		s.figures.SetText(i18n.T("dash.figures", "Holders", figs.Holders, "Certs", figs.Certificates, "Month", figs.Month, "Overdue", figs.Overdue))
		s.applyFilter()
		if s.OnComputed != nil {
			s.OnComputed()
		}
	})
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
	if s.dossier.incomplete.Checked {
		f.DossierIncomplete, f.Within = true, 0
	}
	if i := s.level.SelectedIndex(); i > 0 {
		f.Level = data.Levels[i-1]
	}
	if i := s.group.SelectedIndex(); i > 0 {
		f.Group = data.AttentionGroups[i]
	}
	return f
}

// applyFilter reads how many items the filters select, with the first
// page, off the UI goroutine (a pass over the table: half a second with
// 1,000,000 holders on a server), then their keys for the list to read
// the others by as it scrolls.
func (s *Dashboard) applyFilter() {
	if s.list == nil || !s.computed {
		return
	}
	s.filterN++
	n, f, at := s.filterN, s.Filter(), s.at
	var count int
	var spans []data.AttentionSpan
	var first []data.Attention
	var err error
	s.svc.background(func() {
		count, spans, err = s.svc.Attention.AttentionCount(s.svc.ctx(), f, at)
		if err == nil {
			first, err = s.svc.Attention.AttentionAt(s.svc.ctx(), f, at, 0, dashPage)
		}
	}, func() {
		if n != s.filterN {
			return // the filters changed again meanwhile
		}
		if err != nil {
			s.status.SetText(i18n.Message(err))
			return
		}
		changed := f != s.filtered
		s.count, s.keys, s.spans, s.pages, s.filtered = count, nil, spans, map[int][]data.Attention{0: first}, f
		s.reading = map[int]bool{}
		s.heads = make([]int, len(spans))
		for g, row := 0, 0; g < len(spans); g++ {
			s.heads[g] = row
			row += 1 + spans[g].Count
		}
		s.status.SetText(i18n.T("dash.showing", "Count", count, "Total", s.figs.Items))
		s.list.Refresh()
		s.readKeys(n, f, at)
		if changed {
			// Other items: from the top. (The hourly refresh leaves the
			// list where the person scrolled it.)
			s.list.ScrollToTop()
		}
	})
}

// readKeys reads the keys of the items the list shows, off the UI
// goroutine: a page far down is then read by them in a few milliseconds.
// Until they land a page is read by its offset. Keys that name another
// number of items (written meanwhile) are left: the next read, at the
// store's next version, reads them again.
func (s *Dashboard) readKeys(n int, f data.AttentionFilter, at time.Time) {
	var keys []data.AttentionKey
	var err error
	s.svc.background(func() {
		keys, _, err = s.svc.Attention.AttentionKeys(s.svc.ctx(), f, at)
	}, func() {
		if n != s.filterN || err != nil || len(keys) != s.count {
			return
		}
		s.keys = keys
	})
}

// daysImportance is the colour of i18n.DaysText: red for what is overdue now
// (and a certificate not valid today), amber within a week; what lapsed
// long ago (data.LongPast) is settled history, in the plain colour.
func daysImportance(it data.Attention) widget.Importance {
	switch {
	case it.LongPast():
		return widget.MediumImportance
	case it.Overdue || it.Kind == data.AttCertificate:
		return widget.DangerImportance
	case it.DaysLeft <= 7:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

func (s *Dashboard) onExportICS() {
	askSave(s.win, data.ExportFileName(".ics", i18n.T("dash.file_ics"), data.DateOf(s.svc.Now()).String()), []string{".ics"}, func(path string) {
		// Every item the filters select, off the UI goroutine: "any time"
		// is 185,000 of them with 100,000 holders.
		s.status.SetText(i18n.T("busy.export"))
		f, at := s.Filter(), s.at
		days := remindDays(fyne.CurrentApp().Preferences()) // the alarms: Settings' days
		var items []data.Attention
		var events int
		var where string
		var err error
		s.svc.background(func() {
			var b bytes.Buffer
			if items, err = s.svc.Attention.Attention(s.svc.ctx(), f, at); err == nil {
				var o i18n.ICSOptions
				if o, err = s.svc.icsOptions(days); err == nil {
					events, err = i18n.ICS(s.svc.ctx(), &b, items, s.svc.Now(), o)
				}
			}
			where, err = writeOut(path, b.Bytes(), err)
		}, func() {
			if err != nil {
				s.status.SetText(i18n.Message(err))
				return
			}
			s.status.SetText(i18n.T("dash.ics_saved", "Path", where, "Count", events))
		})
	})
}
