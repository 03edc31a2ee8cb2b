package data

import (
	"testing"
	"time"
)

var cst = time.FixedZone("CST", 8*3600)

func at(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, cst) }

func applied(t time.Time) Annotation { return Annotation{Scene: SceneSelf, Days: 90, AppliedAt: t} }

func TestAnnotationState(t *testing.T) {
	app := at(2026, 3, 1, 9)
	done := at(2026, 3, 1, 15)
	withdrawn := at(2026, 3, 2, 9)
	cases := []struct {
		name string
		a    Annotation
		now  time.Time
		want AnnotationState
	}{
		{"just applied: 证书生成中", applied(app), app, AnnGenerating},
		{"23h59 later, no completion recorded", applied(app), app.Add(24*time.Hour - time.Minute), AnnGenerating},
		{"exactly 24 h later it completes by itself", applied(app), app.Add(24 * time.Hour), AnnValid},
		{"recorded completion counts", Annotation{Days: 90, AppliedAt: app, CompletedAt: &done}, done, AnnValid},
		{"before recorded completion", Annotation{Days: 90, AppliedAt: app, CompletedAt: &done}, done.Add(-time.Second), AnnGenerating},
		{"last moment of validity", Annotation{Days: 90, AppliedAt: app, CompletedAt: &done}, done.AddDate(0, 0, 90).Add(-time.Second), AnnValid},
		{"validity over: 加注件已过期", Annotation{Days: 90, AppliedAt: app, CompletedAt: &done}, done.AddDate(0, 0, 90), AnnExpired},
		{"one-day validity", Annotation{Days: 1, AppliedAt: app, CompletedAt: &done}, done.Add(25 * time.Hour), AnnExpired},
		{"withdrawn", Annotation{Days: 90, AppliedAt: app, WithdrawnAt: &withdrawn}, withdrawn, AnnWithdrawn},
		{"before it was withdrawn", Annotation{Days: 90, AppliedAt: app, WithdrawnAt: &withdrawn}, app, AnnGenerating},
	}
	for _, c := range cases {
		if got := c.a.State(c.now); got != c.want {
			t.Errorf("%s: state %s, want %s", c.name, got, c.want)
		}
	}
}

func TestAnnotationDaysLeft(t *testing.T) {
	done := at(2026, 3, 1, 15)
	a := Annotation{Days: 90, AppliedAt: done.Add(-time.Hour), CompletedAt: &done}
	if got := a.DaysLeft(at(2026, 3, 1, 16)); got != 90 {
		t.Errorf("first day: %d days left, want 90", got)
	}
	if got := a.DaysLeft(done.AddDate(0, 0, 90).Add(-time.Hour)); got != 0 {
		t.Errorf("last day: %d days left, want 0", got)
	}
}

