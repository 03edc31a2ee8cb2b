package data

import (
	"cmp"
	"slices"
	"strings"
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

// Snapshot is everything the dashboard reads, loaded in one go.
type Snapshot struct {
	Holders       map[int64]*Holder
	Certificates  []*Certificate
	Annotations   map[int64][]Annotation   // by certificate
	Registrations map[int64][]Registration // by certificate
	CERecords     map[int64][]CERecord     // by holder
	Paper         map[int64]*Paper         // by certificate
}

// AttentionItems lists what needs attention across all holders: overdue
// items first, the latest of them on top, then the rest soonest first. The rules are those of the tabs, applied
// to everyone: the annotation in force or being generated, what
// registration is due (RegistrationDue), CE hours still missing in the
// current period, the paper certificate's collection window, and
// certificates that are not valid.
func AttentionItems(s *Snapshot, now time.Time) []Attention {
	today := DateOf(now)
	out := make([]Attention, 0, len(s.Certificates)*3/2) // about what a demo of 100,000 gives
	// A holder registers, and earns CE hours, for their highest valid
	// level: Decision, a lower certificate they have outgrown has no
	// registration or CE of its own to track.
	binding := map[int64]*Certificate{}
	for _, c := range s.Certificates {
		if b := binding[c.HolderID]; c.Status == StatusValid && (b == nil || levelIndex(c.Level) >= levelIndex(b.Level)) {
			binding[c.HolderID] = c
		}
	}
	for _, c := range s.Certificates {
		h := s.Holders[c.HolderID]
		if h == nil {
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
		for _, d := range RegistrationDue(c, s.Registrations[c.ID], today) {
			if binding[h.ID] != c {
				break
			}
			switch d.State {
			case DueOpen:
				add(AttRegistration, d.ClosesOn, "att.reg_open."+string(d.Kind))
			case DueUpcoming:
				add(AttRegistration, d.OpensOn, "att.reg_upcoming."+string(d.Kind))
			case DueMissed, DueLapsed:
				add(AttRegistration, d.ClosesOn, "att.reg."+string(d.State))
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
	for hid, c := range binding {
		h := s.Holders[hid]
		progress, _ := CEProgress(c.Level, Periods(s.Registrations[c.ID]), s.CERecords[hid], today)
		for _, p := range progress {
			if p.Contains(today) && p.Missing > 0 {
				out = append(out, Attention{HolderID: hid, CertID: c.ID, Name: h.Name, Org: h.Org, Region: h.Region, Level: c.Level, MNo: c.MNo,
					Kind: AttCE, DueOn: p.End, DaysLeft: today.DaysUntil(p.End), Key: "att.ce_missing",
					Args: []any{"Missing", p.Missing, "Required", p.Required}})
			}
		}
	}
	// Overdue first, the most recently overdue at the top (the most likely
	// still to be saved); then the rest, soonest first. The order is total
	// (ties broken by name, certificate, kind, message), so an unstable
	// sort is deterministic, and much cheaper on 100,000s of items.
	slices.SortFunc(out, func(a, b Attention) int {
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
	})
	return out
}

func levelIndex(l Level) int {
	for i, k := range Levels {
		if k == l {
			return i
		}
	}
	return -1
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
