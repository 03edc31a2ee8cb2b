// Package ical writes deadlines as an iCalendar file (RFC 5545) that a
// calendar application imports: one all-day event a deadline.
package ical

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/swcert/swcert/data"
)

// Event is one deadline.
type Event struct {
	UID         string
	Day         data.Date
	Summary     string
	Description string
	// Sequence numbers the event's revisions (RFC 5545 3.8.7.4): a
	// calendar takes a file's event over the one it has when it is higher.
	Sequence int
	// Alarms are the reminder days: an alarm at 09:00 that many days
	// before the day (0: on the day). An alarm whose time has passed
	// when the file is written is left out: a calendar would show it
	// at once, for a date long gone.
	Alarms []int
}

// alarmHour is when a reminder goes off on its day, Beijing time.
const alarmHour = 9

// Write writes the calendar. stamp is the DTSTAMP of every event (the
// export time); lines are folded at 75 octets as the RFC requires, never
// inside a UTF-8 character.
func Write(w io.Writer, events []Event, stamp time.Time) error {
	var b strings.Builder
	line := func(s string) { b.WriteString(fold(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//SWCert//社工证书助手//ZH")
	line("CALSCALE:GREGORIAN")
	line("X-WR-CALNAME:SWCert")
	ts := stamp.UTC().Format("20060102T150405Z")
	for _, e := range events {
		day := e.Day.Time()
		line("BEGIN:VEVENT")
		line("UID:" + escape(e.UID))
		line("DTSTAMP:" + ts)
		line("DTSTART;VALUE=DATE:" + day.Format("20060102"))
		line("DTEND;VALUE=DATE:" + day.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY:" + escape(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION:" + escape(e.Description))
		}
		line("SEQUENCE:" + strconv.Itoa(e.Sequence))
		line("TRANSP:TRANSPARENT")
		for i := len(e.Alarms) - 1; i >= 0; i-- { // the farthest first, as people read them
			d := e.Alarms[i]
			if e.Day.AddDays(-d).Start().Add(alarmHour * time.Hour).Before(stamp) {
				continue
			}
			line("BEGIN:VALARM")
			line("ACTION:DISPLAY")
			line("DESCRIPTION:" + escape(e.Summary))
			line("TRIGGER:" + trigger(d))
			line("END:VALARM")
		}
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	_, err := io.WriteString(w, b.String())
	return err
}

// trigger is the alarm d days before the start of an all-day event (its
// midnight), at alarmHour: -P6DT15H is 09:00 seven days before.
func trigger(d int) string {
	if d == 0 {
		return "PT" + strconv.Itoa(alarmHour) + "H"
	}
	return fmt.Sprintf("-P%dDT%dH", d-1, 24-alarmHour)
}

// escape quotes the characters TEXT values reserve.
func escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}

// fold ends a content line with CRLF, continuing long ones on lines that
// begin with a space.
func fold(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		size := utf8.RuneLen(r)
		if n+size > 75 {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteRune(r)
		n += size
	}
	b.WriteString("\r\n")
	return b.String()
}
