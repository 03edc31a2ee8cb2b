package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// The dashboard shows an incomplete dossier of a holder whose registration
// window is open as an item of its own that says what is missing and
// opens Personal information; the agency changes under review are
// counted and listed; the holders with 三区计划 experience are found.
func TestDashboardDossierItems(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	a := f.addHolder("张伟", validID)
	f.certOf(a, data.NewDate(2026, 6, 1)) // first registration open until 2027-06-01
	b := f.addHolder("李娜", otherID)
	if err := f.db.CreateWorkEntry(context.Background(), &data.WorkEntry{HolderID: b.ID, Org: "阳光社工", StartOn: data.NewDate(2020, 1, 1), Programme: data.ProgrammeSanqu}); err != nil {
		t.Fatal(err)
	}
	if err := f.db.ApplyTransfer(context.Background(), &data.Transfer{HolderID: b.ID, ToOrg: "明德社工", AppliedOn: data.NewDate(2026, 11, 1)}); err != nil {
		t.Fatal(err)
	}
	m := NewMain(f.app, f.win, f.svc, "test", "zh-CN")
	m.Install()
	d := m.Dashboard
	d.within.SetSelectedIndex(len(withinDays) - 1) // any time
	d.kind.SetSelected(i18n.T("att.kind.dossier"))
	items := shownItems(d)
	if len(items) != 1 || items[0].HolderID != a.ID {
		t.Fatalf("dossier items %+v", items)
	}
	text := i18n.AttentionText(items[0])
	if !strings.HasPrefix(text, "登记前须完善个人信息；个人信息未完善：") || !strings.Contains(text, "民族") {
		t.Errorf("item says %q", text)
	}
	d.list.Select(0)
	if m.Tabs.Selected().Content != m.DossierTab.Content() || m.DossierTab.holderID() != a.ID {
		t.Errorf("the item opened %q", m.Tabs.Selected().Text)
	}

	m.Tabs.SelectIndex(0)
	if d.dossier.review.Text != "机构变更待审核：1 项" {
		t.Errorf("review button %q", d.dossier.review.Text)
	}
	test.Tap(d.dossier.review)
	if got := f.dialogText(); !strings.Contains(got, "李娜") || !strings.Contains(got, "阳光社工 → 明德社工") {
		t.Errorf("changes under review %q", got)
	}
	f.tapDialogButton("打开")
	if m.Tabs.Selected().Content != m.DossierTab.Content() || m.DossierTab.holderID() != b.ID {
		t.Errorf("the change opened %q", m.Tabs.Selected().Text)
	}

	m.Tabs.SelectIndex(0)
	test.Tap(d.dossier.expBtn)
	if d.dossier.expList.Len() != 1 || !strings.Contains(d.dossier.expCount.Text, "共 1 位") {
		t.Fatalf("experienced holders %d %q", d.dossier.expList.Len(), d.dossier.expCount.Text)
	}
	d.dossier.expChoice.SetSelected(i18n.T("programme.qianshou"))
	if d.dossier.expList.Len() != 0 {
		t.Errorf("牵手计划 finds %d", d.dossier.expList.Len())
	}
	f.tapDialogButton("关闭")
}

// In English the item and the buttons say the same.
func TestDashboardDossierItemsEnglish(t *testing.T) {
	f := newFixture(t, i18n.English)
	a := f.addHolder("Zhang Wei", validID)
	f.certOf(a, data.NewDate(2026, 6, 1))
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	d := m.Dashboard
	d.within.SetSelectedIndex(len(withinDays) - 1)
	d.kind.SetSelected("Personal information")
	items := shownItems(d)
	if len(items) != 1 || !strings.HasPrefix(i18n.AttentionText(items[0]), "complete the personal information before registering; dossier incomplete: ") {
		t.Fatalf("items %+v", items)
	}
	if d.dossier.review.Text != "Agency changes under review: 0" {
		t.Errorf("review %q", d.dossier.review.Text)
	}
}
