package i18n

import (
	"context"
	"io"
	"strconv"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/ical"
)

// ICSOptions are what a calendar file needs besides the items: whose
// database it comes from (its own key's ID, in every UID), the reminder
// days of Settings (the alarms), and the store that numbers revisions.
type ICSOptions struct {
	DBID       string
	RemindDays []int
	Sequences  data.CalendarService // nil: every event is revision 0
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
			Description: T("level."+string(it.Level)) + " " + it.MNo + " · " + it.Org, Alarms: o.RemindDays}
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
