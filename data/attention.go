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

// AttentionKinds in the order the dashboard offers them.
var AttentionKinds = []AttentionKind{AttAnnotation, AttRegistration, AttCE, AttPaper, AttCertificate}

// Attention is one thing that needs attention: which holder and
// certificate, what, by when. Key and Args make its message.
type Attention struct {
	HolderID int64         `json:"holder_id"`
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
}

// AttentionItems lists what needs attention across all holders: overdue
// items first, the latest of them on top, then the rest soonest first
// (attentionOrder). The rules are those of the tabs, applied
// to everyone: the annotation in force or being generated, what
// registration is due (RegistrationDue), CE hours still missing in the
// current period, the paper certificate's collection window, and
// certificates that are not valid.
func AttentionItems(s *Snapshot, now time.Time) []Attention {
	binding := BindingCertificates(s.Certificates)
	// Holders are shared out among the cores (by ID, so a holder's items
	// stay together); each part is worked out and sorted apart, then merged.
	parts := runtime.GOMAXPROCS(0)
	if len(s.Certificates) < 2000 {
		parts = 1
	}
	sorted := make([][]Attention, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			items := attentionPart(s, now, binding, p, parts)
			slices.SortFunc(items, attentionOrder)
			sorted[p] = items
		}()
	}
	wg.Wait()
	out := sorted[0]
	for _, more := range sorted[1:] {
		out = mergeSorted(out, more)
	}
	return out
}

// attentionPart works out the items of the holders whose ID is part modulo
// parts.
func attentionPart(s *Snapshot, now time.Time, binding map[int64]*Certificate, part, parts int) []Attention {
	today := DateOf(now)
	mine := func(holderID int64) bool { return int(holderID%int64(parts)) == part }
	out := make([]Attention, 0, len(s.Certificates)*3/2/parts) // about what a demo of 100,000 gives
	for _, c := range s.Certificates {
		h := s.Holders[c.HolderID]
		if h == nil || !mine(c.HolderID) {
			continue
		}
		add := func(kind AttentionKind, due Date, key string, args ...any) {
			out = append(out, Attention{HolderID: h.ID, CertID: c.ID, Name: h.Name, Org: h.Org, Region: h.Region, Level: c.Level, MNo: c.MNo,
				Kind: kind, DueOn: due, DaysLeft: today.DaysUntil(due), Overdue: due.Before(today), Key: key, Args: args})
		}
		if c.Status != StatusValid {
			add(AttCertificate, today, "att.cert_not_valid")
			continue
		}
		if c.NeedsAnnotation() {
			anns := s.Annotations[c.ID]
			if a := CurrentAnnotation(anns, now); a != nil {
				add(AttAnnotation, DateOf(a.ValidUntil()), "att.ann_expires")
			}
			for i := range anns {
				if anns[i].State(now) == AnnGenerating {
					add(AttAnnotation, DateOf(anns[i].CompletesAt()), "att.ann_generating")
				}
			}
		}
		if binding[h.ID] == c {
			for _, d := range RegistrationDue(c, s.Registrations[c.ID], today) {
				switch d.State {
				case DueOpen:
					add(AttRegistration, d.ClosesOn, "att.reg_open."+string(d.Kind))
				case DueUpcoming:
					add(AttRegistration, d.OpensOn, "att.reg_upcoming."+string(d.Kind))
				case DueMissed, DueLapsed:
					add(AttRegistration, d.ClosesOn, "att.reg."+string(d.State))
				}
			}
			progress, _ := CEProgress(c.Level, Periods(s.Registrations[c.ID]), s.CERecords[h.ID], today)
			for _, p := range progress {
				if p.Contains(today) && p.Missing > 0 {
					add(AttCE, p.End, "att.ce_missing", "Missing", p.Missing, "Required", p.Required)
				}
			}
		}
		if p := s.Paper[c.ID]; p != nil && !p.WindowEnd.IsZero() {
			switch PaperState(p, today) {
			case PaperOverdue:
				add(AttPaper, p.WindowEnd, "att.paper_overdue")
			case PaperNotCollected:
				add(AttPaper, p.WindowEnd, "att.paper_collect")
			}
		}
	}
	return out
}

// attentionOrder: overdue first, the most recently overdue at the top (the
// most likely still to be saved); then the rest, soonest first. The order
// is total (ties broken by name, certificate, kind, message), so sorting
// is deterministic without being stable.
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
	return cmp.Or(strings.Compare(a.Name, b.Name), cmp.Compare(a.CertID, b.CertID),
		strings.Compare(string(a.Kind), string(b.Kind)), strings.Compare(a.Key, b.Key))
}

// mergeSorted merges two lists sorted by attentionOrder.
func mergeSorted(a, b []Attention) []Attention {
	out := make([]Attention, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if attentionOrder(b[0], a[0]) < 0 {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// AttentionFilter narrows the dashboard.
type AttentionFilter struct {
	Kind   AttentionKind // "" for all
	Within int           // days ahead; 0 for any; overdue items always show
	Level  Level         // "" for all
	Search string        // in name, employer, region, management number
}

// Filter keeps the items f selects.
func (f AttentionFilter) Filter(items []Attention) []Attention {
	var out []Attention
	q := lowerFold(f.Search)
	for _, it := range items {
		if f.Kind != "" && it.Kind != f.Kind {
			continue
		}
		if f.Level != "" && it.Level != f.Level {
			continue
		}
		if f.Within > 0 && !it.Overdue && it.DaysLeft > f.Within {
			continue
		}
		if q != "" && !containsFold(it.Name+"\n"+it.Org+"\n"+it.Region+"\n"+it.MNo, q) {
			continue
		}
		out = append(out, it)
	}
	return out
}

func lowerFold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func containsFold(s, lowerQ string) bool { return strings.Contains(strings.ToLower(s), lowerQ) }
