package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/i18n"
)

// A holder edited on the Certificates tab: History… lists the change,
// newest first, with who made it, the field before and after, and the
// numbers masked.
func TestHolderHistoryShowsTheEdit(t *testing.T) {
	for _, lang := range []string{i18n.English, i18n.Chinese} {
		t.Run(lang, func(t *testing.T) {
			f := newFixture(t, lang)
			f.addHolder("张伟", validID)
			s := f.certificates()
			if !s.holder.history.Disabled() {
				t.Error("History… is offered for a holder not yet saved")
			}
			s.list.list.Select(0)
			typeInto(s.holder.org.entry, "新单位")
			test.Tap(s.holder.save)

			if s.holder.history.Text != i18n.T("audit.history") {
				t.Errorf("the button says %q", s.holder.history.Text)
			}
			test.Tap(s.holder.history)
			text := f.dialogText()
			changed := strings.Index(text, i18n.Field("org")+": 阳光社工 → 新单位")
			added := strings.Index(text, i18n.T("audit.op.insert"))
			if changed < 0 || added < 0 || changed > added {
				t.Fatalf("history, the edit first and then the adding:\n%s", text)
			}
			if strings.Contains(text, validID) || !strings.Contains(text, "138****8000") {
				t.Errorf("numbers not masked in the history:\n%s", text)
			}
			if !strings.Contains(text, i18n.T("audit.op.update")) {
				t.Errorf("no %q in\n%s", i18n.T("audit.op.update"), text)
			}
		})
	}
}
