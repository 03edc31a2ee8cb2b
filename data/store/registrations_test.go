package store

import (
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/proofs"
)

func TestRegistrationStore(t *testing.T) {
	db := openTest(t)
	c := annotatable(t, db)
	r := &data.Registration{CertID: c.ID, Kind: data.RegFirst, Status: data.RegPending, AppliedOn: data.NewDate(2023, 3, 1), Region: "北京市"}
	if err := db.CreateRegistration(ctx, r); err != nil {
		t.Fatal(err)
	}
	r.Region = "北京市朝阳区" // still pending: editable
	if err := db.UpdateRegistration(ctx, r); err != nil {
		t.Fatal(err)
	}
	r.Status, r.ValidFrom = data.RegIssued, data.NewDate(2023, 4, 1)
	if err := db.UpdateRegistration(ctx, r); err != nil {
		t.Fatal(err)
	}
	r.Region = "上海市" // past review: read-only
	err := db.UpdateRegistration(ctx, r)
	if e := data.AsError(err); e == nil || e.Key != "err.reg.read_only" {
		t.Fatalf("change after review: %v", err)
	}
	if err := db.DeleteRegistration(ctx, r.ID); data.AsError(err) == nil {
		t.Error("deleted a record past review")
	}
	got, _ := db.Registrations(ctx, c.ID)
	if len(got) != 1 || got[0].Region != "北京市朝阳区" || got[0].Status != data.RegIssued || got[0].ValidTo().String() != "2026-03-31" {
		t.Errorf("stored %+v", got)
	}
	if err := db.CreateRegistration(ctx, &data.Registration{CertID: 999, Kind: data.RegFirst}); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("missing certificate: %v", err)
	}
	draft := &data.Registration{CertID: c.ID, Kind: data.RegRenewal}
	if err := db.CreateRegistration(ctx, draft); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteRegistration(ctx, draft.ID); err != nil {
		t.Errorf("delete a draft: %v", err)
	}
	if err := db.DeleteCertificate(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Registration(ctx, r.ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("registration survived its certificate: %v", err)
	}
}

func TestCEStore(t *testing.T) {
	db := openTest(t)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	useProofs(t, db)
	proof, _ := proofs.New("证书.pdf", []byte("%PDF-1.4 certificate"))
	r := &data.CERecord{HolderID: h.ID, Kind: data.CETraining, Title: "  社区 治理 培训 ", Date: data.NewDate(2025, 3, 1), Hours: data.TenthsOfHour(123), Proofs: []data.Proof{proof}}
	if err := db.CreateCERecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	got, err := db.CERecord(ctx, r.ID)
	if err != nil || got.Title != "社区 治理 培训" || got.Hours != data.TenthsOfHour(123) || got.Review != data.ReviewPending || len(got.Proofs) != 1 || got.Proofs[0].Name != "证书.pdf" {
		t.Fatalf("stored %+v %v", got, err)
	}
	got.Review, got.Proofs = data.ReviewApproved, nil
	if err := db.UpdateCERecord(ctx, got); err != nil {
		t.Fatal(err)
	}
	list, _ := db.CERecords(ctx, h.ID)
	if len(list) != 1 || list[0].Review != data.ReviewApproved || len(list[0].Proofs) != 0 {
		t.Errorf("after update %+v", list)
	}
	bad := &data.CERecord{HolderID: h.ID, Kind: data.CETraining, Title: "x", Date: data.NewDate(2025, 3, 1), Hours: data.TenthsOfHour(-1)}
	if err := db.CreateCERecord(ctx, bad); data.AsError(err) == nil || data.AsError(err).Field != "hours" {
		t.Errorf("negative hours: %v", err)
	}
	if list, _ := db.CERecords(ctx, h.ID); len(list) != 1 {
		t.Errorf("%d records after a refused one", len(list))
	}
	if err := db.DeleteHolder(ctx, h.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CERecord(ctx, r.ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("record survived its holder: %v", err)
	}
}
