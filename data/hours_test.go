package data

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Decision: hours are kept as whole tenths of an hour. What a person types
// is read exactly or refused naming the field, never rounded.
func TestParseHours(t *testing.T) {
	cases := []struct {
		in     string
		tenths int64
		key    string // "" when read
	}{
		{"24", 240, ""},
		{"7.5", 75, ""},
		{"0.1", 1, ""},
		{" 7.8 ", 78, ""},
		{"007.8", 78, ""},
		{"7.50", 75, ""}, // exactly 7.5: nothing is rounded
		{"0", 0, ""},     // read; a record refuses it (ValidateCEHours)
		{"７．５", 75, ""},  // full-width, as a Chinese input method types it
		{"7.85", 0, "err.ce.hours_tenths"},
		{"7.05", 0, "err.ce.hours_tenths"},
		{"0.01", 0, "err.ce.hours_tenths"},
		{"7,5", 0, "err.ce.hours"}, // a decimal comma to some, a thousands separator to others
		{"1,000", 0, "err.ce.hours"},
		{"0x1p3", 0, "err.ce.hours"},
		{"1e1", 0, "err.ce.hours"},
		{"1_0", 0, "err.ce.hours"},
		{"NaN", 0, "err.ce.hours"},
		{"Inf", 0, "err.ce.hours"},
		{"-1", 0, "err.ce.hours"},
		{"+1", 0, "err.ce.hours"},
		{".5", 0, "err.ce.hours"},
		{"5.", 0, "err.ce.hours"},
		{"1.2.3", 0, "err.ce.hours"},
		{"", 0, "err.ce.hours"},
		{"二十四", 0, "err.ce.hours"},
		{"99999999999999999999999", 0, "err.ce.hours"}, // no overflow
	}
	for _, tc := range cases {
		h, err := ParseHours("hours", tc.in)
		if key(err) != tc.key || (tc.key == "" && h.Tenths() != tc.tenths) {
			t.Errorf("%q: %d tenths, %v; want %d, %q", tc.in, h.Tenths(), err, tc.tenths, tc.key)
		}
		if e := AsError(err); e != nil && e.Field != "hours" {
			t.Errorf("%q: error names %q, want hours", tc.in, e.Field)
		}
	}
	if e := AsError(parseErr("7.85")); e == nil || e.Args["Value"] != "7.85" {
		t.Errorf("the tenths message should show what was typed: %v", e)
	}
}

func parseErr(s string) error { _, err := ParseHours("hours", s); return err }

// A record holds 0.1 to 1000 hours.
func TestParseCEHoursRange(t *testing.T) {
	cases := []struct {
		in  string
		key string
	}{
		{"0.1", ""}, {"1000", ""}, {"1000.0", ""},
		{"0", "err.ce.hours"}, {"0.0", "err.ce.hours"}, {"1000.1", "err.ce.hours"}, {"1001", "err.ce.hours"},
	}
	for _, tc := range cases {
		if _, err := ParseCEHours(tc.in); key(err) != tc.key {
			t.Errorf("%q: %v, want %q", tc.in, err, tc.key)
		}
	}
}

func TestHoursTextAndJSON(t *testing.T) {
	cases := []struct {
		h          Hours
		text, json string
	}{
		{WholeHours(72), "72", "72"},
		{TenthsOfHour(75), "7.5", "7.5"},
		{TenthsOfHour(1), "0.1", "0.1"},
		{Hours{}, "0", "0"},
		{TenthsOfHour(-5), "-0.5", "-0.5"},
	}
	for _, tc := range cases {
		b, err := json.Marshal(tc.h)
		if tc.h.String() != tc.text || err != nil || string(b) != tc.json {
			t.Errorf("%d tenths: %q, JSON %s %v", tc.h.Tenths(), tc.h.String(), b, err)
		}
	}
	var p Progress
	if err := json.Unmarshal([]byte(`{"required_hours": 72, "credited_hours": 71.9}`), &p); err != nil || p.Required != WholeHours(72) || p.Credited != TenthsOfHour(719) {
		t.Errorf("read back %+v %v", p, err)
	}
	if err := json.Unmarshal([]byte(`{"credited_hours": 71.95}`), &p); err == nil {
		t.Error("JSON hours finer than a tenth were read")
	}
	// A message shows hours as people write them.
	if s := TenthsOfHour(15).String() + "/" + MaxCEHours.String(); s != "1.5/1000" {
		t.Errorf("%s", s)
	}
}

