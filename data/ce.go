package data

import (
	"sort"
	"time"
)

// CEKind is a kind of continuing-education (继续教育) record.
type CEKind string

const (
	CETraining CEKind = "training" // training with a certificate of completion
	CEOnline   CEKind = "online"   // online courses
	CEDegree   CEKind = "degree"   // degree education, degree obtained
	CECourses  CEKind = "courses"  // degree education, no degree: passed courses
)

// Credit is how a kind's hours count.
type Credit string

const (
	CreditActual Credit = "actual" // the hours recorded
	CreditFixed  Credit = "fixed"  // FixedHours at once, whatever was recorded
)

// CERule is how one kind of record counts toward a registration period.
type CERule struct {
	Kind   CEKind
	Credit Credit
	// FixedHours for CreditFixed.
	FixedHours Hours
	// OncePerPeriod: only the first such record of a period counts.
	OncePerPeriod bool
	// NeedsReview: offline learning counts only once its review passed. A
	// kind that needs none records no review status (Decision).
	NeedsReview bool
	// Proof names the document that proves it (a translation key suffix).
	Proof string
}

// CERules are the national defaults (DOMAIN.md, Continuing education), in
// the order a form offers them. The counting code reads only this table: a
// locality's extra kinds are added here, not there.
var CERules = []CERule{
	{Kind: CETraining, Credit: CreditActual, NeedsReview: true, Proof: "certificate"},
	{Kind: CEOnline, Credit: CreditActual},
	{Kind: CEDegree, Credit: CreditFixed, FixedHours: WholeHours(90), OncePerPeriod: true, NeedsReview: true, Proof: "diploma"},
	{Kind: CECourses, Credit: CreditActual, NeedsReview: true, Proof: "transcript"},
}

// CEKinds lists the kinds of CERules.
func CEKinds() []CEKind {
	out := make([]CEKind, len(CERules))
	for i, r := range CERules {
		out[i] = r.Kind
	}
	return out
}

// RuleFor returns the rule of a kind.
func RuleFor(k CEKind) (CERule, bool) {
	for _, r := range CERules {
		if r.Kind == k {
			return r, true
		}
	}
	return CERule{}, false
}

// Review is the review status of a record; "" for a kind that needs none.
type Review string

const (
	ReviewPending  Review = "pending"
	ReviewApproved Review = "approved"
	ReviewRejected Review = "rejected"
)

// Reviews in the order a form offers them.
var Reviews = []Review{ReviewPending, ReviewApproved, ReviewRejected}

// Known reports whether r is one of Reviews.
func (r Review) Known() bool { return r == ReviewPending || r == ReviewApproved || r == ReviewRejected }

// Key is the message key that names r to a person ("no review needed"
// for none).
func (r Review) Key() string {
	if r == "" {
		return "ce.review.none"
	}
	return "ce.review." + string(r)
}

// MarshalJSON writes no review status as null: there is none, rather than
// an empty one.
func (r Review) MarshalJSON() ([]byte, error) {
	if r == "" {
		return []byte("null"), nil
	}
	return []byte(`"` + string(r) + `"`), nil // Known values need no escaping; Validate refuses others
}

// CERecord is one continuing-education record of a holder.
type CERecord struct {
	ID       int64     `json:"id"`
	HolderID int64     `json:"holder_id"`
	Kind     CEKind    `json:"kind"`
	Title    string    `json:"title"`
	Provider string    `json:"provider"`
	Date     Date      `json:"date"`
	Hours    Hours     `json:"hours"`
	Review   Review    `json:"review"`
	Proofs   []Proof   `json:"proofs"`
	Created  time.Time `json:"created_at"`
	Updated  time.Time `json:"updated_at"`
	Stamp
}

