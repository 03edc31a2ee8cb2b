package screens

import (
	"fyne.io/fyne/v2"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// icsOptions are the window's: this database, the days given.
func (s Services) icsOptions(days []int) (i18n.ICSOptions, error) {
	keys, err := s.Keys.Keys(s.ctx())
	if err != nil {
		return i18n.ICSOptions{}, err
	}
	o := i18n.ICSOptions{RemindDays: days, Sequences: s.Calendar}
	if k := data.OwnKeyOf(keys); k != nil {
		o.DBID = k.KID
	}
	return o, nil
}

// remindDays are the reminder days set in Settings (the defaults when
// none or none that read).
func remindDays(prefs fyne.Preferences) []int {
	days, err := data.ParseReminderDays(prefs.StringWithFallback(PrefRemindDays, "30,7,1"))
	if err != nil {
		return data.DefaultReminderDays
	}
	return days
}
