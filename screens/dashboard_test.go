package screens

import (
	"context"
	"fmt"
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/demo"
	"github.com/swcert/swcert/i18n"
)

// shownItems are the rows of the list, read as it reads them.
func shownItems(d *Dashboard) []data.Attention {
	var out []data.Attention
	for i := range d.list.Length() {
		it, ok := d.Item(i)
		if !ok {
			break
		}
		out = append(out, it)
	}
	return out
}

func TestDashboardFiltersAndOpens(t *testing.T) {
	f := newFixture(t, i18n.English)
	if _, err := demo.Load(context.Background(), f.db, demo.DefaultHolders, f.now); err != nil {
		t.Fatal(err)
	}
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	d := m.Dashboard // Install computed it (synchronously in tests)
	within30 := shownItems(d)
	if !strings.Contains(d.figures.Text, "Holders: 40") || len(within30) == 0 {
		t.Fatalf("figures %q, %d items", d.figures.Text, len(within30))
	}
	for _, it := range within30 {
		if !it.Overdue && it.DaysLeft > 30 {
			t.Fatalf("within 30 days shows %+v", it)
		}
	}
	if !strings.Contains(d.status.Text, fmt.Sprintf("%d of", len(within30))) {
		t.Errorf("status %q, %d shown", d.status.Text, len(within30))
	}
	d.within.SetSelectedIndex(len(withinDays) - 1) // any time
	if n := len(shownItems(d)); n <= len(within30) {
		t.Errorf("any time shows %d, within 30 days %d", n, len(within30))
	}
	d.kind.SetSelected(i18n.T("att.kind.registration"))
	regs := shownItems(d)
	for _, it := range regs {
		if it.Kind != data.AttRegistration {
			t.Fatalf("kind filter let through %+v", it)
		}
	}
	if len(regs) == 0 {
		t.Fatal("no registration items in the demo")
	}
	first := regs[0]
	d.search.SetText(first.Name)
	found := shownItems(d)
	for _, it := range found {
		if it.Name != first.Name && !strings.Contains(it.Org, first.Name) {
			t.Errorf("search %q let through %s", first.Name, it.Name)
		}
	}
	if len(found) == 0 || found[0].CertID != first.CertID {
		t.Fatalf("search %q found %+v", first.Name, found)
	}
	// A row opens the Registration tab on that holder's certificate.
	d.list.Select(0)
	if m.Tabs.Selected().Content != m.Register.Content() || m.Register.cert == nil || m.Register.cert.ID != first.CertID {
		t.Errorf("did not open the registration of %s", first.MNo)
	}
}

// With more items than a page, the list reads the later pages as it
// scrolls, and they follow on in order.
func TestDashboardReadsPagesAsItScrolls(t *testing.T) {
	f := newFixture(t, i18n.English)
	if _, err := demo.Load(context.Background(), f.db, 200, f.now); err != nil {
		t.Fatal(err)
	}
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	d := m.Dashboard
	d.within.SetSelectedIndex(len(withinDays) - 1)
	rows := shownItems(d)
	all, err := f.db.Attention(context.Background(), data.AttentionFilter{}, f.now)
	if err != nil || len(rows) <= dashPage || len(rows) != len(all) {
		t.Fatalf("%d rows on the list, %d items (%v); want more than a page", len(rows), len(all), err)
	}
	for i := range rows {
		if rows[i].CertID != all[i].CertID || rows[i].Key != all[i].Key {
			t.Fatalf("row %d is %+v, want %+v", i, rows[i], all[i])
		}
	}
	d.list.ScrollToBottom()
	if len(d.pages) < 2 {
		t.Errorf("%d pages read", len(d.pages))
	}
	// Before the keys are read (they land after the first screen), the
	// pages are read by their offsets: the same items in the same order.
	d.keys, d.pages = nil, map[int][]data.Attention{}
	early := shownItems(d)
	if len(early) != len(all) || d.keys != nil {
		t.Fatalf("%d rows read by offset, want %d (keys %d)", len(early), len(all), len(d.keys))
	}
	for i := range early {
		if early[i].CertID != all[i].CertID || early[i].Key != all[i].Key {
			t.Fatalf("row %d read by offset is %+v, want %+v", i, early[i], all[i])
		}
	}
	// Other filters show their items from the top; a refresh leaves the
	// list where it was.
	d.kind.SetSelected(i18n.T("att.kind.registration"))
	if d.list.GetScrollOffset() != 0 {
		t.Errorf("after a new filter the list is at %v", d.list.GetScrollOffset())
	}
	d.list.ScrollToBottom()
	at := d.list.GetScrollOffset()
	d.Refresh()
	if at == 0 || d.list.GetScrollOffset() != at {
		t.Errorf("a refresh moved the list from %v to %v", at, d.list.GetScrollOffset())
	}
}

