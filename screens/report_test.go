package screens

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// findList is the first list under o.
func findList(o fyne.CanvasObject) *widget.List {
	switch x := o.(type) {
	case *widget.List:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if l := findList(c); l != nil {
				return l
			}
		}
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			if l := findList(c); l != nil {
				return l
			}
		}
	}
	return nil
}

// A batch that skips many holders lists every one of them, left aligned
// in a scrolled list (the message box it replaced centred ten and an
// ellipsis), and "Save list…" writes the summary and every line to a
// text file.
func TestBatchSummaryListsEverySkipAndSaves(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	f.exportable(2)
	const skipped = 14
	for i := 0; i < skipped; i++ {
		first17 := "110105" + data.NewDate(1990, 1, 1).AddDays(i).Time().Format("20060102") + "123"
		h := f.addHolder("未加注"+string(rune('甲'+i)), first17+string(data.IDCheckChar(first17)))
		passed := data.NewDate(2022, 9, 20)
		c := &data.Certificate{HolderID: h.ID, Level: data.LevelSocialWorker, MNo: fmt.Sprintf("2022S1%05d", i), ExamYear: passed.Year(),
			PassedOn: passed, IssuedOn: passed.AddDays(60), Issuer: data.DefaultIssuer}
		if err := f.db.CreateCertificate(context.Background(), c); err != nil {
			t.Fatal(err)
		}
	}
	m := NewMain(f.app, f.win, f.svc, "test", "zh-CN")
	m.Install()

	dir := t.TempDir()
	m.RunBatch(false, "", dir)
	d := f.win.Canvas().Overlays().Top()
	if d == nil {
		t.Fatal("no summary")
	}
	if text := f.dialogText(); !strings.Contains(text, "已写入 2 个 PDF") || !strings.Contains(text, "跳过 14 个") {
		t.Fatalf("summary %q", text)
	}
	list := findList(d)
	if list == nil || list.Length() != skipped {
		t.Fatalf("the summary lists %v of %d skipped", list, skipped)
	}

	f.tapDialogButton("保存清单…")
	entry := findEntry(f.win.Canvas().Overlays().Top())
	out := filepath.Join(t.TempDir(), "skipped.txt")
	entry.SetText(out)
	f.tapDialogButton("保存")
	saved := string(fileBytes(t, out))
	for i := 0; i < skipped; i++ {
		if name := "未加注" + string(rune('甲'+i)); !strings.Contains(saved, name) {
			t.Errorf("the saved list lacks %s:\n%s", name, saved)
		}
	}
	if !strings.HasPrefix(saved, "\ufeff") || strings.Count(saved, "\r\n") < skipped+2 {
		t.Errorf("saved list %q", saved)
	}
}

// The batch question says "all 2 holders" when no search chose them (it
// read "search: ”"), and names the search when one did.
func TestBatchQuestionNamesTheSearchOnlyWhenThereIsOne(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.exportable(2)
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	m.ShowBatch()
	if text := f.dialogText(); !strings.Contains(text, "Export for all 2 holders the Certificates tab lists:") || strings.Contains(text, "search") {
		t.Errorf("without a search: %q", text)
	}
	f.tapDialogButton("Cancel")
	m.Certificates.list.setQuery("持证人甲")
	m.ShowBatch()
	if text := f.dialogText(); !strings.Contains(text, "Export for the 1 holder the Certificates tab lists (search: '持证人甲'):") {
		t.Errorf("with a search: %q", text)
	}
}