// Decision: a kind that needs no review (online courses) records no review
// status; giving one is refused.
func TestCEReviewByKind(t *testing.T) {
	today := NewDate(2026, 11, 22)
	cases := []struct {
		name   string
		kind   CEKind
		review Review
		want   Review // after Normalize
		key    string
	}{
		{"online courses without a review status", CEOnline, "", "", ""},
		{"online courses approved: refused", CEOnline, ReviewApproved, "", "err.ce.no_review"},
		{"online courses pending: refused", CEOnline, ReviewPending, "", "err.ce.no_review"},
		{"training without a review status is pending", CETraining, "", ReviewPending, ""},
		{"training approved", CETraining, ReviewApproved, ReviewApproved, ""},
		{"a degree rejected", CEDegree, ReviewRejected, ReviewRejected, ""},
		{"courses with an unknown status", CECourses, "maybe", "maybe", "err.ce.review"},
	}
	for _, tc := range cases {
		r := CERecord{HolderID: 1, Kind: tc.kind, Title: "课程", Date: today, Hours: WholeHours(2), Review: tc.review}
		r.Normalize()
		err := r.Validate(today)
		if key(err) != tc.key || (tc.key == "" && r.Review != tc.want) {
			t.Errorf("%s: review %q, %v; want %q %q", tc.name, r.Review, err, tc.want, tc.key)
		}
		if e := AsError(err); e != nil && e.Field != "review" {
			t.Errorf("%s: error names %q", tc.name, e.Field)
		}
	}
	// A record changed to a kind that needs no review drops the status it
	// had; changed back, it is pending again.
	r := CERecord{Kind: CETraining, Review: ReviewApproved}
	r.SetKind(CEOnline)
	if r.Review != "" {
		t.Errorf("training → online kept %q", r.Review)
	}
	r.SetKind(CETraining)
	r.Normalize()
	if r.Review != ReviewPending {
		t.Errorf("online → training: %q", r.Review)
	}
	b, _ := json.Marshal(CERecord{Kind: CEOnline})
	if !strings.Contains(string(b), `"review":null`) {
		t.Errorf("no review status in JSON: %s", b)
	}
}

// Reports sealed by the first version stay verifiable: their hash is
// worked out in the same form, and a floating-point sum in their claims
// reads as the tenth it stood for.
func TestCEReportSealsOfTheFirstVersion(t *testing.T) {
	at := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	recs := []CERecord{
		{Kind: CEOnline, Title: "网课", Date: NewDate(2025, 1, 1), Hours: TenthsOfHour(1)},
		{Kind: CEOnline, Title: "网课", Date: NewDate(2025, 2, 1), Hours: TenthsOfHour(641)},
		{Kind: CETraining, Title: "培训", Provider: "协会", Date: NewDate(2025, 3, 1), Hours: TenthsOfHour(78), Review: ReviewPending},
	}
	p, _ := CEProgress(LevelAssistant, []Period{{Start: NewDate(2024, 4, 1), End: NewDate(2027, 3, 31)}}, recs, NewDate(2026, 1, 5))
	r := CEReport{Holder: Holder{Name: "张伟", IDNumber: "11010519491231002X"}, Certificate: Certificate{MNo: "A1", Level: LevelAssistant},
		Progress: p[0], ExportedAt: at, ExportedBy: "阳光社工"}
	// The first version's lines: floats with one decimal, online courses "approved".
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
	old := []string{DocCEReport, "阳光社工", "A1", "张伟", MaskIDNumber("11010519491231002X"), string(LevelAssistant),
		"2024-04-01", "2027-03-31", f(72), f(0.1 + 64.1), f(7.8), strconv.FormatInt(at.Unix(), 10),
		"2025-01-01\tonline\t网课\t\t0.1\tapproved\t0.1\t0.0",
		"2025-02-01\tonline\t网课\t\t64.1\tapproved\t64.1\t0.0",
		"2025-03-01\ttraining\t培训\t协会\t7.8\tpending\t0.0\t7.8"}
	sum := sha256.Sum256([]byte(strings.Join(old, "\n"))) // the first version's hash: 16 bytes of it
	if got, want := r.SealHash(1), base64.RawURLEncoding.EncodeToString(sum[:16]); got != want {
		t.Errorf("hash %s, the first version's %s", got, want)
	}
	var c CEClaims
	if err := json.Unmarshal([]byte(`{"doc":"swcert/ce","req":72,"hrs":71.99999999999999,"n":3}`), &c); err != nil ||
		c.Credited != WholeHours(72) || c.Required != WholeHours(72) || c.Records != 3 || c.Doc != DocCEReport {
		t.Errorf("first version's claims %+v %v", c, err)
	}
	if err := json.Unmarshal([]byte(`{"req":72,"hrs":71.95}`), &c); err == nil {
		t.Error("claims between two tenths were read")
	}
	b, _ := json.Marshal(r.Claims())
	if !strings.Contains(string(b), `"req":72,"hrs":64.2`) {
		t.Errorf("claims now %s", b)
	}
}