// Coming back to the dashboard works it out again only when something was
// written or the minute changed: what the person sees is always current.
func TestDashboardRecomputesOnlyWhenStale(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.addHolder("张伟", validID)
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	d := m.Dashboard
	computed := 0
	d.OnComputed = func() { computed++ }
	d.Refresh()
	tab := func(c fyne.CanvasObject) { m.showTab(c) }
	tab(m.Certificates.Content())
	tab(d.Content())
	if computed != 1 {
		t.Errorf("worked out %d times with nothing changed, want 1", computed)
	}
	if !strings.HasPrefix(d.figures.Text, "Holders: 1 ") {
		t.Fatalf("figures %q", d.figures.Text)
	}
	f.addHolder("李娜", "44030519900101123X") // a write
	tab(m.Certificates.Content())
	tab(d.Content())
	if computed != 2 || !strings.Contains(d.figures.Text, "Holders: 2 ") {
		t.Errorf("after a write: %d computations, figures %q", computed, d.figures.Text)
	}
	f.now = f.now.Add(time.Minute) // the clock moved on
	tab(m.Certificates.Content())
	tab(d.Content())
	if computed != 3 {
		t.Errorf("after a minute: %d computations, want 3", computed)
	}
}

// Grouped by employer, each group starts with a heading naming it and how
// many items it holds, and its items follow; a heading opens nothing.
func TestDashboardGroupsByEmployer(t *testing.T) {
	f := newFixture(t, i18n.English)
	if _, err := demo.Load(context.Background(), f.db, 120, f.now); err != nil {
		t.Fatal(err)
	}
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	d := m.Dashboard
	d.group.SetSelected(i18n.T("dash.group.org"))
	if len(d.spans) < 2 {
		t.Fatalf("%d groups", len(d.spans))
	}
	// A heading is one line, its name and count, the item's cells hidden.
	heading := func(r int) string {
		o := d.newRow()
		d.updateRow(r, o)
		if o.(*fyne.Container).Objects[1].Visible() || !o.(*fyne.Container).Objects[2].Visible() {
			t.Fatalf("row %d: a heading shows an item's cells", r)
		}
		return rowHeading(o).Text
	}
	r, items := 0, 0
	for _, sp := range d.spans {
		want := fmt.Sprintf("%s · %d items", sp.Value, sp.Count)
		if sp.Count == 1 {
			want = sp.Value + " · 1 item"
		}
		if got := heading(r); got != want {
			t.Fatalf("row %d: heading %q, want %q", r, got, want)
		}
		for i := range sp.Count {
			it, ok := d.Item(items + i)
			if g, n := d.row(r + 1 + i); !ok || it.Org != sp.Value || g < 0 || n != items+i {
				t.Fatalf("row %d: %+v (%v), want an item of %s", r+1+i, it, ok, sp.Value)
			}
		}
		r, items = r+1+sp.Count, items+sp.Count
	}
	if d.list.Length() != r || items != len(d.keys) {
		t.Errorf("%d rows for %d headings and %d items", d.list.Length(), len(d.spans), len(d.keys))
	}
	// A heading does not look like one more item: it lies on a tinted
	// band, an item (also in a row that held a heading before) on none.
	o := d.newRow()
	band := func() color.Color { return o.(*fyne.Container).Objects[0].(*canvas.Rectangle).FillColor }
	d.updateRow(0, o)
	if _, _, _, a := band().RGBA(); a == 0 {
		t.Error("a heading has no band")
	}
	d.updateRow(1, o)
	if _, _, _, a := band().RGBA(); a != 0 {
		t.Error("an item lies on a heading's band")
	}
	d.list.Select(0) // a heading
	if m.Tabs.Selected().Content != d.Content() {
		t.Error("a heading opened a tab")
	}
	d.list.Select(1) // its first item
	if m.Tabs.Selected().Content == d.Content() {
		t.Error("an item under a heading opened nothing")
	}
}
