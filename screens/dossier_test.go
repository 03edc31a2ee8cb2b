package screens

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// photoPNG draws a w×h PNG (a plain grey face).
func photoPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(100 + i%50)
	}
	img.Set(0, 0, color.White)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func (f *fixture) dossierTab() *DossierTab {
	s := NewDossierTab(f.svc, f.win)
	f.win.SetContent(s.Content())
	return s
}

// A holder's personal information typed and picked as a person does: the
// base fields, the photo, the work history with its 三区计划 proof; the
// line of what is missing follows until it says the dossier is complete,
// and the store holds it all.
func TestDossierTab(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	h := f.addHolder("张伟", validID)
	h.Region = "北京市朝阳区"
	if err := f.db.UpdateHolder(context.Background(), h); err != nil {
		t.Fatal(err)
	}
	s := f.dossierTab()
	s.list.list.Select(0)
	if s.d == nil || s.d.Holder.ID != h.ID {
		t.Fatal("the holder picked is not shown")
	}
	if !strings.HasPrefix(s.missing.Text, "个人信息未完善：") || !strings.Contains(s.missing.Text, "民族") || !strings.Contains(s.missing.Text, "证件照") {
		t.Errorf("missing line %q", s.missing.Text)
	}
	// The ID number gives the date of birth and the sex: shown, not typed.
	if s.birth.entry.Text != "1949-12-31" || !s.birth.entry.Disabled() || s.sex.Selected != "女" || !s.sex.Disabled() {
		t.Errorf("from the ID: birth %q (disabled %v), sex %q", s.birth.entry.Text, s.birth.entry.Disabled(), s.sex.Selected)
	}
	if len(s.ethnicity.Options) != len(data.Ethnicities) || s.ethnicity.Options[0] != "汉族" {
		t.Errorf("ethnicity choices %d", len(s.ethnicity.Options))
	}
	// Untouched: no error anywhere, nothing unsaved.
	if s.major.Message() != "" || s.firstOn.Message() != "" || s.unsaved() {
		t.Errorf("an untouched form shows %q %q or is unsaved", s.major.Message(), s.firstOn.Message())
	}

	s.ethnicity.SetSelected("汉族")
	s.education.SetSelected(i18n.T("education.bachelor"))
	typeInto(s.major.entry, "社会工作")
	if !s.unsaved() {
		t.Error("typed edits are not unsaved")
	}
	s.major.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter saves
	p, err := f.db.Profile(context.Background(), h.ID)
	if err != nil || p.Ethnicity != "汉族" || p.Education != data.EduBachelor || p.Major != "社会工作" {
		t.Fatalf("saved profile %+v %v (%q)", p, err, s.msg.Text)
	}
	if s.msg.Text != "个人信息已保存。" || s.unsaved() {
		t.Errorf("after save: %q unsaved %v", s.msg.Text, s.unsaved())
	}

	// A landscape photo is refused with what to change; a 一寸 one is kept
	// and shown.
	s.setPhoto("wide.png", photoPNG(t, 400, 300))
	if !strings.Contains(s.photoMsg.Text, "不是竖版") || s.d.Profile.Photo != nil {
		t.Errorf("landscape photo: %q", s.photoMsg.Text)
	}
	s.setPhoto("id.png", photoPNG(t, 295, 413))
	if s.d.Profile.Photo == nil || s.photo.Resource == nil || !strings.Contains(s.photoMsg.Text, "295×413") {
		t.Fatalf("photo not kept: %q", s.photoMsg.Text)
	}
	if p, _ := f.db.Profile(context.Background(), h.ID); p.Photo == nil || p.Photo.Size == 0 {
		t.Error("no photo in the store")
	}

	// A work entry under the 三区计划, first without its proof: the dossier
	// says the proof is missing; with it, complete.
	test.Tap(findButton(s.detail, "新增经历"))
	w := s.lastWork
	if w == nil || f.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no work history form")
	}
	typeInto(w.org.entry, "阳光社工")
	typeInto(w.position.entry, "社工")
	typeInto(w.start.entry, "2020-03-01")
	w.programme.SetSelected(i18n.T("programme.sanqu"))
	f.tapDialogButton("保存")
	work, _ := f.db.WorkHistory(context.Background(), h.ID)
	if len(work) != 1 || work[0].Org != "阳光社工" || work[0].Programme != data.ProgrammeSanqu || !work[0].EndOn.IsZero() {
		t.Fatalf("work history %+v (%q)", work, w.dialog.msg.Text)
	}
	if !strings.Contains(s.missing.Text, "三区计划/牵手计划证明材料") || strings.Contains(s.missing.Text, "证件照") {
		t.Errorf("missing after the entry: %q", s.missing.Text)
	}
	test.Tap(findButton(s.work, ""))
	w = s.lastWork
	if w.org.entry.Text != "阳光社工" {
		t.Fatalf("editing shows %q", w.org.entry.Text)
	}
	w.proofs.attachData("三区计划证明.pdf", []byte("%PDF-1.4 proof"))
	f.tapDialogButton("保存")
	work, _ = f.db.WorkHistory(context.Background(), h.ID)
	if len(work) != 1 || len(work[0].Proofs) != 1 {
		t.Fatalf("proof not kept: %+v", work)
	}
	if s.missing.Text != "个人信息已完善。" {
		t.Errorf("complete dossier says %q", s.missing.Text)
	}
	d, _ := f.db.Dossier(context.Background(), h.ID)
	if !d.Complete() || d.Profile.FirstRegKind != data.FirstRegForm || !d.Profile.FirstRegOn.Equal(data.DateOf(testNow)) {
		t.Errorf("store: missing %v, first registration %v %s", d.Missing, d.Profile.FirstRegOn, d.Profile.FirstRegKind)
	}
	if s.firstOn.entry.Text != "2026-11-22" {
		t.Errorf("first registration shown %q", s.firstOn.entry.Text)
	}

	// A second current entry is refused with the message at the field.
	test.Tap(findButton(s.detail, "新增经历"))
	w = s.lastWork
	typeInto(w.org.entry, "另一家机构")
	typeInto(w.start.entry, "2025-01-01")
	f.tapDialogButton("保存")
	if !strings.Contains(w.start.Message()+w.end.Message(), "阳光社工") || f.win.Canvas().Overlays().Top() == nil {
		t.Errorf("second current entry: start %q end %q", w.start.Message(), w.end.Message())
	}
	if work, _ := f.db.WorkHistory(context.Background(), h.ID); len(work) != 1 {
		t.Errorf("%d entries after a refused one", len(work))
	}
	f.tapDialogButton("取消")
}

