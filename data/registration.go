package data

import (
	"strings"
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

// InProgress: applied for and not yet decided either way.
func (s RegStatus) InProgress() bool {
	return s == RegPending || s == RegFirstPassed || s == RegFinalPassed
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
}

// ValidTo is the last day of the registration: Decision, 3 years after
// ValidFrom, the day before the same date (2024-09-02 … 2027-09-01).
func (r *Registration) ValidTo() Date {
	if r.ValidFrom.IsZero() {
		return Date{}
	}
	return r.ValidFrom.AddYears(RegValidYears).AddDays(-1)
}

// Normalize trims and fills the default status.
func (r *Registration) Normalize() {
	if r.Status == "" {
		r.Status = RegNotApplied
	}
	r.Region = strings.TrimSpace(r.Region)
	r.Org = strings.TrimSpace(r.Org)
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
	if updated.Kind != saved.Kind || !updated.AppliedOn.Equal(saved.AppliedOn) || updated.Region != saved.Region || updated.Org != saved.Org || updated.CertID != saved.CertID {
		return Invalid("status", "err.reg.read_only", "Status", string(saved.Status))
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
}

// RegistrationDue says what is due for a certificate today: the one place
// this rule lives (the Registration tab, `swcert reg due` and the dashboard
// use it). A certificate that is not valid has nothing due.
//
//   - No registration in force: the first registration, within 1 year after
//     passing (passed 2024-06-15: by 2025-06-15). Missed after that.
//   - In force: the re-registration, in the 3 months before the last one
//     expires; lapsed after its last day when not renewed.
func RegistrationDue(c *Certificate, regs []Registration, today Date) []DueItem {
	if c.Status != StatusValid || c.PassedOn.IsZero() {
		return nil
	}
	var latest *Registration // the in-force registration that ends last
	applied := map[RegKind]bool{}
	for i := range regs {
		r := &regs[i]
		if r.Status.InForce() && !r.ValidFrom.IsZero() && (latest == nil || r.ValidTo().After(latest.ValidTo())) {
			latest = r
		}
		if r.Status.InProgress() {
			applied[r.Kind] = true
		}
	}
	item := DueItem{CertID: c.ID}
	if latest == nil {
		item.Kind, item.OpensOn, item.ClosesOn = DueFirst, c.PassedOn, c.PassedOn.AddYears(FirstRegWithinYears)
	} else {
		item.Kind = DueRenewal
		item.ClosesOn = latest.ValidTo()
		item.OpensOn = latest.ValidFrom.AddYears(RegValidYears).AddMonths(-RenewalWindowMonths)
	}
	item.DaysLeft = today.DaysUntil(item.ClosesOn)
	switch {
	case applied[RegKind(item.Kind)] && !today.After(item.ClosesOn):
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
