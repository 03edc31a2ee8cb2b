package screens

import (
	"strings"
	"testing"
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
	for _, l := range []*holderList{m.Certificates.list, m.Annotations.picker.list, m.CELog.list, m.DossierTab.list} {
		if l.Len() != 2 {
			t.Errorf("a list shows %d holders (%q)", l.Len(), l.count.Text)
		}
	}
	if m.Certificates.holder.h == nil || m.Certificates.holder.h.ID != first.ID {
		t.Errorf("the form no longer shows its holder")
	}
}
