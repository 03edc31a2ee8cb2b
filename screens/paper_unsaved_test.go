package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// secondID is a valid resident ID number for a second holder.
func secondID() string {
	first17 := "11010519800101123"
	return first17 + string(data.IDCheckChar(first17))
}

// Exporting the mail form keeps what the tab shows, the method and the
// window with it: picking the holder again shows 邮寄申领, not 现场领取
// (issue #15: only the form was saved).
func TestPaperExportKeepsMethodAndWindow(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	c := f.certOf(f.addHolder("欧阳娜娜", validID), data.NewDate(2026, 1, 20))
	s := NewPaperTab(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.picker.list.list.Select(0)
	s.method.SetSelected(i18n.T("paper.method.mail"))
	typeInto(s.winStart.entry, "2026-11-01")
	typeInto(s.winEnd.entry, "2026-12-31")
	typeInto(s.province.entry, "北京市")
	typeInto(s.city.entry, "北京市")
	typeInto(s.district.entry, "朝阳区")
	typeInto(s.address.entry, "建国路88号")
	typeInto(s.postcode.entry, "100022")
	test.Tap(findButton(s.Content(), i18n.T("paper.export_form")))
	if top := f.win.Canvas().Overlays().Top(); top != nil {
		top.Hide() // the save dialog: its file is not the point here
	}
	p, _ := f.db.Paper(context.Background(), c.ID)
	if p == nil || p.Method != data.PaperMail || !p.WindowEnd.Equal(data.NewDate(2026, 12, 31)) {
		t.Fatalf("after the export the record is %+v", p)
	}
	s.picker.list.list.UnselectAll()
	s.picker.list.list.Select(0)
	if s.method.Selected != i18n.T("paper.method.mail") || s.winEnd.entry.Text != "2026-12-31" {
		t.Errorf("picked again: method %q, window end %q", s.method.Selected, s.winEnd.entry.Text)
	}
}

// The tab has one Save: the record and the form are saved by it together.
func TestPaperTabHasOneSave(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	f.certOf(f.addHolder("欧阳娜娜", validID), data.NewDate(2026, 1, 20))
	s := NewPaperTab(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.picker.list.list.Select(0)
	s.method.SetSelected(i18n.T("paper.method.mail"))
	if n := strings.Count(buttonLabels(s.Content()), "保存"); n != 1 {
		t.Errorf("%d buttons say 保存: %s", n, buttonLabels(s.Content()))
	}
}

// buttonLabels lists the labels of the visible buttons under o.
func buttonLabels(o fyne.CanvasObject) string {
	if !o.Visible() {
		return ""
	}
	s := ""
	switch x := o.(type) {
	case *widget.Button:
		return "[" + x.Text + "]"
	case *fyne.Container:
		for _, c := range x.Objects {
			s += buttonLabels(c)
		}
		return s
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			s += buttonLabels(c)
		}
	}
	return s
}

// Picking another holder with edits unsaved asks Save / Discard / Keep
// editing: Keep editing keeps the edits and the holder (its row marked), Discard drops them, Save keeps
// them in the store; coming back to the tab keeps them too.
func TestPaperUnsavedEditsAreAsked(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	f.certOf(f.addHolder("欧阳娜娜", validID), data.NewDate(2026, 1, 20))
	other := &data.Certificate{HolderID: f.addHolder("张伟", secondID()).ID, Level: data.LevelSocialWorker, MNo: "2025S110002", ExamYear: 2025,
		PassedOn: data.NewDate(2026, 1, 20), IssuedOn: data.NewDate(2026, 3, 21), Issuer: data.DefaultIssuer}
	if err := f.db.CreateCertificate(context.Background(), other); err != nil {
		t.Fatal(err)
	}
	s := NewPaperTab(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.picker.list.list.Select(0)
	first := s.cert.ID
	typeInto(s.place.entry, "朝阳区民政局")

	s.Refresh() // the tab shown again: the edits stay
	if s.place.entry.Text != "朝阳区民政局" {
		t.Fatalf("coming back to the tab dropped the edit: %q", s.place.entry.Text)
	}

	s.picker.list.list.Select(1)
	if !strings.Contains(f.dialogText(), "还没有保存") {
		t.Fatalf("no question: %q", f.dialogText())
	}
	f.tapDialogButton("继续编辑")
	if s.cert.ID != first || s.place.entry.Text != "朝阳区民政局" || s.picker.list.row != 0 {
		t.Fatalf("after Keep editing: cert %d, place %q, row %d", s.cert.ID, s.place.entry.Text, s.picker.list.row)
	}

	s.picker.list.list.Select(1)
	f.tapDialogButton("放弃修改")
	if s.cert.ID == first || s.place.entry.Text != "" {
		t.Fatalf("after Discard: cert %d, place %q", s.cert.ID, s.place.entry.Text)
	}
	if p, _ := f.db.Paper(context.Background(), first); p != nil {
		t.Fatalf("Discard saved: %+v", p)
	}

	second := s.cert.ID
	typeInto(s.place.entry, "海淀区民政局")
	s.picker.list.list.Select(0)
	f.tapDialogButton("保存")
	if p, _ := f.db.Paper(context.Background(), second); p == nil || p.Place != "海淀区民政局" {
		t.Fatalf("Save did not save: %+v (%q)", p, s.msg.Text)
	}
	if s.cert.ID != first {
		t.Errorf("after Save the holder picked is not shown: cert %d", s.cert.ID)
	}

	// A refused save keeps the holder and the edits.
	typeInto(s.winEnd.entry, "2026-13-01")
	s.picker.list.list.Select(1)
	f.tapDialogButton("保存")
	if s.cert.ID != first || s.winEnd.entry.Text != "2026-13-01" || s.picker.list.row != 0 {
		t.Errorf("after a refused save: cert %d, end %q, row %d", s.cert.ID, s.winEnd.entry.Text, s.picker.list.row)
	}
	// Nothing changed: no question.
	typeInto(s.winEnd.entry, "")
	s.picker.list.list.Select(1)
	if top := f.win.Canvas().Overlays().Top(); top != nil && top.Visible() && strings.Contains(f.dialogText(), "还没有保存") {
		t.Errorf("asked with nothing changed")
	}
}

// The Registration tab asks the same before its form is refilled: another
// holder, another record of the history, New.
func TestRegistrationUnsavedEditsAreAsked(t *testing.T) {
	f := newFixture(t, i18n.English)
	c := f.certOf(f.addHolder("张伟", validID), data.NewDate(2026, 1, 20))
	f.addHolder("李娜", secondID())
	s := NewRegistrations(f.svc, f.win)
	f.win.SetContent(s.Content())
	row := 0
	if s.picker.list.at(0).Name != "张伟" {
		row = 1
	}
	s.picker.list.list.Select(row)
	typeInto(s.region.entry, "北京市")
	s.Refresh()
	if s.region.entry.Text != "北京市" {
		t.Fatalf("coming back to the tab dropped the edit")
	}
	s.picker.list.list.Select(1 - row)
	f.tapDialogButton("Keep editing")
	if s.cert == nil || s.cert.ID != c.ID || s.region.entry.Text != "北京市" {
		t.Fatalf("after Keep editing: %+v %q", s.cert, s.region.entry.Text)
	}
	test.Tap(findButton(s.Content(), i18n.T("reg.new")))
	f.tapDialogButton("Save")
	regs, _ := f.db.Registrations(context.Background(), c.ID)
	if len(regs) != 1 || regs[0].Region != "北京市" || s.region.entry.Text != "" {
		t.Fatalf("Save then New: %+v, form %q", regs, s.region.entry.Text)
	}
	// The saved record picked from the history, changed, then New: Discard.
	s.history.Select(0)
	typeInto(s.org.entry, "阳光社工")
	test.Tap(findButton(s.Content(), i18n.T("reg.new")))
	f.tapDialogButton("Discard changes")
	if regs, _ := f.db.Registrations(context.Background(), c.ID); regs[0].Org != "" || s.org.entry.Text != "" {
		t.Errorf("Discard: %+v, form %q", regs, s.org.entry.Text)
	}
}

// The CE tab asks the same before its form is refilled by another holder.
func TestCEUnsavedEditsAreAsked(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.certOf(f.addHolder("张伟", validID), data.NewDate(2026, 1, 20))
	f.addHolder("李娜", secondID())
	s := NewCELog(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.list.list.Select(0)
	first := s.holder.ID
	typeInto(s.title.entry, "社会工作伦理")
	s.Refresh()
	if s.title.entry.Text != "社会工作伦理" {
		t.Fatalf("coming back to the tab dropped the edit")
	}
	s.list.list.Select(1)
	f.tapDialogButton("Keep editing")
	if s.holder.ID != first || s.title.entry.Text != "社会工作伦理" {
		t.Fatalf("after Keep editing: holder %d, title %q", s.holder.ID, s.title.entry.Text)
	}
	s.list.list.Select(1)
	f.tapDialogButton("Discard changes")
	if s.holder.ID == first || s.title.entry.Text != "" {
		t.Errorf("after Discard: holder %d, title %q", s.holder.ID, s.title.entry.Text)
	}
}

// Leaving a tab with edits unsaved loses nothing: they are there when the
// tab is back, and a holder picked meanwhile on another tab is shown only
// after the question. Keep editing stays on the edits (the holder edited
// becomes the selection again); Discard fills the tab from the store, on the
// holder picked.
func TestLeavingATabWithUnsavedEditsAsks(t *testing.T) {
	f := newFixture(t, i18n.English)
	first := f.certOf(f.addHolder("欧阳娜娜", validID), data.NewDate(2026, 1, 20))
	other := &data.Certificate{HolderID: f.addHolder("张伟", secondID()).ID, Level: data.LevelSocialWorker, MNo: "2025S110002", ExamYear: 2025,
		PassedOn: data.NewDate(2026, 1, 20), IssuedOn: data.NewDate(2026, 3, 21), Issuer: data.DefaultIssuer}
	if err := f.db.CreateCertificate(context.Background(), other); err != nil {
		t.Fatal(err)
	}
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	row := func(l *holderList, name string) int {
		for i := 0; i < 2; i++ {
			if l.at(i).Name == name {
				return i
			}
		}
		t.Fatalf("no row of %s", name)
		return -1
	}
	m.showTab(m.PaperTab.Content())
	m.PaperTab.picker.list.list.Select(row(m.PaperTab.picker.list, "欧阳娜娜"))
	typeInto(m.PaperTab.place.entry, "朝阳区民政局")
	m.showTab(m.Verify.Content())
	if top := f.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("leaving the tab asked: %q", f.dialogText())
	}
	m.showTab(m.PaperTab.Content())
	if m.Tabs.Selected().Content != m.PaperTab.Content() || m.PaperTab.place.entry.Text != "朝阳区民政局" {
		t.Fatalf("back on the tab: tab %v, place %q", m.Tabs.Selected().Text, m.PaperTab.place.entry.Text)
	}

	m.showTab(m.Certificates.Content())
	m.Certificates.list.list.Select(row(m.Certificates.list, "张伟"))
	m.showTab(m.PaperTab.Content())
	if !strings.Contains(f.dialogText(), "not saved yet") {
		t.Fatalf("no question: %q", f.dialogText())
	}
	f.tapDialogButton("Keep editing")
	if m.PaperTab.cert.ID != first.ID || m.PaperTab.place.entry.Text != "朝阳区民政局" || m.Sel.Holder().ID != first.HolderID {
		t.Fatalf("after Keep editing: cert %d, place %q, selection %s", m.PaperTab.cert.ID, m.PaperTab.place.entry.Text, m.Sel.Holder().Name)
	}

	m.showTab(m.Certificates.Content())
	m.Certificates.list.list.Select(row(m.Certificates.list, "张伟"))
	m.showTab(m.PaperTab.Content())
	f.tapDialogButton("Discard changes")
	if m.Tabs.Selected().Content != m.PaperTab.Content() || m.PaperTab.cert.ID != other.ID || m.PaperTab.place.entry.Text != "" {
		t.Errorf("after Discard: tab %v, cert %d, place %q", m.Tabs.Selected().Text, m.PaperTab.cert.ID, m.PaperTab.place.entry.Text)
	}
	if p, _ := f.db.Paper(context.Background(), first.ID); p != nil {
		t.Errorf("Discard saved: %+v", p)
	}
	m.showTab(m.Dashboard.Content()) // nothing unsaved: no question
	if top := f.win.Canvas().Overlays().Top(); top != nil && top.Visible() && strings.Contains(f.dialogText(), "not saved") {
		t.Error("asked with nothing unsaved")
	}
}

// A language switch rebuilds the window: unsaved edits of a tab left
// behind are asked about first, and Cancel keeps them (and the language).
func TestLanguageSwitchAsksAboutEditsOfATabLeft(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.certOf(f.addHolder("欧阳娜娜", validID), data.NewDate(2026, 1, 20))
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	m.showTab(m.CELog.Content())
	m.CELog.list.list.Select(0)
	typeInto(m.CELog.title.entry, "社会工作伦理")
	m.showTab(m.Verify.Content()) // the edit left on the CE tab
	s := m.NewSettings()
	s.Language.SetSelected(languageLabel(i18n.Chinese))
	f.tapDialogButton("Cancel")
	if m.current() != m || f.app.Preferences().String(PrefLanguage) == i18n.Chinese || m.CELog.title.entry.Text != "社会工作伦理" {
		t.Fatalf("the switch went ahead: pref %q, title %q", f.app.Preferences().String(PrefLanguage), m.CELog.title.entry.Text)
	}
	s.Language.SetSelected(languageLabel(i18n.English))
	s.Language.SetSelected(languageLabel(i18n.Chinese))
	f.tapDialogButton("Switch and discard")
	if m.current() == m || f.app.Preferences().String(PrefLanguage) != i18n.Chinese {
		t.Errorf("Discard did not switch")
	}
}

// A dashboard row or a reminder opened on the CE tab, for another holder,
// while that tab holds unsaved edits: asked first; Keep editing stays on
// the edits, Discard shows the holder opened.
func TestOpeningAnItemOnATabWithUnsavedEditsAsks(t *testing.T) {
	w := newTwoHolders(t, i18n.English)
	m, f := w.m, w.f
	w.show(m.CELog.Content())
	m.CELog.list.list.Select(w.listA)
	typeInto(m.CELog.title.entry, "社会工作伦理")
	w.show(m.Dashboard.Content())
	m.open(data.Attention{Kind: data.AttCE, HolderID: w.b.ID, CertID: w.bNew.ID})
	if !strings.Contains(f.dialogText(), "not saved yet") {
		t.Fatalf("no question: %q", f.dialogText())
	}
	f.tapDialogButton("Keep editing")
	if m.Tabs.Selected().Content != m.CELog.Content() || m.CELog.holder.ID != w.a.ID || m.CELog.title.entry.Text != "社会工作伦理" {
		t.Fatalf("after Keep editing: holder %s, title %q", m.CELog.holder.Name, m.CELog.title.entry.Text)
	}
	w.show(m.Dashboard.Content()) // rows and reminders are opened from there
	m.open(data.Attention{Kind: data.AttCE, HolderID: w.b.ID, CertID: w.bNew.ID})
	f.tapDialogButton("Discard changes")
	if m.CELog.holder.ID != w.b.ID || m.CELog.title.entry.Text != "" {
		t.Errorf("after Discard: holder %s, title %q", m.CELog.holder.Name, m.CELog.title.entry.Text)
	}
	if recs, _ := f.db.CERecords(context.Background(), w.a.ID); len(recs) != 0 {
		t.Errorf("Discard saved %+v", recs)
	}
}
