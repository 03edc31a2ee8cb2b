package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// whenLabel is the "how soon" label of the dashboard's row r.
func whenLabel(d *Dashboard, r int) *widget.Label {
	o := d.newRow()
	d.updateRow(r, o)
	_, _, _, when := rowTexts(o)
	return when
}

// What lapsed more than a year ago says when, calmly ("2014-01-28 已过期"),
// not "已逾期 4228 天" in alarm red; what is overdue by days still shouts.
func TestDashboardTellsLongLapsedItemsByDate(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	f.certOf(f.addHolder("张伟", validID), data.NewDate(2013, 9, 20)) // first registration window long missed
	d := NewDashboard(f.svc, f.win)
	f.win.SetContent(d.Content())
	d.within.SetSelectedIndex(len(withinDays) - 1) // any time
	d.Refresh()
	items := shownItems(d)
	long := -1
	for i, it := range items {
		if it.LongPast() && long < 0 {
			long = i
		}
	}
	if long < 0 {
		t.Fatalf("no item lapsed long ago among %+v", items)
	}
	l := whenLabel(d, long)
	want := items[long].DueOn.String() + " 已过期"
	if l.Text != want || strings.Contains(l.Text, "逾期") {
		t.Errorf("lapsed %s: shows %q, want %q", items[long].DueOn, l.Text, want)
	}
	if l.Importance == widget.DangerImportance {
		t.Errorf("lapsed %s: shown in alarm red", items[long].DueOn)
	}
	// The same item a month after its date is counted, in red.
	it := items[long]
	it.DaysLeft, it.DueOn = -30, data.DateOf(f.now).AddDays(-30)
	if got := i18n.DaysText(it); got != "已逾期 30 天" || daysImportance(it) != widget.DangerImportance {
		t.Errorf("30 days overdue: %q, importance %v", got, daysImportance(it))
	}
	i18n.SetLanguage(i18n.English)
	if got := i18n.DaysText(items[long]); got != "lapsed "+items[long].DueOn.String() {
		t.Errorf("English: %q", got)
	}
}
