package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/i18n"
)

// "请更正标出的字段" points at marked fields; once the last one is fixed it
// goes, or it would send the person looking for a mistake that is gone.
func TestFixFieldsGoesWhenTheFormIsValid(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	s := f.certificates()
	typeInto(s.holder.name.entry, "王芳")
	typeInto(s.holder.idNo.entry, "110105194912310021") // wrong check digit
	typeInto(s.holder.phone.entry, "2380013800")        // not a mobile
	test.Tap(s.holder.save)
	if got := s.holder.status.Text; got != "请更正标出的字段。" {
		t.Fatalf("status after a bad save %q", got)
	}
	typeInto(s.holder.idNo.entry, validID)
	if got := s.holder.status.Text; got != "请更正标出的字段。" {
		t.Errorf("the phone is still marked, yet the status says %q", got)
	}
	typeInto(s.holder.phone.entry, "13912345678")
	if got := s.holder.status.Text; got != "" {
		t.Errorf("every field fixed, the status still says %q", got)
	}
	if n := len(f.holders()); n != 0 {
		t.Fatalf("fixing the fields saved the holder (%d rows): only Save saves", n)
	}
}

// The same on another tab's form (the CE log): the rule is one, in saveFailed.
func TestFixFieldsGoesOnTheCELog(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.addHolder("张伟", validID)
	s := NewCELog(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.list.list.Select(0)
	typeInto(s.title.entry, "社区治理培训")
	typeInto(s.date.entry, "2025-13-01")
	typeInto(s.hours.entry, "24")
	test.Tap(s.saveBtn)
	if got := s.msg.Text; got != "Please correct the marked fields." {
		t.Fatalf("status after a bad save %q", got)
	}
	typeInto(s.date.entry, "2025-03-01")
	if got := s.msg.Text; got != "" {
		t.Errorf("the date fixed, the status still says %q", got)
	}
}
