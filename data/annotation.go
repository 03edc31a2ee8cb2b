package data

import (
	"sort"
	"time"
)

// Annotation (加注) is one application to annotate an electronic certificate
// for a usage scenario and a validity period. Its state is never stored:
// it is derived from its timestamps and now (DOMAIN.md, Decision on states).
type Annotation struct {
	ID     int64 `json:"id"`
	CertID int64 `json:"cert_id"`
	Scene  Scene `json:"scene"`
	Days   int   `json:"days"` // validity, 1 to MaxAnnotationDays
	// AppliedAt is when the application was submitted.
	AppliedAt time.Time `json:"applied_at"`
	// CompletedAt is when the annotation was completed, if recorded;
	// otherwise it completes by itself AnnotationCompletion after applying.
	CompletedAt *time.Time `json:"completed_at,omitempty"`
	WithdrawnAt *time.Time `json:"withdrawn_at,omitempty"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
}

// Annotation rules from the sources.
const (
	MaxAnnotationDays = 90 // at most 90 days per application
	// At most AnnotationQuota annotations that count (Counts) applied for
	// on the days D-89 … D of an application on day D.
	AnnotationQuota      = 3
	AnnotationWindowDays = 90
	// AnnotationCompletion: the system completes an annotation within 24 hours.
	AnnotationCompletion = 24 * time.Hour
)

// Scene is a usage scenario (使用场景) of an annotation.
type Scene string

// SceneSelf is 本人调用 ("used by the holder"), the only scenario today.
const SceneSelf Scene = "self"

// Scenes are the usage scenarios an application may choose; a list, since
// the authority may add more.
var Scenes = []Scene{SceneSelf}

// AnnotationState is where an annotation stands at a moment.
type AnnotationState string

const (
	AnnGenerating AnnotationState = "generating" // 证书生成中…
	AnnValid      AnnotationState = "valid"
	AnnExpired    AnnotationState = "expired" // 加注件已过期
	AnnWithdrawn  AnnotationState = "withdrawn"
)

// AnnotationStates lists the states in the order an annotation goes through them.
var AnnotationStates = []AnnotationState{AnnGenerating, AnnValid, AnnExpired, AnnWithdrawn}

// CompletesAt is the recorded completion, or application + 24 h.
func (a *Annotation) CompletesAt() time.Time {
	if a.CompletedAt != nil {
		return *a.CompletedAt
	}
	return a.AppliedAt.Add(AnnotationCompletion)
}

// ValidFrom is when the certificate may first be downloaded under a.
func (a *Annotation) ValidFrom() time.Time { return a.CompletesAt() }

// ValidUntil is the end of validity: completion + Days days.
func (a *Annotation) ValidUntil() time.Time { return a.CompletesAt().AddDate(0, 0, a.Days) }

// State at now: generating until completion, valid until completion + Days,
// expired after; withdrawn once withdrawn.
func (a *Annotation) State(now time.Time) AnnotationState {
	switch {
	case a.WithdrawnAt != nil && !now.Before(*a.WithdrawnAt):
		return AnnWithdrawn
	case now.Before(a.CompletesAt()):
		return AnnGenerating
	case now.Before(a.ValidUntil()):
		return AnnValid
	}
	return AnnExpired
}

// DaysLeft is the whole days of validity left at now (0 on the last day).
func (a *Annotation) DaysLeft(now time.Time) int {
	return DateOf(now).DaysUntil(DateOf(a.ValidUntil()))
}

// Quota is how many applications the 3-in-90-days limit leaves on a day.
type Quota struct {
	Used int  `json:"used"` // applications counted on day D-89 … D
	Max  int  `json:"max"`
	OK   bool `json:"ok"`
	// NextOn is the first day a new application is possible again when
	// the quota is used up (zero when OK).
	NextOn Date `json:"next_on"`
}

// CountsTowardQuota says whether a counts toward the 3-in-90-days limit.
// Decision (DOMAIN.md, withdrawal): one withdrawn while still being
// generated does not count; one that was ever valid counts, withdrawn or
// not, so apply → export → withdraw never gets round the limit.
func (a *Annotation) CountsTowardQuota() bool {
	return a.WithdrawnAt == nil || a.WithdrawnAt.After(a.CompletesAt())
}

// AnnotationQuotaOn applies the limit for an application on day (a day in
// Beijing): the annotations of one certificate that count, applied for on
// day-89 … day inclusive, must be fewer than 3.
func AnnotationQuotaOn(anns []Annotation, day Date) Quota {
	var in []Date
	from := day.AddDays(-(AnnotationWindowDays - 1))
	for _, a := range anns {
		if !a.CountsTowardQuota() {
			continue
		}
		d := DateOf(a.AppliedAt)
		if !d.Before(from) && !d.After(day) {
			in = append(in, d)
		}
	}
	q := Quota{Used: len(in), Max: AnnotationQuota, OK: len(in) < AnnotationQuota}
	if q.OK {
		return q
	}
	// The window slides past the oldest of the most recent 3 (or more)
	// applications 90 days after it.
	sort.Slice(in, func(i, j int) bool { return in[i].After(in[j]) })
	q.NextOn = in[AnnotationQuota-1].AddDays(AnnotationWindowDays)
	return q
}

// ValidateAnnotationRequest checks an application before the quota.
func ValidateAnnotationRequest(scene Scene, days int) error {
	known := false
	for _, s := range Scenes {
		known = known || s == scene
	}
	if !known {
		return Invalid("scene", "err.annotation.scene", "Value", string(scene), "Known", wordList(Scenes))
	}
	if days < 1 || days > MaxAnnotationDays {
		return Invalid("days", "err.annotation.days", "Max", MaxAnnotationDays)
	}
	return nil
}

// CanAnnotate says whether an application for c is possible at now, and
// if not, why: the certificate is not valid, it needs no annotation
// (issued before 2021-12-17), or the 3-in-90-days limit is reached (with
// the date the next one becomes possible).
func CanAnnotate(c *Certificate, anns []Annotation, now time.Time) error {
	if c.Status != StatusValid {
		return Invalid("cert_id", "err.annotation.cert_not_valid")
	}
	if !c.NeedsAnnotation() {
		return Invalid("cert_id", "err.annotation.not_needed", "Start", ElectronicCertStart.String())
	}
	if q := AnnotationQuotaOn(anns, DateOf(now)); !q.OK {
		return Invalid("cert_id", "err.annotation.quota", "Used", q.Used, "Max", q.Max, "Next", q.NextOn.String())
	}
	return nil
}

// CanDownload says whether the electronic certificate c may be viewed or
// downloaded at now: only when valid and, if issued on or after
// 2021-12-17, while an annotation is valid. The refusal says why.
func CanDownload(c *Certificate, anns []Annotation, now time.Time) error {
	if c.Status != StatusValid {
		return Invalid("cert_id", "err.download.cert_not_valid")
	}
	if !c.NeedsAnnotation() {
		return nil
	}
	generating, expired := false, false
	for i := range anns {
		switch anns[i].State(now) {
		case AnnValid:
			return nil
		case AnnGenerating:
			generating = true
		case AnnExpired:
			expired = true
		}
	}
	switch {
	case generating:
		return Invalid("cert_id", "err.download.generating")
	case expired:
		return Invalid("cert_id", "err.download.expired")
	}
	return Invalid("cert_id", "err.download.no_annotation")
}

// CompletionAt is the completion a typed time stands for. A time typed to
// the minute stands for that whole minute, so one in the minute of the
// application (whose time has seconds) means the application's instant:
// "Mark completed" offers the current minute, which may begin before an
// application made seconds ago.
func CompletionAt(a *Annotation, at time.Time) time.Time {
	if at.Before(a.AppliedAt) && !at.Before(a.AppliedAt.Truncate(time.Minute)) {
		return a.AppliedAt
	}
	return at
}

// ValidateCompletion checks a completion time recorded by hand: not before
// the application, not after it would have completed by itself (24 hours),
// not in the future, and only for an annotation still being generated.
func ValidateCompletion(a *Annotation, at, now time.Time) error {
	switch {
	case a.WithdrawnAt != nil:
		return Invalid("id", "err.annotation.withdrawn")
	case a.CompletedAt != nil:
		return Invalid("id", "err.annotation.already_completed", "At", FormatTime(*a.CompletedAt))
	case at.Before(a.AppliedAt):
		return Invalid("at", "err.annotation.complete_before_applied", "Applied", FormatTime(a.AppliedAt))
	case at.After(now):
		return Invalid("at", "err.date.future")
	case at.After(a.AppliedAt.Add(AnnotationCompletion)):
		return Invalid("at", "err.annotation.complete_after_24h", "By", FormatTime(a.AppliedAt.Add(AnnotationCompletion)))
	}
	return nil
}

// CanWithdraw allows withdrawing an annotation that is still being
// generated or valid; an expired or withdrawn one has nothing to withdraw.
func CanWithdraw(a *Annotation, now time.Time) error {
	switch a.State(now) {
	case AnnWithdrawn:
		return Invalid("id", "err.annotation.withdrawn")
	case AnnExpired:
		return Invalid("id", "err.annotation.expired")
	}
	return nil
}

// CurrentAnnotation is the valid annotation a download happens under at
// now: of those valid, the one that lasts longest. nil when none is valid.
func CurrentAnnotation(anns []Annotation, now time.Time) *Annotation {
	var best *Annotation
	for i := range anns {
		if anns[i].State(now) == AnnValid && (best == nil || anns[i].ValidUntil().After(best.ValidUntil())) {
			best = &anns[i]
		}
	}
	return best
}
