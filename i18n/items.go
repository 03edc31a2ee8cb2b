package i18n

import (
	"github.com/swcert/swcert/data"
	"strings"
)

// The texts of the items both faces show: a dashboard item, a registration
// window, the annotation limit, a paper certificate's collection, hours.

// AttentionText is an item's message (the CLI prints the same).
//
// A registration item whose holder's dossier is incomplete says what is
// missing (its Missing argument: field names, comma-joined).
func AttentionText(it data.Attention) string {
	args := append([]any{"Due", it.DueOn.String(), "Level", T("level." + string(it.Level))}, it.Args...)
	s := T(it.Key, args...)
	for i := 0; i+1 < len(it.Args); i += 2 {
		if it.Args[i] == "Missing" {
			if m, ok := it.Args[i+1].(string); ok && m != "" {
				s += T("dossier.due_sep") + DossierIncomplete(strings.Split(m, ","))
			}
		}
	}
	return s
}

// DaysText is how soon: "in 5 days", "today", "3 days overdue"; more than a
// year past (data.LongPast), when it lapsed: "lapsed 2014-01-28".
func DaysText(it data.Attention) string {
	switch {
	case it.LongPast():
		return T("dash.lapsed_on", "Date", it.DueOn.String())
	case it.DaysLeft < 0:
		return T("dash.overdue_days", "Days", -it.DaysLeft)
	case it.DaysLeft == 0:
		return T("dash.today")
	}
	return T("dash.in_days", "Days", it.DaysLeft)
}

// DueText says a due item in words (the command line prints the same).
//
// While the holder's dossier is incomplete it says what is still missing.
func DueText(it data.DueItem) string {
	s := T("reg.due."+string(it.Kind)+"."+string(it.State), "Opens", it.OpensOn.String(), "Closes", it.ClosesOn.String(), "Days", it.DaysLeft)
	if len(it.DossierMissing) > 0 {
		s += T("dossier.due_sep") + DossierIncomplete(it.DossierMissing)
	}
	return s
}

// QuotaText is the limit in words: "2 of 3 … the next one is possible on …"
// (the CLI prints the same).
func QuotaText(q data.Quota) string {
	if q.OK {
		return T("annotation.quota_ok", "Used", q.Used, "Max", q.Max)
	}
	return T("annotation.quota_full", "Used", q.Used, "Max", q.Max, "Next", q.NextOn.String())
}

// PaperStateText says where the collection stands (the CLI prints the same).
func PaperStateText(p *data.Paper, today data.Date) string {
	st := data.PaperState(p, today)
	days, ok := data.PaperDaysLeft(p, today)
	switch {
	case st == data.PaperOverdue:
		return T("paper.overdue", "End", p.WindowEnd.String())
	case st == data.PaperCollected:
		return T("paper.done", "On", p.CollectedOn.String())
	case !ok:
		return T("paper.no_window", "Status", T("paper.status."+string(st)))
	case st == data.PaperNotCollected && !p.WindowStart.IsZero() && today.Before(p.WindowStart):
		return T("paper.upcoming", "Start", p.WindowStart.String(), "End", p.WindowEnd.String(), "Days", days)
	case st == data.PaperNotCollected:
		return T("paper.open", "End", p.WindowEnd.String(), "Days", days)
	}
	return T("paper.in_progress", "Status", T("paper.status."+string(st)))
}

// HoursText is hours as people write them: 24, 10.5 (the CLI prints the same).
func HoursText(h data.Hours) string { return h.String() }
