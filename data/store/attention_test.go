package store

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/demo"
)

// demoStore is a store of n demo holders with its clock in clock.
func demoStore(t *testing.T, n int, clock *time.Time) *DB {
	t.Helper()
	db, err := openTarget(t, newTarget(t), func() time.Time { return *clock })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.CreateHolderRecords(ctx, demo.Generate(n, 3, data.DateOf(*clock))); err != nil {
		t.Fatal(err)
	}
	return db
}

// fromRules is what the rules say at now, worked out from scratch.
func fromRules(t *testing.T, db *DB, now time.Time) []data.Attention {
	t.Helper()
	s, err := db.snapshot(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	return data.AttentionItems(s, now)
}

func fromTable(t *testing.T, db *DB, f data.AttentionFilter, now time.Time) []data.Attention {
	t.Helper()
	items, err := db.Attention(ctx, f, now)
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// sameItems reports the first difference between two lists, "" if none.
func sameItems(got, want []data.Attention) string {
	for i := range min(len(got), len(want)) {
		if !reflect.DeepEqual(got[i], want[i]) {
			return "item " + strconv.Itoa(i) + ": got " + describe(got[i]) + ", want " + describe(want[i])
		}
	}
	if len(got) != len(want) {
		return strconv.Itoa(len(got)) + " items, want " + strconv.Itoa(len(want))
	}
	return ""
}

func describe(a data.Attention) string {
	return string(a.Kind) + "/" + a.MNo + " " + a.Key + " " + a.DueOn.String() + " " + strconv.Itoa(a.DaysLeft)
}

// The table is what the rules say, at every moment: the clock runs on for
// three and a half years in steps of a few days at random hours, with
// writes of every kind on the way (each kind must land at least once, so
// the test cannot pass by writing nothing). Every few steps the table is
// read and compared, item for item and in order, with the whole
// computation from scratch.
func TestAttentionTableFollowsRulesAndWrites(t *testing.T) {
	clock := time.Date(2025, 3, 1, 9, 0, 0, 0, time.Local)
	db := demoStore(t, 150, &clock)
	r := rand.New(rand.NewPCG(1, 2))
	landed := map[string]int{}
	certs := func() []*data.Certificate {
		cs, err := db.Certificates(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		return cs
	}
	write := func() {
		cs := certs()
		c := cs[r.IntN(len(cs))]
		today := data.DateOf(clock)
		var err error
		var kind string
		switch r.IntN(9) {
		case 0, 1:
			kind = "annotate"
			_, err = db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 30+r.IntN(61))
		case 2:
			// Applied a few hours ago (the clock is turned back to
			// apply), completed now.
			kind = "complete"
			now := clock
			clock = clock.Add(-3 * time.Hour)
			var a *data.Annotation
			a, err = db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 90)
			clock = now
			if err == nil {
				_, err = db.CompleteAnnotation(ctx, a.ID, clock)
			}
		case 3:
			kind = "register"
			err = db.CreateRegistration(ctx, &data.Registration{CertID: c.ID, Kind: data.RegFirst, Status: data.RegIssued,
				AppliedOn: today.AddDays(-40), ValidFrom: today.AddDays(-r.IntN(30))})
		case 4:
			kind = "ce"
			err = db.CreateCERecord(ctx, &data.CERecord{HolderID: c.HolderID, Kind: data.CEOnline, Title: "伦理课程",
				Date: today, Hours: data.WholeHours(5 + r.IntN(40))})
		case 5:
			kind = "paper"
			p, _ := db.Paper(ctx, c.ID)
			if p == nil {
				err = data.Invalid("", "no paper")
				break
			}
			p.Method, p.Status, p.CollectedOn, p.Place = data.PaperOnsite, data.PaperCollected, today, "市民政局"
			err = db.SetPaper(ctx, p)
		case 6:
			kind = "rename"
			h, _ := db.Holder(ctx, c.HolderID)
			h.Org = "新单位" + strconv.Itoa(r.IntN(100))
			err = db.UpdateHolder(ctx, h)
		case 7:
			kind = "revoke"
			c.Status = data.StatusRevoked
			err = db.UpdateCertificate(ctx, c)
		case 8:
			if r.IntN(2) == 0 {
				kind = "delete cert"
				err = db.DeleteCertificate(ctx, c.ID)
			} else {
				kind = "delete holder"
				err = db.DeleteHolder(ctx, c.HolderID)
			}
		}
		if err == nil {
			landed[kind]++
		} else if data.ErrorCode(err) == "" {
			t.Fatalf("%s: %v", kind, err)
		}
	}
	end := clock.AddDate(3, 6, 0)
	for step := 0; clock.Before(end); step++ {
		clock = time.Date(clock.Year(), clock.Month(), clock.Day()+1+r.IntN(3), r.IntN(24), r.IntN(60), 0, 0, time.Local)
		for range r.IntN(4) {
			write()
		}
		if step%3 != 0 {
			continue
		}
		if d := sameItems(fromTable(t, db, data.AttentionFilter{}, clock), fromRules(t, db, clock)); d != "" {
			t.Fatalf("at %s (step %d): %s", clock.Format(time.DateTime), step, d)
		}
	}
	// The clock set back (by a person, or --now): what was worked out
	// later does not hold.
	for _, back := range []time.Time{clock.AddDate(0, -2, 0), clock.AddDate(-1, 0, 0)} {
		if d := sameItems(fromTable(t, db, data.AttentionFilter{}, back), fromRules(t, db, back)); d != "" {
			t.Fatalf("set back to %s: %s", back.Format(time.DateTime), d)
		}
	}
	for _, k := range []string{"annotate", "complete", "register", "ce", "paper", "rename", "revoke", "delete cert", "delete holder"} {
		if landed[k] == 0 {
			t.Errorf("no %q write landed: %v", k, landed)
		}
	}
}

// Within a day an annotation completes (24 hours after it was applied)
// and the item "being generated" becomes "in force until".
func TestAttentionTableTurnsWithinTheDay(t *testing.T) {
	clock := time.Date(2026, 11, 22, 10, 0, 0, 0, time.Local)
	db := demoStore(t, 30, &clock)
	var applied *data.Annotation
	for _, c := range mustCerts(t, db) {
		if a, err := db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 90); err == nil {
			applied = a
			break
		}
	}
	if applied == nil {
		t.Fatal("no certificate could be annotated")
	}
	for _, at := range []time.Time{clock, applied.CompletesAt().Add(-time.Second), applied.CompletesAt(), applied.CompletesAt().Add(time.Hour)} {
		if d := sameItems(fromTable(t, db, data.AttentionFilter{}, at), fromRules(t, db, at)); d != "" {
			t.Fatalf("at %s: %s", at.Format(time.DateTime), d)
		}
	}
}

