package data

import (
	"context"
	"strconv"
	"strings"
)

// Decision (issue #15) on calendar events. A calendar application keeps an
// event by its UID and replaces it when a file brings the same UID again,
// so the UID is what an event is:
//   - it names the database (its own key's ID): two databases never share
//     one, and one calendar can hold both agencies' deadlines;
//   - it names the certificate and the role of the date (the annotation's
//     end, a registration window's opening or closing, the CE period's end,
//     the paper certificate's collection deadline), not the item's message:
//     "expires soon" becoming "expired" is the same event, updated, and the
//     next annotation's end is the same event moved, never a second one;
//   - a standing item (a certificate not valid) has no date of its own and
//     is no event.
// The store remembers each UID's date and text (CalendarService): when they
// change, SEQUENCE goes up by one, as RFC 5545 asks of a revised event.

// CalendarEvent is what a calendar file says of one deadline.
type CalendarEvent struct {
	UID string
	Day Date
	// Text is the summary and description: a change to it, as to the
	// day, is a revision.
	Text string
}

// CalendarService numbers the revisions of the events exported.
type CalendarService interface {
	// CalendarSequences records the events as exported now and returns
	// each one's SEQUENCE: 0 the first time, one more each time its day
	// or text changed since the last export.
	CalendarSequences(ctx context.Context, events []CalendarEvent) ([]int, error)
}

// CalendarUID is the UID of an item's event, unique to the database
// named by dbID; "" for an item that is no event.
func CalendarUID(a Attention, dbID string) string {
	role := calendarRole(a)
	if role == "" {
		return ""
	}
	return role + "-" + strconv.FormatInt(a.CertID, 10) + "@" + dbID + ".swcert"
}

// calendarRole is what the item's date is the date of.
func calendarRole(a Attention) string {
	k := strings.TrimPrefix(a.Key, "att.")
	switch {
	case k == "ann_expires":
		return "annotation-end"
	case k == "ann_generating":
		return "annotation-ready"
	case strings.HasPrefix(k, "reg_upcoming."):
		return "registration-opens-" + strings.TrimPrefix(k, "reg_upcoming.")
	case strings.HasPrefix(k, "reg_open."):
		return "registration-closes-" + strings.TrimPrefix(k, "reg_open.")
	case k == "reg."+string(DueMissed):
		return "registration-closes-" + string(RegFirst) // a first registration missed
	case k == "reg."+string(DueLapsed):
		return "registration-closes-" + string(RegRenewal) // a registration lapsed
	case k == "ce_missing":
		return "ce-period-end"
	case k == "paper_collect" || k == "paper_overdue":
		return "paper-deadline"
	}
	return ""
}
