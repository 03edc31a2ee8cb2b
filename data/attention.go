package data

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// AttentionKind says what an attention item is about.
type AttentionKind string

const (
	AttAnnotation   AttentionKind = "annotation"
	AttRegistration AttentionKind = "registration"
	AttCE           AttentionKind = "ce"
	AttPaper        AttentionKind = "paper"
	AttCertificate  AttentionKind = "certificate"
)

// AttentionRules names the version of the rules the attention items follow.
// A store keeps the items it worked out; when a rule changes (a new
// release), bump this and every holder is worked out again on the first
// open, instead of showing items the old rules made.
// 2: Beijing days, applications under review after the window, mail sent
// in time (issue 13).
const AttentionRules = 2

// AttentionKinds in the order the dashboard offers them.
var AttentionKinds = []AttentionKind{AttAnnotation, AttRegistration, AttCE, AttPaper, AttCertificate}

// Attention is one thing that needs attention: which holder and
// certificate, what, by when. Key and Args make its message.
type Attention struct {
	HolderID int64         `json:"holder_id"`
	N        int           `json:"-"` // its place among the holder's items
	CertID   int64         `json:"cert_id"`
	Name     string        `json:"name"`
	Org      string        `json:"org"`
	Region   string        `json:"region"`
	Level    Level         `json:"level"`
	MNo      string        `json:"mno"`
	Kind     AttentionKind `json:"kind"`
	DueOn    Date          `json:"due_on"`
	DaysLeft int           `json:"days_left"` // negative: overdue
	Overdue  bool          `json:"overdue"`
	Key      string        `json:"-"`
	Args     []any         `json:"-"`
}

// Snapshot is everything the dashboard (and the roster) reads, loaded in
// one go; its certificates carry every field but their timestamps.
type Snapshot struct {
	Holders       map[int64]*Holder
	Certificates  []*Certificate
	Annotations   map[int64][]Annotation   // by certificate
	Registrations map[int64][]Registration // by certificate
	CERecords     map[int64][]CERecord     // by holder
	Paper         map[int64]*Paper         // by certificate
	// What the dossier's completeness reads (DossierMissing), by holder:
	// the profile (its Photo set when there is one, without content) and
	// the work history's facts. A holder absent has neither yet.
	Profiles map[int64]*Profile
	Work     map[int64]WorkFacts
}

// AttentionKey names an item: the holder, and its place among the
// holder's items as they were last worked out.
type AttentionKey struct {
	HolderID int64
	N        int
}

// Ref is the item's key.
func (a Attention) Ref() AttentionKey { return AttentionKey{a.HolderID, a.N} }

// Standing says the item has no date of its own: it is due every day it
// is read (a certificate that is not valid), so its DueOn is always today.
func (a Attention) Standing() bool { return a.Kind == AttCertificate }

// LongPastDays is how long after its date an overdue item stops being
// counted in days: a year on, "4228 days overdue" is no news to act on
// today, and the date it lapsed says more.
const LongPastDays = 365

// LongPast says the item's date is more than LongPastDays behind: it is
// told by the date it lapsed, calmly, not counted and shown in alarm red.
// A standing item (the certificate not valid today) is never long past.
func (a Attention) LongPast() bool {
	return a.Overdue && !a.Standing() && -a.DaysLeft > LongPastDays
}

// HolderAttention is what one holder needs attention for, worked out at
// one instant, and until when that holds.
type HolderAttention struct {
	HolderID int64
	Items    []Attention
	// Until is the first instant after which an item may appear, go or
	// change its message or date (an annotation completes or runs out, a
	// window opens or closes, a period ends); zero when none can. Only the
	// days left move in between, and those follow from DueOn (and the
	// DueOn of Standing items, which is today).
	Until time.Time
}

// AttentionItems lists what needs attention across all holders: overdue
// items first, the latest of them on top, then the rest soonest first
// (attentionOrder). The store keeps these items in a table and works a
// holder out again only when it is written or its Until has passed; this
// is the whole computation, which the tests compare the table against.
func AttentionItems(s *Snapshot, now time.Time) []Attention {
	var out []Attention
	for _, h := range AttentionByHolder(s, now) {
		out = append(out, h.Items...)
	}
	slices.SortFunc(out, attentionOrder)
	return out
}

