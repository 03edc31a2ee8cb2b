package screens

import (
	"context"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// Found by using it: the form of a record being edited was headed by the
// row's internal ID ("登记记录 67", "记录 12"), which nobody knows. The
// heading names the record as its holder does: the kind and day applied,
// the date and title.
func TestEditHeadingsNameTheRecordNotItsID(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	ctx := context.Background()
	h := f.addHolder("张伟", validID)
	c := f.certOf(h, data.NewDate(2023, 9, 20))
	reg := &data.Registration{CertID: c.ID, Kind: data.RegFirst, Status: data.RegPending, AppliedOn: data.NewDate(2024, 3, 1)}
	if err := f.db.CreateRegistration(ctx, reg); err != nil {
		t.Fatal(err)
	}
	rs := NewRegistrations(f.svc, f.win)
	f.win.SetContent(rs.Content())
	rs.picker.list.list.Select(0)
	rs.edit(reg)
	if got := rs.formTitle.Text; got != "首次登记（2024-03-01 申请）" {
		t.Errorf("registration heading %q (ID %d)", got, reg.ID)
	}
	rs.edit(&data.Registration{ID: 67, CertID: c.ID, Kind: data.RegRenewal, Status: data.RegNotApplied})
	if got := rs.formTitle.Text; got != "再登记（尚未申请）" {
		t.Errorf("unapplied registration heading %q", got)
	}

	hours, _ := data.ParseHours("hours", "8")
	rec := &data.CERecord{HolderID: h.ID, Kind: data.CETraining, Title: "伦理培训", Date: data.NewDate(2026, 3, 1), Hours: hours, Review: data.ReviewApproved}
	if err := f.db.CreateCERecord(ctx, rec); err != nil {
		t.Fatal(err)
	}
	ce := NewCELog(f.svc, f.win)
	f.win.SetContent(ce.Content())
	ce.list.list.Select(0)
	ce.edit(rec)
	if got := ce.formHead.Text; got != "2026-03-01 的记录：伦理培训" {
		t.Errorf("CE heading %q (ID %d)", got, rec.ID)
	}
}
