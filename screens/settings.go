package screens

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// searchDelay lets typing in the search box settle before a query runs.
const searchDelay = 150 * time.Millisecond

var languageChoices = []string{"", i18n.Chinese, i18n.English}
var themeChoices = []string{ThemeSystem, ThemeLight, ThemeDark}

func languageLabel(code string) string {
	switch code {
	case i18n.Chinese:
		return i18n.T("settings.chinese")
	case i18n.English:
		return i18n.T("settings.english")
	}
	return i18n.T("settings.system")
}

// Settings is the settings dialog: language and theme, both remembered.
type Settings struct {
	Language *widget.RadioGroup
	Theme    *widget.RadioGroup
	Remind   *field
	// Exporter names the exporter the documents print (settings_exporter.go).
	Exporter *exporterSetting
	// Encryption is nil when the store offers none (encryption.go).
	Encryption *encryptionSection
	// BackupKeep is how many automatic backups are kept (0: none made).
	BackupKeep *field
	dialog     dialog.Dialog
}

// ShowSettings opens the settings dialog. A change applies at once.
func (m *Main) ShowSettings() { m.NewSettings().dialog.Show() }

// NewSettings builds the settings dialog without showing it.
func (m *Main) NewSettings() *Settings {
	s := &Settings{}
	prefs := m.App.Preferences()
	var langLabels, themeLabels []string
	for _, c := range languageChoices {
		langLabels = append(langLabels, languageLabel(c))
	}
	for _, c := range themeChoices {
		themeLabels = append(themeLabels, i18n.T("settings."+c))
	}
	s.Language = widget.NewRadioGroup(langLabels, nil)
	s.Language.Horizontal = true // three short choices: one line each
	s.Language.SetSelected(languageLabel(prefs.String(PrefLanguage)))
	s.Theme = widget.NewRadioGroup(themeLabels, nil)
	s.Theme.Horizontal = true
	s.Theme.SetSelected(i18n.T("settings." + prefs.StringWithFallback(PrefTheme, ThemeSystem)))

	s.Theme.OnChanged = func(sel string) {
		for _, c := range themeChoices {
			if i18n.T("settings."+c) == sel {
				prefs.SetString(PrefTheme, c)
				m.App.Settings().SetTheme(&Theme{Variant: c})
			}
		}
	}
	s.Language.OnChanged = func(sel string) {
		for _, c := range languageChoices {
			if languageLabel(c) == sel && c != prefs.String(PrefLanguage) {
				// The window is rebuilt in the new language: edits not
				// saved yet would go with the old one, so ask first.
				apply := func() {
					prefs.SetString(PrefLanguage, c)
					s.dialog.Hide()
					m.rebuild()
				}
				if tab := m.unsavedTab(); tab != "" {
					confirmOr(m.Win, i18n.T("unsaved.title"), i18n.T("unsaved.language", "Tab", tab), i18n.T("unsaved.switch"), apply, func() {
						s.Language.SetSelected(languageLabel(prefs.String(PrefLanguage)))
					})
					return
				}
				apply()
				return
			}
		}
	}
	// Reminder days are saved as soon as they read well; a message says
	// what is wrong otherwise.
	s.Remind = newField("remind_days", "30, 7, 1", func(t string) error {
		days, err := data.ParseReminderDays(t)
		if err == nil {
			prefs.SetString(PrefRemindDays, joinInts(days))
		}
		return err
	})
	s.Remind.entry.SetText(prefs.StringWithFallback(PrefRemindDays, "30, 7, 1"))
	// Short labels, what they mean in a hint under the field: a long label
	// took half the dialog's width from the fields.
	remind := widget.NewFormItem(i18n.T("settings.remind"), s.Remind.object())
	remind.HintText = i18n.T("settings.remind_hint")
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("settings.language"), s.Language),
		widget.NewFormItem(i18n.T("settings.theme"), s.Theme),
		remind,
	)
	s.Exporter = m.newExporterSetting()
	form.AppendItem(s.Exporter.item())
	if m.Svc.Backups != nil {
		s.BackupKeep = m.newBackupKeepField()
		keep := widget.NewFormItem(i18n.T("settings.backup_keep"), s.BackupKeep.object())
		keep.HintText = i18n.T("settings.backup_keep_hint")
		form.AppendItem(keep)
	}
	if m.Svc.Encryption != nil {
		s.Encryption = newEncryptionSection(m.Svc, m.Win)
		form.Append(i18n.T("settings.encryption"), s.Encryption.box)
	}
	// Wide enough for the exporter's name and the messages on one or two
	// lines; as high as the form (a fixed height left a blank half).
	size := fyne.NewSize(640, form.MinSize().Height+50)
	s.dialog = dialog.NewCustom(i18n.T("settings.title"), i18n.T("close"), form, m.Win)
	s.dialog.Resize(size)
	return s
}

// ShowAbout tells the version and where the data lives.
func (m *Main) ShowAbout() {
	dialog.ShowInformation(i18n.T("menu.about"), i18n.T("about.text", "Version", m.Version, "Path", m.Svc.DBPath), m.Win)
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i := range v {
		s[len(v)-1-i] = strconv.Itoa(v[i]) // the farthest first, as people say it
	}
	return strings.Join(s, ", ")
}
