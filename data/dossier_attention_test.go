package data

import "testing"

// An incomplete dossier needs attention while the registration window is
// open, or opens within 90 days; a complete one never does.
func TestDossierAttention(t *testing.T) {
	today := NewDate(2026, 11, 22)
	missing := []string{MissingPhoto}
	upcoming := func(days int, m []string) DueItem {
		opens := today.AddDays(days)
		return DueItem{Kind: DueRenewal, State: DueUpcoming, OpensOn: opens, ClosesOn: opens.AddMonths(3), DossierMissing: m}
	}
	open := DueItem{Kind: DueFirst, State: DueOpen, OpensOn: today.AddDays(-10), ClosesOn: today.AddDays(200), DossierMissing: missing}
	for _, tc := range []struct {
		name  string
		items []DueItem
		due   Date
		ok    bool
		watch Date
	}{
		{"window open, dossier incomplete: due by the window's last day", []DueItem{open}, open.ClosesOn, true, Date{}},
		{"opens in exactly 90 days", []DueItem{upcoming(90, missing)}, today.AddDays(90), true, Date{}},
		{"opens in 91 days: not yet, watched from the 90th day before", []DueItem{upcoming(91, missing)}, Date{}, false, today.AddDays(1)},
		{"opens tomorrow, dossier complete", []DueItem{upcoming(1, nil)}, Date{}, false, Date{}},
		{"window missed: nothing to complete it for", []DueItem{{Kind: DueFirst, State: DueMissed, ClosesOn: today.AddDays(-1), DossierMissing: missing}}, Date{}, false, Date{}},
		{"applied, under review", []DueItem{{Kind: DueFirst, State: DueApplied, ClosesOn: today.AddDays(5), DossierMissing: missing}}, Date{}, false, Date{}},
	} {
		due, ok, watch := DossierAttention(tc.items, today)
		if ok != tc.ok || !due.Equal(tc.due) || !watch.Equal(tc.watch) {
			t.Errorf("%s: got %v %v watch %v, want %v %v watch %v", tc.name, due, ok, watch, tc.due, tc.ok, tc.watch)
		}
	}
}
