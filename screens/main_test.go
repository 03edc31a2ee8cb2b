package screens

import (
	"fyne.io/fyne/v2/container"
	"strings"
	"testing"

	"fyne.io/fyne/v2/theme"

	"github.com/swcert/swcert/i18n"
)

func TestSettingsSwitchLanguageAndTheme(t *testing.T) {
	f := newFixture(t, i18n.English)
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	if got := m.Tabs.Items[0].Text + "," + m.Tabs.Items[1].Text; got != "Dashboard,Certificates" {
		t.Fatalf("tab %q", got)
	}

	s := m.NewSettings()
	s.Theme.SetSelected("Dark")
	if got := f.app.Preferences().String(PrefTheme); got != ThemeDark {
		t.Errorf("theme preference %q", got)
	}
	th := f.app.Settings().Theme()
	if th.Color(theme.ColorNameBackground, theme.VariantLight) != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Error("dark theme not applied")
	}

	s.Language.SetSelected("中文 (简体)")
	if got := f.app.Preferences().String(PrefLanguage); got != i18n.Chinese {
		t.Errorf("language preference %q", got)
	}
	// The window was rebuilt in Chinese.
	tabs := f.win.Content().(*container.AppTabs)
	if got := collectText(tabs.Items[1].Content); tabs.Items[1].Text != "证书" || !strings.Contains(got, "新增持证人") {
		t.Errorf("window not in Chinese: %q %q", tabs.Items[1].Text, got[:min(200, len(got))])
	}
	if i18n.Language() != i18n.Chinese {
		t.Error("language not switched")
	}
}

func TestLanguageFollowsSystemUntilChosen(t *testing.T) {
	f := newFixture(t, "")
	NewMain(f.app, f.win, f.svc, "test", "zh-CN")
	if i18n.Language() != i18n.Chinese {
		t.Error("a Chinese system should get Chinese")
	}
	NewMain(f.app, f.win, f.svc, "test", "de-DE")
	if i18n.Language() != i18n.English {
		t.Error("other systems get English")
	}
}

func TestDemoMenuAsksThenLoads(t *testing.T) {
	f := newFixture(t, i18n.English)
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()

	m.ShowDemo()
	if !strings.Contains(f.dialogText(), "fake holders") {
		t.Fatalf("no confirmation: %q", f.dialogText())
	}
	f.tapDialogButton("Cancel")
	if n := len(f.holders()); n != 0 {
		t.Fatalf("cancel loaded %d holders", n)
	}

	m.ShowDemo()
	f.tapDialogButton("Load demo data")
	hs := f.holders()
	if len(hs) != DemoHolders {
		t.Fatalf("holders = %d, want %d", len(hs), DemoHolders)
	}
	for _, h := range hs {
		if !h.Demo {
			t.Fatalf("%s is not marked demo", h.Name)
		}
	}
	if m.Certificates.list.Len() != DemoHolders {
		t.Errorf("list not refreshed: %d", m.Certificates.list.Len())
	}
	// The dashboard in front counts them at once, not after a tab switch,
	// and so do the other tabs' lists.
	if !strings.Contains(m.Dashboard.figures.Text, "Holders: 40") {
		t.Errorf("dashboard after the demo: %q", m.Dashboard.figures.Text)
	}
	for name, n := range map[string]int{"annotations": m.Annotations.picker.list.Len(), "registration": m.Register.picker.list.Len(), "ce": m.CELog.list.Len(), "paper": m.PaperTab.picker.list.Len()} {
		if n != DemoHolders {
			t.Errorf("%s list after the demo: %d", name, n)
		}
	}

	// A second load warns that the database is not empty.
	m.ShowDemo()
	if !strings.Contains(f.dialogText(), "already holds 40 holders") {
		t.Errorf("no warning about existing data: %q", f.dialogText())
	}
}
