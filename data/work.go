package data

import (
	"time"
)

// Programme is the national programme a project or a work history entry
// was under: the 三区计划 (social workers for remote, border and old
// revolutionary areas) or the 牵手计划 (paired assistance), or neither.
// Project bids ask who has such experience.
type Programme string

const (
	ProgrammeNone     Programme = ""
	ProgrammeSanqu    Programme = "sanqu"    // 三区计划
	ProgrammeQianshou Programme = "qianshou" // 牵手计划
)

// Programmes are the two programmes (ProgrammeNone is not one).
var Programmes = []Programme{ProgrammeSanqu, ProgrammeQianshou}

// ParseProgramme reads a programme by its code or Chinese name; "", "none"
// and 无 are ProgrammeNone.
func ParseProgramme(s string) (Programme, bool) {
	switch NormalizeText(s) {
	case "", "none", "无", "否":
		return ProgrammeNone, true
	}
	return ParseWord(Programmes, s)
}

func (p Programme) known() bool { return p == ProgrammeNone || knownWord(Programmes, p) }

// EarliestWorkDay bounds the days of a work history and of honours: a
// holder's career may begin long before the first exam (2008).
var EarliestWorkDay = NewDate(1950, time.January, 1)

// WorkEntry is one entry of a holder's work history (工作经历).
type WorkEntry struct {
	ID       int64  `json:"id"`
	HolderID int64  `json:"holder_id"`
	Org      string `json:"org"` // the employer: picked from those in the database, or typed
	Position string `json:"position,omitempty"`
	StartOn  Date   `json:"start_on"`
	EndOn    Date   `json:"end_on"` // zero while current
	// Programme: the entry was under the 三区计划 or the 牵手计划; such an
	// entry needs a proof file before the dossier is complete.
	Programme Programme `json:"programme,omitempty"`
	Proofs    []Proof   `json:"proofs"`
	// Transfer is the agency change whose passing made this entry (0: typed).
	Transfer  int64     `json:"transfer_id,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Stamp
}

// Current reports whether the entry has no end yet.
func (w *WorkEntry) Current() bool { return w.EndOn.IsZero() }

// Normalize trims the text fields.
func (w *WorkEntry) Normalize() {
	w.Org = NormalizeWords(w.Org)
	w.Position = NormalizeWords(w.Position)
	for i := range w.Proofs {
		w.Proofs[i].Name = NormalizeText(w.Proofs[i].Name)
	}
}

// Validate checks the entry's own fields: employer, a start not after
// today, an end (when there is one) neither before the start nor after
// today. How it sits among the holder's other entries is CheckWorkHistory.
func (w *WorkEntry) Validate(today Date) error {
	if err := ValidateRequiredText("org", w.Org); err != nil {
		return err
	}
	if err := ValidateText("position", w.Position); err != nil {
		return err
	}
	if err := validatePastDay("start_on", w.StartOn, true, today); err != nil {
		return err
	}
	if err := validatePastDay("end_on", w.EndOn, false, today); err != nil {
		return err
	}
	if !w.EndOn.IsZero() && w.EndOn.Before(w.StartOn) {
		return Invalid("end_on", "err.work.end_before_start", "Start", w.StartOn.String())
	}
	if !w.Programme.known() {
		return Invalid("programme", "err.value.unknown", "Value", string(w.Programme), "Values", wordList(Programmes))
	}
	for _, p := range w.Proofs {
		if err := ValidateText("proof", p.Name); err != nil {
			return err
		}
	}
	return nil
}

// validatePastDay bounds a day of a career: from EarliestWorkDay to today.
func validatePastDay(field string, d Date, required bool, today Date) error {
	if d.IsZero() {
		if required {
			return Invalid(field, "err.required")
		}
		return nil
	}
	if !today.IsZero() && d.After(today) {
		return Invalid(field, "err.date.after_today", "Min", EarliestWorkDay.String(), "Max", today.String())
	}
	if d.Before(EarliestWorkDay) {
		return Invalid(field, "err.date.range", "Min", EarliestWorkDay.String(), "Max", today.String())
	}
	return nil
}

// CheckWorkHistory is the work history Decision for an entry e saved among
// the holder's others (e itself, by ID, is skipped among them): at most
// one current entry, and no two entries share a day.
//
// Decision on overlaps (the seeds say nothing): entries may not overlap,
// not even by one day. The history is a sequence of employers, as the
// agency change rule says ("the previous one ends the day before"), and one
// current entry at most; a post held beside another (a 三区计划
// secondment while employed) is the project's service record, not a
// second employer. The refusal names the entry it collides with.
func CheckWorkHistory(others []WorkEntry, e *WorkEntry) error {
	for i := range others {
		o := &others[i]
		if e.ID != 0 && o.ID == e.ID {
			continue
		}
		if e.Current() && o.Current() {
			return Invalid("end_on", "err.work.two_current", "Org", o.Org, "Start", o.StartOn.String())
		}
		if overlaps(e.StartOn, e.EndOn, o.StartOn, o.EndOn) {
			return Invalid("start_on", "err.work.overlap", "Org", o.Org, "Start", o.StartOn.String(), "End", endText(o.EndOn))
		}
	}
	return nil
}

// overlaps: two spans of days, each inclusive, a zero end open.
func overlaps(s1, e1, s2, e2 Date) bool {
	return (e2.IsZero() || !s1.After(e2)) && (e1.IsZero() || !s2.After(e1))
}

func endText(d Date) string {
	if d.IsZero() {
		return "…"
	}
	return d.String()
}

// HonourLevel is the level of an honour (个人荣誉等级).
type HonourLevel string

const (
	HonourVillage     HonourLevel = "village"     // 村(居)
	HonourStreet      HonourLevel = "street"      // 街道(乡镇)
	HonourDistrict    HonourLevel = "district"    // 区(县)
	HonourCity        HonourLevel = "city"        // 地市
	HonourProvince    HonourLevel = "province"    // 省
	HonourMinisterial HonourLevel = "ministerial" // 部
)

// HonourLevels from the lowest.
var HonourLevels = []HonourLevel{HonourVillage, HonourStreet, HonourDistrict, HonourCity, HonourProvince, HonourMinisterial}

// ParseHonourLevel reads a level by its code or its Chinese name.
func ParseHonourLevel(s string) (HonourLevel, bool) { return ParseWord(HonourLevels, s) }

// Honour is one of a holder's honours (个人荣誉): optional in the dossier.
type Honour struct {
	ID        int64       `json:"id"`
	HolderID  int64       `json:"holder_id"`
	Title     string      `json:"title"`
	Date      Date        `json:"date"`
	Level     HonourLevel `json:"level"`
	Proof     *Proof      `json:"proof,omitempty"` // optional
	CreatedAt time.Time   `json:"created_at"`
	UpdatedAt time.Time   `json:"updated_at"`
	Stamp
}

// Normalize trims the title.
func (h *Honour) Normalize() {
	h.Title = NormalizeWords(h.Title)
	if h.Proof != nil {
		h.Proof.Name = NormalizeText(h.Proof.Name)
	}
}

// Validate checks an honour: a title, a day not after today, a level.
func (h *Honour) Validate(today Date) error {
	if err := ValidateRequiredText("title", h.Title); err != nil {
		return err
	}
	if err := validatePastDay("date", h.Date, true, today); err != nil {
		return err
	}
	if !knownWord(HonourLevels, h.Level) {
		if h.Level == "" {
			return Invalid("honour_level", "err.required")
		}
		return Invalid("honour_level", "err.value.unknown", "Value", string(h.Level), "Values", wordList(HonourLevels))
	}
	if h.Proof != nil {
		return ValidateText("proof", h.Proof.Name)
	}
	return nil
}
