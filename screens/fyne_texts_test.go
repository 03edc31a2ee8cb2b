package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/swcert/swcert/i18n"
)

// With 中文 chosen on an English system, Fyne's own texts are Chinese: the
// message box's OK, a confirmation's Yes and No, the file dialog's title
// and buttons; switched to English in Settings, they are English again.
func TestFyneTextsInTheChosenLanguage(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_US.UTF-8")
	f := newFixture(t, i18n.Chinese)
	t.Cleanup(func() { SetWindowLanguage(i18n.English) })
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()

	dialog.NewInformation("标题", "内容", f.win).Show()
	if findButton(f.win.Canvas().Overlays().Top(), "确定") == nil {
		t.Errorf("the message box's button is not 确定: %q", f.dialogText())
	}
	f.win.Canvas().Overlays().Top().Hide()
	dialog.NewConfirm("标题", "内容", func(bool) {}, f.win).Show()
	top := f.win.Canvas().Overlays().Top()
	if findButton(top, "是") == nil || findButton(top, "否") == nil {
		t.Errorf("the confirmation's buttons are not 是/否")
	}
	top.Hide()
	dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {}, f.win).Show()
	top = f.win.Canvas().Overlays().Top()
	if text := collectText(top); !strings.Contains(text, "保存 文件") || findButton(top, "取消") == nil || findButton(top, "保存") == nil {
		t.Errorf("the file dialog is not in Chinese:\n%s", text)
	}
	top.Hide()

	// Settings → English: the window is rebuilt, Fyne's texts follow.
	f.app.Preferences().SetString(PrefLanguage, i18n.English)
	m.rebuild()
	dialog.NewConfirm("Title", "Text", func(bool) {}, f.win).Show()
	top = f.win.Canvas().Overlays().Top()
	if findButton(top, "Yes") == nil || findButton(top, "No") == nil {
		t.Errorf("after the switch the confirmation's buttons are not Yes/No")
	}
}

// The places of Fyne's file dialog (Home, Computer) are in the language
// chosen too.
func TestFileDialogPlacesInTheChosenLanguage(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_US.UTF-8")
	f := newFixture(t, i18n.Chinese)
	SetWindowLanguage(i18n.Chinese)
	showFileDialog(dialog.NewFileOpen(func(fyne.URIReadCloser, error) {}, f.win), f.win)
	text := collectText(f.win.Canvas().Overlays().Top())
	if !strings.Contains(text, "主目录") || strings.Contains(text, "Home\n") {
		t.Errorf("the places are not in Chinese:\n%s", text)
	}
}
