package data

import (
	"slices"
	"time"
)

// RegKind is a first registration (首次登记) or a re-registration (再登记).
type RegKind string

const (
	RegFirst   RegKind = "first"
	RegRenewal RegKind = "renewal"
)

// RegKinds in the order a form offers them.
var RegKinds = []RegKind{RegFirst, RegRenewal}

// Known reports whether k is one of RegKinds.
func (k RegKind) Known() bool { return k == RegFirst || k == RegRenewal }

// RegStatus is where a registration application stands, in the order the
// national system moves it (DOMAIN.md, Registration).
type RegStatus string

const (
	RegNotApplied  RegStatus = "not_applied"  // 未申请登记证书 (default)
	RegPending     RegStatus = "pending"      // 待审核
	RegFirstPassed RegStatus = "first_passed" // 初审通过
	RegFirstFailed RegStatus = "first_failed" // 初审未通过
	RegFinalPassed RegStatus = "final_passed" // 终审通过
	RegFinalFailed RegStatus = "final_failed" // 终审未通过
	RegCompleted   RegStatus = "completed"    // 首次登记已完成
	RegIssued      RegStatus = "issued"       // 已出证
)

// RegStatuses in the order of the process.
var RegStatuses = []RegStatus{RegNotApplied, RegPending, RegFirstPassed, RegFirstFailed, RegFinalPassed, RegFinalFailed, RegCompleted, RegIssued}

// Known reports whether s is one of RegStatuses.
func (s RegStatus) Known() bool {
	for _, k := range RegStatuses {
		if k == s {
			return true
		}
	}
	return false
}

// Editable: the record may be changed only while not applied or pending
// review; once the first review has passed (or failed) it is read-only.
func (s RegStatus) Editable() bool { return s == RegNotApplied || s == RegPending }

// InForce: the registration holds (and its certificate can be viewed) in
// the last two states.
func (s RegStatus) InForce() bool { return s == RegCompleted || s == RegIssued }

// UnderReview: applied for and not yet in force. A failed review counts
// too: it may be resubmitted as pending (DOMAIN.md, dates of registrations).
func (s RegStatus) UnderReview() bool { return s != RegNotApplied && s.Known() && !s.InForce() }

// rank is the place of s in RegStatuses, the order of the process.
func (s RegStatus) rank() int {
	for i, k := range RegStatuses {
		if k == s {
			return i
		}
	}
	return -1
}

// CanMoveStatus says whether a record may go from status s to next.
// Decision (DOMAIN.md, order of registration statuses): a status only moves
// forward along RegStatuses; the one step back is a failed review
// (初审未通过 / 终审未通过) resubmitted as 待审核. Nothing moves a record
// past its first review back to an editable status.
func (s RegStatus) CanMoveStatus(next RegStatus) error {
	if next == s || next.rank() > s.rank() {
		return nil
	}
	if next == RegPending && (s == RegFirstFailed || s == RegFinalFailed) {
		return nil
	}
	return Invalid("status", "err.reg.status_back", "From", Chinese(s), "To", Chinese(next))
}

// Registration rules.
const (
	RegValidYears       = 3 // a registration is valid for 3 years
	FirstRegWithinYears = 1 // first registration within 1 year after passing
	RenewalWindowMonths = 3 // re-registration in the 3 months before expiry
)

// Registration is one registration (or re-registration) of a certificate.
type Registration struct {
	ID        int64     `json:"id"`
	CertID    int64     `json:"cert_id"`
	Kind      RegKind   `json:"kind"`
	Status    RegStatus `json:"status"`
	AppliedOn Date      `json:"applied_on"`
	// ValidFrom is the first day the registration holds; it runs 3 years.
	ValidFrom Date      `json:"valid_from"`
	Region    string    `json:"region"` // 登记地区
	Org       string    `json:"org"`    // the agency (登记机构)
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Stamp
}

// ValidTo is the last day of the registration: Decision, 3 calendar years
// from ValidFrom, its first day, so the day before the same date 3 years
// on (2024-09-02 … 2027-09-01; 2025-03-01 … 2028-02-29); where that month
// has no such day, the period ends on the month's last day (2024-02-29 …
// 2027-02-28).
func (r *Registration) ValidTo() Date {
	if r.ValidFrom.IsZero() {
		return Date{}
	}
	end := r.ValidFrom.AddYears(RegValidYears)
	if end.t.Day() != r.ValidFrom.t.Day() {
		return end // clamped to the month's last day
	}
	return end.AddDays(-1)
}

