package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"

	"github.com/swcert/swcert/assets"
	"github.com/swcert/swcert/i18n"
)

// SetWindowLanguage switches the window's language: SWCert's strings and
// Fyne's own (every OK and Cancel, the file dialog, the menu's Quit).
//
// Fyne's lang has no call to choose a language: it matches its translations
// against the system's locales (from the environment on Linux, from the OS
// on Windows and macOS), each time translations are added. So the texts of
// the language chosen are added under each of the system's locales, and
// under English, Fyne's fallback when none matches: whatever the system,
// the best match is then the chosen language. Called again after a switch
// in Settings, the texts added last win (go-i18n replaces messages by ID).
// The command line does not call it: it shows no Fyne widget.
func SetWindowLanguage(l string) {
	i18n.SetLanguage(l)
	texts := assets.FyneEnglish
	if i18n.Language() == i18n.Chinese {
		texts = assets.FyneChinese
	}
	for _, loc := range fyneLocales() {
		if err := lang.AddTranslationsForLocale(texts, loc); err != nil {
			i18n.Internal(err) // logged; Fyne's texts stay in the system's language
		}
	}
}

// fyneLocales are the locales Fyne's lang may match: the system's, and
// English, its fallback.
func fyneLocales() []fyne.Locale {
	all, _ := locale.GetLocales()
	locs := []fyne.Locale{"en"}
	seen := map[string]bool{"en": true}
	for _, s := range all {
		tag, err := language.Parse(s)
		if err != nil || tag == language.Und {
			continue // "C", "POSIX": Fyne falls back to English
		}
		if !seen[tag.String()] {
			seen[tag.String()] = true
			locs = append(locs, fyne.Locale(tag.String()))
		}
	}
	return locs
}
