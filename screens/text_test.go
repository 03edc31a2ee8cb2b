package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// The window normalises as the store does (data.NormalizeText): a name
// typed with spaces around it, full-width ones too, is saved trimmed and
// shown trimmed once saved.
func TestHolderFormSavesTextTrimmed(t *testing.T) {
	f := newFixture(t, i18n.English)
	s := f.certificates()
	typeInto(s.holder.name.entry, "\u3000李明  ")
	typeInto(s.holder.idNo.entry, validID)
	typeInto(s.holder.org.entry, " 阳光\u3000")
	test.Tap(s.holder.save)
	hs := f.holders()
	if len(hs) != 1 || hs[0].Name != "李明" || hs[0].Org != "阳光" {
		t.Fatalf("stored %+v (%q)", hs, s.holder.status.Text)
	}
	if s.holder.name.entry.Text != "李明" || s.holder.org.entry.Text != "阳光" {
		t.Errorf("the form shows %q %q after saving", s.holder.name.entry.Text, s.holder.org.entry.Text)
	}
}

// A control character pasted into a field is refused at the field, by
// name of the character, and nothing is saved; a lone zero-width space is
// no name.
func TestHolderFormRefusesWhatNoTextMayHold(t *testing.T) {
	f := newFixture(t, i18n.English)
	s := f.certificates()
	typeInto(s.holder.idNo.entry, validID)
	for _, tc := range []struct{ name, message string }{
		{"李\x1b[2J明", "control character (U+001B)"},
		{"李\u202e明", "(U+202E)"},
		{"\u200b", "Required"},
	} {
		s.holder.name.entry.SetText(tc.name) // pasted
		if !strings.Contains(s.holder.name.Message(), tc.message) {
			t.Errorf("%+q: message %q, want %q", tc.name, s.holder.name.Message(), tc.message)
		}
		test.Tap(s.holder.save)
		if hs := f.holders(); len(hs) != 0 {
			t.Fatalf("%+q saved: %+v", tc.name, hs)
		}
	}
}

// A typed 0001-01-01 no longer clears a date, and a day outside a field's
// range is refused at the field, saying the range; the saved record stays.
func TestWindowRefusesImplausibleDays(t *testing.T) {
	f := newFixture(t, i18n.English)
	c := f.certOf(f.addHolder("欧阳娜娜", validID), data.NewDate(2026, 1, 20))
	s := NewPaperTab(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.picker.list.list.Select(0)
	save := findButton(s.Content(), i18n.T("paper.save"))
	typeInto(s.winStart.entry, "2026-11-01")
	typeInto(s.winEnd.entry, "2027-11-22") // a year ahead: the last day it may be
	test.Tap(save)
	if p, _ := f.db.Paper(context.Background(), c.ID); p == nil || !p.WindowEnd.Equal(data.NewDate(2027, 11, 22)) {
		t.Fatalf("saved %+v (%q)", p, s.msg.Text)
	}
	for _, day := range []string{"0001-01-01", "2007-12-31", "2027-11-23", "9999-01-01"} {
		typeInto(s.winEnd.entry, day)
		if msg := s.winEnd.Message(); msg != "Must be a day from 2008-01-01 to 2027-11-22." {
			t.Errorf("%s: message %q", day, msg)
		}
		test.Tap(save)
		if p, _ := f.db.Paper(context.Background(), c.ID); p == nil || !p.WindowEnd.Equal(data.NewDate(2027, 11, 22)) {
			t.Errorf("%s: saved %+v", day, p)
		}
	}
}

// The paper tab shows what was saved, normalised, once it is saved: the
// collection record and the mail application form alike.
func TestPaperTabShowsTextTrimmedAfterSave(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	c := f.certOf(f.addHolder("欧阳娜娜", validID), data.NewDate(2026, 1, 20))
	s := NewPaperTab(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.picker.list.list.Select(0)
	typeInto(s.place.entry, " 朝阳区民政局\u3000")
	test.Tap(findButton(s.Content(), i18n.T("paper.save")))
	if p, _ := f.db.Paper(context.Background(), c.ID); p == nil || p.Place != "朝阳区民政局" {
		t.Fatalf("saved %+v (%q)", p, s.msg.Text)
	}
	if s.place.entry.Text != "朝阳区民政局" {
		t.Errorf("place shows %q after saving", s.place.entry.Text)
	}
	s.method.SetSelected(i18n.T("paper.method.mail"))
	typeInto(s.province.entry, "北京市 ")
	typeInto(s.city.entry, "北京市")
	typeInto(s.district.entry, "\u3000朝阳区")
	typeInto(s.address.entry, "建国路  88号")
	typeInto(s.postcode.entry, "100022")
	if !s.savePaper() {
		t.Fatalf("form not saved: %q", s.msg.Text)
	}
	if form, _ := f.db.MailForm(context.Background(), c.ID); form == nil || form.District != "朝阳区" || form.Address != "建国路 88号" {
		t.Fatalf("form saved %+v", form)
	}
	if s.province.entry.Text != "北京市" || s.district.entry.Text != "朝阳区" || s.address.entry.Text != "建国路 88号" {
		t.Errorf("the form shows %q %q %q after saving", s.province.entry.Text, s.district.entry.Text, s.address.entry.Text)
	}
}