func TestAnnotationQuota(t *testing.T) {
	day := NewDate(2026, 6, 1)
	d := func(offset int) time.Time { return day.AddDays(offset).Time().Add(10 * time.Hour) }
	wd := d(-5)
	afterValid := d(-5).Add(30 * time.Hour) // applied on D-5, valid 24 h later, withdrawn 6 h after that
	inMinute := d(-5).Add(24 * time.Hour)   // withdrawn at the very instant it would have become valid
	// Days are Beijing days: 16:30 UTC on D-90 is 00:30 on D-89 in Beijing.
	beijingLate := day.AddDays(-90).Time().Add(16*time.Hour + 30*time.Minute)
	beijingEarly := day.AddDays(-90).Time().Add(15*time.Hour + 30*time.Minute) // 23:30 on D-90 in Beijing
	cases := []struct {
		name   string
		anns   []Annotation
		ok     bool
		used   int
		nextOn string
	}{
		{"none yet", nil, true, 0, ""},
		{"two in the window", []Annotation{applied(d(-10)), applied(d(-1))}, true, 2, ""},
		{"three in the window: refused", []Annotation{applied(d(-89)), applied(d(-30)), applied(d(0))}, false, 3, "2026-06-02"},
		{"day D-89 still counts", []Annotation{applied(d(-89)), applied(d(-50)), applied(d(-10))}, false, 3, "2026-06-02"},
		{"day D-90 no longer counts", []Annotation{applied(d(-90)), applied(d(-50)), applied(d(-10))}, true, 2, ""},
		{"one withdrawn while still being generated does not count", []Annotation{applied(d(-60)), applied(d(-30)), {Days: 90, AppliedAt: d(-5), WithdrawnAt: &wd}}, true, 2, ""},
		{"one withdrawn after it was valid counts: apply, export, withdraw cannot get round the limit", []Annotation{applied(d(-60)), applied(d(-30)), {Days: 90, AppliedAt: d(-5), WithdrawnAt: &afterValid}}, false, 3, "2026-07-01"},
		{"withdrawn at the instant it would have been valid: never valid, does not count", []Annotation{applied(d(-60)), applied(d(-30)), {Days: 90, AppliedAt: d(-5), WithdrawnAt: &inMinute}}, true, 2, ""},
		{"00:30 Beijing time on D-89 (16:30 UTC the day before) counts", []Annotation{{Days: 90, AppliedAt: beijingLate}, applied(d(-50)), applied(d(-10))}, false, 3, "2026-06-02"},
		{"23:30 Beijing time on D-90 does not", []Annotation{{Days: 90, AppliedAt: beijingEarly}, applied(d(-50)), applied(d(-10))}, true, 2, ""},
		{"four: next after the third most recent leaves", []Annotation{applied(d(-80)), applied(d(-60)), applied(d(-40)), applied(d(-20))}, false, 4, "2026-07-01"},
	}
	for _, c := range cases {
		q := AnnotationQuotaOn(c.anns, day)
		if q.OK != c.ok || q.Used != c.used || q.NextOn.String() != c.nextOn || q.Max != 3 {
			t.Errorf("%s: %+v, want ok=%v used=%d next=%q", c.name, q, c.ok, c.used, c.nextOn)
		}
		// The date given as "next possible" really is possible, and the day before is not.
		if !c.ok {
			if !AnnotationQuotaOn(c.anns, q.NextOn).OK {
				t.Errorf("%s: not possible on the announced %s", c.name, q.NextOn)
			}
			if q.NextOn.AddDays(-1).After(day) && AnnotationQuotaOn(c.anns, q.NextOn.AddDays(-1)).OK {
				t.Errorf("%s: already possible the day before %s", c.name, q.NextOn)
			}
		}
	}
}

func TestCanAnnotateAndDownload(t *testing.T) {
	now := at(2026, 6, 1, 12)
	newCert := &Certificate{Status: StatusValid, IssuedOn: NewDate(2021, 12, 17)}
	oldCert := &Certificate{Status: StatusValid, IssuedOn: NewDate(2021, 12, 16)}
	revoked := &Certificate{Status: StatusRevoked, IssuedOn: NewDate(2022, 1, 1)}
	done := now.Add(-48 * time.Hour)
	valid := Annotation{Days: 90, AppliedAt: done.Add(-time.Hour), CompletedAt: &done}
	generating := applied(now.Add(-time.Hour))
	oldDone := now.AddDate(0, 0, -100)
	expired := Annotation{Days: 90, AppliedAt: oldDone, CompletedAt: &oldDone}

	annotate := []struct {
		name string
		c    *Certificate
		anns []Annotation
		key  string
	}{
		{"issued 2021-12-17 needs and may get one", newCert, nil, ""},
		{"issued 2021-12-16 needs none", oldCert, nil, "err.annotation.not_needed"},
		{"not valid", revoked, nil, "err.annotation.cert_not_valid"},
		{"quota used", newCert, []Annotation{generating, valid, applied(now.AddDate(0, 0, -10))}, "err.annotation.quota"},
	}
	for _, c := range annotate {
		checkKey(t, "CanAnnotate "+c.name, CanAnnotate(c.c, c.anns, now), c.key)
	}

	download := []struct {
		name string
		c    *Certificate
		anns []Annotation
		key  string
	}{
		{"issued before 2021-12-17: no annotation needed", oldCert, nil, ""},
		{"valid annotation", newCert, []Annotation{expired, valid}, ""},
		{"still generating", newCert, []Annotation{expired, generating}, "err.download.generating"},
		{"only expired", newCert, []Annotation{expired}, "err.download.expired"},
		{"never annotated", newCert, nil, "err.download.no_annotation"},
		{"certificate not valid", revoked, []Annotation{valid}, "err.download.cert_not_valid"},
	}
	for _, c := range download {
		checkKey(t, "CanDownload "+c.name, CanDownload(c.c, c.anns, now), c.key)
	}
}

