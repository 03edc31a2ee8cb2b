package screens

import (
	"context"
	"strings"
	"testing"

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
