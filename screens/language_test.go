package screens

import (
	"runtime"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/swcert/swcert/i18n"
)

// Fyne's own texts follow the language chosen, whatever the system's: the
// system locale is what Fyne matches, so each is tried (on Linux the
// environment is where Fyne reads it), and the language is switched back
// and forth as Settings does.
func TestFyneTextsFollowTheChoice(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		t.Skip("the system locale is set through the environment only here")
	}
	defer SetWindowLanguage(i18n.English)
	for _, sys := range []string{"en_US.UTF-8", "zh_CN.UTF-8", "fr_FR.UTF-8", "de_DE.UTF-8", "C", "zh_TW.UTF-8", "ja_JP.UTF-8"} {
		t.Setenv("LANGUAGE", "")
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", sys)
		for _, c := range []struct{ lang, cancel, ok, quit, save string }{
			{i18n.Chinese, "取消", "确定", "退出", "保存"},
			{i18n.English, "Cancel", "OK", "Quit", "Save"},
			{i18n.Chinese, "取消", "确定", "退出", "保存"},
		} {
			SetWindowLanguage(c.lang)
			if got := []string{lang.L("Cancel"), lang.L("OK"), lang.L("Quit"), lang.L("Save")}; got[0] != c.cancel || got[1] != c.ok || got[2] != c.quit || got[3] != c.save {
				t.Errorf("system %s, chosen %s: Fyne says %q", sys, c.lang, got)
			}
		}
	}
}
