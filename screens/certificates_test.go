package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

const validID = "11010519491231002X"

func TestCreateHolderByTyping(t *testing.T) {
	f := newFixture(t, i18n.English)
	s := f.certificates()

	typeInto(s.holder.name.entry, "李明")
	typeInto(s.holder.idNo.entry, "11010519491231002x")
	typeInto(s.holder.phone.entry, "138 0013 8000")
	typeInto(s.holder.org.entry, "阳光社会工作服务中心")
	test.Tap(s.holder.save)

	hs := f.holders()
	if len(hs) != 1 {
		t.Fatalf("holders in store = %d, want 1 (status %q)", len(hs), s.holder.status.Text)
	}
	h := hs[0]
	if h.Name != "李明" || h.IDNumber != validID || h.Phone != "13800138000" || h.Org != "阳光社会工作服务中心" {
		t.Errorf("stored %+v", h)
	}
	if s.list.Len() != 1 {
		t.Errorf("list shows %d holders, want 1", s.list.Len())
	}
	if got := s.holder.status.Text; got != "Added 李明." {
		t.Errorf("status %q", got)
	}
	// Once saved, the numbers are masked and read-only until revealed.
	if got := s.holder.idNo.entry.Text; got != "110105********002X" || !s.holder.idNo.entry.Disabled() {
		t.Errorf("ID shown as %q (disabled %v), want masked and read-only", got, s.holder.idNo.entry.Disabled())
	}
	if got := s.holder.phone.entry.Text; got != "138****8000" {
		t.Errorf("phone shown as %q", got)
	}
	test.Tap(s.holder.revealID)
	if got := s.holder.idNo.entry.Text; got != validID || s.holder.idNo.entry.Disabled() {
		t.Errorf("revealed ID %q (disabled %v)", got, s.holder.idNo.entry.Disabled())
	}
	test.Tap(s.holder.revealID)
	if got := s.holder.idNo.entry.Text; got != "110105********002X" {
		t.Errorf("hidden again: %q", got)
	}
}

func TestBadIDShowsMessageAndSavesNothing(t *testing.T) {
	f := newFixture(t, i18n.English)
	s := f.certificates()

	typeInto(s.holder.name.entry, "王芳")
	typeInto(s.holder.idNo.entry, "110105194912310021")
	want := "The check character does not match: it should be X. Check every digit."
	if got := s.holder.idNo.Message(); got != want {
		t.Errorf("message while typing = %q, want %q", got, want)
	}
	test.Tap(s.holder.save)
	if n := len(f.holders()); n != 0 {
		t.Fatalf("an invalid holder was saved (%d rows)", n)
	}
	if got := s.holder.status.Text; got != "Please correct the marked fields." {
		t.Errorf("status %q", got)
	}

	typeInto(s.holder.idNo.entry, validID)
	if got := s.holder.idNo.Message(); got != "" {
		t.Errorf("message after fixing = %q", got)
	}
	typeInto(s.holder.phone.entry, "2380013800")
	if got := s.holder.phone.Message(); !strings.Contains(got, "11 digits") {
		t.Errorf("phone message %q", got)
	}
}

func TestMessagesInChinese(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	s := f.certificates()
	typeInto(s.holder.idNo.entry, "110105194912310021")
	if got := s.holder.idNo.Message(); got != "校验位不符：应为 X，请逐位核对。" {
		t.Errorf("message %q", got)
	}
	test.Tap(s.holder.save)
	if got := s.holder.name.Message(); got != "必填：请填写此项。" {
		t.Errorf("name message %q", got)
	}
	if n := len(f.holders()); n != 0 {
		t.Fatalf("saved %d", n)
	}
}

func TestDuplicateIDRefusedStoreUnchanged(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.addHolder("张伟", validID)
	s := f.certificates()

	typeInto(s.holder.name.entry, "张伟二")
	typeInto(s.holder.idNo.entry, validID)
	test.Tap(s.holder.save)

	if n := len(f.holders()); n != 1 {
		t.Fatalf("holders = %d, want the 1 saved before", n)
	}
	if got := s.holder.idNo.Message(); got != "A holder with this ID number is already saved." {
		t.Errorf("message %q", got)
	}
}

