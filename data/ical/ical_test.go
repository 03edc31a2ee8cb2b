package ical

import (
	"bytes"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"github.com/swcert/swcert/data"
)

func TestWriteParsesWithARealParser(t *testing.T) {
	events := []Event{
		{UID: "ann-1@swcert", Day: data.NewDate(2027, 2, 19), Summary: "欧阳娜娜：加注到期（2021G320000057）", Description: "社会工作师; 阳光社工, 北京市"},
		{UID: "paper-3@swcert", Day: data.NewDate(2026, 11, 30), Summary: strings.Repeat("纸质证书领取截止，逾期不予补发。", 4)},
	}
	var b bytes.Buffer
	if err := Write(&b, events, time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(b.String(), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
	}
	cal, err := goical.NewDecoder(&b).Decode()
	if err != nil {
		t.Fatalf("not iCalendar: %v", err)
	}
	got := cal.Events()
	if len(got) != 2 {
		t.Fatalf("%d events", len(got))
	}
	start, err := got[0].DateTimeStart(time.UTC)
	if err != nil || start.Format("2006-01-02") != "2027-02-19" {
		t.Errorf("start %v %v", start, err)
	}
	sum, _ := got[0].Props.Text(goical.PropSummary)
	desc, _ := got[0].Props.Text(goical.PropDescription)
	if sum != events[0].Summary || desc != events[0].Description {
		t.Errorf("summary %q description %q", sum, desc)
	}
	long, _ := got[1].Props.Text(goical.PropSummary)
	if long != events[1].Summary {
		t.Errorf("folded summary came back as %q", long)
	}
}