// RenewalWindow is when the re-registration after r is accepted: the
// 3 months before r expires, to its last day (valid from 2024-09-02:
// 2027-06-02 … 2027-09-01; from 2024-05-31: 2027-02-28 … 2027-05-30).
func (r *Registration) RenewalWindow() (opens, closes Date) {
	closes = r.ValidTo()
	return closes.AddDays(1).AddMonths(-RenewalWindowMonths), closes
}

// FirstWindow is when the first registration of c is accepted: from the
// day it was passed to the same day a year later (passed 2024-02-29: by
// 2025-02-28).
func FirstWindow(c *Certificate) (opens, closes Date) {
	return c.PassedOn, c.PassedOn.AddYears(FirstRegWithinYears)
}

// Normalize trims and fills the default status.
func (r *Registration) Normalize() {
	if r.Status == "" {
		r.Status = RegNotApplied
	}
	r.Region = NormalizeText(r.Region)
	r.Org = NormalizeText(r.Org)
}

// Validate checks a normalized registration against today.
func (r *Registration) Validate(today Date) error {
	if r.CertID <= 0 {
		return Invalid("cert_id", "err.required")
	}
	if !r.Kind.Known() {
		return Invalid("kind", "err.reg.kind", "Value", string(r.Kind))
	}
	if !r.Status.Known() {
		return Invalid("status", "err.reg.status", "Value", string(r.Status))
	}
	if r.Status != RegNotApplied && r.AppliedOn.IsZero() {
		return Invalid("applied_on", "err.reg.applied_needed")
	}
	if err := ValidateDay("applied_on", r.AppliedOn, false, today); err != nil {
		return err
	}
	if r.Status.InForce() && r.ValidFrom.IsZero() {
		return Invalid("valid_from", "err.reg.valid_from_needed")
	}
	if err := ValidateDay("valid_from", r.ValidFrom, false, today); err != nil {
		return err
	}
	if !r.ValidFrom.IsZero() && !r.AppliedOn.IsZero() && r.ValidFrom.Before(r.AppliedOn) {
		return Invalid("valid_from", "err.reg.valid_before_applied")
	}
	if err := ValidateText("region", r.Region); err != nil {
		return err
	}
	return ValidateText("org", r.Org)
}

// CanChangeRegistration refuses changes to a record past review: the
// national system makes the application read-only once the first review is
// done. Decision: what the app tracks afterwards, the status as the review
// moves on and the valid-from date the registration certificate gives,
// may still be recorded; the application's own fields may not.
func CanChangeRegistration(saved, updated *Registration) error {
	if saved.Status.Editable() {
		return nil
	}
	// The saved text as a save now normalises it: a record saved before
	// NormalizeText (in NFD, say) is not "changed" by being saved again.
	if updated.Kind != saved.Kind || !updated.AppliedOn.Equal(saved.AppliedOn) || updated.Region != NormalizeText(saved.Region) ||
		updated.Org != NormalizeText(saved.Org) || updated.CertID != saved.CertID {
		return Invalid("status", "err.reg.read_only", "Status", string(saved.Status))
	}
	return nil
}

// CheckRegistration holds a new or changed registration r of certificate c
// to the rules that need the certificate's other registrations (saved is
// r as saved before, nil for a new one):
//   - one first registration per certificate;
//   - a first registration is applied for on or after the day the exam was
//     passed;
//   - a re-registration is applied for only inside the window of a
//     registration in force (the refusal names the window);
//   - the status moves only forward (RegStatus.CanMoveStatus).
//
// The dates are checked when they are new (a new record, or its kind or
// day applied changed), so a record saved before these rules can still
// have its review recorded.
func CheckRegistration(c *Certificate, others []Registration, r, saved *Registration) error {
	if saved != nil {
		if err := saved.Status.CanMoveStatus(r.Status); err != nil {
			return err
		}
	}
	var latest *Registration
	for i := range others {
		o := &others[i]
		if o.ID == r.ID && r.ID != 0 {
			continue
		}
		if r.Kind == RegFirst && o.Kind == RegFirst {
			return Invalid("kind", "err.reg.first_twice")
		}
		if o.Status.InForce() && !o.ValidFrom.IsZero() && (latest == nil || o.ValidTo().After(latest.ValidTo())) {
			latest = o
		}
	}
	if r.AppliedOn.IsZero() || (saved != nil && saved.Kind == r.Kind && saved.AppliedOn.Equal(r.AppliedOn)) {
		return nil
	}
	switch r.Kind {
	case RegFirst:
		if !c.PassedOn.IsZero() && r.AppliedOn.Before(c.PassedOn) {
			return Invalid("applied_on", "err.reg.before_passed", "Passed", c.PassedOn.String())
		}
	case RegRenewal:
		if latest == nil {
			return Invalid("kind", "err.reg.renewal_needs_previous")
		}
		for i := range others {
			o := &others[i]
			if o.ID == r.ID || !o.Status.InForce() || o.ValidFrom.IsZero() {
				continue
			}
			if opens, closes := o.RenewalWindow(); !r.AppliedOn.Before(opens) && !r.AppliedOn.After(closes) {
				return nil
			}
		}
		opens, closes := latest.RenewalWindow()
		return Invalid("applied_on", "err.reg.outside_window", "Opens", opens.String(), "Closes", closes.String())
	}
	return nil
}

