package screens

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// PrefRemindDays is the preference of the reminder windows: "30,7,1".
const PrefRemindDays = "remind_days"

// centreRows is how many reminders the centre lists above the dashboard;
// the rest are in its "All reminders" dialog, and count as shown once it
// was opened.
const centreRows = 3

// ReminderCentre is the window's reminder centre, on top of the dashboard:
// the deadlines newly within a reminder window (30, 7 and 1 day by
// default, in Settings), each marked new or when it was announced, to open,
// snooze until tomorrow or dismiss. Desktop notifications are often
// blocked (security suites on Windows, no D-Bus on Linux) and Fyne cannot
// tell whether one was shown, so a reminder counts as told only once it
// was on screen here; the notification is an extra, sent once. What
// happened to each reminder is kept in the database (data.ReminderState).
type ReminderCentre struct {
	svc Services
	win fyne.Window
	// OnOpen shows an item in its tab (set by Main).
	OnOpen func(data.Attention)
	// Visible says whether the centre is on screen (its tab selected).
	Visible func() bool

	due     []data.Reminder
	all     *widget.Button // the dialog of every reminder due
	dialog  dialog.Dialog  // that dialog, while open
	heading *widget.Label
	rows    *fyne.Container
	msg     *widget.Label
	content *fyne.Container
}

// NewReminderCentre builds the centre, empty and hidden until reminders come.
func NewReminderCentre(svc Services, win fyne.Window) *ReminderCentre {
	c := &ReminderCentre{svc: svc, win: win, Visible: func() bool { return true }}
	c.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.heading.Wrapping = fyne.TextWrapWord
	c.rows = container.NewVBox()
	c.msg = wrapped("")
	c.msg.Importance = widget.DangerImportance
	c.msg.Hide()
	c.all = widget.NewButtonWithIcon("", theme.ListIcon(), c.showAll)
	c.content = container.NewVBox(container.NewBorder(nil, nil, nil, c.all, c.heading), c.rows, c.msg, widget.NewSeparator())
	c.content.Hide()
	return c
}

// Content is the centre's canvas object.
func (c *ReminderCentre) Content() fyne.CanvasObject { return c.content }

// Due is what the centre lists now.
func (c *ReminderCentre) Due() []data.Reminder { return c.due }

// load reads the items within a window (days sorted, smallest first) and what happened to their
// reminders, then shows them; notify is told the new ones not notified yet.
func (c *ReminderCentre) load(days []int, notify func([]data.Reminder)) {
	var due []data.Reminder
	var err error
	if c.svc.Reminders == nil {
		return // no store of reminder states (Services without one): no centre
	}
	now := c.svc.Now()
	f := data.AttentionFilter{Within: days[len(days)-1], Upcoming: true}
	c.svc.background(func() {
		var items []data.Attention
		items, err = c.svc.Attention.Attention(c.svc.ctx(), f, now)
		if err != nil {
			return
		}
		var states map[string]data.ReminderState
		states, err = c.svc.Reminders.ReminderStates(c.svc.ctx(), data.ReminderKeys(items, days))
		if err == nil {
			due = data.DueReminders(items, days, states, now)
		}
	}, func() {
		if err != nil {
			c.fail(err)
			return
		}
		// New at this reading and never notified (the window may be behind
		// others: the notification is sent too, once).
		var fresh []data.Reminder
		for _, r := range due {
			if !r.Announced() && r.State.NotifiedAt.IsZero() {
				fresh = append(fresh, r)
			}
		}
		c.show(due)
		if len(fresh) > 0 && notify != nil {
			notify(fresh)
		}
	})
}

func (c *ReminderCentre) fail(err error) {
	c.msg.SetText(i18n.Message(err))
	c.msg.Show()
	c.content.Show()
}

// show lists the reminders and, when the centre is on screen, records the
// ones listed as shown.
func (c *ReminderCentre) show(due []data.Reminder) {
	c.due = due
	c.msg.Hide()
	if len(due) == 0 {
		c.rows.Objects = nil
		c.content.Hide()
		return
	}
	fresh := 0
	for _, r := range due {
		if !r.Announced() {
			fresh++
		}
	}
	c.heading.SetText(i18n.T("remind.centre", "Count", len(due), "New", fresh))
	var rows []fyne.CanvasObject
	for i, r := range due {
		if i == centreRows {
			break
		}
		rows = append(rows, c.row(r))
	}
	c.all.SetText(i18n.T("remind.all", "Count", len(due)))
	c.all.Hidden = len(due) <= centreRows
	c.rows.Objects = rows
	c.rows.Refresh()
	c.content.Show()
	c.content.Refresh()
	c.Seen()
}

// row is one reminder: what is due, whether it is new, and its buttons.
func (c *ReminderCentre) row(r data.Reminder) fyne.CanvasObject {
	o := c.newRow()
	c.fillRow(o, r)
	return o
}

