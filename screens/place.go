package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/swcert/swcert/i18n"
)

// Where the window was left, remembered between runs (fyne.Preferences):
// it opens again on the tab last shown, at the size it last had.
const (
	PrefTab          = "tab"           // the key of the tab last shown ("certificates")
	PrefWindowWidth  = "window_width"  // the window's last size, in Fyne units
	PrefWindowHeight = "window_height" //
)

// DefaultWindowSize is the first run's size: it fits a 1280×800 screen.
var DefaultWindowSize = fyne.NewSize(1180, 760)

// WindowSize is the size the window had when it was last closed, or the
// default. A size no screen could show whole (a preferences file edited
// by hand, a window once dragged tiny) is not kept: Fyne would open a
// window too small to use or larger than the screen.
func WindowSize(p fyne.Preferences) fyne.Size {
	w, h := p.Float(PrefWindowWidth), p.Float(PrefWindowHeight)
	if w < 640 || h < 480 || w > 8192 || h > 8192 {
		return DefaultWindowSize
	}
	return fyne.NewSize(float32(w), float32(h))
}

// RememberWindowSize keeps the window's size when it closes, after the
// close's own work (then).
func RememberWindowSize(p fyne.Preferences, w fyne.Window, then func()) {
	w.SetOnClosed(func() {
		s := w.Canvas().Size()
		p.SetFloat(PrefWindowWidth, float64(s.Width))
		p.SetFloat(PrefWindowHeight, float64(s.Height))
		if then != nil {
			then()
		}
	})
}

// rememberTab keeps the tab now shown.
func (m *Main) rememberTab() {
	if i := m.Tabs.SelectedIndex(); i >= 0 && i < len(m.tabKeys) {
		m.App.Preferences().SetString(PrefTab, m.tabKeys[i])
	}
}

// restoreTab shows the tab last shown (the dashboard the first time, or
// when that tab is no more).
func (m *Main) restoreTab() {
	key := m.App.Preferences().String(PrefTab)
	for i, k := range m.tabKeys {
		if k == key && i != m.Tabs.SelectedIndex() {
			m.Tabs.SelectIndex(i)
		}
	}
}

// viewMenu lists the tabs, each with Ctrl+1, Ctrl+2, … as a browser's
// tabs have: a tab is reached from the keyboard, wherever the cursor is.
func (m *Main) viewMenu() *fyne.Menu {
	items := make([]*fyne.MenuItem, len(m.Tabs.Items))
	for i, t := range m.Tabs.Items {
		t := t
		items[i] = fyne.NewMenuItem(t.Text, func() {
			if m.Win.Canvas().Overlays().Top() == nil {
				m.Tabs.Select(t)
			}
		})
		if i < 9 {
			items[i].Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyName(rune('1' + i)), Modifier: fyne.KeyModifierShortcutDefault}
		}
	}
	return fyne.NewMenu(i18n.T("menu.view"), items...)
}
