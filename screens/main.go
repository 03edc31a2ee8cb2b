package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/swcert/swcert/screens/i18n"
)

// Preference keys (fyne.Preferences), remembered between runs.
const (
	PrefLanguage = "language" // "", i18n.Chinese or i18n.English; "" follows the system
	PrefTheme    = "theme"    // ThemeSystem, ThemeLight or ThemeDark
)

// Main is the whole window: the tabs and the menu. It rebuilds itself when
// the language changes, since every label is translated when it is built.
type Main struct {
	App     fyne.App
	Win     fyne.Window
	Svc     Services
	Version string
	// SystemLocale is the system's locale ("zh-CN"), for the "same as
	// system" language choice.
	SystemLocale string

	Tabs         *container.AppTabs
	Certificates *Certificates
	Annotations  *Annotations
	Register     *Registrations
	CELog        *CELog
	PaperTab     *PaperTab
	Verify       *Verify
}

// NewMain builds the window's content in the language of the preferences.
func NewMain(a fyne.App, w fyne.Window, svc Services, version, systemLocale string) *Main {
	i18n.SetLanguage(i18n.Resolve(a.Preferences().String(PrefLanguage), systemLocale))
	m := &Main{App: a, Win: w, Svc: svc, Version: version, SystemLocale: systemLocale}
	m.Certificates = NewCertificates(svc, w)
	m.Annotations = NewAnnotations(svc, w)
	m.Register = NewRegistrations(svc, w)
	m.CELog = NewCELog(svc, w)
	m.PaperTab = NewPaperTab(svc, w)
	m.Verify = NewVerify(svc, w)
	m.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(i18n.T("tab.certificates"), theme.DocumentIcon(), m.Certificates.Content()),
		container.NewTabItemWithIcon(i18n.T("tab.annotation"), theme.ConfirmIcon(), m.Annotations.Content()),
		container.NewTabItemWithIcon(i18n.T("tab.registration"), theme.HistoryIcon(), m.Register.Content()),
		container.NewTabItemWithIcon(i18n.T("tab.ce"), theme.ListIcon(), m.CELog.Content()),
		container.NewTabItemWithIcon(i18n.T("tab.paper"), theme.MailSendIcon(), m.PaperTab.Content()),
		container.NewTabItemWithIcon(i18n.T("tab.verify"), theme.VisibilityIcon(), m.Verify.Content()),
	)
	// A tab shows what the others (or the command line) changed meanwhile.
	m.Tabs.OnSelected = func(t *container.TabItem) {
		switch t.Content {
		case m.Annotations.Content():
			m.Annotations.Refresh()
		case m.Register.Content():
			m.Register.Refresh()
		case m.CELog.Content():
			m.CELog.Refresh()
		case m.PaperTab.Content():
			m.PaperTab.Refresh()
		case m.Verify.Content():
			m.Verify.Refresh()
		}
	}
	return m
}

// Install puts the tabs, menu, title, theme and shortcuts into the window.
func (m *Main) Install() {
	m.App.Settings().SetTheme(&Theme{Variant: m.App.Preferences().StringWithFallback(PrefTheme, ThemeSystem)})
	m.Win.SetTitle(i18n.T("app.title"))
	m.Win.SetContent(m.Tabs)
	m.Win.SetMainMenu(m.Menu())
	m.Certificates.SearchDelay = searchDelay
	m.Annotations.picker.SearchDelay = searchDelay
	m.Register.picker.SearchDelay = searchDelay
	m.PaperTab.picker.SearchDelay = searchDelay
	c := m.Win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		m.Tabs.SelectIndex(0)
		c.Focus(m.Certificates.list.search)
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		m.Tabs.SelectIndex(0)
		m.Certificates.onNewHolder()
	})
}

// Menu is the window's main menu.
func (m *Main) Menu() *fyne.MainMenu {
	settings := fyne.NewMenuItem(i18n.T("menu.settings"), m.ShowSettings)
	settings.Icon = theme.SettingsIcon()
	demo := fyne.NewMenuItem(i18n.T("menu.demo"), m.ShowDemo)
	about := fyne.NewMenuItem(i18n.T("menu.about"), m.ShowAbout)
	return fyne.NewMainMenu(
		fyne.NewMenu(i18n.T("menu.file"), demo, fyne.NewMenuItemSeparator(), settings),
		fyne.NewMenu(i18n.T("menu.help"), about),
	)
}

// rebuild makes the window anew in the language now chosen, keeping the tab.
func (m *Main) rebuild() {
	tab := m.Tabs.SelectedIndex()
	n := NewMain(m.App, m.Win, m.Svc, m.Version, m.SystemLocale)
	n.Install()
	n.Tabs.SelectIndex(tab)
}