// newRow is the template of a row: [text, state, buttons].
func (c *ReminderCentre) newRow() fyne.CanvasObject {
	text := widget.NewLabel("")
	text.Truncation = fyne.TextTruncateEllipsis
	state := widget.NewLabel("")
	open := widget.NewButtonWithIcon(i18n.T("remind.open"), theme.NavigateNextIcon(), nil)
	snooze := widget.NewButtonWithIcon(i18n.T("remind.snooze"), theme.HistoryIcon(), nil)
	dismiss := widget.NewButtonWithIcon(i18n.T("remind.dismiss"), theme.ConfirmIcon(), nil)
	return container.NewBorder(nil, nil, state, container.NewHBox(open, snooze, dismiss), text)
}

// fillRow puts reminder r in a row made by newRow.
func (c *ReminderCentre) fillRow(o fyne.CanvasObject, r data.Reminder) {
	objs := o.(*fyne.Container).Objects
	text, state, buttons := objs[0].(*widget.Label), objs[1].(*widget.Label), objs[2].(*fyne.Container).Objects
	text.SetText(ReminderText(r.Item))
	state.Importance = widget.WarningImportance
	state.SetText(i18n.T("remind.new"))
	if r.Announced() {
		state.Importance = widget.LowImportance
		state.SetText(i18n.T("remind.announced", "At", i18n.Time(r.State.ShownAt)))
	}
	it, key := r.Item, r.Key
	buttons[0].(*widget.Button).OnTapped = func() {
		if c.dialog != nil {
			c.dialog.Hide()
			c.dialog = nil
		}
		if c.OnOpen != nil {
			c.OnOpen(it)
		}
	}
	buttons[1].(*widget.Button).OnTapped = func() {
		c.act(c.svc.Reminders.SnoozeReminder(c.svc.ctx(), key, data.SnoozeUntil(c.svc.Now())), key)
	}
	buttons[2].(*widget.Button).OnTapped = func() {
		c.act(c.svc.Reminders.DismissReminder(c.svc.ctx(), key), key)
	}
}

// showAll opens the list of every reminder due; they are on screen now.
func (c *ReminderCentre) showAll() {
	list := widget.NewList(func() int { return len(c.due) }, c.newRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(c.due) {
			c.fillRow(o, c.due[i])
		}
	})
	c.dialog = dialog.NewCustom(i18n.T("remind.all_title"), i18n.T("close"), list, c.win)
	c.dialog.Resize(fyne.NewSize(900, 560))
	c.dialog.Show()
	c.markShown(len(c.due))
}

// act takes a reminder snoozed or dismissed off the list.
func (c *ReminderCentre) act(err error, key string) {
	if err != nil {
		c.fail(err)
		return
	}
	if c.dialog != nil {
		c.dialog.Hide()
		c.dialog = nil
	}
	var rest []data.Reminder
	for _, r := range c.due {
		if r.Key != key {
			rest = append(rest, r)
		}
	}
	c.show(rest)
}

// Seen records the reminders listed as shown, if the centre is on screen
// (Main calls it again when the dashboard's tab is selected).
func (c *ReminderCentre) Seen() {
	if len(c.due) == 0 || c.Visible == nil || !c.Visible() || !c.content.Visible() {
		return
	}
	c.markShown(centreRows)
}

// markShown records the first n reminders due as shown.
func (c *ReminderCentre) markShown(n int) {
	var keys []string
	for i, r := range c.due {
		if i < n && !r.Announced() {
			keys = append(keys, r.Key)
		}
	}
	if len(keys) == 0 {
		return
	}
	if err := c.svc.Reminders.MarkRemindersShown(c.svc.ctx(), keys); err != nil {
		c.fail(err)
		return
	}
	now := c.svc.Now()
	for i := range c.due {
		if i < n && !c.due[i].Announced() {
			c.due[i].State.ShownAt = now
		}
	}
}

// ReminderText says one reminder in a line.
func ReminderText(it data.Attention) string {
	return i18n.T("remind.line", "Name", it.Name, "What", i18n.AttentionText(it), "Days", i18n.DaysText(it))
}

// remind brings the reminder centre up to date and sends one desktop
// notification for the reminders that are new and were never notified.
// The window calls it whenever the dashboard is computed: at start, and
// every hour while it runs (app/).
func (m *Main) remind() {
	days, err := data.ParseReminderDays(m.App.Preferences().StringWithFallback(PrefRemindDays, "30,7,1"))
	if err != nil {
		days = slices.Sorted(slices.Values(data.DefaultReminderDays)) // the windows go smallest first
	}
	m.Reminders.load(days, m.notify)
}

// notify sends the notification (an extra: it may never show) and records
// it was attempted, so it is not sent every hour.
func (m *Main) notify(fresh []data.Reminder) {
	lines := make([]string, 0, 4)
	for i, r := range fresh {
		if i == 3 {
			lines = append(lines, i18n.T("remind.more", "Count", len(fresh)-3))
			break
		}
		lines = append(lines, ReminderText(r.Item))
	}
	m.App.SendNotification(fyne.NewNotification(i18n.T("remind.title", "Count", len(fresh)), strings.Join(lines, "\n")))
	keys := make([]string, len(fresh))
	for i, r := range fresh {
		keys[i] = r.Key
	}
	_ = m.Svc.Reminders.MarkRemindersNotified(m.Svc.ctx(), keys) // at worst, sent again next hour
}