// AttentionByHolder works out the items of every holder in s (holders
// without any included), in no particular order. The rules are those of
// the tabs, applied to everyone: the annotation in force or being
// generated, what registration is due (RegistrationDue), CE hours still
// missing in the current period, the paper certificate's collection
// window, and certificates that are not valid.
func AttentionByHolder(s *Snapshot, now time.Time) []HolderAttention {
	binding := BindingCertificates(s.Certificates)
	certs := make(map[int64][]*Certificate, len(s.Holders))
	for _, c := range s.Certificates {
		certs[c.HolderID] = append(certs[c.HolderID], c)
	}
	holders := make([]*Holder, 0, len(s.Holders))
	for _, h := range s.Holders {
		holders = append(holders, h)
	}
	// Holders are shared out among the cores.
	out := make([]HolderAttention, len(holders))
	parts := runtime.GOMAXPROCS(0)
	if len(holders) < 2000 {
		parts = 1
	}
	var wg sync.WaitGroup
	for p := range parts {
		wg.Add(1)
		Go(func() {
			defer wg.Done()
			for i := p; i < len(holders); i += parts {
				h := holders[i]
				out[i] = holderAttention(s, h, certs[h.ID], binding[h.ID], now)
			}
		})
	}
	wg.Wait()
	return out
}

// holderAttention works out one holder's items and until when they hold.
// Every date a rule compares today with is a candidate for Until: taking
// one too many only works the holder out again for nothing.
func holderAttention(s *Snapshot, h *Holder, certs []*Certificate, binding *Certificate, now time.Time) HolderAttention {
	today := DateOf(now)
	r := HolderAttention{HolderID: h.ID}
	soon := func(t time.Time) {
		if t.After(now) && (r.Until.IsZero() || t.Before(r.Until)) {
			r.Until = t
		}
	}
	// A day's rules turn at its midnight in Beijing.
	soonDay := func(d Date) {
		if !d.IsZero() {
			soon(d.Start())
		}
	}
	for _, c := range certs {
		add := func(kind AttentionKind, due Date, key string, args ...any) {
			r.Items = append(r.Items, Attention{HolderID: h.ID, N: len(r.Items), CertID: c.ID, Name: h.Name, Org: h.Org, Region: h.Region, Level: c.Level, MNo: c.MNo,
				Kind: kind, DueOn: due, DaysLeft: today.DaysUntil(due), Overdue: due.Before(today), Key: key, Args: args})
		}
		if c.Status != StatusValid {
			add(AttCertificate, today, "att.cert_not_valid") // Standing
			continue
		}
		if c.NeedsAnnotation() {
			anns := s.Annotations[c.ID]
			if a := CurrentAnnotation(anns, now); a != nil {
				add(AttAnnotation, DateOf(a.ValidUntil()), "att.ann_expires")
			}
			for i := range anns {
				a := &anns[i]
				if a.State(now) == AnnGenerating {
					add(AttAnnotation, DateOf(a.CompletesAt()), "att.ann_generating")
				}
				if a.WithdrawnAt != nil {
					soon(*a.WithdrawnAt)
				}
				soon(a.CompletesAt())
				soon(a.ValidUntil())
			}
		}
		if binding == c {
			missing := DossierMissing(h, s.Profiles[h.ID], s.Work[h.ID])
			for _, d := range DossierDue(RegistrationDue(c, s.Registrations[c.ID], today), missing) {
				// What is missing as codes, joined: the item's arguments
				// are kept as text; the face names them (field.NAME).
				incomplete := []any{}
				if len(d.DossierMissing) > 0 {
					incomplete = []any{"Missing", strings.Join(d.DossierMissing, ",")}
				}
				switch d.State {
				case DueOpen:
					add(AttRegistration, d.ClosesOn, "att.reg_open."+string(d.Kind), incomplete...)
				case DueUpcoming:
					add(AttRegistration, d.OpensOn, "att.reg_upcoming."+string(d.Kind), incomplete...)
				case DueMissed, DueLapsed:
					add(AttRegistration, d.ClosesOn, "att.reg."+string(d.State))
				}
				soonDay(d.OpensOn)
				soonDay(d.ClosesOn.AddDays(1))
			}
			progress, _ := CEProgress(c.Level, Periods(s.Registrations[c.ID]), s.CERecords[h.ID], today)
			for _, p := range progress {
				if p.Contains(today) && !p.Missing.IsZero() {
					// As text: the item's arguments are kept as JSON, which
					// would read a number back as a float.
					add(AttCE, p.End, "att.ce_missing", "Missing", p.Missing.String(), "Required", p.Required.String())
				}
				soonDay(p.Start)
				soonDay(p.End.AddDays(1))
			}
		}
		if p := s.Paper[c.ID]; p != nil && !p.WindowEnd.IsZero() {
			switch PaperState(p, today) {
			case PaperOverdue:
				add(AttPaper, p.WindowEnd, "att.paper_overdue")
			case PaperNotCollected:
				add(AttPaper, p.WindowEnd, "att.paper_collect")
			}
			soonDay(p.WindowEnd.AddDays(1))
		}
	}
	return r
}