func TestEditAndSearchHolder(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.addHolder("张伟", validID)
	f.addHolder("李娜", "44030519900101123X")
	s := f.certificates()
	if s.list.Len() != 2 {
		t.Fatalf("list %d", s.list.Len())
	}
	typeInto(s.list.search, "李")
	if s.list.Len() != 1 || s.list.at(0).Name != "李娜" {
		t.Fatalf("search 李: %d rows", s.list.Len())
	}
	if got := s.list.count.Text; got != "1 of 2 holders" {
		t.Errorf("count %q", got)
	}
	typeInto(s.list.search, "0101")
	if s.list.Len() != 1 {
		t.Errorf("search by part of the ID number: %d rows", s.list.Len())
	}
	typeInto(s.list.search, "nobody")
	if s.list.Len() != 0 || s.list.count.Text != `No holder matches "nobody".` {
		t.Errorf("no match: %d rows, %q", s.list.Len(), s.list.count.Text)
	}
	typeInto(s.list.search, "")

	s.list.list.Select(0) // ordered by name: 张伟 sorts after 李娜 in the store's order? select whichever is first
	first := s.list.at(0)
	typeInto(s.holder.org.entry, "新单位")
	test.Tap(s.holder.save)
	got, err := f.db.Holder(context.Background(), first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Org != "新单位" || got.IDNumber != first.IDNumber {
		t.Errorf("after edit: org %q, ID kept %v", got.Org, got.IDNumber == first.IDNumber)
	}
}

func TestDeleteHolderAsksFirst(t *testing.T) {
	f := newFixture(t, i18n.English)
	h := f.addHolder("张伟", validID)
	s := f.certificates()
	s.list.list.Select(0)

	test.Tap(s.holder.delete)
	if !strings.Contains(f.dialogText(), "Delete 张伟 and their 0 certificates?") {
		t.Fatalf("confirmation says %q", f.dialogText())
	}
	f.tapDialogButton("Cancel")
	if n := len(f.holders()); n != 1 {
		t.Fatalf("cancel deleted the holder")
	}

	test.Tap(s.holder.delete)
	f.tapDialogButton("Delete")
	if n := len(f.holders()); n != 0 {
		t.Fatalf("holders after delete = %d", n)
	}
	if _, err := f.db.Holder(context.Background(), h.ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("holder still there: %v", err)
	}
	if s.list.Len() != 0 || s.holder.h != nil {
		t.Errorf("form and list not reset")
	}
}

func TestCertificateCreateEditDelete(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.addHolder("张伟", validID)
	s := f.certificates()
	s.list.list.Select(0)
	p := s.certs
	if !p.form.Visible() {
		t.Fatal("certificate form hidden for a saved holder")
	}

	p.level.SetSelected(i18n.T("level.social_worker"))
	if got := p.title.Text; got != "Intermediate (中级)" {
		t.Errorf("title %q", got)
	}
	typeInto(p.mno.entry, "2022031100000123")
	typeInto(p.examYear.entry, "2022")
	typeInto(p.passedOn.entry, "2022-09-01")
	typeInto(p.issuedOn.entry, "2022-11-20")
	if got := p.annot.Text; !strings.Contains(got, "only with a valid annotation") {
		t.Errorf("annotation note %q", got)
	}
	test.Tap(p.save)

	certs, _ := f.db.Certificates(context.Background(), s.holder.h.ID)
	if len(certs) != 1 {
		t.Fatalf("certificates = %d (outcome %q)", len(certs), p.outcome.Text)
	}
	c := certs[0]
	if c.Level != data.LevelSocialWorker || c.MNo != "2022031100000123" || c.ExamYear != 2022 ||
		c.PassedOn.String() != "2022-09-01" || c.IssuedOn.String() != "2022-11-20" || c.Issuer != data.DefaultIssuer || c.Status != data.StatusValid {
		t.Errorf("stored %+v", c)
	}

	// Edit: an issue date before 2021-12-17 needs no annotation.
	typeInto(p.passedOn.entry, "2021-09-01")
	typeInto(p.issuedOn.entry, "2021-12-16")
	typeInto(p.examYear.entry, "2021")
	if got := p.annot.Text; !strings.Contains(got, "no annotation needed") {
		t.Errorf("annotation note %q", got)
	}
	test.Tap(p.save)
	got, _ := f.db.Certificate(context.Background(), c.ID)
	if got.IssuedOn.String() != "2021-12-16" {
		t.Errorf("edit not saved: %+v (outcome %q)", got, p.outcome.Text)
	}

	test.Tap(p.delete)
	f.tapDialogButton("Delete")
	certs, _ = f.db.Certificates(context.Background(), s.holder.h.ID)
	if len(certs) != 0 {
		t.Errorf("certificate not deleted")
	}
}

func TestCertificateDatesOutOfOrderSavesNothing(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.addHolder("张伟", validID)
	s := f.certificates()
	s.list.list.Select(0)
	p := s.certs

	typeInto(p.mno.entry, "2022031100000123")
	typeInto(p.examYear.entry, "2022")
	typeInto(p.passedOn.entry, "2022-09-01")
	typeInto(p.issuedOn.entry, "2022-08-01")
	if got := p.issuedOn.Message(); got != "The issue date cannot be before the date the exam was passed." {
		t.Errorf("message %q", got)
	}
	typeInto(p.passedOn.entry, "2022-02-30")
	if got := p.passedOn.Message(); got != "Enter a date as YYYY-MM-DD, e.g. 2021-12-17." {
		t.Errorf("message %q", got)
	}
	test.Tap(p.save)
	certs, _ := f.db.Certificates(context.Background(), 0)
	if len(certs) != 0 {
		t.Fatalf("saved %d certificates with bad dates", len(certs))
	}

	// A duplicate management number is refused by the store, shown at the field.
	other := f.addHolder("李娜", "44030519900101123X")
	dup := &data.Certificate{HolderID: other.ID, Level: data.LevelAssistant, MNo: "DUP00001", ExamYear: 2020, PassedOn: data.NewDate(2020, 9, 1), IssuedOn: data.NewDate(2020, 11, 1)}
	if err := f.db.CreateCertificate(context.Background(), dup); err != nil {
		t.Fatal(err)
	}
	typeInto(p.passedOn.entry, "2022-09-01")
	typeInto(p.issuedOn.entry, "2022-11-01")
	typeInto(p.mno.entry, "dup00001")
	test.Tap(p.save)
	if got := p.mno.Message(); got != "A certificate with this management number is already saved." {
		t.Errorf("duplicate mno message %q (outcome %q)", got, p.outcome.Text)
	}
	certs, _ = f.db.Certificates(context.Background(), 0)
	if len(certs) != 1 {
		t.Errorf("certificates = %d, want only the earlier one", len(certs))
	}
}

func TestNewHolderHasNoCertificateForm(t *testing.T) {
	f := newFixture(t, i18n.English)
	s := f.certificates()
	if s.certs.form.Visible() || !s.certs.newBtn.Disabled() {
		t.Error("certificate form offered before the holder is saved")
	}
	if got := s.certs.empty.Text; got != "Save the holder first, then add certificates." {
		t.Errorf("hint %q", got)
	}
}

// Someone else (another office, the command line) saves the holder while
// the form shows it: the form's save is refused naming who and when, the
// other change stays, the typing stays in the form until the person asks
// to reload, and Reload shows the holder as it is now.
func TestASaveOverAChangeMadeMeanwhileOffersToReload(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.addHolder("张伟", validID)
	s := f.certificates()
	s.list.list.Select(0)
	shown := s.list.at(0)

	theirs, err := f.db.Holder(context.Background(), shown.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Org = "他们改的单位"
	if err := f.db.UpdateHolder(context.Background(), theirs); err != nil {
		t.Fatal(err)
	}
	typeInto(s.holder.region.entry, "我改的地区")
	test.Tap(s.holder.save)
	msg := f.dialogText()
	if !strings.Contains(msg, theirs.UpdatedBy+" changed this record at 2026-") || !strings.Contains(msg, "Nothing of yours was saved") {
		t.Fatalf("the dialog says %q", msg)
	}
	if got, _ := f.db.Holder(context.Background(), shown.ID); got.Org != "他们改的单位" || got.Region == "我改的地区" {
		t.Errorf("the store after the refused save: %+v", got)
	}
	if s.holder.region.entry.Text != "我改的地区" {
		t.Errorf("the typing was lost before the person chose: %q", s.holder.region.entry.Text)
	}
	f.tapDialogButton("Reload")
	if s.holder.org.entry.Text != "他们改的单位" || s.holder.region.entry.Text == "我改的地区" {
		t.Errorf("after Reload the form shows org %q region %q", s.holder.org.entry.Text, s.holder.region.entry.Text)
	}
	typeInto(s.holder.region.entry, "我改的地区")
	test.Tap(s.holder.save)
	if got, _ := f.db.Holder(context.Background(), shown.ID); got.Org != "他们改的单位" || got.Region != "我改的地区" {
		t.Errorf("saved after reloading: %+v", got)
	}
}

// On a shared database the holder form has the office whose staff see the
// holder; an edit keeps it unless it is changed; on a file there is none.
func TestTheHolderFormHasAnOfficeOnASharedDatabase(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.svc.Offices = true
	s := f.certificates()
	if !strings.Contains(collectText(s.Content()), "Office") {
		t.Fatal("no office field on a shared database")
	}
	typeInto(s.holder.name.entry, "李明")
	typeInto(s.holder.idNo.entry, validID)
	typeInto(s.holder.office.entry, " 浦东 ")
	test.Tap(s.holder.save)
	hs := f.holders()
	if len(hs) != 1 || hs[0].Office != "浦东" {
		t.Fatalf("saved %+v (%q)", hs, s.holder.status.Text)
	}
	typeInto(s.holder.org.entry, "新单位")
	test.Tap(s.holder.save)
	if got := f.holders()[0]; got.Office != "浦东" || got.Org != "新单位" {
		t.Errorf("after an edit: %+v", got)
	}
	typeInto(s.holder.office.entry, "闵行")
	test.Tap(s.holder.save)
	if got := f.holders()[0]; got.Office != "闵行" {
		t.Errorf("the office moved: %+v", got)
	}

	file := newFixture(t, i18n.English)
	if strings.Contains(collectText(file.certificates().Content()), "Office") {
		t.Error("an office field on a file")
	}
}
