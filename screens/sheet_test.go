package screens

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/sheet"
	"github.com/swcert/swcert/i18n"
)

func TestImportShowsBadRowsThenImportsTheGoodOnes(t *testing.T) {
	f := newFixture(t, i18n.English)
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	var b bytes.Buffer
	rows := [][]string{
		{"姓名", "证件号码", "级别", "管理号", "合格日期", "发证日期"},
		{"张三", "11010519491231002X", "社会工作师", "2022S110001", "2022-09-20", "2022-12-01"},
		{"李四", "110105194912310021", "社会工作师", "2022S110002", "2022-09-20", "2022-12-01"},
	}
	if err := sheet.Write("staff.xlsx", &b, rows[0], rows[1:]); err != nil {
		t.Fatal(err)
	}
	m.importFile("staff.xlsx", b.Bytes())
	text := f.dialogText()
	if !strings.Contains(text, "2 rows checked; 1 have problems") {
		t.Errorf("report %q", text)
	}
	if hs, _ := f.db.FindHolders(context.Background(), data.HolderFilter{}); len(hs) != 0 {
		t.Fatal("the dry run wrote")
	}
	f.tapDialogButton("Import the 1 good row")
	hs, _ := f.db.FindHolders(context.Background(), data.HolderFilter{})
	if len(hs) != 1 || hs[0].Name != "张三" {
		t.Errorf("imported %+v", hs)
	}
	// Every tab lists them at once, not after the next search.
	for name, n := range map[string]int{"certificates": m.Certificates.list.Len(), "annotations": m.Annotations.picker.list.Len(), "registration": m.Register.picker.list.Len(), "ce": m.CELog.list.Len(), "paper": m.PaperTab.picker.list.Len()} {
		if n != 1 {
			t.Errorf("%s list after the import: %d", name, n)
		}
	}
}

// The preview lists every change to a saved record and every bad row before
// anything is written; importing keeps what the sheet does not say.
func TestImportPreviewShowsEveryChangeFirst(t *testing.T) {
	f := newFixture(t, i18n.English)
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	ctx := context.Background()
	h := &data.Holder{Name: "张三", IDNumber: "11010519491231002X", Phone: "13800138000", Org: "阳光社工"}
	if err := f.db.CreateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	c := &data.Certificate{HolderID: h.ID, Level: data.LevelSocialWorker, MNo: "2022S110001", ExamYear: 2021, PassedOn: data.NewDate(2022, 6, 20),
		IssuedOn: data.NewDate(2022, 12, 1), Issuer: "北京市民政局", Status: data.StatusRevoked}
	if err := f.db.CreateCertificate(ctx, c); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	rows := [][]string{
		{"姓名", "证件号码", "工作单位", "手机", "级别", "管理号", "合格日期", "发证日期"},
		{"张三", "11010519491231002X", "新单位", "13900139000", "社会工作师", "2022S110001", "2022-06-20", "2022-12-01"},
		{"张叁", "11010519491231002X", "", "", "社会工作师", "2024S110002", "2024-06-20", "2024-12-01"},
	}
	if err := sheet.Write("staff.xlsx", &b, rows[0], rows[1:]); err != nil {
		t.Fatal(err)
	}
	m.importFile("staff.xlsx", b.Bytes())
	text := f.dialogText()
	for _, want := range []string{
		"2 rows checked; 1 have problems. The good rows add 0 records, change 1 and leave 1 as saved",
		"row 3, 姓名: This ID number is saved for 张三.",
		"row 2, holder 张三: 工作单位: 阳光社工 → 新单位",
		"row 2, holder 张三: 手机: 138****8000 → 139****9000",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview lacks %q:\n%s", want, text)
		}
	}
	if got, _ := f.db.Holder(ctx, h.ID); got.Org != "阳光社工" {
		t.Fatal("the preview wrote")
	}
	f.tapDialogButton("Import the 1 good row")
	got, _ := f.db.Holder(ctx, h.ID)
	cert, _ := f.db.Certificate(ctx, c.ID)
	if got.Name != "张三" || got.Org != "新单位" || got.Phone != "13900139000" || cert.Status != data.StatusRevoked || cert.Issuer != "北京市民政局" || cert.ExamYear != 2021 {
		t.Errorf("after the import: %+v %+v", got, cert)
	}
}

// The template as saved imports nothing: the preview says its example row
// is skipped and offers nothing to import.
func TestImportPreviewOfTheUntouchedTemplate(t *testing.T) {
	f := newFixture(t, i18n.English)
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	var b bytes.Buffer
	if err := sheet.Write("t.xlsx", &b, sheet.TemplateHeader, [][]string{sheet.TemplateExample}); err != nil {
		t.Fatal(err)
	}
	m.importFile("t.xlsx", b.Bytes())
	if text := f.dialogText(); !strings.Contains(text, "row 2: the template's example row, skipped.") {
		t.Errorf("preview %q", text)
	}
	if top := f.win.Canvas().Overlays().Top(); findButton(top, "Import all 0") != nil || findButton(top, "Close") == nil {
		t.Error("the preview offers to import the example")
	}
	f.tapDialogButton("Close")
	if hs, _ := f.db.FindHolders(context.Background(), data.HolderFilter{}); len(hs) != 0 {
		t.Errorf("imported %+v", hs)
	}
}
