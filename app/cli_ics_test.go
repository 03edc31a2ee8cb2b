package app

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// icsEvent is an event as python3-icalendar reads it.
type icsEvent struct {
	UID      string   `json:"uid"`
	Start    string   `json:"start"`
	Sequence int      `json:"sequence"`
	Triggers []string `json:"triggers"`
	Summary  string   `json:"summary"`
}

// readICS reads a calendar file with python3-icalendar (Debian's), the
// parser of many calendar tools.
func readICS(t *testing.T, path string) map[string]icsEvent {
	t.Helper()
	const py = `import sys, json, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for e in cal.walk('VEVENT'):
    out.append({'uid': str(e['UID']), 'start': e.decoded('DTSTART').isoformat(), 'sequence': int(e.get('SEQUENCE', -1)),
                'summary': str(e['SUMMARY']),
                'triggers': [str(a['TRIGGER'].to_ical().decode()) for a in e.walk('VALARM')]})
print(json.dumps(out))`
	b, err := exec.Command("/usr/bin/python3", "-c", py, path).CombinedOutput()
	if err != nil {
		t.Skipf("python3-icalendar (apt-get install python3-icalendar): %v\n%s", err, b)
	}
	var evs []icsEvent
	if err := json.Unmarshal(b, &evs); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	byKind := map[string]icsEvent{}
	for _, e := range evs {
		role := e.UID[:strings.Index(e.UID, "@")] // the role and the certificate
		if _, dup := byKind[role]; dup {
			t.Errorf("two events %q", role)
		}
		byKind[role] = e
	}
	return byKind
}

// Calendar events are unique to their database, keep their UID and date
// from one export to the next, are revised (SEQUENCE) when their date
// moves, and carry the alarms of the reminder days, none already past.
func TestExportICSStableUniqueWithAlarms(t *testing.T) {
	setup := func(r *run) {
		r.ok(nil, "holder", "add", "--name", "王芳", "--id-number", "11010519491231002X")
		r.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2026S110001", "--exam-year", "2026", "--passed-on", "2026-03-20", "--issued-on", "2026-06-01")
		r.ok(nil, "paper", "set", "--cert", "1", "--method", "onsite", "--window-end", "2026-12-10")
		r.ok(nil, "holder", "add", "--name", "李娜", "--id-number", "44030519900101123X")
		r.ok(nil, "cert", "add", "--holder", "2", "--level", "assistant", "--mno", "2014Z440001", "--exam-year", "2014", "--passed-on", "2014-06-20", "--issued-on", "2014-09-01")
		r.ok(nil, "paper", "set", "--cert", "2", "--method", "onsite", "--window-end", "2014-12-31")
	}
	a, b := newRun(t), newRun(t)
	setup(a)
	setup(b)
	dir := t.TempDir()
	export := func(r *run, name string, args ...string) map[string]icsEvent {
		path := filepath.Join(dir, name)
		r.ok(nil, append([]string{"export", "ics", "--out", path}, args...)...)
		return readICS(t, path)
	}
	first, other := export(a, "a1.ics"), export(b, "b.ics")
	paper := first["paper-deadline-1"]
	if paper.Start != "2026-12-10" || paper.Sequence != 0 {
		t.Fatalf("paper deadline %+v (all %+v)", paper, first)
	}
	for role, e := range first {
		if o, ok := other[role]; !ok || o.UID == e.UID {
			t.Errorf("%s: the two databases' UIDs %q and %q", role, e.UID, o.UID)
		}
	}
	// 18 days ahead: the alarms 7 and 1 day before at 09:00; the one 30
	// days before is past, and left out.
	if got := strings.Join(paper.Triggers, " "); got != "-P6DT15H -PT15H" {
		t.Errorf("alarms %q", got)
	}
	// Lapsed twelve years ago: an event, no alarm.
	var old *icsEvent
	for _, e := range first {
		if strings.Contains(e.Summary, "李娜") && strings.HasPrefix(e.Start, "2014-12-31") {
			old = &e
		}
	}
	if old == nil || len(old.Triggers) != 0 {
		t.Errorf("the deadline of 2014: %+v", old)
	}

	// Again, unchanged: the same UIDs, days and revisions.
	again := export(a, "a2.ics")
	for role, e := range first {
		if !sameEvent(again[role], e) {
			t.Errorf("%s changed between exports: %+v then %+v", role, e, again[role])
		}
	}
	// The deadline moves: the same event, revised.
	a.ok(nil, "paper", "set", "--cert", "1", "--method", "onsite", "--window-end", "2026-12-20")
	moved := export(a, "a3.ics", "--remind", "10,2")
	if m := moved["paper-deadline-1"]; m.UID != paper.UID || m.Start != "2026-12-20" || m.Sequence != 1 || strings.Join(m.Triggers, " ") != "-P9DT15H -P1DT15H" {
		t.Errorf("moved: %+v (was %+v)", m, paper)
	}
	if code, _, errs := a.do("export", "ics", "--out", filepath.Join(dir, "x.ics"), "--remind", "soon"); code != 2 || errs == "" {
		t.Errorf("--remind soon: exit %d %q", code, errs)
	}
}

func sameEvent(a, b icsEvent) bool {
	return a.UID == b.UID && a.Start == b.Start && a.Sequence == b.Sequence && strings.Join(a.Triggers, " ") == strings.Join(b.Triggers, " ")
}
