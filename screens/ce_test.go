package screens

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

func TestCELogTab(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	h := f.addHolder("张伟", validID)
	c := f.certOf(h, data.NewDate(2023, 9, 20))
	reg := &data.Registration{CertID: c.ID, Kind: data.RegFirst, Status: data.RegIssued, AppliedOn: data.NewDate(2024, 3, 1), ValidFrom: data.NewDate(2024, 4, 1)}
	if err := f.db.CreateRegistration(context.Background(), reg); err != nil {
		t.Fatal(err)
	}
	s := NewCELog(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.list.list.Select(0)
	if s.holder == nil || bar(s).required != 90 || bar(s).done != 0 || bar(s).fraction() != 0 {
		t.Fatalf("progress %q", collectText(s.progress))
	}

	// Not a PDF or image: refused, nothing kept.
	s.attach("笔记.txt", []byte("plain text"))
	if !strings.Contains(s.msg.Text, "只能保存 PDF") || len(s.proof.proofs) != 0 {
		t.Errorf("bad proof: %q %d", s.msg.Text, len(s.proof.proofs))
	}
	s.attach("结业证书.pdf", []byte("%PDF-1.4 certificate"))
	if n := proofFiles(t, f); n != 0 {
		t.Errorf("attaching kept %d files before the record was saved", n)
	}
	typeInto(s.title.entry, "社区治理培训")
	typeInto(s.date.entry, "2025-03-01")
	typeInto(s.hours.entry, "24")
	s.review.SetSelected(i18n.T("ce.review.approved"))
	test.Tap(s.saveBtn)
	recs, _ := f.db.CERecords(context.Background(), h.ID)
	if len(recs) != 1 || recs[0].Hours != data.WholeHours(24) || recs[0].Kind != data.CETraining || len(recs[0].Proofs) != 1 {
		t.Fatalf("saved %+v (%q)", recs, s.msg.Text)
	}
	if _, err := os.Stat(f.svc.Proofs.Path(recs[0].Proofs[0])); err != nil || proofFiles(t, f) != 1 {
		t.Errorf("proof file: %v, %d files", err, proofFiles(t, f))
	}
	if bar(s).done != 24 || bar(s).text != "24 / 90 学时" || !strings.Contains(collectText(s.progress), "尚缺 66 学时") {
		t.Errorf("progress after saving %q", collectText(s.progress))
	}

	// Hours out of range: the message at the field, nothing saved.
	s.edit(nil)
	typeInto(s.title.entry, "网课")
	typeInto(s.date.entry, "2025-05-01")
	typeInto(s.hours.entry, "2000")
	if !strings.Contains(s.hours.Message(), "0.1 至 1000") {
		t.Errorf("hours message %q", s.hours.Message())
	}
	test.Tap(s.saveBtn)
	if recs, _ := f.db.CERecords(context.Background(), h.ID); len(recs) != 1 {
		t.Errorf("%d records after bad hours", len(recs))
	}

	// A course tomorrow, with the title wiped: both messages at their fields.
	typeInto(s.hours.entry, "8")
	typeInto(s.date.entry, "2026-11-23")
	typeInto(s.title.entry, "  ")
	if s.date.Message() != "这个日期晚于今天：须在 2008-01-01 至今天（2026-11-22）之间。" || s.title.Message() != "必填：请填写此项。" {
		t.Errorf("date %q, title %q", s.date.Message(), s.title.Message())
	}
	test.Tap(s.saveBtn)
	if recs, _ := f.db.CERecords(context.Background(), h.ID); len(recs) != 1 || s.msg.Text != "请更正标出的字段。" {
		t.Errorf("%d records after a future date (%q)", len(recs), s.msg.Text)
	}

	// A file attached to a form left unsaved is never kept.
	s.edit(nil)
	s.attach("未保存.pdf", []byte("%PDF-1.4 never saved"))
	s.edit(nil)
	if n := proofFiles(t, f); n != 1 {
		t.Errorf("%d files after an unsaved form", n)
	}

	// Online courses take no review status: the choice is empty and off.
	s.kind.SetSelected(i18n.T("ce.kind.online"))
	if !s.review.Disabled() || s.review.Selected != "" {
		t.Errorf("online courses: review %q, disabled %v", s.review.Selected, s.review.Disabled())
	}
	typeInto(s.title.entry, "网课")
	typeInto(s.date.entry, "2025-05-01")
	typeInto(s.hours.entry, "7.85")
	if !strings.Contains(s.hours.Message(), "7.85 的小数多于一位") {
		t.Errorf("hours 7.85: %q", s.hours.Message())
	}
	typeInto(s.hours.entry, "7.8")
	test.Tap(s.saveBtn)
	recs, _ = f.db.CERecords(context.Background(), h.ID)
	if len(recs) != 2 || recs[1].Kind != data.CEOnline || recs[1].Review != "" || recs[1].Hours != data.TenthsOfHour(78) {
		t.Fatalf("online record %+v (%q)", recs, s.msg.Text)
	}
	s.records.Select(1)
	if !s.review.Disabled() || s.review.Selected != "" || s.hours.entry.Text != "7.8" {
		t.Errorf("editing it: review %q, disabled %v, hours %q", s.review.Selected, s.review.Disabled(), s.hours.entry.Text)
	}
	// Back to a kind that needs review: pending, to be changed.
	s.kind.SetSelected(i18n.T("ce.kind.training"))
	if s.review.Disabled() || s.review.Selected != i18n.T("ce.review.pending") {
		t.Errorf("online → training: review %q, disabled %v", s.review.Selected, s.review.Disabled())
	}
	s.edit(nil)

	// The name suggested for the report says whose and what it is.
	if got, want := s.exportName(), "张伟-"+c.MNo+"-继续教育学时报告.pdf"; got != want {
		t.Errorf("suggested name %q, want %q", got, want)
	}
	path := filepath.Join(t.TempDir(), "ce.pdf")
	s.exportTo(path)
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") || !strings.Contains(s.exportMsg.Text, "31.8/90") {
		t.Fatalf("export: %v %q", err, s.exportMsg.Text)
	}
}

