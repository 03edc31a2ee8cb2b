package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/i18n"
)

// The dashboard lists the incomplete dossiers of holders whose
// registration window is open: the item says what is missing and opens
// Personal information; the agency changes under review are
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
	c := f.addHolder("王芳", thirdID)
	cc := &data.Certificate{HolderID: c.ID, Level: data.LevelSocialWorker, MNo: "2025S110002", ExamYear: 2026,
		PassedOn: data.NewDate(2026, 6, 1), IssuedOn: data.NewDate(2026, 8, 1), Issuer: data.DefaultIssuer}
	if err := f.db.CreateCertificate(context.Background(), cc); err != nil {
		t.Fatal(err)
	}
	completeDossier(t, f, c) // window open too, but nothing missing: not listed
	m := NewMain(f.app, f.win, f.svc, "test", "zh-CN")
	m.Install()
	d := m.Dashboard
	d.dossier.incomplete.SetChecked(true)
	if !d.within.Disabled() {
		t.Error("the days filter stays on with the dossier filter")
	}
	items := shownItems(d)
	if len(items) != 1 || items[0].HolderID != a.ID {
		t.Fatalf("dossier items %+v", items)
	}
	text := i18n.AttentionText(items[0])
	if !strings.HasPrefix(text, "首次登记：") || !strings.Contains(text, "个人信息未完善：") || !strings.Contains(text, "民族") {
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
	d.dossier.incomplete.SetChecked(true)
	items := shownItems(d)
	if len(items) != 1 || !strings.Contains(i18n.AttentionText(items[0]), "; dossier incomplete: Ethnicity, ") || d.dossier.incomplete.Text != "Incomplete dossiers (registration within 90 days)" {
		t.Fatalf("items %+v", items)
	}
	if d.dossier.review.Text != "Agency changes under review: 0" {
		t.Errorf("review %q", d.dossier.review.Text)
	}
}

// completeDossier gives holder h everything the dossier asks for.
func completeDossier(t *testing.T, f *fixture, h *data.Holder) {
	t.Helper()
	ctx := context.Background()
	h.Region = "北京市朝阳区"
	if err := f.db.UpdateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	if err := f.db.SetProfile(ctx, &data.Profile{HolderID: h.ID, Ethnicity: "汉族", Education: data.EduBachelor, Major: "社会工作"}); err != nil {
		t.Fatal(err)
	}
	photo, _, err := proofs.NewPhoto("id.png", photoPNG(t, 295, 413))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.db.SetPhoto(ctx, h.ID, &photo); err != nil {
		t.Fatal(err)
	}
	if err := f.db.CreateWorkEntry(ctx, &data.WorkEntry{HolderID: h.ID, Org: "阳光社工", StartOn: data.NewDate(2020, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	if d, _ := f.db.Dossier(ctx, h.ID); !d.Complete() {
		t.Fatalf("still missing %v", d.Missing)
	}
}

// thirdID is a third valid ID number (validID, otherID).
const thirdID = "110105199003071239"
