package screens

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// annotationTab shows the tab with one holder and a certificate issued
// after 2021-12-17, selected as a user would.
func (f *fixture) annotationTab(issued data.Date) (*Annotations, *data.Certificate) {
	f.t.Helper()
	h := f.addHolder("欧阳娜娜", validID)
	c := &data.Certificate{HolderID: h.ID, Level: data.LevelSocialWorker, MNo: "2022S110001", ExamYear: issued.Year() - 1,
		PassedOn: data.NewDate(issued.Year()-1, 9, 20), IssuedOn: issued, Issuer: data.DefaultIssuer}
	if err := f.db.CreateCertificate(context.Background(), c); err != nil {
		f.t.Fatal(err)
	}
	s := NewAnnotations(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.picker.list.list.Select(0) // the holder; their only certificate is picked for them
	if s.cert == nil || s.cert.ID != c.ID {
		f.t.Fatalf("certificate not selected: %+v", s.cert)
	}
	return s, c
}

func TestApplyAnnotationThenExport(t *testing.T) {
	f := newFixture(t, i18n.English)
	s, c := f.annotationTab(data.NewDate(2022, 12, 1))
	if !s.exportBtn.Disabled() || !strings.Contains(s.exportMsg.Text, "needs an annotation") {
		t.Errorf("export before annotating: disabled=%v %q", s.exportBtn.Disabled(), s.exportMsg.Text)
	}
	if s.days.entry.Text != "90" || !strings.Contains(s.preview.Text, "2027-02-21 10:00") {
		t.Errorf("default 90 days, preview %q", s.preview.Text)
	}
	f.apply(s)
	anns, _ := f.db.Annotations(context.Background(), c.ID)
	if len(anns) != 1 || anns[0].Days != 90 || anns[0].Scene != data.SceneSelf {
		t.Fatalf("stored %+v", anns)
	}
	if !s.exportBtn.Disabled() || !strings.Contains(s.exportMsg.Text, "being completed") {
		t.Errorf("export while generating: %q", s.exportMsg.Text)
	}
	if !strings.Contains(s.quota.Text, "1 of 3") {
		t.Errorf("quota %q", s.quota.Text)
	}

	// A day later it has completed by itself: export is possible.
	f.now = f.now.Add(25 * time.Hour)
	s.Refresh()
	if s.exportBtn.Disabled() {
		t.Fatalf("export still disabled: %q", s.exportMsg.Text)
	}
	if got := s.exportName(); got != "欧阳娜娜-2022S110001.pdf" {
		t.Errorf("suggested name %q", got)
	}
	path := filepath.Join(t.TempDir(), "cert.pdf")
	s.exportTo(path)
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") || !strings.Contains(s.exportMsg.Text, path) {
		t.Fatalf("export wrote %d bytes (%v); message %q", len(b), err, s.exportMsg.Text)
	}
	// The file it saved verifies in the Verify tab.
	v := NewVerify(f.svc, f.win)
	got, err := f.svc.Docs.Verify(context.Background(), b)
	if err != nil || !got.Valid {
		t.Fatalf("exported PDF: %+v %v", got, err)
	}
	v.show(got)
	if checks := collectText(v.checks); !strings.Contains(v.verdict.Text, "valid") || !strings.Contains(checks, "matches this database") {
		t.Errorf("verdict %q, checks %q", v.verdict.Text, checks)
	}
}

// apply taps Apply and confirms, as a user does.
func (f *fixture) apply(s *Annotations) {
	f.t.Helper()
	test.Tap(s.applyBtn)
	if !strings.Contains(f.dialogText(), "of the 3 allowed in 90 days") {
		f.t.Fatalf("Apply asks nothing: %q", f.dialogText())
	}
	f.tapDialogButton("Apply")
}

// An application costs one of three: a double click records one, after
// one question; Cancel records none.
func TestApplyTwiceRecordsOne(t *testing.T) {
	f := newFixture(t, i18n.English)
	s, c := f.annotationTab(data.NewDate(2022, 12, 1))
	test.Tap(s.applyBtn)
	test.Tap(s.applyBtn) // the second click of a double click
	if n := len(f.win.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d dialogs open, want one question", n)
	}
	if !strings.Contains(f.dialogText(), "application 1 of the 3") {
		t.Errorf("the question says what it costs: %q", f.dialogText())
	}
	f.tapDialogButton("Cancel")
	if anns, _ := f.db.Annotations(context.Background(), c.ID); len(anns) != 0 {
		t.Fatalf("canceled, yet %d recorded", len(anns))
	}
	if s.applyBtn.Disabled() {
		t.Fatal("Apply stays off after Cancel")
	}
	test.Tap(s.applyBtn)
	confirmBtn := findButton(f.win.Canvas().Overlays().Top(), "Apply")
	test.Tap(confirmBtn)
	test.Tap(confirmBtn) // a double click on the dialog's button
	test.Tap(s.applyBtn)
	if anns, _ := f.db.Annotations(context.Background(), c.ID); len(anns) != 1 {
		t.Fatalf("one intent recorded %d applications", len(anns))
	}
	if n := len(f.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d dialogs open after the next tap, want the one question", n)
	}
}

