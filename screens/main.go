package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
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
	tabKeys      []string // each tab's key, in the tabs' order (place.go)
	Dashboard    *Dashboard
	Reminders    *ReminderCentre // on top of the dashboard
	Certificates *Certificates
	Annotations  *Annotations
	Register     *Registrations
	CELog        *CELog
	PaperTab     *PaperTab
	DossierTab   *DossierTab
	ServiceTab   *ServiceTab
	Verify       *Verify
	// Sel is the holder and certificate every tab works on; a language
	// switch hands it to the rebuilt window.
	Sel *Selection

	// onBatchProgress, when set, is told of a batch's progress (tests
	// press Cancel half way there).
	onBatchProgress func(b *Batch, done, total int)
	next            *Main // the Main that replaced this one (language change)
	// dataVersion is the store's data version Follow last saw (followed: it has seen one).
	dataVersion int64
	followed    bool
}

// NewMain builds the window's content in the language of the preferences.
func NewMain(a fyne.App, w fyne.Window, svc Services, version, systemLocale string) *Main {
	return newMain(a, w, svc, version, systemLocale, NewSelection())
}

// newMain builds the window's content on selection sel.
func newMain(a fyne.App, w fyne.Window, svc Services, version, systemLocale string, sel *Selection) *Main {
	SetWindowLanguage(i18n.Resolve(a.Preferences().String(PrefLanguage), systemLocale))
	// The theme before any widget: a widget measured while it is built
	// (the dashboard measures its columns) keeps the colours of the theme
	// it was first drawn in, and the change's refresh reaches only what
	// the window shows then. Set in Install, after the tabs were built,
	// the dashboard's filters and buttons stayed dark in the light theme
	// on a dark system until another tab was shown.
	a.Settings().SetTheme(&Theme{Variant: a.Preferences().StringWithFallback(PrefTheme, ThemeSystem)})
	m := &Main{App: a, Win: w, Svc: svc, Version: version, SystemLocale: systemLocale, Sel: sel}
	m.Dashboard = NewDashboard(svc, w)
	m.Dashboard.OnOpen = m.open
	m.Dashboard.OnComputed = m.remind
	m.Reminders = NewReminderCentre(svc, w)
	m.Reminders.OnOpen = m.open
	m.Dashboard.SetTop(m.Reminders.Content())
	m.Certificates = newCertificates(svc, w, sel)
	m.Annotations = newAnnotations(svc, w, sel)
	m.Register = newRegistrations(svc, w, sel)
	m.CELog = newCELog(svc, w, sel)
	m.PaperTab = newPaperTab(svc, w, sel)
	m.DossierTab = newDossierTab(svc, w, sel)
	m.ServiceTab = newServiceTab(svc, w, sel)
	m.DossierTab.OnEditHolder = func() { m.showTab(m.Certificates.Content()) }
	m.DossierTab.OnOpenProject = func(id int64) {
		m.showTab(m.ServiceTab.Content())
		m.ServiceTab.Open(id)
	}
	m.Dashboard.dossier.onOpen = func(h *data.Holder) {
		m.Sel.Set(h, 0)
		m.showTab(m.DossierTab.Content())
	}
	m.Verify = NewVerify(svc, w)
	m.Reminders.Visible = func() bool {
		return m.Tabs == nil || m.Tabs.Selected() == nil || m.Tabs.Selected().Content == m.Dashboard.Content()
	}
	// Each tab with the key that names it in the translations and in the
	// preferences (PrefTab), which stays when tabs are added.
	tabs := []struct {
		key     string
		icon    fyne.Resource
		content fyne.CanvasObject
	}{
		{"dashboard", theme.HomeIcon(), m.Dashboard.Content()},
		{"certificates", theme.DocumentIcon(), m.Certificates.Content()},
		{"annotation", theme.ConfirmIcon(), m.Annotations.Content()},
		{"registration", theme.HistoryIcon(), m.Register.Content()},
		{"ce", theme.ListIcon(), m.CELog.Content()},
		{"paper", theme.MailSendIcon(), m.PaperTab.Content()},
		{"dossier", theme.AccountIcon(), m.DossierTab.Content()},
		{"service", theme.StorageIcon(), m.ServiceTab.Content()},
		{"verify", theme.VisibilityIcon(), m.Verify.Content()},
	}
	m.Tabs = container.NewAppTabs()
	for _, t := range tabs {
		m.Tabs.Append(container.NewTabItemWithIcon(i18n.T("tab."+t.key), t.icon, t.content))
		m.tabKeys = append(m.tabKeys, t.key)
	}
	// A tab shows what the others (or the command line) changed meanwhile,
	// on the holder and certificate selected meanwhile.
	m.Tabs.OnSelected = func(t *container.TabItem) {
		m.rememberTab()
		m.followList(t.Content)
		switch t.Content {
		case m.Dashboard.Content():
			m.Dashboard.Show()
			m.Reminders.Seen()
		case m.Certificates.Content():
			m.Certificates.follow()
		case m.Annotations.Content():
			m.Annotations.Refresh()
		case m.Register.Content():
			m.Register.Refresh()
		case m.CELog.Content():
			m.CELog.Refresh()
		case m.PaperTab.Content():
			m.PaperTab.Refresh()
		case m.DossierTab.Content():
			m.DossierTab.Refresh()
		case m.ServiceTab.Content():
			m.ServiceTab.Refresh()
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

// open shows an attention item in the tab where it is dealt with: the
// item's holder and certificate become the selection, and the tab, shown,
// follows it (asking first if it holds unsaved edits).
func (m *Main) open(it data.Attention) {
	h, err := m.Svc.Holders.Holder(m.Svc.ctx(), it.HolderID)
	if err != nil {
		return
	}
	target := m.Certificates.Content()
	switch it.Kind {
	case data.AttAnnotation:
		target = m.Annotations.Content()
	case data.AttRegistration:
		target = m.Register.Content()
	case data.AttCE:
		target = m.CELog.Content()
	case data.AttPaper:
		target = m.PaperTab.Content()
	}
	if m.Dashboard.Filter().DossierIncomplete { // listed for what the dossier lacks
		target = m.DossierTab.Content()
	}
	m.Sel.Set(h, it.CertID)
	m.showTab(target)
}

// showTab selects the tab whose content is c.
func (m *Main) showTab(c fyne.CanvasObject) {
	for _, t := range m.Tabs.Items {
		if t.Content == c {
			m.Tabs.Select(t)
		}
	}
}

// Install puts the tabs, menu, title and shortcuts into the window (the
// theme is set before they are built: newMain).
func (m *Main) Install() {
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
	m.Win.Canvas().SetOnTypedKey(m.onTypedKey)
	m.restoreTab()
}

// onTypedKey is a key pressed with nothing focused: Esc and Enter answer
// the message box on top (dialogKey).
func (m *Main) onTypedKey(ev *fyne.KeyEvent) {
	if top := m.Win.Canvas().Overlays().Top(); top != nil {
		dialogKey(top, ev.Name)
	}
}

// Save is Ctrl+S: the form of the tab in front is saved (on Certificates,
// the one the cursor is in). Nothing happens under a dialog.
func (m *Main) Save() {
	if m.Win.Canvas().Overlays().Top() != nil {
		return
	}
	switch m.Tabs.Selected().Content {
	case m.Certificates.Content():
		m.Certificates.Save()
	case m.Register.Content():
		m.Register.saveForm()
	case m.CELog.Content():
		m.CELog.saveForm()
	case m.PaperTab.Content():
		m.PaperTab.saveForm()
	case m.DossierTab.Content():
		m.DossierTab.saveForm()
	case m.ServiceTab.Content():
		m.ServiceTab.saveForm()
	}
}

// unsavedTab names a tab whose form holds edits not saved yet ("": none).
func (m *Main) unsavedTab() string {
	switch {
	case m.Certificates.unsaved():
		return i18n.T("tab.certificates")
	case m.Register.unsaved():
		return i18n.T("tab.registration")
	case m.CELog.unsaved():
		return i18n.T("tab.ce")
	case m.PaperTab.unsaved():
		return i18n.T("tab.paper")
	case m.DossierTab.unsaved():
		return i18n.T("tab.dossier")
	case m.ServiceTab.unsaved():
		return i18n.T("tab.service")
	}
	return ""
}

// NewHolder is Ctrl+N: the Certificates tab with an empty holder form, the
// cursor in 姓名.
func (m *Main) NewHolder() {
	if m.Win.Canvas().Overlays().Top() != nil {
		return
	}
	m.showTab(m.Certificates.Content())
	m.Certificates.newHolder()
}

// Search is Ctrl+F: the cursor goes to the search box of the tab in front.
func (m *Main) Search() {
	if m.Win.Canvas().Overlays().Top() != nil {
		return
	}
	var box fyne.Focusable
	switch m.Tabs.Selected().Content {
	case m.Dashboard.Content():
		box = m.Dashboard.search
	case m.Certificates.Content():
		box = m.Certificates.list.searchBox
	case m.Annotations.Content():
		box = m.Annotations.picker.list.searchBox
	case m.Register.Content():
		box = m.Register.picker.list.searchBox
	case m.CELog.Content():
		box = m.CELog.list.searchBox
	case m.PaperTab.Content():
		box = m.PaperTab.picker.list.searchBox
	case m.DossierTab.Content():
		box = m.DossierTab.list.searchBox
	case m.ServiceTab.Content():
		box = m.ServiceTab.search
	default:
		return
	}
	m.Win.Canvas().Focus(box)
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
	save := fyne.NewMenuItem(i18n.T("menu.save"), m.Save)
	save.Shortcut = shortcutSave
	newHolder := fyne.NewMenuItem(i18n.T("menu.new_holder"), m.NewHolder)
	newHolder.Shortcut = shortcutNew
	search := fyne.NewMenuItem(i18n.T("menu.search"), m.Search)
	search.Shortcut = shortcutSearch
	file := []*fyne.MenuItem{save, newHolder, search, fyne.NewMenuItemSeparator(), imp, roster, template, batch, fyne.NewMenuItemSeparator()}
	if m.Svc.Backups != nil {
		file = append(file, fyne.NewMenuItem(i18n.T("menu.backup"), m.ShowBackup), fyne.NewMenuItem(i18n.T("menu.restore"), m.ShowRestore),
			fyne.NewMenuItemSeparator())
	}
	if m.Svc.OpenShared != nil {
		file = append(file, fyne.NewMenuItem(i18n.T("menu.open_shared"), func() { m.ShowOpenShared() }), fyne.NewMenuItemSeparator())
	}
	file = append(file, demo, fyne.NewMenuItemSeparator(), settings)
	return fyne.NewMainMenu(
		fyne.NewMenu(i18n.T("menu.file"), file...),
		m.viewMenu(),
		fyne.NewMenu(i18n.T("menu.help"), about),
	)
}

// rebuild makes the window anew in the language now chosen, keeping the tab.
func (m *Main) rebuild() {
	tab := m.Tabs.SelectedIndex()
	n := newMain(m.App, m.Win, m.Svc, m.Version, m.SystemLocale, m.Sel)
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