// attentionOrder: overdue first, the most recently overdue at the top (the
// most likely still to be saved); then the rest, soonest first, with the
// standing items after those dated today. The order is total (ties broken
// by name, certificate, kind, message, place), so sorting is deterministic
// without being stable. The store says the same in SQL (attention_read.go).
func attentionOrder(a, b Attention) int {
	if a.Overdue != b.Overdue {
		if a.Overdue {
			return -1
		}
		return 1
	}
	if c := a.DueOn.t.Compare(b.DueOn.t); c != 0 {
		if a.Overdue {
			return -c
		}
		return c
	}
	if a.Standing() != b.Standing() { // today's dated items, then the standing ones
		if b.Standing() {
			return -1
		}
		return 1
	}
	return cmp.Or(strings.Compare(a.Name, b.Name), cmp.Compare(a.CertID, b.CertID),
		strings.Compare(string(a.Kind), string(b.Kind)), strings.Compare(a.Key, b.Key), cmp.Compare(a.N, b.N))
}

// AttentionFilter narrows the dashboard (the store turns it into SQL).
type AttentionFilter struct {
	Kind   AttentionKind // "" for all
	Within int           // days ahead; 0 for any; overdue items always show
	Level  Level         // "" for all
	Search string        // in name, employer, region, management number; any case
	// Upcoming leaves out what is overdue (reminders are of what is coming).
	Upcoming bool
	// DossierIncomplete keeps the registrations whose window is open, or
	// opens within DossierAheadDays, and whose holder's personal
	// information is incomplete (DossierDue): what the dashboard lists as
	// incomplete dossiers.
	DossierIncomplete bool
	// Group orders the items by group first.
	Group AttentionGroup
}

// DossierAheadDays: an incomplete dossier is listed from this many days
// before its holder's registration window opens (the 90 days),
// while the window is open.
const DossierAheadDays = 90

// AttentionGroup is what the dashboard may group its items by: groups
// come in a fixed order (kinds and levels as listed, employers and regions
// by name), and within a group the items keep their order.
type AttentionGroup string

const (
	GroupNone   AttentionGroup = ""
	GroupKind   AttentionGroup = "kind"
	GroupOrg    AttentionGroup = "org"
	GroupRegion AttentionGroup = "region"
	GroupLevel  AttentionGroup = "level"
)

// AttentionGroups in the order the dashboard offers them.
var AttentionGroups = []AttentionGroup{GroupNone, GroupKind, GroupOrg, GroupRegion, GroupLevel}

// AttentionSpan is one group of a grouped list: its value and how many
// items it holds.
type AttentionSpan struct {
	Value string
	Count int
}

// AttentionFigures are the dashboard's figures: how many holders and
// certificates, how many items in all, and how many are due within
// MonthDays or overdue.
type AttentionFigures struct {
	Holders, Certificates int
	Items, Month, Overdue int
}

// MonthDays is what "due this month" means on the dashboard: within 30 days.
const MonthDays = 30
