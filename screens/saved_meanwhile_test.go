package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// The forms of the records saved with a version (migration 00018): a save
// over a change made meanwhile elsewhere is refused naming who, the typing
// stays until the person chooses, Reload shows the other's change, and a
// save after it goes through. Here "elsewhere" is f.db, the store the
// tab's services share, written to behind the form's back.

// wantChangedMeanwhile fails unless the dialog on top is the refusal.
func (f *fixture) wantChangedMeanwhile(what string) {
	f.t.Helper()
	if msg := f.dialogText(); !strings.Contains(msg, "changed this record at") || !strings.Contains(msg, "Nothing of yours was saved") {
		f.t.Fatalf("%s: the dialog says %q", what, msg)
	}
}

var bg = context.Background()

func TestWorkEntrySavedMeanwhileOffersToReload(t *testing.T) {
	f := newFixture(t, i18n.English)
	h := f.addHolder("张伟", validID)
	w := &data.WorkEntry{HolderID: h.ID, Org: "阳光社工", Position: "社工", StartOn: data.NewDate(2020, 1, 1)}
	if err := f.db.CreateWorkEntry(bg, w); err != nil {
		t.Fatal(err)
	}
	s := f.dossierTab()
	s.list.list.Select(0)
	test.Tap(findButton(s.work, ""))
	form := s.lastWork
	theirs, _ := f.db.WorkEntry(bg, w.ID)
	theirs.Position = "督导"
	if err := f.db.UpdateWorkEntry(bg, theirs); err != nil {
		t.Fatal(err)
	}
	typeInto(form.org.entry, "我改的单位")
	f.tapDialogButton("Save")
	f.wantChangedMeanwhile("the work entry")
	if got, _ := f.db.WorkEntry(bg, w.ID); got.Org != "阳光社工" || got.Position != "督导" {
		t.Errorf("the store after the refused save: %+v", got)
	}
	if form.org.entry.Text != "我改的单位" {
		t.Errorf("the typing was lost before the person chose: %q", form.org.entry.Text)
	}
	f.tapDialogButton("Reload")
	form = s.lastWork
	if form.position.entry.Text != "督导" || form.org.entry.Text != "阳光社工" {
		t.Fatalf("after Reload the form shows %q %q", form.org.entry.Text, form.position.entry.Text)
	}
	typeInto(form.org.entry, "我改的单位")
	f.tapDialogButton("Save")
	if got, _ := f.db.WorkEntry(bg, w.ID); got.Org != "我改的单位" || got.Position != "督导" {
		t.Errorf("saved after reloading: %+v (%q)", got, form.dialog.msg.Text)
	}
}

func TestHonourSavedMeanwhileOffersToReload(t *testing.T) {
	f := newFixture(t, i18n.English)
	h := f.addHolder("张伟", validID)
	x := &data.Honour{HolderID: h.ID, Title: "优秀社会工作者", Date: data.NewDate(2024, 5, 1), Level: data.HonourCity}
	if err := f.db.CreateHonour(bg, x); err != nil {
		t.Fatal(err)
	}
	s := f.dossierTab()
	s.list.list.Select(0)
	test.Tap(findButton(s.honours, ""))
	form := s.lastHonour
	theirs, _ := f.db.Honour(bg, x.ID)
	theirs.Level = data.HonourProvince
	if err := f.db.UpdateHonour(bg, theirs); err != nil {
		t.Fatal(err)
	}
	typeInto(form.title.entry, "我改的荣誉")
	f.tapDialogButton("Save")
	f.wantChangedMeanwhile("the honour")
	if got, _ := f.db.Honour(bg, x.ID); got.Title != "优秀社会工作者" || got.Level != data.HonourProvince {
		t.Errorf("the store after the refused save: %+v", got)
	}
	if form.title.entry.Text != "我改的荣誉" {
		t.Errorf("the typing was lost before the person chose: %q", form.title.entry.Text)
	}
	f.tapDialogButton("Reload")
	form = s.lastHonour
	if form.level.Selected != "Province" || form.title.entry.Text != "优秀社会工作者" {
		t.Fatalf("after Reload the form shows %q %q", form.title.entry.Text, form.level.Selected)
	}
	typeInto(form.title.entry, "我改的荣誉")
	f.tapDialogButton("Save")
	if got, _ := f.db.Honour(bg, x.ID); got.Title != "我改的荣誉" || got.Level != data.HonourProvince {
		t.Errorf("saved after reloading: %+v (%q)", got, form.dialog.msg.Text)
	}
}

