package screens

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/demo"
	"github.com/swcert/swcert/screens/i18n"
)

func TestDashboardFiltersAndOpens(t *testing.T) {
	f := newFixture(t, i18n.English)
	if _, err := demo.Load(context.Background(), f.db, demo.DefaultHolders, f.now); err != nil {
		t.Fatal(err)
	}
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	d := m.Dashboard // Install computed it (synchronously in tests)
	if !strings.Contains(d.figures.Text, "40 holders") || len(d.all) == 0 {
		t.Fatalf("figures %q, %d items", d.figures.Text, len(d.all))
	}
	within30 := len(d.shown)
	d.within.SetSelectedIndex(len(withinDays) - 1) // any time
	if len(d.shown) < within30 {
		t.Errorf("any time shows %d, within 30 days %d", len(d.shown), within30)
	}
	d.kind.SetSelected(i18n.T("att.kind.registration"))
	for _, it := range d.shown {
		if it.Kind != data.AttRegistration {
			t.Fatalf("kind filter let through %+v", it)
		}
	}
	if len(d.shown) == 0 {
		t.Fatal("no registration items in the demo")
	}
	first := d.shown[0]
	d.search.SetText(first.Name)
	for _, it := range d.shown {
		if it.Name != first.Name && !strings.Contains(it.Org, first.Name) {
			t.Errorf("search %q let through %s", first.Name, it.Name)
		}
	}
	// A row opens the Registration tab on that holder's certificate.
	d.list.Select(0)
	if m.Tabs.Selected().Content != m.Register.Content() || m.Register.cert == nil || m.Register.cert.ID != first.CertID {
		t.Errorf("did not open the registration of %s", first.MNo)
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
	d.OnComputed = func([]data.Attention) { computed++ }
	d.Refresh()
	tab := func(c fyne.CanvasObject) { m.showTab(c) }
	tab(m.Certificates.Content())
	tab(d.Content())
	if computed != 1 {
		t.Errorf("worked out %d times with nothing changed, want 1", computed)
	}
	if !strings.HasPrefix(d.figures.Text, "1 holders") {
		t.Fatalf("figures %q", d.figures.Text)
	}
	f.addHolder("李娜", "44030519900101123X") // a write
	tab(m.Certificates.Content())
	tab(d.Content())
	if computed != 2 || !strings.Contains(d.figures.Text, "2 holders") {
		t.Errorf("after a write: %d computations, figures %q", computed, d.figures.Text)
	}
	f.now = f.now.Add(time.Minute) // the clock moved on
	tab(m.Certificates.Content())
	tab(d.Content())
	if computed != 3 {
		t.Errorf("after a minute: %d computations, want 3", computed)
	}
}
