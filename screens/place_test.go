package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/i18n"
)

// The window opens again on the tab last shown, also after a language
// switch, and the dashboard when the remembered tab is unknown.
func TestTheWindowOpensOnTheTabLastShown(t *testing.T) {
	f := newFixture(t, i18n.English)
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	if m.Tabs.SelectedIndex() != 0 {
		t.Fatalf("first run opens on tab %d", m.Tabs.SelectedIndex())
	}
	m.showTab(m.PaperTab.Content())

	again := NewMain(f.app, f.win, f.svc, "test", "en-US")
	again.Install()
	if got := again.Tabs.Selected(); got.Content != again.PaperTab.Content() {
		t.Errorf("the next run opens on %q", got.Text)
	}

	f.app.Preferences().SetString(PrefTab, "no-such-tab")
	third := NewMain(f.app, f.win, f.svc, "test", "en-US")
	third.Install()
	if third.Tabs.SelectedIndex() != 0 {
		t.Errorf("an unknown tab opens tab %d", third.Tabs.SelectedIndex())
	}
}

func TestWindowSizeKeepsOnlyASizeAScreenShows(t *testing.T) {
	f := newFixture(t, i18n.English)
	p := f.app.Preferences()
	for _, c := range []struct {
		w, h float64
		want fyne.Size
	}{
		{0, 0, DefaultWindowSize},
		{1024, 700, fyne.NewSize(1024, 700)},
		{640, 480, fyne.NewSize(640, 480)},
		{639, 700, DefaultWindowSize},
		{1024, 479, DefaultWindowSize},
		{8192, 8192, fyne.NewSize(8192, 8192)},
		{8193, 700, DefaultWindowSize},
		{-5, 700, DefaultWindowSize},
	} {
		p.SetFloat(PrefWindowWidth, c.w)
		p.SetFloat(PrefWindowHeight, c.h)
		if got := WindowSize(p); got != c.want {
			t.Errorf("%v×%v: %v, want %v", c.w, c.h, got, c.want)
		}
	}

	// Closing the window keeps its size.
	w := f.app.NewWindow("closing")
	w.Resize(fyne.NewSize(1024, 700))
	closed := false
	RememberWindowSize(p, w, func() { closed = true })
	w.Close()
	if !closed {
		t.Error("the close's own work did not run")
	}
	if got := WindowSize(p); got != fyne.NewSize(1024, 700) {
		t.Errorf("after closing at 1024×700: %v", got)
	}
}

// Ctrl+1 … Ctrl+7 show the tabs (the View menu lists them), also with the
// cursor in an entry; not while a dialog is open.
func TestCtrlDigitShowsATab(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	m := NewMain(f.app, f.win, f.svc, "test", "zh-CN")
	m.Install()
	f.win.Canvas().Focus(m.Certificates.list.searchBox)
	pressShortcut(f.win, &desktop.CustomShortcut{KeyName: fyne.Key6, Modifier: ctrl})
	if m.Tabs.Selected().Content != m.PaperTab.Content() {
		t.Fatalf("Ctrl+6 shows %q", m.Tabs.Selected().Text)
	}
	pressShortcut(f.win, &desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: ctrl})
	if m.Tabs.Selected().Content != m.Certificates.Content() {
		t.Fatalf("Ctrl+2 shows %q", m.Tabs.Selected().Text)
	}
	m.ShowAbout()
	pressShortcut(f.win, &desktop.CustomShortcut{KeyName: fyne.Key1, Modifier: ctrl})
	if m.Tabs.Selected().Content != m.Certificates.Content() {
		t.Errorf("Ctrl+1 behind a dialog shows %q", m.Tabs.Selected().Text)
	}
	view := m.Menu().Items[1]
	if view.Label != "视图" || len(view.Items) != len(m.Tabs.Items) || view.Items[4].Label != m.Tabs.Items[4].Text {
		t.Errorf("the View menu: %q with %d items", view.Label, len(view.Items))
	}
}

// Every tab's title is in sight at 1024×700 in both languages: none hides
// behind the tab bar's "…" (with nine tabs the English ones did).
func TestEveryTabInSightAt1024(t *testing.T) {
	for _, lang := range []string{i18n.English, i18n.Chinese} {
		f := newFixture(t, lang)
		m := NewMain(f.app, f.win, f.svc, "test", "en-US")
		m.Install()
		f.win.Resize(fyne.NewSize(1024, 700))
		more := false
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Visible() && b.Icon != nil && b.Icon.Name() == theme.MoreHorizontalIcon().Name() {
				more = true
			}
			if c, ok := o.(*fyne.Container); ok {
				for _, x := range c.Objects {
					walk(x)
				}
			}
			if w, ok := o.(fyne.Widget); ok {
				for _, x := range test.WidgetRenderer(w).Objects() {
					walk(x)
				}
			}
		}
		walk(m.Tabs)
		if more {
			t.Errorf("%s: some tabs are behind the tab bar's …", lang)
		}
	}
}