// An agency change decided by another office while this one's outcome
// form is open: refused naming them; Reload lists their outcome.
func TestTransferDecidedMeanwhileOffersToReload(t *testing.T) {
	f := newFixture(t, i18n.English)
	h := f.addHolder("张伟", validID)
	tr := &data.Transfer{HolderID: h.ID, ToOrg: "明德社工", AppliedOn: data.NewDate(2026, 10, 1)}
	if err := f.db.ApplyTransfer(bg, tr); err != nil {
		t.Fatal(err)
	}
	s := f.dossierTab()
	s.list.list.Select(0)
	test.Tap(findButton(s.transfers, "Record outcome"))
	form := s.lastDecide
	if _, err := f.db.DecideTransfer(bg, tr.ID, tr.Version, data.ReviewRejected, data.NewDate(2026, 11, 1)); err != nil {
		t.Fatal(err)
	}
	form.outcome.SetSelected("Approved")
	typeInto(form.on.entry, "2026-11-02")
	f.tapDialogButton("Save")
	f.wantChangedMeanwhile("the agency change")
	if got, _ := f.db.Transfer(bg, tr.ID); got.Status != data.ReviewRejected {
		t.Errorf("the store after the refused decision: %+v", got)
	}
	if got, _ := f.db.Holder(bg, h.ID); got.Org == "明德社工" {
		t.Errorf("the refused decision moved the holder: %+v", got)
	}
	f.tapDialogButton("Reload")
	if got := collectText(s.transfers); !strings.Contains(got, "Rejected 2026-11-01") {
		t.Errorf("after Reload the list shows %q", got)
	}
	if f.win.Canvas().Overlays().Top() != nil {
		t.Error("the outcome form is still open after Reload")
	}
}

func TestProjectSavedMeanwhileOffersToReload(t *testing.T) {
	f := newFixture(t, i18n.English)
	p := &data.Project{Name: "社区养老", Org: "阳光社工", StartOn: data.NewDate(2026, 1, 1)}
	if err := f.db.CreateProject(bg, p); err != nil {
		t.Fatal(err)
	}
	s := newServiceTab(f.svc, f.win, NewSelection())
	f.win.SetContent(s.Content())
	s.list.Select(0)
	theirs, _ := f.db.Project(bg, p.ID)
	theirs.Org = "明德社工"
	if err := f.db.UpdateProject(bg, theirs); err != nil {
		t.Fatal(err)
	}
	typeInto(s.name.entry, "我改的项目")
	test.Tap(s.saveBtn)
	f.wantChangedMeanwhile("the project")
	if got, _ := f.db.Project(bg, p.ID); got.Name != "社区养老" || got.Org != "明德社工" {
		t.Errorf("the store after the refused save: %+v", got)
	}
	if s.name.entry.Text != "我改的项目" {
		t.Errorf("the typing was lost before the person chose: %q", s.name.entry.Text)
	}
	f.tapDialogButton("Reload")
	if s.org.entry.Text != "明德社工" || s.name.entry.Text != "社区养老" {
		t.Fatalf("after Reload the form shows %q %q", s.name.entry.Text, s.org.entry.Text)
	}
	typeInto(s.name.entry, "我改的项目")
	test.Tap(s.saveBtn)
	if got, _ := f.db.Project(bg, p.ID); got.Name != "我改的项目" || got.Org != "明德社工" {
		t.Errorf("saved after reloading: %+v (%q)", got, s.msg.Text)
	}
}