// Proof is a file that proves a record (a certificate, diploma,
// transcript), kept by the app under its content hash.
type Proof struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`   // the file's name as the user had it
	SHA256 string `json:"sha256"` // where the app keeps it
	Size   int64  `json:"size"`
	Type   string `json:"type"` // application/pdf, image/png, image/jpeg
	// Data is the content of a file attached but not saved yet: the store
	// keeps the file together with the record that refers to it, so a
	// record refused or never saved leaves no file behind.
	Data []byte `json:"-"`
}

// needsReview says whether records of kind k take a review status.
func needsReview(k CEKind) bool {
	rule, ok := RuleFor(k)
	return ok && rule.NeedsReview
}

// SetKind changes the kind of a record. A kind that needs no review drops
// the review status the record had under its old kind: it has none to
// keep, and the old one was not given for this kind.
func (r *CERecord) SetKind(k CEKind) {
	r.Kind = k
	if !needsReview(k) {
		r.Review = ""
	}
}

// Normalize trims and fills defaults: pending review for kinds that need
// one (a kind that needs none keeps what was given, for Validate to
// refuse); a fixed-credit kind's hours are its credit.
func (r *CERecord) Normalize() {
	r.Title = NormalizeWords(r.Title)
	r.Provider = NormalizeText(r.Provider)
	for i := range r.Proofs {
		r.Proofs[i].Name = NormalizeText(r.Proofs[i].Name)
	}
	rule, ok := RuleFor(r.Kind)
	if r.Review == "" && needsReview(r.Kind) {
		r.Review = ReviewPending
	}
	if ok && rule.Credit == CreditFixed && r.Hours.IsZero() {
		r.Hours = rule.FixedHours
	}
}

// Validate checks a normalized record against today.
func (r *CERecord) Validate(today Date) error {
	if r.HolderID <= 0 {
		return Invalid("holder_id", "err.required")
	}
	if _, ok := RuleFor(r.Kind); !ok {
		return Invalid("kind", "err.ce.kind", "Value", string(r.Kind))
	}
	if err := ValidateRequiredText("title", r.Title); err != nil {
		return err
	}
	if err := ValidateText("provider", r.Provider); err != nil {
		return err
	}
	for _, p := range r.Proofs {
		// A file's name comes from the disk, where a name may hold
		// anything but "/": it is shown and printed like the rest.
		if err := ValidateRequiredText("proof", p.Name); err != nil {
			return err
		}
	}
	if err := ValidateDay("date", r.Date, true, today); err != nil {
		return err
	}
	if err := ValidateCEHours(r.Hours); err != nil {
		return err
	}
	if !needsReview(r.Kind) {
		if r.Review != "" {
			return Invalid("review", "err.ce.no_review")
		}
		return nil
	}
	if !r.Review.Known() {
		return Invalid("review", "err.ce.review", "Value", string(r.Review))
	}
	return nil
}

// ValidateCEHours requires 0.1 to MaxCEHours hours.
func ValidateCEHours(h Hours) error {
	if h.tenths <= 0 || MaxCEHours.Less(h) {
		return Invalid("hours", "err.ce.hours", "Max", MaxCEHours)
	}
	return nil
}

// ParseCEHours reads the hours of a record as typed and checks their range.
func ParseCEHours(s string) (Hours, error) {
	h, err := ParseHours("hours", s)
	if err != nil {
		return Hours{}, err
	}
	return h, ValidateCEHours(h)
}

// Period is a registration period: ValidFrom to ValidTo, both inclusive.
type Period struct {
	Start Date `json:"period_start"`
	End   Date `json:"period_end"`
}

// Contains reports whether d falls in the period (its last day included).
func (p Period) Contains(d Date) bool { return !d.Before(p.Start) && !d.After(p.End) }

// Periods are the registration periods of a certificate: one per
// registration in force, by start.
func Periods(regs []Registration) []Period {
	var out []Period
	for _, r := range regs {
		if r.Status.InForce() && !r.ValidFrom.IsZero() {
			out = append(out, Period{Start: r.ValidFrom, End: r.ValidTo()})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}

// Credited is how one record counted.
type Credited struct {
	Record  CERecord `json:"record"`
	Hours   Hours    `json:"credited_hours"` // toward the requirement
	Pending Hours    `json:"pending_hours"`  // would count once approved
	// Note is a message key saying why it counts less than recorded.
	Note string `json:"note,omitempty"`
}

// Progress is where a holder stands in one registration period.
type Progress struct {
	Period
	Required Hours      `json:"required_hours"`
	Credited Hours      `json:"credited_hours"`
	Pending  Hours      `json:"pending_hours"`
	Missing  Hours      `json:"missing_hours"`
	DaysLeft int        `json:"days_left"` // until the period's last day; negative once over
	Records  []Credited `json:"records"`
}

// CEProgress credits records toward each period, by CERules: a record
// counts in the period that contains its date; kinds that need review count
// only when approved (pending hours are shown apart, rejected ones not at
// all); a once-per-period kind counts once. It returns the progress per
// period and the records outside every period.
func CEProgress(level Level, periods []Period, records []CERecord, today Date) ([]Progress, []CERecord) {
	sorted := append([]CERecord(nil), records...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Date.Before(sorted[j].Date) })
	out := make([]Progress, len(periods))
	for i, p := range periods {
		out[i] = Progress{Period: p, Required: WholeHours(level.CEHours()), DaysLeft: today.DaysUntil(p.End)}
	}
	var outside []CERecord
	for _, r := range sorted {
		i := -1
		for j, p := range periods {
			if p.Contains(r.Date) {
				i = j
				break
			}
		}
		if i < 0 {
			outside = append(outside, r)
			continue
		}
		out[i].Records = append(out[i].Records, credit(r, out[i].Records))
	}
	for i := range out {
		for _, c := range out[i].Records {
			out[i].Credited = out[i].Credited.Add(c.Hours)
			out[i].Pending = out[i].Pending.Add(c.Pending)
		}
		if out[i].Credited.Less(out[i].Required) {
			out[i].Missing = out[i].Required.Sub(out[i].Credited)
		}
	}
	return out, outside
}

// credit says how r counts, given the records already credited before it
// in the same period.
func credit(r CERecord, before []Credited) Credited {
	rule, ok := RuleFor(r.Kind)
	if !ok {
		return Credited{Record: r, Note: "ce.note.unknown_kind"}
	}
	hours := r.Hours
	if rule.Credit == CreditFixed {
		hours = rule.FixedHours
	}
	if rule.OncePerPeriod {
		// An earlier one credited blocks this; an earlier one still pending
		// blocks another pending one (not an approved one, which counts).
		for _, b := range before {
			if b.Record.Kind == r.Kind && (!b.Hours.IsZero() || (!b.Pending.IsZero() && r.Review != ReviewApproved)) {
				return Credited{Record: r, Note: "ce.note.once_per_period"}
			}
		}
	}
	if rule.NeedsReview {
		switch r.Review {
		case ReviewPending:
			return Credited{Record: r, Pending: hours, Note: "ce.note.pending"}
		case ReviewRejected:
			return Credited{Record: r, Note: "ce.note.rejected"}
		}
	}
	return Credited{Record: r, Hours: hours}
}
