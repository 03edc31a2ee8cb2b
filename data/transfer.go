package data

import "time"

// Transfer is an agency change (机构变更) of a holder. Decision (DOMAIN.md,
// agency changes): it records the day applied, the agency and region
// before and after, and a status (待审核, 已通过, 未通过: the words and codes
// of Review). A change to another region is one record that carries both
// changes; one within the region has no region change (ToRegion empty).
type Transfer struct {
	ID       int64 `json:"id"`
	HolderID int64 `json:"holder_id"`
	// HolderName is the holder's name as the store read it with the
	// change (lists name holders without a read of each).
	HolderName string `json:"holder_name,omitempty"`
	AppliedOn  Date   `json:"applied_on"`
	FromOrg    string `json:"from_org"`
	ToOrg      string `json:"to_org"`
	FromRegion string `json:"from_region"`
	ToRegion   string `json:"to_region,omitempty"` // "": within the region
	// Position is the post at the new agency, for the work history entry
	// its passing adds.
	Position string `json:"position,omitempty"`
	Status   Review `json:"status"`
	// DecidedOn is the day of the outcome: the day a passed change takes
	// effect from.
	DecidedOn Date      `json:"decided_on"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Stamp
}

// RegionChange reports whether the change moves the holder to another
// region as well.
func (t *Transfer) RegionChange() bool { return t.ToRegion != "" && t.ToRegion != t.FromRegion }

// Normalize trims the fields; a "new" region equal to the old one is no
// region change.
func (t *Transfer) Normalize() {
	t.FromOrg, t.ToOrg = NormalizeWords(t.FromOrg), NormalizeWords(t.ToOrg)
	t.FromRegion, t.ToRegion = NormalizeText(t.FromRegion), NormalizeText(t.ToRegion)
	t.Position = NormalizeWords(t.Position)
	if t.ToRegion == t.FromRegion {
		t.ToRegion = ""
	}
	if t.Status == "" {
		t.Status = ReviewPending
	}
}

// Validate checks a normalized change: the new agency is another one, the
// day applied is not after today, and a decided change has its day, from
// the day applied to today.
func (t *Transfer) Validate(today Date) error {
	if err := ValidateRequiredText("to_org", t.ToOrg); err != nil {
		return err
	}
	if t.ToOrg == t.FromOrg {
		return Invalid("to_org", "err.transfer.same_org", "Org", t.FromOrg)
	}
	for _, f := range []struct{ name, v string }{{"from_org", t.FromOrg}, {"from_region", t.FromRegion}, {"to_region", t.ToRegion}, {"position", t.Position}} {
		if err := ValidateText(f.name, f.v); err != nil {
			return err
		}
	}
	if err := ValidateDay("applied_on", t.AppliedOn, true, today); err != nil {
		return err
	}
	if !t.Status.Known() {
		return Invalid("transfer_status", "err.value.unknown", "Value", string(t.Status), "Values", wordList([]Review{ReviewPending, ReviewApproved, ReviewRejected}))
	}
	if t.Status == ReviewPending {
		if !t.DecidedOn.IsZero() {
			return Invalid("decided_on", "err.transfer.decided_pending")
		}
		return nil
	}
	if err := ValidateDay("decided_on", t.DecidedOn, true, today); err != nil {
		return err
	}
	if t.DecidedOn.Before(t.AppliedOn) {
		return Invalid("decided_on", "err.transfer.decided_before", "Applied", t.AppliedOn.String())
	}
	return nil
}

// CanApplyTransfer: while one change of the holder is under review, no
// second may be applied for (Decision). saved are the holder's changes.
func CanApplyTransfer(saved []Transfer) error {
	for _, t := range saved {
		if t.Status == ReviewPending {
			return Conflict("transfer_status", "err.transfer.under_review", "Applied", t.AppliedOn.String(), "Org", t.ToOrg)
		}
	}
	return nil
}

// CanDecideTransfer: only a change under review gets an outcome, and the
// outcome is passed or failed; a decided change stays as decided.
func CanDecideTransfer(saved *Transfer, status Review) error {
	if saved.Status != ReviewPending {
		return Invalid("transfer_status", "err.transfer.decided", "Status", Chinese(saved.Status))
	}
	if status != ReviewApproved && status != ReviewRejected {
		return Invalid("transfer_status", "err.transfer.outcome")
	}
	return nil
}

// TransferEffect is what a change that passed does to the holder, written
// with the outcome in one transaction.
type TransferEffect struct {
	Org    string // the holder's employer from now on
	Region string // the holder's registration region from now on
	// End is the current work history entry, ended the day before the
	// change; nil when there is none.
	End *WorkEntry
	// Add is the entry at the new agency, from the day of the change.
	Add WorkEntry
}

// PassTransfer is the Decision on a change that passes on t.DecidedOn:
// the holder's employer and region become the new ones from that day, and
// the work history gains the entry, the previous current one ending the
// day before. Refused when that would break the work history
// (CheckWorkHistory), e.g. the current entry began on the day itself.
func PassTransfer(t *Transfer, work []WorkEntry) (TransferEffect, error) {
	eff := TransferEffect{Org: t.ToOrg, Region: t.FromRegion}
	if t.RegionChange() {
		eff.Region = t.ToRegion
	}
	eff.Add = WorkEntry{HolderID: t.HolderID, Org: t.ToOrg, Position: t.Position, StartOn: t.DecidedOn, Transfer: t.ID}
	rest := make([]WorkEntry, 0, len(work))
	for i := range work {
		w := work[i]
		if w.Current() {
			if !w.StartOn.Before(t.DecidedOn) {
				return eff, Invalid("decided_on", "err.transfer.before_current", "Org", w.Org, "Start", w.StartOn.String())
			}
			w.EndOn = t.DecidedOn.AddDays(-1)
			eff.End = &w
		}
		rest = append(rest, w)
	}
	if err := CheckWorkHistory(rest, &eff.Add); err != nil {
		return eff, Invalid("decided_on", "err.transfer.work_overlap", "Org", AsError(err).Args["Org"], "Start", AsError(err).Args["Start"])
	}
	return eff, nil
}
