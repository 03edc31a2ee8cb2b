package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/swcert/swcert/data"
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
	Dashboard    *Dashboard
	Reminders    *ReminderCentre // on top of the dashboard
	Certificates *Certificates
	Annotations  *Annotations
	Register     *Registrations
	CELog        *CELog
	PaperTab     *PaperTab
	Verify       *Verify

	// onBatchProgress, when set, is told of a batch's progress (tests
	// press Cancel half way there).
	onBatchProgress func(b *Batch, done, total int)
	next            *Main // the Main that replaced this one (language change)
}

// NewMain builds the window's content in the language of the preferences.
func NewMain(a fyne.App, w fyne.Window, svc Services, version, systemLocale string) *Main {
	i18n.SetWindowLanguage(i18n.Resolve(a.Preferences().String(PrefLanguage), systemLocale))
	m := &Main{App: a, Win: w, Svc: svc, Version: version, SystemLocale: systemLocale}
	m.Dashboard = NewDashboard(svc, w)
	m.Dashboard.OnOpen = m.open
	m.Dashboard.OnComputed = m.remind
	m.Reminders = NewReminderCentre(svc, w)
	m.Reminders.OnOpen = m.open
	m.Dashboard.SetTop(m.Reminders.Content())
	m.Certificates = NewCertificates(svc, w)
	m.Annotations = NewAnnotations(svc, w)
	m.Register = NewRegistrations(svc, w)
	m.CELog = NewCELog(svc, w)
	m.PaperTab = NewPaperTab(svc, w)
	m.Verify = NewVerify(svc, w)
	m.Reminders.Visible = func() bool {
		return m.Tabs == nil || m.Tabs.Selected() == nil || m.Tabs.Selected().Content == m.Dashboard.Content()
	}
	m.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(i18n.T("tab.dashboard"), theme.HomeIcon(), m.Dashboard.Content()),
		container.NewTabItemWithIcon(i18n.T("tab.certificates"), theme.DocumentIcon(), m.Certificates.Content()),
		container.NewTabItemWithIcon(i18n.T("tab.annotation"), theme.ConfirmIcon(), m.Annotations.Content()),
		container.NewTabItemWithIcon(i18n.T("tab.registration"), theme.HistoryIcon(), m.Register.Content()),
		container.NewTabItemWithIcon(i18n.T("tab.ce"), theme.ListIcon(), m.CELog.Content()),
		container.NewTabItemWithIcon(i18n.T("tab.paper"), theme.MailSendIcon(), m.PaperTab.Content()),
		container.NewTabItemWithIcon(i18n.T("tab.verify"), theme.VisibilityIcon(), m.Verify.Content()),
	)
	m.Tabs.OnUnselected = m.leaving // unsaved edits are asked about
	// A tab shows what the others (or the command line) changed meanwhile.
	m.Tabs.OnSelected = func(t *container.TabItem) {
		switch t.Content {
		case m.Dashboard.Content():
			m.Dashboard.Show()
			m.Reminders.Seen()
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

// Refresh works the dashboard out again (and sends the reminders due).
// The language can change, so it goes through the window's current Main.
func (m *Main) Refresh() {
	if cur := m.current(); cur != nil {
		cur.Dashboard.Refresh()
		cur.autoBackup()
	}
}

// open shows an attention item in the tab where it is dealt with.
func (m *Main) open(it data.Attention) {
	h, err := m.Svc.Holders.Holder(m.Svc.ctx(), it.HolderID)
	if err != nil {
		return
	}
	var target fyne.CanvasObject
	switch it.Kind {
	case data.AttAnnotation:
		m.Annotations.picker.show(h, it.CertID)
		target = m.Annotations.Content()
	case data.AttRegistration:
		m.Register.picker.show(h, it.CertID)
		target = m.Register.Content()
	case data.AttCE:
		m.CELog.showHolder(h)
		target = m.CELog.Content()
	case data.AttPaper:
		m.PaperTab.picker.show(h, it.CertID)
		target = m.PaperTab.Content()
	default:
		m.Certificates.onSelectHolder(h)
		target = m.Certificates.Content()
	}
	onSelected := m.Tabs.OnSelected
	m.Tabs.OnSelected = nil // the tab shows what was just loaded: no reload
	m.showTab(target)
	m.Tabs.OnSelected = onSelected
}

// showTab selects the tab whose content is c.
func (m *Main) showTab(c fyne.CanvasObject) {
	for _, t := range m.Tabs.Items {
		if t.Content == c {
			m.Tabs.Select(t)
		}
	}
}

// Install puts the tabs, menu, title, theme and shortcuts into the window.
func (m *Main) Install() {
	m.App.Settings().SetTheme(&Theme{Variant: m.App.Preferences().StringWithFallback(PrefTheme, ThemeSystem)})
	m.Win.SetTitle(i18n.T("app.title"))
	m.Win.SetContent(m.Tabs)
	m.Win.SetMainMenu(m.Menu())
	m.Dashboard.Refresh()
	m.autoBackup()
	m.warnKey()
	m.Certificates.SearchDelay = searchDelay
	m.Annotations.picker.SearchDelay = searchDelay
	m.Register.picker.SearchDelay = searchDelay
	m.PaperTab.picker.SearchDelay = searchDelay
	c := m.Win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		m.showTab(m.Certificates.Content())
		c.Focus(m.Certificates.list.search)
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		m.showTab(m.Certificates.Content())
		m.Certificates.onNewHolder()
	})
}

// Menu is the window's main menu.
func (m *Main) Menu() *fyne.MainMenu {
	settings := fyne.NewMenuItem(i18n.T("menu.settings"), m.ShowSettings)
	settings.Icon = theme.SettingsIcon()
	demo := fyne.NewMenuItem(i18n.T("menu.demo"), m.ShowDemo)
	imp := fyne.NewMenuItem(i18n.T("menu.import"), m.ShowImport)
	roster := fyne.NewMenuItem(i18n.T("menu.export_roster"), m.ShowExportRoster)
	template := fyne.NewMenuItem(i18n.T("menu.template"), m.ShowExportTemplate)
	batch := fyne.NewMenuItem(i18n.T("menu.batch"), m.ShowBatch)
	about := fyne.NewMenuItem(i18n.T("menu.about"), m.ShowAbout)
	file := []*fyne.MenuItem{imp, roster, template, batch, fyne.NewMenuItemSeparator()}
	if m.Svc.Backups != nil {
		file = append(file, fyne.NewMenuItem(i18n.T("menu.backup"), m.ShowBackup), fyne.NewMenuItem(i18n.T("menu.restore"), m.ShowRestore),
			fyne.NewMenuItemSeparator())
	}
	file = append(file, demo, fyne.NewMenuItemSeparator(), settings)
	return fyne.NewMainMenu(
		fyne.NewMenu(i18n.T("menu.file"), file...),
		fyne.NewMenu(i18n.T("menu.help"), about),
	)
}

// rebuild makes the window anew in the language now chosen, keeping the tab.
func (m *Main) rebuild() {
	tab := m.Tabs.SelectedIndex()
	n := NewMain(m.App, m.Win, m.Svc, m.Version, m.SystemLocale)
	n.Install()
	n.Tabs.SelectIndex(tab)
	m.next = n
}

// current is the Main the window shows now (a language change replaces it).
func (m *Main) current() *Main {
	for m.next != nil {
		m = m.next
	}
	return m
}