func TestServiceRecordSavedMeanwhileOffersToReload(t *testing.T) {
	f := newFixture(t, i18n.English)
	h := f.addHolder("张伟", validID)
	p := &data.Project{Name: "社区养老", Org: "阳光社工", StartOn: data.NewDate(2026, 1, 1)}
	if err := f.db.CreateProject(bg, p); err != nil {
		t.Fatal(err)
	}
	if err := f.db.JoinProject(bg, p.ID, h.ID); err != nil {
		t.Fatal(err)
	}
	r := &data.ServiceRecord{ProjectID: p.ID, HolderID: h.ID, Date: data.NewDate(2026, 3, 2), Content: "入户探访", Hours: data.WholeHours(2)}
	if err := f.db.CreateServiceRecord(bg, r); err != nil {
		t.Fatal(err)
	}
	s := newServiceTab(f.svc, f.win, NewSelection())
	f.win.SetContent(s.Content())
	s.list.Select(0)
	s.showRecordsOf(h.ID)
	test.Tap(findButton(s.records, ""))
	if s.recEditID != r.ID {
		t.Fatalf("the record is not in the form (%d)", s.recEditID)
	}
	theirs, _ := f.db.ServiceRecord(bg, r.ID)
	theirs.Hours = data.WholeHours(3)
	if err := f.db.UpdateServiceRecord(bg, theirs); err != nil {
		t.Fatal(err)
	}
	typeInto(s.recText.entry, "我改的内容")
	test.Tap(s.recSave)
	f.wantChangedMeanwhile("the service record")
	if got, _ := f.db.ServiceRecord(bg, r.ID); got.Content != "入户探访" || got.Hours != data.WholeHours(3) {
		t.Errorf("the store after the refused save: %+v", got)
	}
	if s.recText.entry.Text != "我改的内容" {
		t.Errorf("the typing was lost before the person chose: %q", s.recText.entry.Text)
	}
	f.tapDialogButton("Reload")
	if s.recHours.entry.Text != i18n.HoursText(data.WholeHours(3)) || s.recText.entry.Text != "入户探访" {
		t.Fatalf("after Reload the form shows %q %q", s.recText.entry.Text, s.recHours.entry.Text)
	}
	typeInto(s.recText.entry, "我改的内容")
	test.Tap(s.recSave)
	if got, _ := f.db.ServiceRecord(bg, r.ID); got.Content != "我改的内容" || got.Hours != data.WholeHours(3) {
		t.Errorf("saved after reloading: %+v (%q)", got, s.recMsg.Text)
	}
}