// Honours with their levels, and agency changes: applied for, a second
// refused while the first is under review, the outcome recorded; a pass
// moves the employer and region and the work history.
func TestDossierHonoursAndTransfers(t *testing.T) {
	f := newFixture(t, i18n.English)
	h := f.addHolder("Zhang Wei", validID)
	h.Region = "北京市朝阳区"
	if err := f.db.UpdateHolder(context.Background(), h); err != nil {
		t.Fatal(err)
	}
	if err := f.db.CreateWorkEntry(context.Background(), &data.WorkEntry{HolderID: h.ID, Org: "阳光社工", StartOn: data.NewDate(2020, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	s := f.dossierTab()
	s.list.list.Select(0)

	test.Tap(findButton(s.detail, "Add honour"))
	hf := s.lastHonour
	typeInto(hf.title.entry, "优秀社会工作者")
	typeInto(hf.date.entry, "2024-05-01")
	f.tapDialogButton("Save")
	if hf.dialog.msg.Text != "Please correct the marked fields." {
		t.Errorf("no level: %q", hf.dialog.msg.Text)
	}
	hf.level.SetSelected("City")
	f.tapDialogButton("Save")
	hs, _ := f.db.Honours(context.Background(), h.ID)
	if len(hs) != 1 || hs[0].Level != data.HonourCity || hs[0].Title != "优秀社会工作者" {
		t.Fatalf("honours %+v", hs)
	}
	if !strings.Contains(collectText(s.honours), "2024-05-01 · 优秀社会工作者 · City") {
		t.Errorf("honours list %q", collectText(s.honours))
	}

	test.Tap(findButton(s.detail, "Apply for a change"))
	tf := s.lastTransfer
	typeInto(tf.toOrg.entry, "明德社工")
	typeInto(tf.toRegion.entry, "上海市浦东新区")
	typeInto(tf.applied.entry, "2026-10-01")
	f.tapDialogButton("Save")
	ts, _ := f.db.Transfers(context.Background(), h.ID)
	if len(ts) != 1 || ts[0].Status != data.ReviewPending || ts[0].FromOrg != "阳光社工" || ts[0].ToRegion != "上海市浦东新区" {
		t.Fatalf("transfers %+v (%q)", ts, tf.dialog.msg.Text)
	}
	if got := collectText(s.transfers); !strings.Contains(got, "阳光社工 → 明德社工") || !strings.Contains(got, "region 北京市朝阳区 → 上海市浦东新区") || !strings.Contains(got, "Pending review") {
		t.Errorf("history %q", got)
	}
	// A second while one is under review: refused, with the message.
	test.Tap(findButton(s.detail, "Apply for a change"))
	if f.win.Canvas().Overlays().Top() != nil || !strings.Contains(s.listMsg.Text, "is under review") {
		t.Errorf("second application: %q", s.listMsg.Text)
	}

	test.Tap(findButton(s.transfers, "Record outcome"))
	df := s.lastDecide
	df.outcome.SetSelected("Approved")
	typeInto(df.on.entry, "2026-11-01")
	f.tapDialogButton("Save")
	got, _ := f.db.Holder(context.Background(), h.ID)
	if got.Org != "明德社工" || got.Region != "上海市浦东新区" {
		t.Errorf("after the pass: %q %q", got.Org, got.Region)
	}
	work, _ := f.db.WorkHistory(context.Background(), h.ID)
	if len(work) != 2 || !work[0].EndOn.Equal(data.NewDate(2026, 10, 31)) || work[1].Org != "明德社工" {
		t.Errorf("work history after the pass %+v", work)
	}
	if s.orgV.Text != "明德社工" || !strings.Contains(collectText(s.transfers), "Approved 2026-11-01") {
		t.Errorf("shown: %q / %q", s.orgV.Text, collectText(s.transfers))
	}
}

// The tab follows the window's selection and asks before dropping edits.
func TestDossierFollowsSelection(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	a := f.addHolder("张伟", validID)
	b := f.addHolder("李娜", otherID)
	sel := NewSelection()
	s := newDossierTab(f.svc, f.win, sel)
	f.win.SetContent(s.Content())
	sel.Set(a, 0)
	s.Refresh()
	if s.holderID() != a.ID {
		t.Fatal("the selected holder is not shown")
	}
	typeInto(s.major.entry, "社会学")
	sel.Set(b, 0)
	s.Refresh()
	if !strings.Contains(f.dialogText(), "个人信息") || s.holderID() != a.ID {
		t.Fatalf("no question before the edits go: %q", f.dialogText())
	}
	f.tapDialogButton(i18n.T("unsaved.save"))
	if p, _ := f.db.Profile(context.Background(), a.ID); p.Major != "社会学" || s.holderID() != b.ID {
		t.Errorf("saved %q, shows %d", p.Major, s.holderID())
	}
}

// countingDossiers counts the reads of the store a tab makes.
type countingDossiers struct {
	data.DossierService
	dossier, other int
}

func (c *countingDossiers) Dossier(ctx context.Context, id int64) (*data.Dossier, error) {
	c.dossier++
	return c.DossierService.Dossier(ctx, id)
}

func (c *countingDossiers) WorkHistory(ctx context.Context, id int64) ([]data.WorkEntry, error) {
	c.other++
	return c.DossierService.WorkHistory(ctx, id)
}

func (c *countingDossiers) Honours(ctx context.Context, id int64) ([]data.Honour, error) {
	c.other++
	return c.DossierService.Honours(ctx, id)
}

func (c *countingDossiers) Profile(ctx context.Context, id int64) (*data.Profile, error) {
	c.other++
	return c.DossierService.Profile(ctx, id)
}

type countingProjects struct {
	data.ProjectService
	n int
}

func (c *countingProjects) HolderProjects(ctx context.Context, id int64) ([]data.HolderProject, error) {
	c.n++
	return c.ProjectService.HolderProjects(ctx, id)
}

type countingTransfers struct {
	data.TransferService
	n int
}

func (c *countingTransfers) Transfers(ctx context.Context, id int64) ([]data.Transfer, error) {
	c.n++
	return c.TransferService.Transfers(ctx, id)
}

// Opening a holder's personal information is one read of the store
// (Dossier: the store's benchmark times it among 100,000 holders), not a
// read per list.
func TestDossierOpensWithOneRead(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	h := f.addHolder("张伟", validID)
	for i := 0; i < 5; i++ {
		start := data.NewDate(2000+3*i, 1, 1)
		e := &data.WorkEntry{HolderID: h.ID, Org: "机构", StartOn: start}
		if i < 4 {
			e.EndOn = start.AddDays(900)
		}
		if err := f.db.CreateWorkEntry(context.Background(), e); err != nil {
			t.Fatal(err)
		}
	}
	ds := &countingDossiers{DossierService: f.db}
	ps := &countingProjects{ProjectService: f.db}
	ts := &countingTransfers{TransferService: f.db}
	f.svc.Dossiers, f.svc.Projects, f.svc.Transfers = ds, ps, ts
	s := f.dossierTab()
	s.list.list.Select(0)
	if ds.dossier != 1 || ds.other != 0 || ps.n != 0 || ts.n != 0 {
		t.Errorf("opening read Dossier %d times, and %d other dossier reads, %d project, %d transfer reads", ds.dossier, ds.other, ps.n, ts.n)
	}
	if n := strings.Count(collectText(s.work), "机构"); n != 5 {
		t.Errorf("%d work entries shown", n)
	}
}

// exportThrough answers the save dialog with path, as a person types it.
func (f *fixture) exportThrough(path string) {
	f.t.Helper()
	top := f.win.Canvas().Overlays().Top()
	if top == nil {
		f.t.Fatal("no save dialog")
	}
	e := findEntry(top)
	e.SetText(path)
	f.tapDialogButton(i18n.T("save.save"))
}

// The personal information form and the service reports are written
// from the tabs, sealed (their text read back with pdftotext; the sheet's
// with openpyxl is the docs package's to test).
func TestDossierAndServiceExports(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	h := f.addHolder("张伟", validID)
	p := &data.Project{Name: "社区养老服务", Org: "阳光社工", StartOn: data.NewDate(2026, 1, 1)}
	if err := f.db.CreateProject(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	if err := f.db.JoinProject(context.Background(), p.ID, h.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.db.CreateServiceRecord(context.Background(), &data.ServiceRecord{ProjectID: p.ID, HolderID: h.ID, Date: data.NewDate(2026, 3, 1), Content: "入户探访", Hours: data.WholeHours(3)}); err != nil {
		t.Fatal(err)
	}
	s := f.dossierTab()
	s.list.list.Select(0)
	typeInto(s.major.entry, "社会工作") // unsaved: the export saves it first
	dir := t.TempDir()
	test.Tap(s.exportForm)
	f.exportThrough(filepath.Join(dir, "form.pdf"))
	if got, _ := f.db.Profile(context.Background(), h.ID); got.Major != "社会工作" {
		t.Errorf("the export did not save the form first: %q", got.Major)
	}
	if text := pdfText(t, filepath.Join(dir, "form.pdf")); !strings.Contains(text, "张伟") || !strings.Contains(text, "社会工作") {
		t.Errorf("form PDF:\n%s", text)
	}
	if !strings.HasPrefix(s.msg.Text, "已保存：") {
		t.Errorf("export says %q", s.msg.Text)
	}
	test.Tap(s.exportReport)
	f.exportThrough(filepath.Join(dir, "report.pdf"))
	if text := pdfText(t, filepath.Join(dir, "report.pdf")); !strings.Contains(text, "社区养老服务") || !strings.Contains(text, "入户探访") {
		t.Errorf("holder's report:\n%s", text)
	}

	sv := NewServiceTab(f.svc, f.win)
	f.win.SetContent(sv.Content())
	sv.list.Select(0)
	test.Tap(sv.exportBtn)
	f.exportThrough(filepath.Join(dir, "project.xlsx"))
	b, err := os.ReadFile(filepath.Join(dir, "project.xlsx"))
	if err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("project sheet: %v (%q)", err, sv.msg.Text)
	}
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// The personal information saved elsewhere while the Profile tab shows it:
// the tab's save is refused naming who, and Reload shows what was saved.
func TestProfileSavedMeanwhileOffersToReload(t *testing.T) {
	f := newFixture(t, i18n.English)
	h := f.addHolder("张伟", validID)
	s := f.dossierTab()
	s.list.list.Select(0)
	theirs, err := f.db.Profile(context.Background(), h.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Major = "他们填的专业"
	if err := f.db.SetProfile(context.Background(), theirs); err != nil {
		t.Fatal(err)
	}
	typeInto(s.major.entry, "我填的专业")
	test.Tap(s.saveBtn)
	if msg := f.dialogText(); !strings.Contains(msg, "changed this record at") {
		t.Fatalf("the dialog says %q", msg)
	}
	if got, _ := f.db.Profile(context.Background(), h.ID); got.Major != "他们填的专业" {
		t.Errorf("their save was overwritten: %q", got.Major)
	}
	f.tapDialogButton("Reload")
	if s.major.entry.Text != "他们填的专业" {
		t.Errorf("after Reload: %q", s.major.entry.Text)
	}
}
