package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// What another program or office writes shows on the tab in sight and in
// every list of holders at the window's next look, with no tab switched:
// the dashboard's figures, the lists' counts; the form keeps its holder.
func TestWhatOthersWriteShowsWithoutSwitchingTabs(t *testing.T) {
	f := newFixture(t, "en")
	first := f.addHolder("张伟", validID)
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	m.Sel.Set(first, 0)
	m.Certificates.follow()
	m.Follow() // the first look
	before := m.Dashboard.figures.Text
	if !strings.Contains(before, "Holders: 1 ") {
		t.Fatalf("the dashboard's figures at first: %q", before)
	}
	f.addHolder("李娜", "44030519900101123X") // another connection's write
	m.Follow()
	if got := m.Dashboard.figures.Text; !strings.Contains(got, "Holders: 2 ") {
		t.Errorf("the dashboard after another's write: %q", got)
	}
	// The lists out of sight count again when their tab is shown.
	if !m.Certificates.list.stale || m.Certificates.list.Len() != 1 {
		t.Errorf("a list out of sight was counted at once (%d)", m.Certificates.list.Len())
	}
	for _, c := range []struct {
		tab  fyne.CanvasObject
		list *holderList
	}{{m.Certificates.Content(), m.Certificates.list}, {m.Annotations.Content(), m.Annotations.picker.list},
		{m.CELog.Content(), m.CELog.list}, {m.DossierTab.Content(), m.DossierTab.list}} {
		m.showTab(c.tab)
		if c.list.Len() != 2 {
			t.Errorf("a list shows %d holders (%q)", c.list.Len(), c.list.count.Text)
		}
	}
	// In sight, a list follows at once.
	f.addHolder("王芳", "440305199001011248")
	m.Follow()
	if m.DossierTab.list.Len() != 3 {
		t.Errorf("the list in sight shows %d holders", m.DossierTab.list.Len())
	}
	if m.Certificates.holder.h == nil || m.Certificates.holder.h.ID != first.ID {
		t.Errorf("the form no longer shows its holder")
	}
}