// The Paper certificate tab's one Save: the collection record, and the
// mail form with it, each refused over a change made meanwhile.
func TestPaperSavedMeanwhileOffersToReload(t *testing.T) {
	f := newFixture(t, i18n.English)
	c := f.certOf(f.addHolder("张伟", validID), data.NewDate(2026, 1, 20))
	if err := f.db.SetPaper(bg, &data.Paper{CertID: c.ID, Method: data.PaperOnsite, Status: data.PaperNotCollected, Place: "区民政局"}); err != nil {
		t.Fatal(err)
	}
	s := NewPaperTab(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.picker.list.list.Select(0)
	theirs, _ := f.db.Paper(bg, c.ID)
	theirs.Place = "市民政局大厅"
	if err := f.db.SetPaper(bg, theirs); err != nil {
		t.Fatal(err)
	}
	typeInto(s.courier.entry, "顺丰")
	typeInto(s.place.entry, "我填的地点")
	test.Tap(findButton(s.Content(), i18n.T("paper.save")))
	f.wantChangedMeanwhile("the paper record")
	if got, _ := f.db.Paper(bg, c.ID); got.Place != "市民政局大厅" {
		t.Errorf("the store after the refused save: %+v", got)
	}
	if s.place.entry.Text != "我填的地点" {
		t.Errorf("the typing was lost before the person chose: %q", s.place.entry.Text)
	}
	f.tapDialogButton("Reload")
	if s.place.entry.Text != "市民政局大厅" {
		t.Fatalf("after Reload the form shows %q", s.place.entry.Text)
	}
	typeInto(s.place.entry, "我填的地点")
	test.Tap(findButton(s.Content(), i18n.T("paper.save")))
	if got, _ := f.db.Paper(bg, c.ID); got.Place != "我填的地点" {
		t.Fatalf("saved after reloading: %+v (%q)", got, s.msg.Text)
	}

	// By mail, the form saved meanwhile: nothing of the Save is kept.
	form := &data.MailForm{CertID: c.ID, Sex: data.SexMale, Recipient: "张伟", Phone: "13800138000", Province: "北京市", City: "北京市",
		District: "朝阳区", Address: "建国路88号", Postcode: "100022"}
	if err := f.db.SaveMailForm(bg, form); err != nil {
		t.Fatal(err)
	}
	s.showCert(s.cert) // the tab shows it read again
	s.method.SetSelected(i18n.T("paper.method.mail"))
	theirForm, _ := f.db.MailForm(bg, c.ID)
	theirForm.Address = "建国路99号"
	if err := f.db.SaveMailForm(bg, theirForm); err != nil {
		t.Fatal(err)
	}
	typeInto(s.recipient.entry, "李四")
	test.Tap(findButton(s.Content(), i18n.T("paper.save")))
	f.wantChangedMeanwhile("the mail form")
	if got, _ := f.db.MailForm(bg, c.ID); got.Address != "建国路99号" || got.Recipient != "张伟" {
		t.Errorf("the form after the refused save: %+v", got)
	}
	if got, _ := f.db.Paper(bg, c.ID); got.Method != data.PaperOnsite {
		t.Errorf("the record was saved without its form: %+v", got)
	}
	f.tapDialogButton("Reload")
	if s.address.entry.Text != "建国路99号" || s.recipient.entry.Text != "张伟" {
		t.Fatalf("after Reload the form shows %q %q", s.recipient.entry.Text, s.address.entry.Text)
	}
}

// The first paper record and mail form of a certificate: the tab read
// none, someone saved one meanwhile; this Save is refused as over any
// change, not written over theirs.
func TestFirstPaperSavedMeanwhileOffersToReload(t *testing.T) {
	f := newFixture(t, i18n.English)
	c := f.certOf(f.addHolder("张伟", validID), data.NewDate(2026, 1, 20))
	s := NewPaperTab(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.picker.list.list.Select(0)
	if err := f.db.SetPaper(bg, &data.Paper{CertID: c.ID, Method: data.PaperOnsite, Status: data.PaperNotCollected, Place: "市民政局大厅"}); err != nil {
		t.Fatal(err)
	}
	typeInto(s.place.entry, "我填的地点")
	test.Tap(findButton(s.Content(), i18n.T("paper.save")))
	f.wantChangedMeanwhile("the first paper record")
	if got, _ := f.db.Paper(bg, c.ID); got.Place != "市民政局大厅" {
		t.Errorf("the store after the refused save: %+v", got)
	}
	f.tapDialogButton("Reload")
	if s.place.entry.Text != "市民政局大厅" {
		t.Fatalf("after Reload the form shows %q", s.place.entry.Text)
	}

	// The mail form: none when the tab read it, one saved meanwhile.
	s.method.SetSelected(i18n.T("paper.method.mail"))
	form := &data.MailForm{CertID: c.ID, Sex: data.SexMale, Recipient: "张伟", Phone: "13800138000", Province: "北京市", City: "北京市",
		District: "朝阳区", Address: "建国路88号", Postcode: "100022"}
	if err := f.db.SaveMailForm(bg, form); err != nil {
		t.Fatal(err)
	}
	typeInto(s.recipient.entry, "李四")
	typeInto(s.phone.entry, "13900139000")
	typeInto(s.province.entry, "上海市")
	typeInto(s.city.entry, "上海市")
	typeInto(s.district.entry, "浦东新区")
	typeInto(s.address.entry, "世纪大道1号")
	typeInto(s.postcode.entry, "200120")
	test.Tap(findButton(s.Content(), i18n.T("paper.save")))
	f.wantChangedMeanwhile("the first mail form")
	if got, _ := f.db.MailForm(bg, c.ID); got.Recipient != "张伟" || got.Address != "建国路88号" {
		t.Errorf("the form after the refused save: %+v", got)
	}
	// Nothing saved yet anywhere: the first save goes through.
	passed := data.NewDate(2026, 1, 20)
	c2 := &data.Certificate{HolderID: f.addHolder("李娜", "44030519900101123X").ID, Level: data.LevelSocialWorker, MNo: "2025S110002",
		ExamYear: 2026, PassedOn: passed, IssuedOn: passed.AddDays(60), Issuer: data.DefaultIssuer}
	if err := f.db.CreateCertificate(bg, c2); err != nil {
		t.Fatal(err)
	}
	s.showCert(c2)
	typeInto(s.place.entry, "区民政局")
	test.Tap(findButton(s.Content(), i18n.T("paper.save")))
	if got, err := f.db.Paper(bg, c2.ID); err != nil || got == nil || got.Place != "区民政局" {
		t.Fatalf("a first save with none meanwhile: %+v %v (%q)", got, err, s.msg.Text)
	}
}
