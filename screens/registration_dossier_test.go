package screens

import (
	"context"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// The Registration tab's due says what the personal information still
// lacks while it is incomplete, as `reg due` and the dashboard do (the tab
// said only the window).
func TestRegistrationDueSaysTheDossierIsIncomplete(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.certOf(f.addHolder("张伟", validID), data.NewDate(2026, 5, 20))
	s := NewRegistrations(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.picker.list.list.Select(0)
	if !strings.Contains(s.due.Text, "by 2027-05-20") || !strings.Contains(s.due.Text, "dossier incomplete: ") || !strings.Contains(s.due.Text, "Ethnicity") {
		t.Errorf("due: %q", s.due.Text)
	}
}

// The Verify tab lists what the seal of a personal information form
// states, as `swcert verify` does (it showed the checks and no fields).
func TestVerifyTabListsWhatAProfileSealStates(t *testing.T) {
	f := newFixture(t, i18n.English)
	h := f.addHolder("张伟", validID)
	b, _, err := f.svc.Docs.ExportProfile(context.Background(), h.ID)
	if err != nil {
		t.Fatal(err)
	}
	s := NewVerify(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.verify(b)
	text := collectText(s.fields)
	if !strings.Contains(text, "张伟") || !strings.Contains(text, "110105********") || !strings.Contains(text, "Personal information form") && !strings.Contains(text, i18n.T("verify.doc.profile")) {
		t.Errorf("the tab states %q", text)
	}
}
