package store

import (
	"testing"

	"github.com/swcert/swcert/data"
)

// An agency change to another region: applied, a second refused while it
// is under review, then passed: the holder's employer and region and the
// work history follow from that day, all at once.
func TestTransferPassesInOneTransaction(t *testing.T) {
	db := openTest(t)
	h := holder("张三", "11010519491231002X")
	h.Region = "北京市朝阳区"
	mustCreateHolder(t, db, h)
	old := &data.WorkEntry{HolderID: h.ID, Org: h.Org, StartOn: dateOf(t, "2019-01-01")}
	if err := db.CreateWorkEntry(ctx, old); err != nil {
		t.Fatal(err)
	}
	tr := &data.Transfer{HolderID: h.ID, AppliedOn: dateOf(t, "2026-11-01"), ToOrg: "彩虹社工", ToRegion: "天津市河西区", Position: "督导"}
	if err := db.ApplyTransfer(ctx, tr); err != nil {
		t.Fatal(err)
	}
	if tr.FromOrg != "阳光社工服务中心" || tr.FromRegion != "北京市朝阳区" || !tr.RegionChange() || tr.Status != data.ReviewPending {
		t.Errorf("applied: %+v", tr)
	}
	second := &data.Transfer{HolderID: h.ID, AppliedOn: dateOf(t, "2026-11-02"), ToOrg: "星光社工"}
	if e := data.AsError(db.ApplyTransfer(ctx, second)); e == nil || e.Key != "err.transfer.under_review" || e.Code != data.ECONFLICT {
		t.Errorf("a second while one is under review: %v", e)
	}
	pending, _ := db.Transfers(ctx, 0)
	if len(pending) != 1 || pending[0].ID != tr.ID || pending[0].HolderName != h.Name { // named in the one query
		t.Errorf("under review: %+v", pending)
	}
	got, err := db.DecideTransfer(ctx, tr.ID, 0, data.ReviewApproved, dateOf(t, "2026-11-20"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != data.ReviewApproved || got.DecidedOn.String() != "2026-11-20" {
		t.Errorf("decided: %+v", got)
	}
	after, _ := db.Holder(ctx, h.ID)
	if after.Org != "彩虹社工" || after.Region != "天津市河西区" {
		t.Errorf("holder after: %s %s", after.Org, after.Region)
	}
	work, _ := db.WorkHistory(ctx, h.ID)
	if len(work) != 2 || work[0].EndOn.String() != "2026-11-19" || work[1].Org != "彩虹社工" || work[1].StartOn.String() != "2026-11-20" ||
		!work[1].Current() || work[1].Transfer != tr.ID || work[1].Position != "督导" {
		t.Fatalf("work history after: %+v", work)
	}
	if _, err := db.DecideTransfer(ctx, tr.ID, 0, data.ReviewRejected, data.Date{}); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("decided twice: %v", err)
	}
	// Now a second may be applied for; failing changes nothing else.
	if err := db.ApplyTransfer(ctx, second); err != nil {
		t.Fatal(err)
	}
	if _, err := db.DecideTransfer(ctx, second.ID, 0, data.ReviewRejected, data.Date{}); err != nil {
		t.Fatal(err)
	}
	if h2, _ := db.Holder(ctx, h.ID); h2.Org != "彩虹社工" {
		t.Errorf("a failed change moved the holder to %s", h2.Org)
	}
}

// A change that cannot pass (its day is not after the current entry's
// start) changes nothing at all: not the status, not the holder.
func TestTransferRefusedChangesNothing(t *testing.T) {
	db := openTest(t)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	if err := db.CreateWorkEntry(ctx, &data.WorkEntry{HolderID: h.ID, Org: h.Org, StartOn: dateOf(t, "2026-11-10")}); err != nil {
		t.Fatal(err)
	}
	tr := &data.Transfer{HolderID: h.ID, AppliedOn: dateOf(t, "2026-11-01"), ToOrg: "彩虹社工"}
	if err := db.ApplyTransfer(ctx, tr); err != nil {
		t.Fatal(err)
	}
	if _, err := db.DecideTransfer(ctx, tr.ID, 0, data.ReviewApproved, dateOf(t, "2026-11-10")); data.AsError(err) == nil || data.AsError(err).Key != "err.transfer.before_current" {
		t.Fatalf("passing on the current entry's first day: %v", err)
	}
	got, _ := db.Transfer(ctx, tr.ID)
	after, _ := db.Holder(ctx, h.ID)
	work, _ := db.WorkHistory(ctx, h.ID)
	if got.Status != data.ReviewPending || after.Org != "阳光社工服务中心" || len(work) != 1 || !work[0].Current() {
		t.Errorf("half saved: %+v, %s, %+v", got, after.Org, work)
	}
	if err := db.ApplyTransfer(ctx, &data.Transfer{HolderID: h.ID, AppliedOn: dateOf(t, "2026-11-01"), ToOrg: h.Org}); err == nil {
		t.Error("a change to the same agency")
	}
}
