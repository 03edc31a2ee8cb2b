package data

import (
	"strings"
	"testing"
	"time"
)

func TestAttentionItems(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	today := DateOf(now)
	done := now.AddDate(0, 0, -80)
	h := &Holder{ID: 1, Name: "张伟", Org: "阳光社工", Region: "北京市"}
	h2 := &Holder{ID: 2, Name: "李娜", Org: "同心社工"}
	c1 := &Certificate{ID: 1, HolderID: 1, Level: LevelSocialWorker, MNo: "A1", Status: StatusValid, PassedOn: NewDate(2022, 9, 20), IssuedOn: NewDate(2022, 12, 1)}
	c2 := &Certificate{ID: 2, HolderID: 2, Level: LevelAssistant, MNo: "B2", Status: StatusRevoked, PassedOn: NewDate(2020, 9, 20), IssuedOn: NewDate(2020, 12, 1)}
	c3 := &Certificate{ID: 3, HolderID: 2, Level: LevelAssistant, MNo: "B3", Status: StatusValid, PassedOn: NewDate(2026, 3, 20), IssuedOn: NewDate(2026, 6, 1)}
	s := &Snapshot{
		Holders:      map[int64]*Holder{1: h, 2: h2},
		Certificates: []*Certificate{c1, c2, c3},
		Annotations:  map[int64][]Annotation{1: {{ID: 1, CertID: 1, Days: 90, AppliedAt: done.Add(-time.Hour), CompletedAt: &done}}},
		Registrations: map[int64][]Registration{1: {{CertID: 1, Kind: RegFirst, Status: RegIssued, AppliedOn: NewDate(2023, 1, 5),
			ValidFrom: NewDate(2024, 1, 1)}}},
		CERecords: map[int64][]CERecord{1: {{HolderID: 1, Kind: CEOnline, Title: "x", Date: NewDate(2024, 5, 1), Hours: WholeHours(30)}}},
		Paper:     map[int64]*Paper{3: {CertID: 3, Method: PaperOnsite, Status: PaperNotCollected, WindowEnd: NewDate(2026, 11, 30)}},
	}
	items := AttentionItems(s, now)
	got := map[string]Attention{}
	for _, it := range items {
		got[string(it.Kind)+"/"+it.MNo] = it
	}
	want := map[string]struct {
		due     string
		overdue bool
	}{
		"certificate/B2":  {today.String(), false},
		"annotation/A1":   {DateOf(done.AddDate(0, 0, 90)).String(), false},
		"registration/A1": {"2026-12-31", false}, // the renewal window is open: it closes
		"registration/B3": {"2027-03-20", false}, // first registration open
		"ce/A1":           {"2026-12-31", false}, // 60 of 90 hours missing
		"paper/B3":        {"2026-11-30", false},
	}
	for k, w := range want {
		it, ok := got[k]
		if !ok {
			t.Errorf("missing %s in %+v", k, items)
			continue
		}
		if it.DueOn.String() != w.due || it.Overdue != w.overdue {
			t.Errorf("%s: due %s overdue %v, want %s %v", k, it.DueOn, it.Overdue, w.due, w.overdue)
		}
	}
	if len(items) != len(want) {
		t.Errorf("%d items, want %d: %+v", len(items), len(want), items)
	}
	for i := 1; i < len(items); i++ {
		if !items[i].Overdue && items[i].DueOn.Before(items[i-1].DueOn) {
			t.Errorf("not soonest first at %d", i)
		}
	}
	if ce := got["ce/A1"]; ce.Args[1] != "60" {
		t.Errorf("CE missing hours %v", ce.Args)
	}
}

// Found by using it: three records adding up to exactly 72 hours left
// "missing 0.0 h" and a CE item on the dashboard (floating-point sums).
func TestNoCEItemAtExactlyTheRequiredHours(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	snap := func(hours ...string) *Snapshot {
		var recs []CERecord
		for i, h := range hours {
			recs = append(recs, CERecord{HolderID: 1, Kind: CEOnline, Title: "网课", Date: NewDate(2025, 1, 1+i), Hours: hrs(h)})
		}
		return &Snapshot{
			Holders:      map[int64]*Holder{1: {ID: 1, Name: "张伟"}},
			Certificates: []*Certificate{{ID: 1, HolderID: 1, Level: LevelAssistant, MNo: "A1", Status: StatusValid, PassedOn: NewDate(2023, 9, 20), IssuedOn: NewDate(2023, 12, 1)}},
			Registrations: map[int64][]Registration{1: {{CertID: 1, Kind: RegFirst, Status: RegIssued, AppliedOn: NewDate(2024, 3, 1),
				ValidFrom: NewDate(2024, 4, 1)}}},
			CERecords: map[int64][]CERecord{1: recs},
		}
	}
	ce := func(s *Snapshot) []Attention {
		var out []Attention
		for _, it := range AttentionItems(s, now) {
			if it.Kind == AttCE {
				out = append(out, it)
			}
		}
		return out
	}
	if items := ce(snap("0.1", "64.1", "7.8")); len(items) != 0 {
		t.Errorf("72 of 72 hours: CE items %+v", items)
	}
	items := ce(snap("0.1", "64.1", "7.7"))
	if len(items) != 1 || items[0].Args[1] != "0.1" || items[0].Args[3] != "72" {
		t.Errorf("71.9 of 72 hours: CE items %+v", items)
	}
}

func TestAttentionOrderAndOutgrownCertificates(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	h := &Holder{ID: 1, Name: "张伟"}
	old := &Certificate{ID: 1, HolderID: 1, Level: LevelAssistant, MNo: "OLD", Status: StatusValid, PassedOn: NewDate(2010, 9, 20), IssuedOn: NewDate(2010, 12, 1)}
	newer := &Certificate{ID: 2, HolderID: 1, Level: LevelSocialWorker, MNo: "NEW", Status: StatusValid, PassedOn: NewDate(2026, 3, 20), IssuedOn: NewDate(2026, 6, 1)}
	h2 := &Holder{ID: 2, Name: "李娜"}
	late := &Certificate{ID: 3, HolderID: 2, Level: LevelAssistant, MNo: "LATE", Status: StatusValid, PassedOn: NewDate(2025, 6, 1), IssuedOn: NewDate(2025, 8, 1)}
	s := &Snapshot{Holders: map[int64]*Holder{1: h, 2: h2}, Certificates: []*Certificate{old, late, newer},
		Paper: map[int64]*Paper{1: {CertID: 1, Status: PaperNotCollected, WindowEnd: NewDate(2011, 3, 1)}}}
	items := AttentionItems(s, now)
	var order []string
	for _, it := range items {
		order = append(order, string(it.Kind)+"/"+it.MNo)
	}
	// LATE missed its first registration on 2026-06-01, OLD's paper window
	// closed in 2011: the recent one first. NEW's first registration is open.
	// OLD has no registration item: the holder outgrew it.
	want := "registration/LATE,paper/OLD,registration/NEW"
	if got := strings.Join(order, ","); got != want {
		t.Errorf("order %s, want %s", got, want)
	}
}
