package screens

import (
	"encoding/json"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/screens/i18n"
)

// Preference keys of the reminders.
const (
	PrefRemindDays = "remind_days" // "30,7,1"
	prefReminded   = "reminded"    // JSON list of the reminders already sent
)

// remind sends one desktop notification for the deadlines that have newly
// come within a reminder window (30, 7 and 1 day by default, in Settings).
// The window calls it whenever the dashboard is computed: at start, and
// every hour while it runs (app/), so a day's new reminders come once.
func (m *Main) remind() {
	prefs := m.App.Preferences()
	days, err := data.ParseReminderDays(prefs.StringWithFallback(PrefRemindDays, "30,7,1"))
	if err != nil {
		days = data.DefaultReminderDays
	}
	var items []data.Attention
	f := data.AttentionFilter{Within: days[len(days)-1], Upcoming: true}
	m.Svc.background(func() {
		items, err = m.Svc.Attention.Attention(m.Svc.ctx(), f, m.Svc.Now())
	}, func() {
		if err == nil {
			m.sendReminders(items, days)
		}
	})
}

// sendReminders tells the items newly within a window, once.
func (m *Main) sendReminders(items []data.Attention, days []int) {
	prefs := m.App.Preferences()
	var sentList []string
	_ = json.Unmarshal([]byte(prefs.String(prefReminded)), &sentList)
	sent := map[string]bool{}
	for _, k := range sentList {
		sent[k] = true
	}
	due, keys := data.Reminders(items, days, sent)
	if len(due) == 0 {
		return
	}
	lines := make([]string, 0, 4)
	for i, it := range due {
		if i == 3 {
			lines = append(lines, i18n.T("remind.more", "Count", len(due)-3))
			break
		}
		lines = append(lines, it.Name+"："+AttentionText(it)+"（"+DaysText(it)+"）")
	}
	m.App.SendNotification(fyne.NewNotification(i18n.T("remind.title", "Count", len(due)), strings.Join(lines, "\n")))
	// The newest 20,000 keys are kept: enough for an agency's year.
	sentList = append(sentList, keys...)
	if len(sentList) > 20000 {
		sentList = sentList[len(sentList)-20000:]
	}
	b, _ := json.Marshal(sentList)
	prefs.SetString(prefReminded, string(b))
}
