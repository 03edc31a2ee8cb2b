package data

import "testing"

func TestTransferValidate(t *testing.T) {
	today := NewDate(2026, 12, 3)
	base := Transfer{HolderID: 1, AppliedOn: NewDate(2026, 11, 1), FromOrg: "阳光社工", ToOrg: "彩虹社工", FromRegion: "北京市朝阳区"}
	cases := []struct {
		name   string
		change func(*Transfer)
		field  string
		key    string
	}{
		{"within the region", nil, "", ""},
		{"to another region: both changes in one record", func(t *Transfer) { t.ToRegion = "天津市河西区" }, "", ""},
		{"the same agency", func(t *Transfer) { t.ToOrg = t.FromOrg }, "to_org", "err.transfer.same_org"},
		{"no new agency", func(t *Transfer) { t.ToOrg = "" }, "to_org", "err.required"},
		{"applied tomorrow", func(t *Transfer) { t.AppliedOn = today.AddDays(1) }, "applied_on", "err.date.after_today"},
		{"passed without a day", func(t *Transfer) { t.Status = ReviewApproved }, "decided_on", "err.required"},
		{"passed before it was applied for", func(t *Transfer) { t.Status, t.DecidedOn = ReviewApproved, NewDate(2026, 10, 31) }, "decided_on", "err.transfer.decided_before"},
		{"passed the day it was applied for", func(t *Transfer) { t.Status, t.DecidedOn = ReviewApproved, NewDate(2026, 11, 1) }, "", ""},
		{"under review with an outcome day", func(t *Transfer) { t.DecidedOn = NewDate(2026, 11, 2) }, "decided_on", "err.transfer.decided_pending"},
	}
	for _, tc := range cases {
		tr := base
		if tc.change != nil {
			tc.change(&tr)
		}
		tr.Normalize()
		err := tr.Validate(today)
		if tc.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if e := AsError(err); e == nil || e.Field != tc.field || e.Key != tc.key {
			t.Errorf("%s: %v, want %s on %s", tc.name, err, tc.key, tc.field)
		}
	}
	same := base
	same.ToRegion = same.FromRegion
	same.Normalize()
	if same.RegionChange() || same.ToRegion != "" {
		t.Error("a new region equal to the old one is no region change")
	}
}

func TestCanApplyTransfer(t *testing.T) {
	passed := Transfer{Status: ReviewApproved, AppliedOn: NewDate(2024, 1, 1)}
	failed := Transfer{Status: ReviewRejected, AppliedOn: NewDate(2025, 1, 1)}
	pending := Transfer{Status: ReviewPending, AppliedOn: NewDate(2026, 11, 1), ToOrg: "彩虹社工"}
	if err := CanApplyTransfer([]Transfer{passed, failed}); err != nil {
		t.Errorf("decided changes do not block: %v", err)
	}
	e := AsError(CanApplyTransfer([]Transfer{passed, pending}))
	if e == nil || e.Code != ECONFLICT || e.Key != "err.transfer.under_review" || e.Args["Applied"] != "2026-11-01" {
		t.Errorf("a second while one is under review: %v", e)
	}
	if err := CanDecideTransfer(&passed, ReviewRejected); err == nil {
		t.Error("a decided change was decided again")
	}
	if err := CanDecideTransfer(&pending, ReviewPending); err == nil {
		t.Error("'under review' is no outcome")
	}
}

func TestPassTransfer(t *testing.T) {
	work := []WorkEntry{
		{ID: 1, Org: "甲", StartOn: NewDate(2015, 1, 1), EndOn: NewDate(2018, 12, 31)},
		{ID: 2, Org: "阳光社工", StartOn: NewDate(2019, 1, 1)},
	}
	tr := Transfer{ID: 9, HolderID: 1, AppliedOn: NewDate(2026, 11, 1), FromOrg: "阳光社工", ToOrg: "彩虹社工", FromRegion: "北京市朝阳区", ToRegion: "天津市河西区",
		Position: "社工", Status: ReviewApproved, DecidedOn: NewDate(2026, 11, 20)}
	eff, err := PassTransfer(&tr, work)
	if err != nil {
		t.Fatal(err)
	}
	if eff.Org != "彩虹社工" || eff.Region != "天津市河西区" {
		t.Errorf("holder becomes %s, %s", eff.Org, eff.Region)
	}
	if eff.End == nil || eff.End.ID != 2 || eff.End.EndOn.String() != "2026-11-19" {
		t.Errorf("the current entry ends the day before: %+v", eff.End)
	}
	if eff.Add.Org != "彩虹社工" || eff.Add.StartOn.String() != "2026-11-20" || !eff.Add.Current() || eff.Add.Transfer != 9 || eff.Add.Position != "社工" {
		t.Errorf("the new entry: %+v", eff.Add)
	}
	within := tr
	within.ToRegion = ""
	if eff, _ := PassTransfer(&within, work); eff.Region != "北京市朝阳区" {
		t.Errorf("within the region the region stays: %s", eff.Region)
	}
	if eff, err := PassTransfer(&tr, nil); err != nil || eff.End != nil {
		t.Errorf("no work history yet: the entry is the first (%v, %+v)", err, eff.End)
	}
	early := tr
	early.DecidedOn = NewDate(2019, 1, 1)
	if e := AsError(func() error { _, err := PassTransfer(&early, work); return err }()); e == nil || e.Key != "err.transfer.before_current" {
		t.Errorf("passing on the day the current entry began: %v", e)
	}
	later := append([]WorkEntry{}, work...)
	later[1].StartOn = NewDate(2019, 1, 1)
	later = append(later, WorkEntry{ID: 3, Org: "兼职", StartOn: NewDate(2027, 1, 1), EndOn: NewDate(2027, 2, 1)})
	if _, err := PassTransfer(&tr, later); err == nil {
		t.Error("an entry after the change's day overlaps the new one")
	}
}
