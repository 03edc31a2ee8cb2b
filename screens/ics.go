package screens

import (
	"context"
	"io"
	"strconv"
	"time"

	"fyne.io/fyne/v2"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/ical"
	"github.com/swcert/swcert/screens/i18n"
)

// ICSOptions are what a calendar file needs besides the items: whose
// database it comes from (its own key's ID, in every UID), the reminder
// days of Settings (the alarms), and the store that numbers revisions.
type ICSOptions struct {
	DBID       string
	RemindDays []int
	Sequences  data.CalendarService // nil: every event is revision 0
}

// icsOptions are the window's: this database, the days given.
func (s Services) icsOptions(days []int) (ICSOptions, error) {
	keys, err := s.Keys.Keys(s.ctx())
	if err != nil {
		return ICSOptions{}, err
	}
	o := ICSOptions{RemindDays: days, Sequences: s.Calendar}
	if k := data.OwnKeyOf(keys); k != nil {
		o.DBID = k.KID
	}
	return o, nil
}

// remindDays are the reminder days set in Settings (the defaults when
// none or none that read).
func remindDays(prefs fyne.Preferences) []int {
	days, err := data.ParseReminderDays(prefs.StringWithFallback(PrefRemindDays, "30,7,1"))
	if err != nil {
		return data.DefaultReminderDays
	}
	return days
}

// ICS writes the items as an iCalendar file, one all-day event for each
// item that has a date of its own (data.CalendarUID), and returns how many
// it wrote. The command line writes the same.
func ICS(ctx context.Context, w io.Writer, items []data.Attention, now time.Time, o ICSOptions) (int, error) {
	events := make([]ical.Event, 0, len(items))
	stamps := make([]data.CalendarEvent, 0, len(items))
	seen := map[string]int{}
	for _, it := range items {
		uid := data.CalendarUID(it, o.DBID)
		if uid == "" {
			continue
		}
		// Two items of one role on one certificate (two annotations
		// being generated): each its own event.
		if seen[uid]++; seen[uid] > 1 {
			uid = strconv.Itoa(seen[uid]) + "-" + uid
		}
		e := ical.Event{UID: uid, Day: it.DueOn, Summary: it.Name + "：" + AttentionText(it),
			Description: i18n.T("level."+string(it.Level)) + " " + it.MNo + " · " + it.Org, Alarms: o.RemindDays}
		events = append(events, e)
		stamps = append(stamps, data.CalendarEvent{UID: uid, Day: e.Day, Text: e.Summary + "\n" + e.Description})
	}
	if o.Sequences != nil {
		seqs, err := o.Sequences.CalendarSequences(ctx, stamps)
		if err != nil {
			return 0, err
		}
		for i := range events {
			events[i].Sequence = seqs[i]
		}
	}
	return len(events), ical.Write(w, events, now)
}
