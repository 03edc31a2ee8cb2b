package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// two holders, each with two certificates (the second issued later).
type twoHolders struct {
	a, b         *data.Holder
	aOld, aNew   *data.Certificate
	bOld, bNew   *data.Certificate
	listA, listB int // their rows in a holder list
	m            *Main
	f            *fixture
}

func newTwoHolders(t *testing.T, lang string) *twoHolders {
	f := newFixture(t, lang)
	w := &twoHolders{f: f}
	id := func(i int) string {
		first17 := "110105" + data.NewDate(1980, 1, 1).AddDays(i).Time().Format("20060102") + "123"
		return first17 + string(data.IDCheckChar(first17))
	}
	w.a = f.addHolder("张伟", id(1))
	w.b = f.addHolder("李娜", id(2))
	cert := func(h *data.Holder, mno string, passed data.Date) *data.Certificate {
		c := &data.Certificate{HolderID: h.ID, Level: data.LevelSocialWorker, MNo: mno, ExamYear: passed.Year(),
			PassedOn: passed, IssuedOn: passed.AddDays(60), Issuer: data.DefaultIssuer}
		if err := f.db.CreateCertificate(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	w.aOld, w.aNew = cert(w.a, "2020S110001", data.NewDate(2020, 6, 1)), cert(w.a, "2025S110001", data.NewDate(2025, 6, 1))
	w.bOld, w.bNew = cert(w.b, "2021S110002", data.NewDate(2021, 6, 1)), cert(w.b, "2026S110002", data.NewDate(2026, 6, 1))
	w.m = NewMain(f.app, f.win, f.svc, "test", "en-US")
	w.m.Install()
	w.f.win.Resize(fyne.NewSize(1024, 700))
	hs := f.holders()
	for i, h := range hs {
		if h.ID == w.a.ID {
			w.listA = i
		}
		if h.ID == w.b.ID {
			w.listB = i
		}
	}
	return w
}

func (w *twoHolders) show(c fyne.CanvasObject) { w.m.current().showTab(c) }

// The holder and certificate picked on one tab are the ones every other
// tab shows, whichever tab picked them.
func TestOneHolderForEveryTab(t *testing.T) {
	w := newTwoHolders(t, i18n.English)
	m := w.m
	w.show(m.Certificates.Content())
	m.Certificates.list.list.Select(w.listB)
	m.Certificates.certs.list.Select(0) //李娜's older certificate, by a click
	if m.Certificates.certs.c == nil || m.Certificates.certs.c.ID != w.bOld.ID {
		t.Fatalf("certificate form shows %+v", m.Certificates.certs.c)
	}
	for _, tab := range []struct {
		name    string
		content fyne.CanvasObject
		picker  *certPicker
	}{
		{"annotation", m.Annotations.Content(), m.Annotations.picker},
		{"registration", m.Register.Content(), m.Register.picker},
		{"paper", m.PaperTab.Content(), m.PaperTab.picker},
	} {
		w.show(tab.content)
		if tab.picker.holder == nil || tab.picker.holder.ID != w.b.ID || tab.picker.cert == nil || tab.picker.cert.ID != w.bOld.ID {
			t.Errorf("%s tab shows holder %+v certificate %+v, want 李娜's %s", tab.name, tab.picker.holder, tab.picker.cert, w.bOld.MNo)
		}
		if !strings.Contains(tab.picker.heading.Text, "李娜") || tab.picker.certSel.Selected != certSummary(w.bOld) {
			t.Errorf("%s tab heading %q, certificate shown %q", tab.name, tab.picker.heading.Text, tab.picker.certSel.Selected)
		}
		if tab.picker.list.row != w.listB {
			t.Errorf("%s tab's list marks row %d, not 李娜's %d", tab.name, tab.picker.list.row, w.listB)
		}
	}
	w.show(m.CELog.Content())
	if m.CELog.holder == nil || m.CELog.holder.ID != w.b.ID || m.CELog.heading.Text != "李娜" {
		t.Errorf("CE tab shows %q", m.CELog.heading.Text)
	}

	// Picked on the Paper tab: 张伟, whose newest certificate it preselects.
	w.show(m.PaperTab.Content())
	m.PaperTab.picker.list.list.Select(w.listA)
	w.show(m.Register.Content())
	if m.Register.cert == nil || m.Register.cert.ID != w.aNew.ID {
		t.Errorf("registration tab after the paper tab picked 张伟: %+v", m.Register.cert)
	}
	w.show(m.Certificates.Content())
	if m.Certificates.holder.h == nil || m.Certificates.holder.h.ID != w.a.ID || m.Certificates.holder.name.entry.Text != "张伟" {
		t.Errorf("certificates tab shows %q", m.Certificates.holder.name.entry.Text)
	}
	if m.Certificates.certs.c == nil || m.Certificates.certs.c.ID != w.aNew.ID {
		t.Errorf("certificates tab's certificate %+v, want %s", m.Certificates.certs.c, w.aNew.MNo)
	}
	if m.Certificates.list.row != w.listA {
		t.Errorf("certificates tab's list marks row %d, not 张伟's %d", m.Certificates.list.row, w.listA)
	}
}

// A language switch rebuilds every tab: the selection stays.
func TestSelectionSurvivesLanguageSwitch(t *testing.T) {
	w := newTwoHolders(t, i18n.English)
	m := w.m
	w.show(m.Register.Content())
	m.Register.picker.list.list.Select(w.listB)
	m.Register.picker.certSel.SetSelectedIndex(0) // the older certificate, by hand

	m.NewSettings().Language.SetSelected("中文 (简体)")
	n := m.current()
	if n == m {
		t.Fatal("the window was not rebuilt")
	}
	if n.Tabs.Selected().Content != n.Register.Content() {
		t.Fatal("the rebuilt window is not on the registration tab")
	}
	if n.Register.cert == nil || n.Register.cert.ID != w.bOld.ID || !strings.Contains(n.Register.picker.heading.Text, "李娜") {
		t.Errorf("rebuilt registration tab shows %+v (%q)", n.Register.cert, n.Register.picker.heading.Text)
	}
	n.showTab(n.Certificates.Content())
	if n.Certificates.holder.name.entry.Text != "李娜" || n.Certificates.certs.certID() != w.bOld.ID {
		t.Errorf("rebuilt certificates tab shows %q, certificate %d", n.Certificates.holder.name.entry.Text, n.Certificates.certs.certID())
	}
}

// A dashboard row opens its tab on that holder and certificate through the
// selection, so the other tabs show them too.
func TestDashboardOpensThroughSelection(t *testing.T) {
	w := newTwoHolders(t, i18n.English)
	m := w.m
	m.open(data.Attention{Kind: data.AttPaper, HolderID: w.b.ID, CertID: w.bOld.ID})
	if m.Tabs.Selected().Content != m.PaperTab.Content() || m.PaperTab.cert == nil || m.PaperTab.cert.ID != w.bOld.ID {
		t.Fatalf("paper tab shows %+v", m.PaperTab.cert)
	}
	w.show(m.Annotations.Content())
	if m.Annotations.cert == nil || m.Annotations.cert.ID != w.bOld.ID {
		t.Errorf("annotation tab shows %+v", m.Annotations.cert)
	}
	m.open(data.Attention{Kind: data.AttCertificate, HolderID: w.a.ID, CertID: w.aOld.ID})
	if m.Certificates.holder.name.entry.Text != "张伟" || m.Certificates.certs.certID() != w.aOld.ID {
		t.Errorf("certificates tab shows %q, certificate %d", m.Certificates.holder.name.entry.Text, m.Certificates.certs.certID())
	}
}

// Edits typed on one tab are not dropped when another tab picks another
// holder: coming back asks; "keep editing" keeps them (and makes that
// holder the selection again), "save" saves them, "discard" drops them.
func TestUnsavedEditsAskBeforeAnotherHolder(t *testing.T) {
	w := newTwoHolders(t, i18n.English)
	m, f := w.m, w.f
	ctx := context.Background()
	w.show(m.Register.Content())
	m.Register.picker.list.list.Select(w.listA)
	typeInto(m.Register.region.entry, "北京市")

	w.show(m.Certificates.Content())
	m.Certificates.list.list.Select(w.listB)
	w.show(m.Register.Content())
	if !strings.Contains(f.dialogText(), "not saved yet") || !strings.Contains(f.dialogText(), "张伟") {
		t.Fatalf("no question about the unsaved edits: %q", f.dialogText())
	}
	f.tapDialogButton("Keep editing")
	if m.Register.region.entry.Text != "北京市" || m.Register.cert.ID != w.aNew.ID {
		t.Fatalf("keep editing: region %q on %+v", m.Register.region.entry.Text, m.Register.cert)
	}
	if m.Sel.Holder().ID != w.a.ID {
		t.Errorf("keep editing: the selection is %s, not the holder being edited", m.Sel.Holder().Name)
	}
	w.show(m.Certificates.Content())
	if m.Certificates.holder.name.entry.Text != "张伟" {
		t.Errorf("certificates tab after keep editing shows %q", m.Certificates.holder.name.entry.Text)
	}

	// Save: the row is in the store, then the tab shows 李娜.
	m.Certificates.list.list.Select(w.listB)
	w.show(m.Register.Content())
	f.tapDialogButton("Save")
	regs, _ := f.db.Registrations(ctx, w.aNew.ID)
	if len(regs) != 1 || regs[0].Region != "北京市" {
		t.Fatalf("save: 张伟's registrations %+v", regs)
	}
	if m.Register.cert.ID != w.bNew.ID || m.Register.region.entry.Text != "" {
		t.Errorf("after save the tab shows %+v with region %q", m.Register.cert, m.Register.region.entry.Text)
	}

	// Discard: nothing saved, the tab shows the other holder.
	typeInto(m.Register.region.entry, "上海市")
	w.show(m.Certificates.Content())
	m.Certificates.list.list.Select(w.listA)
	w.show(m.Register.Content())
	f.tapDialogButton("Discard changes")
	if regs, _ := f.db.Registrations(ctx, w.bNew.ID); len(regs) != 0 {
		t.Errorf("discard saved %+v", regs)
	}
	if m.Register.cert.ID != w.aNew.ID {
		t.Errorf("after discard the tab shows %+v", m.Register.cert)
	}

	// Unsaved edits of the same holder stay as typed when the tab comes back.
	typeInto(m.Register.org.entry, "阳光社工")
	w.show(m.Dashboard.Content())
	w.show(m.Register.Content())
	if f.win.Canvas().Overlays().Top() != nil || m.Register.org.entry.Text != "阳光社工" {
		t.Errorf("coming back to the same holder: dialog %q, employer %q", f.dialogText(), m.Register.org.entry.Text)
	}
}

// Picking another holder in the tab's own list asks too (CE log), and a
// revealed but unchanged number is no edit (Certificates).
func TestUnsavedEditsAskInTheSameTab(t *testing.T) {
	w := newTwoHolders(t, i18n.English)
	m, f := w.m, w.f
	w.show(m.CELog.Content())
	m.CELog.list.list.Select(w.listA)
	typeInto(m.CELog.title.entry, "社区治理培训")
	m.CELog.list.list.Select(w.listB)
	if !strings.Contains(f.dialogText(), "not saved yet") {
		t.Fatalf("no question: %q", f.dialogText())
	}
	f.tapDialogButton("Keep editing")
	if m.CELog.holder.ID != w.a.ID || m.CELog.title.entry.Text != "社区治理培训" {
		t.Errorf("keep editing: %s, title %q", m.CELog.holder.Name, m.CELog.title.entry.Text)
	}

	w.show(m.Certificates.Content())
	m.Certificates.list.list.Select(w.listA)
	test.Tap(m.Certificates.holder.revealID)
	test.Tap(m.Certificates.holder.revealPhone)
	m.Certificates.list.list.Select(w.listB)
	if f.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("revealing the numbers counted as an edit: %q", f.dialogText())
	}
	if m.Certificates.holder.name.entry.Text != "李娜" {
		t.Errorf("certificates tab shows %q", m.Certificates.holder.name.entry.Text)
	}
}

// A language switch rebuilds the window: with edits not saved it asks
// first, and Cancel keeps them and the language.
func TestLanguageSwitchAsksAboutUnsavedEdits(t *testing.T) {
	w := newTwoHolders(t, i18n.English)
	m, f := w.m, w.f
	w.show(m.CELog.Content())
	m.CELog.list.list.Select(w.listA)
	typeInto(m.CELog.title.entry, "社区治理培训")
	s := m.NewSettings()
	s.Language.SetSelected("中文 (简体)")
	if !strings.Contains(f.dialogText(), "would be lost") {
		t.Fatalf("no question: %q", f.dialogText())
	}
	f.tapDialogButton("Cancel")
	if m.current() != m || m.CELog.title.entry.Text != "社区治理培训" || f.app.Preferences().String(PrefLanguage) != i18n.English {
		t.Fatalf("cancel: rebuilt %v, title %q, language %q", m.current() != m, m.CELog.title.entry.Text, f.app.Preferences().String(PrefLanguage))
	}
	s.Language.SetSelected("中文 (简体)")
	f.tapDialogButton("Switch and discard")
	if n := m.current(); n == m || n.CELog.holder == nil || n.CELog.holder.ID != w.a.ID {
		t.Errorf("switch: the rebuilt window's CE tab shows %+v", n.CELog.holder)
	}
}
