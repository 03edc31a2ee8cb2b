// Package ical writes deadlines as an iCalendar file (RFC 5545) that a
// calendar application imports: one all-day event a deadline.
package ical

import (
	"fmt"
	"io"
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
}

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
		line("TRANSP:TRANSPARENT")
		line("BEGIN:VALARM")
		line("ACTION:DISPLAY")
		line("DESCRIPTION:" + escape(e.Summary))
		line("TRIGGER:-P7D")
		line("END:VALARM")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	_, err := io.WriteString(w, b.String())
	return err
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

// UID names an attention item stably, so importing again updates events
// instead of doubling them.
func UID(a data.Attention) string {
	return fmt.Sprintf("%s-%d-%d-%s@swcert", a.Kind, a.CertID, a.HolderID, a.Key)
}