// "Mark completed" offers the current minute; an application made seconds
// into it must still complete (it was refused as earlier than the application).
func TestCompleteInTheMinuteOfTheApplication(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.now = testNow.Add(37 * time.Second)
	s, c := f.annotationTab(data.NewDate(2022, 12, 1))
	f.apply(s)
	f.now = f.now.Add(5 * time.Second) // still 10:00
	s.Refresh()
	obj := s.history.CreateItem()
	s.updateHistoryRow(0, obj)
	test.Tap(findButton(obj, "Mark completed"))
	if e := findEntry(f.win.Canvas().Overlays().Top()); e == nil || e.Text != "2026-11-22 10:00" {
		t.Fatalf("offered %v", e)
	}
	f.tapDialogButton("Mark completed")
	anns, _ := f.db.Annotations(context.Background(), c.ID)
	if anns[0].CompletedAt == nil || !anns[0].CompletedAt.Equal(anns[0].AppliedAt) {
		t.Fatalf("completion %+v; dialog says %q", anns[0].CompletedAt, f.dialogText())
	}
}

func TestBadDaysSavesNothing(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	s, c := f.annotationTab(data.NewDate(2022, 12, 1))
	typeInto(s.days.entry, "120")
	if !strings.Contains(s.days.Message(), "1 到 90 天") {
		t.Errorf("message %q", s.days.Message())
	}
	test.Tap(s.applyBtn)
	if anns, _ := f.db.Annotations(context.Background(), c.ID); len(anns) != 0 {
		t.Errorf("saved %d annotations with 120 days", len(anns))
	}
}

func TestRefusalsExplained(t *testing.T) {
	f := newFixture(t, i18n.English)
	s, _ := f.annotationTab(data.NewDate(2021, 12, 16))
	if !s.applyBtn.Disabled() || !strings.Contains(s.applyMsg.Text, "issued before 2021-12-17") {
		t.Errorf("old certificate: %q", s.applyMsg.Text)
	}
	if s.exportBtn.Disabled() {
		t.Errorf("an old certificate exports without annotation: %q", s.exportMsg.Text)
	}
}

func TestQuotaFullSaysWhen(t *testing.T) {
	f := newFixture(t, i18n.English)
	s, c := f.annotationTab(data.NewDate(2022, 12, 1))
	for i := 0; i < 3; i++ {
		f.apply(s)
		f.now = f.now.Add(48 * time.Hour)
		s.Refresh()
	}
	next := data.DateOf(testNow).AddDays(90).String()
	if !s.applyBtn.Disabled() || !strings.Contains(s.applyMsg.Text, next) || !strings.Contains(s.quota.Text, "3 of 3") {
		t.Errorf("after 3: disabled=%v %q %q", s.applyBtn.Disabled(), s.applyMsg.Text, s.quota.Text)
	}
	if anns, _ := f.db.Annotations(context.Background(), c.ID); len(anns) != 3 {
		t.Errorf("%d annotations", len(anns))
	}
}

func TestWithdrawAndCompleteFromHistory(t *testing.T) {
	f := newFixture(t, i18n.English)
	s, c := f.annotationTab(data.NewDate(2022, 12, 1))
	f.apply(s)
	f.now = f.now.Add(2 * time.Hour)
	s.Refresh()
	row := s.history // newest first: row 0 is the one just applied
	obj := row.CreateItem()
	s.updateHistoryRow(0, obj)
	complete := findButton(obj, "Mark completed")
	if complete == nil || complete.Hidden {
		t.Fatal("no Mark completed button on a generating annotation")
	}
	test.Tap(complete)
	f.tapDialogButton("Mark completed") // the time offered is now
	anns, _ := f.db.Annotations(context.Background(), c.ID)
	if anns[0].CompletedAt == nil || !anns[0].CompletedAt.Equal(f.now.Truncate(time.Minute)) {
		t.Fatalf("completion %+v", anns[0])
	}
	if s.exportBtn.Disabled() {
		t.Errorf("completed, but export disabled: %q", s.exportMsg.Text)
	}
	s.updateHistoryRow(0, obj)
	test.Tap(findButton(obj, "Withdraw"))
	f.tapDialogButton("Withdraw")
	anns, _ = f.db.Annotations(context.Background(), c.ID)
	if anns[0].WithdrawnAt == nil || !s.exportBtn.Disabled() {
		t.Errorf("withdrawn %+v; export disabled=%v", anns[0], s.exportBtn.Disabled())
	}
}