func TestValidateAnnotationRequest(t *testing.T) {
	checkKey(t, "90 days", ValidateAnnotationRequest(SceneSelf, 90), "")
	checkKey(t, "1 day", ValidateAnnotationRequest(SceneSelf, 1), "")
	checkKey(t, "91 days", ValidateAnnotationRequest(SceneSelf, 91), "err.annotation.days")
	checkKey(t, "0 days", ValidateAnnotationRequest(SceneSelf, 0), "err.annotation.days")
	checkKey(t, "unknown scene", ValidateAnnotationRequest("agency", 30), "err.annotation.scene")
}

func checkKey(t *testing.T, name string, err error, key string) {
	t.Helper()
	if key == "" {
		if err != nil {
			t.Errorf("%s: %v, want nil", name, err)
		}
		return
	}
	e := AsError(err)
	if e == nil || e.Key != key || e.Code != EINVALID {
		t.Errorf("%s: %v, want %s", name, err, key)
	}
}

func TestCurrentAnnotation(t *testing.T) {
	now := at(2026, 6, 1, 12)
	done := now.Add(-48 * time.Hour)
	short := Annotation{ID: 1, Days: 10, AppliedAt: done.Add(-time.Hour), CompletedAt: &done}
	long := Annotation{ID: 2, Days: 60, AppliedAt: done.Add(-time.Hour), CompletedAt: &done}
	generating := applied(now.Add(-time.Hour))
	if got := CurrentAnnotation([]Annotation{short, long, generating}, now); got == nil || got.ID != 2 {
		t.Errorf("want the valid one that lasts longest, got %+v", got)
	}
	if got := CurrentAnnotation([]Annotation{generating}, now); got != nil {
		t.Errorf("a generating annotation is not current: %+v", got)
	}
}

// "Mark completed" offers the current minute; an application made seconds
// into that minute must not make it "earlier than the application".
func TestCompletionTypedToTheMinute(t *testing.T) {
	app := time.Date(2026, 3, 1, 9, 41, 37, 0, cst)
	a := applied(app)
	now := app.Add(20 * time.Second)
	cases := []struct {
		name  string
		typed time.Time
		want  time.Time
		err   string
	}{
		{"the minute of the application stands for the application", app.Truncate(time.Minute), app, ""},
		{"a later minute is kept", app.Truncate(time.Minute).Add(time.Minute), app.Truncate(time.Minute).Add(time.Minute), ""},
		{"the minute before is earlier than the application", app.Truncate(time.Minute).Add(-time.Second), app.Truncate(time.Minute).Add(-time.Second), "err.annotation.complete_before_applied"},
	}
	for _, tc := range cases {
		got := CompletionAt(&a, tc.typed)
		if !got.Equal(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		if k := key(ValidateCompletion(&a, got, now.Add(time.Minute))); k != tc.err {
			t.Errorf("%s: %q, want %q", tc.name, k, tc.err)
		}
	}
}