// bar is the progress bar of the first period.
func bar(s *CELog) *hoursBar {
	for _, o := range s.progress.Objects {
		if b, ok := o.(*hoursBar); ok {
			return b
		}
	}
	return newHoursBar(-1, -1, "")
}

// proofFiles counts the files in the proofs folder beside the database.
func proofFiles(t *testing.T, f *fixture) int {
	t.Helper()
	n := 0
	entries, _ := os.ReadDir(f.svc.Proofs.Dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			n++
		}
	}
	return n
}

// A CE record changed elsewhere while the CE tab shows it: the tab's save
// is refused naming who, the other change stays, Reload shows it.
func TestCERecordSavedMeanwhileOffersToReload(t *testing.T) {
	f := newFixture(t, i18n.English)
	h := f.addHolder("张伟", validID)
	rec := &data.CERecord{HolderID: h.ID, Kind: data.CETraining, Title: "督导培训", Provider: "协会", Date: data.NewDate(2026, 3, 1), Hours: data.TenthsOfHour(80), Review: data.ReviewPending}
	if err := f.db.CreateCERecord(context.Background(), rec); err != nil {
		t.Fatal(err)
	}
	s := NewCELog(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.list.list.Select(0)
	s.records.Select(0)
	theirs, _ := f.db.CERecord(context.Background(), rec.ID)
	theirs.Provider = "市社工协会"
	if err := f.db.UpdateCERecord(context.Background(), theirs); err != nil {
		t.Fatal(err)
	}
	typeInto(s.title.entry, "我改的标题")
	test.Tap(s.saveBtn)
	if msg := f.dialogText(); !strings.Contains(msg, "changed this record at") {
		t.Fatalf("the dialog says %q (%q)", msg, s.msg.Text)
	}
	if got, _ := f.db.CERecord(context.Background(), rec.ID); got.Title != "督导培训" || got.Provider != "市社工协会" {
		t.Errorf("the store after the refused save: %+v", got)
	}
	f.tapDialogButton("Reload")
	s.records.Select(0)
	if s.provider.entry.Text != "市社工协会" {
		t.Errorf("after Reload: %q", s.provider.entry.Text)
	}
}
