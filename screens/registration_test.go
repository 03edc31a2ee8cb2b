package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

func (f *fixture) certOf(h *data.Holder, passed data.Date) *data.Certificate {
	f.t.Helper()
	c := &data.Certificate{HolderID: h.ID, Level: data.LevelSocialWorker, MNo: "2025S110001", ExamYear: passed.Year(),
		PassedOn: passed, IssuedOn: passed.AddDays(60), Issuer: data.DefaultIssuer}
	if err := f.db.CreateCertificate(context.Background(), c); err != nil {
		f.t.Fatal(err)
	}
	return c
}

func TestRegistrationTab(t *testing.T) {
	f := newFixture(t, i18n.English)
	c := f.certOf(f.addHolder("张伟", validID), data.NewDate(2026, 1, 20))
	s := NewRegistrations(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.picker.list.list.Select(0)
	if !strings.Contains(s.due.Text, "by 2027-01-20") {
		t.Errorf("due %q", s.due.Text)
	}
	s.status.SetSelected(i18n.T("reg.status.pending"))
	typeInto(s.applied.entry, "2026-03-01")
	typeInto(s.region.entry, "北京市")
	test.Tap(s.saveBtn)
	regs, _ := f.db.Registrations(context.Background(), c.ID)
	if len(regs) != 1 || regs[0].Status != data.RegPending || regs[0].Region != "北京市" {
		t.Fatalf("saved %+v (message %q)", regs, s.msg.Text)
	}
	if !strings.Contains(s.due.Text, "under review") {
		t.Errorf("due after applying %q", s.due.Text)
	}

	// The review passed and the certificate came: record it.
	s.edit(&regs[0])
	s.status.SetSelected(i18n.T("reg.status.issued"))
	typeInto(s.validFrom.entry, "2026-04-01")
	test.Tap(s.saveBtn)
	regs, _ = f.db.Registrations(context.Background(), c.ID)
	if regs[0].Status != data.RegIssued || regs[0].ValidFrom.String() != "2026-04-01" {
		t.Fatalf("after issue %+v (%q)", regs[0], s.msg.Text)
	}
	if !strings.Contains(s.due.Text, "Re-registration window opens 2029-01-01") {
		t.Errorf("renewal due %q", s.due.Text)
	}
	s.edit(&regs[0])
	if !s.region.entry.Disabled() || s.readOnly.Hidden || s.validFrom.entry.Disabled() {
		t.Error("a record past review: the application must be locked, its valid-from not")
	}

	// A bad date is refused where it is typed and saves nothing.
	s.edit(nil)
	typeInto(s.applied.entry, "2026-13-01")
	if !strings.Contains(s.applied.Message(), "YYYY-MM-DD") {
		t.Errorf("message %q", s.applied.Message())
	}
	test.Tap(s.saveBtn)
	if regs, _ := f.db.Registrations(context.Background(), c.ID); len(regs) != 1 {
		t.Errorf("%d registrations after a bad date", len(regs))
	}
}
