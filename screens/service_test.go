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

// A project typed in, the selected holder and one found by name joined,
// records added (the 24 h a day across projects refused at the hours
// field), a participant with records kept when removed; the hours per
// participant, per project and, on Personal information, per holder.
func TestServiceTab(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	a := f.addHolder("张伟", validID)
	b := f.addHolder("李娜", otherID)
	sel := NewSelection()
	s := newServiceTab(f.svc, f.win, sel)
	f.win.SetContent(s.Content())
	if s.count.Text != "尚无项目：请点击“新增项目”。" {
		t.Errorf("empty list says %q", s.count.Text)
	}

	test.Tap(s.newBtn)
	if s.name.Message() != "" || s.start.Message() != "" {
		t.Error("a new form shows errors before typing")
	}
	typeInto(s.name.entry, "社区居家养老服务")
	typeInto(s.org.entry, "阳光社工")
	typeInto(s.start.entry, "2026-01-01")
	s.programme.SetSelected(i18n.T("programme.qianshou"))
	s.start.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	ps, _ := f.db.FindProjects(context.Background(), data.ProjectFilter{})
	if len(ps) != 1 || ps[0].Name != "社区居家养老服务" || ps[0].Programme != data.ProgrammeQianshou || !ps[0].EndOn.IsZero() {
		t.Fatalf("projects %+v (%q)", ps, s.msg.Text)
	}
	if s.count.Text != "共 1 个项目" || s.msg.Text != "项目已保存。" {
		t.Errorf("count %q, msg %q", s.count.Text, s.msg.Text)
	}

	// The holder selected on another tab, then one found by name.
	sel.Set(a, 0)
	s.Refresh()
	if s.joinSel.Text != "加入 张伟" || s.joinSel.Disabled() {
		t.Fatalf("join button %q", s.joinSel.Text)
	}
	test.Tap(s.joinSel)
	test.Tap(s.joinAny)
	typeInto(s.lastPicker.search, "李娜")
	s.lastPicker.list.Select(0)
	parts, _ := f.db.Participants(context.Background(), ps[0].ID)
	if len(parts) != 2 {
		t.Fatalf("participants %+v (%q)", parts, s.partMsg.Text)
	}

	// Records of 张伟: 20 h, then 5 h the same day is refused at the field.
	s.showRecordsOf(a.ID)
	typeInto(s.recDate.entry, "2026-11-20")
	typeInto(s.recText.entry, "入户探访")
	typeInto(s.recHours.entry, "20")
	test.Tap(s.recSave)
	typeInto(s.recDate.entry, "2026-11-20")
	typeInto(s.recText.entry, "小组活动")
	typeInto(s.recHours.entry, "5")
	test.Tap(s.recSave)
	if !strings.Contains(s.recHours.Message(), "最多还能记录 4 小时") || s.recMsg.Text != "请更正标出的字段。" {
		t.Errorf("24 h rule: hours %q, msg %q", s.recHours.Message(), s.recMsg.Text)
	}
	typeInto(s.recHours.entry, "4")
	test.Tap(s.recSave)
	recs, _ := f.db.ServiceRecords(context.Background(), data.ServiceFilter{HolderID: a.ID})
	if len(recs) != 2 || recs[1].Hours != data.WholeHours(4) {
		t.Fatalf("records %+v (%q)", recs, s.recMsg.Text)
	}
	if got := collectText(s.records); !strings.Contains(got, "2026-11-20 · 20 小时 · 入户探访") || strings.Contains(got, " h ") {
		t.Errorf("records of 张伟 %q", got)
	}
	if got := collectText(s.people); !strings.Contains(got, "张伟 · 2 条记录，24 小时") || !strings.Contains(got, "共 2 位参与者，合计 24 小时。") {
		t.Errorf("participants %q", got)
	}

	// Removing 张伟, who has records, is refused with the message; 李娜 goes.
	test.Tap(findButton(s.people.Objects[indexOfRow(s, a.ID)], "移出"))
	if f.win.Canvas().Overlays().Top() != nil || !strings.Contains(s.partMsg.Text, "有 2 条服务记录") {
		t.Errorf("leaving with records: %q", s.partMsg.Text)
	}
	test.Tap(findButton(s.people.Objects[indexOfRow(s, b.ID)], "移出"))
	f.tapDialogButton("移出")
	if parts, _ := f.db.Participants(context.Background(), ps[0].ID); len(parts) != 1 || parts[0].HolderID != a.ID {
		t.Errorf("after removing 李娜: %+v", parts)
	}

	// Per holder: the project with its hours on Personal information.
	d := f.dossierTab()
	sel2 := a
	d.show(sel2.ID)
	if got := collectText(d.projects); !strings.Contains(got, "社区居家养老服务") || !strings.Contains(got, "牵手计划") || !strings.Contains(got, "2 条记录，24 小时") {
		t.Errorf("holder's projects %q", got)
	}
}