func mustCerts(t *testing.T, db *DB) []*data.Certificate {
	t.Helper()
	cs, err := db.Certificates(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// filtered is what the filter means, said plainly: the store says it in
// SQL.
func filtered(items []data.Attention, f data.AttentionFilter) []data.Attention {
	var out []data.Attention
	q := strings.ToLower(strings.TrimSpace(f.Search))
	for _, it := range items {
		switch {
		case f.Kind != "" && it.Kind != f.Kind,
			f.Level != "" && it.Level != f.Level,
			f.Within > 0 && !it.Overdue && it.DaysLeft > f.Within,
			f.Upcoming && it.Overdue,
			q != "" && !strings.Contains(strings.ToLower(it.Name+"\n"+it.Org+"\n"+it.Region+"\n"+it.MNo), q):
			continue
		}
		out = append(out, it)
	}
	return out
}

// The filters, the figures and the pages of the dashboard.
func TestAttentionFiltersFiguresAndPages(t *testing.T) {
	clock := time.Date(2026, 11, 22, 10, 0, 0, 0, time.Local)
	db := demoStore(t, 300, &clock)
	all := fromRules(t, db, clock)
	someone := all[len(all)/2]
	filters := []data.AttentionFilter{
		{}, {Within: 7}, {Within: 30}, {Within: 90}, {Kind: data.AttPaper}, {Kind: data.AttRegistration, Within: 30},
		{Level: data.LevelAssistant}, {Upcoming: true, Within: 30}, {Search: someone.Name}, {Search: strings.ToUpper(someone.MNo)},
		{Search: someone.Region, Kind: someone.Kind}, {Search: "没有这个人"},
	}
	for _, f := range filters {
		want := filtered(all, f)
		if d := sameItems(fromTable(t, db, f, clock), want); d != "" {
			t.Errorf("%+v: %s", f, d)
		}
		// As the dashboard reads them: the keys, then page by page.
		keys, spans, err := db.AttentionKeys(ctx, f, clock)
		if err != nil || len(keys) != len(want) || spans != nil {
			t.Errorf("%+v: %d keys, groups %v (%v), want %d keys, no groups", f, len(keys), spans, err, len(want))
		}
		var paged []data.Attention
		for off := 0; off < len(keys); off += 7 {
			page, err := db.AttentionPage(ctx, keys[off:min(off+7, len(keys))], clock)
			if err != nil {
				t.Fatal(err)
			}
			paged = append(paged, page...)
		}
		if d := sameItems(paged, want); d != "" {
			t.Errorf("%+v read by keys: %s", f, d)
		}
	}
	figs, err := db.AttentionFigures(ctx, clock)
	month, overdue := len(filtered(all, data.AttentionFilter{Within: data.MonthDays, Upcoming: true})), len(all)-len(filtered(all, data.AttentionFilter{Upcoming: true}))
	if err != nil || figs != (data.AttentionFigures{Holders: 300, Certificates: len(mustCerts(t, db)), Items: len(all), Month: month, Overdue: overdue}) {
		t.Errorf("figures %+v (%v), want %d items, %d this month, %d overdue", figs, err, len(all), month, overdue)
	}
	if overdue == 0 || month == 0 {
		t.Errorf("the demo has %d overdue, %d this month: the test needs both", overdue, month)
	}
}

// Another connection (the CLI while the window is open) writes: the
// triggers mark the holder in the file, so the window's next read has it.
func TestAttentionSeesWritesOfAnotherConnection(t *testing.T) {
	clock := time.Date(2026, 11, 22, 10, 0, 0, 0, time.Local)
	path := newTarget(t)
	db, err := openTarget(t, path, func() time.Time { return clock })
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.CreateHolderRecords(ctx, demo.Generate(20, 3, data.DateOf(clock))); err != nil {
		t.Fatal(err)
	}
	before := fromTable(t, db, data.AttentionFilter{}, clock)
	other, err := openTarget(t, path, func() time.Time { return clock })
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	c := mustCerts(t, other)[0]
	c.Status = data.StatusRevoked
	if err := other.UpdateCertificate(ctx, c); err != nil {
		t.Fatal(err)
	}
	after := fromTable(t, db, data.AttentionFilter{Kind: data.AttCertificate}, clock)
	found := false
	for _, it := range after {
		found = found || it.CertID == c.ID
	}
	if !found || sameItems(fromTable(t, db, data.AttentionFilter{}, clock), fromRules(t, db, clock)) != "" || len(before) == 0 {
		t.Errorf("the revoked certificate %s is not on the other connection's list", c.MNo)
	}
}

// groupOf is the group an item is in, and how groups are ordered, said
// plainly: the store says it in SQL.
func groupOf(g data.AttentionGroup, a data.Attention) (string, string) {
	rank := func(i int) string { return fmt.Sprintf("%03d", i) }
	switch g {
	case data.GroupKind:
		return string(a.Kind), rank(slices.Index(data.AttentionKinds, a.Kind))
	case data.GroupLevel:
		return string(a.Level), rank(slices.Index(data.Levels, a.Level))
	case data.GroupOrg:
		return a.Org, a.Org
	case data.GroupRegion:
		return a.Region, a.Region
	}
	return "", ""
}

// Grouped, the items come group by group, each group in the usual order,
// and the spans say where each group starts and ends.
func TestAttentionGroups(t *testing.T) {
	clock := time.Date(2026, 11, 22, 10, 0, 0, 0, time.Local)
	db := demoStore(t, 300, &clock)
	all := fromRules(t, db, clock)
	for _, g := range data.AttentionGroups[1:] {
		for _, f := range []data.AttentionFilter{{Group: g}, {Group: g, Within: 30, Search: "市"}} {
			want := filtered(all, f)
			slices.SortStableFunc(want, func(a, b data.Attention) int {
				_, ra := groupOf(g, a)
				_, rb := groupOf(g, b)
				return strings.Compare(ra, rb)
			})
			keys, gotSpans, err := db.AttentionKeys(ctx, f, clock)
			if err != nil {
				t.Fatal(err)
			}
			got, err := db.AttentionPage(ctx, keys, clock)
			if err != nil {
				t.Fatal(err)
			}
			if d := sameItems(got, want); d != "" {
				t.Errorf("grouped by %s %+v: %s", g, f, d)
			}
			var spans []data.AttentionSpan
			for _, it := range want {
				v, _ := groupOf(g, it)
				if len(spans) == 0 || spans[len(spans)-1].Value != v {
					spans = append(spans, data.AttentionSpan{Value: v})
				}
				spans[len(spans)-1].Count++
			}
			if !reflect.DeepEqual(gotSpans, spans) {
				t.Errorf("grouped by %s %+v: spans %v, want %v", g, f, gotSpans, spans)
			}
			if len(spans) < 2 {
				t.Errorf("grouped by %s: %d groups; the test needs more", g, len(spans))
			}
		}
	}
	// A group the store does not know is no group, and reaches no SQL.
	keys, spans, err := db.AttentionKeys(ctx, data.AttentionFilter{Group: "name; DROP TABLE attention"}, clock)
	if err != nil || spans != nil || len(keys) != len(all) {
		t.Errorf("unknown group: %d keys, groups %v (%v)", len(keys), spans, err)
	}
}

// Paged in SQL (AttentionCount, AttentionAt) the dashboard reads what it
// reads by keys: the same count and groups, and page by page (page 2, the
// last page, short, a page past the end) the same items in the same
// order, ties of a day ordered by name as by keys.
func TestAttentionPagedInSQL(t *testing.T) {
	clock := time.Date(2026, 11, 22, 10, 0, 0, 0, time.Local)
	db := demoStore(t, 300, &clock)
	filters := []data.AttentionFilter{{}, {Within: 30}, {Kind: data.AttPaper}, {Upcoming: true, Within: 30}, {Search: "没有这个人"}}
	for _, g := range data.AttentionGroups[1:] {
		filters = append(filters, data.AttentionFilter{Group: g}, data.AttentionFilter{Group: g, Within: 30, Search: "市"})
	}
	for _, f := range filters {
		keys, spans, err := db.AttentionKeys(ctx, f, clock)
		if err != nil {
			t.Fatal(err)
		}
		want, err := db.AttentionPage(ctx, keys, clock)
		if err != nil {
			t.Fatal(err)
		}
		n, gotSpans, err := db.AttentionCount(ctx, f, clock)
		if err != nil || n != len(keys) || !slices.Equal(gotSpans, spans) {
			t.Errorf("%+v: count %d, groups %v (%v); by keys %d, %v", f, n, gotSpans, err, len(keys), spans)
		}
		var paged []data.Attention
		for off := 0; off <= len(keys); off += 7 { // the last read is past the end, or short
			page, err := db.AttentionAt(ctx, f, clock, off, 7)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) != min(7, len(keys)-off) {
				t.Errorf("%+v: %d items at %d of %d", f, len(page), off, len(keys))
			}
			paged = append(paged, page...)
		}
		if len(paged) != len(want) {
			t.Errorf("%+v: %d items paged in SQL, %d by keys", f, len(paged), len(want))
			continue
		}
		for i := range want {
			if paged[i].Ref() != want[i].Ref() || paged[i].DueOn != want[i].DueOn || paged[i].Name != want[i].Name {
				t.Errorf("%+v: item %d is %v, by keys %v", f, i, paged[i].Ref(), want[i].Ref())
				break
			}
		}
	}
}

// Many holders to work out are read and saved a span of IDs at a time:
// what the table holds is what the rules say, after a first refresh of
// every holder (each span's rows replaced at once) and after one of
// every other holder, a deleted one among them (a span's holders not all
// stale: each one's rows replaced).
func TestAttentionWorkedOutASpanAtATime(t *testing.T) {
	defer func(w, s int) { wholeSnapshotAbove, spanHolders = w, s }(wholeSnapshotAbove, spanHolders)
	wholeSnapshotAbove, spanHolders = 20, 7
	clock := time.Date(2025, 3, 1, 9, 0, 0, 0, time.Local)
	db := demoStore(t, 60, &clock)
	check := func(when string) {
		t.Helper()
		if d := sameItems(fromTable(t, db, data.AttentionFilter{}, clock), fromRules(t, db, clock)); d != "" {
			t.Fatalf("%s: %s", when, d)
		}
	}
	check("all 60 worked out")
	// Every other holder's items wrong and marked to be worked out again.
	for _, q := range []string{
		`UPDATE attention SET name = 'stale' WHERE holder_id % 2 = 0`,
		`UPDATE attention_fresh SET until = 0 WHERE holder_id % 2 = 0`,
	} {
		if _, err := db.sql.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.DeleteHolder(ctx, 8); err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(time.Hour)
	check("every other one worked out again")
	var left int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM attention WHERE holder_id = 8 OR name = 'stale'`).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d rows of the deleted holder or not worked out again (%v)", left, err)
	}
}