// CanDeleteRegistration: only a record still editable may be deleted.
func CanDeleteRegistration(saved *Registration) error {
	if !saved.Status.Editable() {
		return Invalid("status", "err.reg.read_only", "Status", string(saved.Status))
	}
	return nil
}

// DueKind says what a due item is about.
type DueKind string

const (
	DueFirst   DueKind = "first"   // first registration
	DueRenewal DueKind = "renewal" // re-registration
)

// DueState is where a due item stands today.
type DueState string

const (
	DueUpcoming DueState = "upcoming" // the window opens later
	DueOpen     DueState = "open"     // apply now
	DueApplied  DueState = "applied"  // an application is being reviewed
	DueMissed   DueState = "missed"   // the first-registration window closed unused
	DueLapsed   DueState = "lapsed"   // the registration expired unrenewed
)

// DueItem is one thing to do about a certificate's registration, with its
// window: apply from OpensOn to ClosesOn (both inclusive).
type DueItem struct {
	CertID   int64    `json:"cert_id"`
	Kind     DueKind  `json:"kind"`
	OpensOn  Date     `json:"opens_on"`
	ClosesOn Date     `json:"closes_on"`
	State    DueState `json:"state"`
	// DaysLeft until ClosesOn while open; negative once it closed.
	DaysLeft int `json:"days_left"`
	// DossierMissing is what the holder's personal information still
	// lacks (DossierMissing) while the registration is open or upcoming:
	// the national system takes no application before it is complete.
	DossierMissing []string `json:"dossier_missing,omitempty"`
}

// DossierDue is the Decision that the registration due for a certificate
// says "dossier incomplete: …" until the dossier is complete: each item
// still to apply for (open or upcoming) carries what is missing. The
// Registration tab, `swcert reg due` and the dashboard use it.
func DossierDue(items []DueItem, missing []string) []DueItem {
	if len(missing) == 0 {
		return items
	}
	for i := range items {
		if items[i].State == DueOpen || items[i].State == DueUpcoming {
			items[i].DossierMissing = slices.Clone(missing)
		}
	}
	return items
}

// RegistrationDue says what is due for a certificate today: the one place
// this rule lives (the Registration tab, `swcert reg due` and the dashboard
// use it). A certificate that is not valid has nothing due.
//
//   - No registration in force: the first registration, within 1 year after
//     passing (passed 2024-06-15: by 2025-06-15). Missed after that.
//   - In force: the re-registration, in the 3 months before the last one
//     expires; lapsed after its last day when not renewed.
//   - Applied: an application of that kind made inside its window stays
//     applied, under review, for as long as it is reviewed (a failed review
//     may be resubmitted), also once the window has closed; one made
//     outside its window does not count.
func RegistrationDue(c *Certificate, regs []Registration, today Date) []DueItem {
	if c.Status != StatusValid || c.PassedOn.IsZero() {
		return nil
	}
	var latest *Registration // the in-force registration that ends last
	for i := range regs {
		r := &regs[i]
		if r.Status.InForce() && !r.ValidFrom.IsZero() && (latest == nil || r.ValidTo().After(latest.ValidTo())) {
			latest = r
		}
	}
	item := DueItem{CertID: c.ID}
	kind := RegFirst
	if latest == nil {
		item.Kind = DueFirst
		item.OpensOn, item.ClosesOn = FirstWindow(c)
	} else {
		item.Kind, kind = DueRenewal, RegRenewal
		item.OpensOn, item.ClosesOn = latest.RenewalWindow()
	}
	applied := false
	for i := range regs {
		r := &regs[i]
		if r.Kind == kind && r.Status.UnderReview() && !r.AppliedOn.IsZero() && !r.AppliedOn.Before(item.OpensOn) && !r.AppliedOn.After(item.ClosesOn) {
			applied = true
		}
	}
	item.DaysLeft = today.DaysUntil(item.ClosesOn)
	switch {
	case applied:
		item.State = DueApplied
	case today.Before(item.OpensOn):
		item.State = DueUpcoming
	case !today.After(item.ClosesOn):
		item.State = DueOpen
	case item.Kind == DueFirst:
		item.State = DueMissed
	default:
		item.State = DueLapsed
	}
	return []DueItem{item}
}