func indexOfRow(s *ServiceTab, holderID int64) int {
	for i, p := range s.parts {
		if p.HolderID == holderID {
			return i
		}
	}
	return -1
}

// The search finds projects by name or agency, in English too, and an
// unsaved project form is asked about before another project is shown.
func TestServiceSearchAndUnsaved(t *testing.T) {
	f := newFixture(t, i18n.English)
	for _, p := range []data.Project{
		{Name: "Elderly care", Org: "阳光社工", StartOn: data.NewDate(2025, 1, 1)},
		{Name: "Youth work", Org: "明德社工", StartOn: data.NewDate(2025, 6, 1), EndOn: data.NewDate(2026, 6, 1)},
	} {
		if err := f.db.CreateProject(context.Background(), &p); err != nil {
			t.Fatal(err)
		}
	}
	s := NewServiceTab(f.svc, f.win)
	f.win.SetContent(s.Content())
	if s.count.Text != "2 projects" {
		t.Errorf("count %q", s.count.Text)
	}
	typeInto(s.search, "明德")
	if s.n != 1 || s.at(0).Name != "Youth work" || s.count.Text != "1 project" {
		t.Fatalf("search: %d, %q", s.n, s.count.Text)
	}
	s.list.Select(0)
	if s.name.entry.Text != "Youth work" || s.end.entry.Text != "2026-06-01" {
		t.Fatalf("shown %q %q", s.name.entry.Text, s.end.entry.Text)
	}
	if !strings.Contains(collectText(s.people), "No participants yet") {
		t.Errorf("participants %q", collectText(s.people))
	}
	typeInto(s.end.entry, "2027-06-01")
	typeInto(s.search, "")
	s.list.Select(1) // Elderly care (the latest start comes first)
	if !strings.Contains(f.dialogText(), "Service records") {
		t.Fatalf("no question about the unsaved project: %q", f.dialogText())
	}
	f.tapDialogButton(i18n.T("unsaved.save"))
	p, _ := f.db.FindProjects(context.Background(), data.ProjectFilter{Search: "Youth"})
	if len(p) != 1 || !p[0].EndOn.Equal(data.NewDate(2027, 6, 1)) {
		t.Errorf("saved %+v", p)
	}
}

// Shown with nothing open, the tab opens the latest project of the holder
// selected, on their records.
func TestServiceTabFollowsTheSelectedHolder(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	a := f.addHolder("张伟", validID)
	b := f.addHolder("李娜", otherID)
	p := &data.Project{Name: "青少年服务", Org: "阳光社工", StartOn: data.NewDate(2026, 1, 1)}
	if err := f.db.CreateProject(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	for _, h := range []*data.Holder{b, a} {
		if err := f.db.JoinProject(context.Background(), p.ID, h.ID); err != nil {
			t.Fatal(err)
		}
	}
	sel := NewSelection()
	s := newServiceTab(f.svc, f.win, sel)
	f.win.SetContent(s.Content())
	sel.Set(a, 0)
	s.Refresh()
	if s.project == nil || s.project.ID != p.ID || s.holderID != a.ID || s.partHead.Text != "张伟的服务记录" {
		t.Fatalf("shown %+v, records of %d (%q)", s.project, s.holderID, s.partHead.Text)
	}
	if !s.joinSel.Disabled() {
		t.Errorf("join %q enabled for a participant", s.joinSel.Text)
	}
}
