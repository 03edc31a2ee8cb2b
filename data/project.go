package data

import "time"

// Decision (DOMAIN.md, service records 服务记录): a project has a name, the
// agency, a start and an end date (the end may be open), and whether it is
// under the 三区计划, the 牵手计划 or neither. Only a participant of a
// project may have service records in it; a record's date lies within the
// project's dates and not in the future; hours are kept in tenths, more
// than 0 and at most 24 a day per holder across all projects. Removing a
// participant who has records is refused.

// ProjectAheadYears bounds how far ahead a project's end may be planned.
const ProjectAheadYears = 10

// MaxServiceDay is the most a holder may record on one day, across all
// projects.
var MaxServiceDay = WholeHours(24)

// MaxContentLen bounds what a service record says was done.
const MaxContentLen = 500

// Project is a service project an agency registers (社工项目).
type Project struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Org       string    `json:"org"` // the agency that runs it
	StartOn   Date      `json:"start_on"`
	EndOn     Date      `json:"end_on"` // zero: open
	Programme Programme `json:"programme,omitempty"`
	// Participants and Hours are counted when the project is read.
	Participants int       `json:"participants"`
	Hours        Hours     `json:"hours"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
	Stamp
}

// Normalize trims the text fields.
func (p *Project) Normalize() {
	p.Name = NormalizeWords(p.Name)
	p.Org = NormalizeWords(p.Org)
}

// Validate checks a normalized project: name, agency, a start (at most a
// year ahead), an end not before the start.
func (p *Project) Validate(today Date) error {
	if err := ValidateRequiredText("project_name", p.Name); err != nil {
		return err
	}
	if err := ValidateRequiredText("project_org", p.Org); err != nil {
		return err
	}
	if err := ValidateDay("start_on", p.StartOn, true, aheadOf(today)); err != nil {
		return err
	}
	if !p.EndOn.IsZero() {
		last := today.AddYears(ProjectAheadYears)
		if p.EndOn.Before(p.StartOn) {
			return Invalid("end_on", "err.project.end_before_start", "Start", p.StartOn.String())
		}
		if !today.IsZero() && p.EndOn.After(last) {
			return Invalid("end_on", "err.date.range", "Min", p.StartOn.String(), "Max", last.String())
		}
	}
	if !p.Programme.known() {
		return Invalid("programme", "err.value.unknown", "Value", string(p.Programme), "Values", wordList(Programmes))
	}
	return nil
}

// aheadOf is the last day a project may start: a year ahead (as an
// announced day, DayRange), given as the "today" ValidateDay bounds by.
func aheadOf(today Date) Date {
	if today.IsZero() {
		return today
	}
	return today.AddYears(AheadYears)
}

// Contains reports whether the day d is within the project's dates.
func (p *Project) Contains(d Date) bool {
	return !d.Before(p.StartOn) && (p.EndOn.IsZero() || !d.After(p.EndOn))
}

// CheckProjectDates: a project's dates may change only so that its
// records stay within them (first and last: the days of its earliest and
// latest record; zero when it has none).
func CheckProjectDates(p *Project, first, last Date) error {
	if first.IsZero() {
		return nil
	}
	if first.Before(p.StartOn) {
		return Invalid("start_on", "err.project.records_outside", "First", first.String(), "Last", last.String())
	}
	if !p.EndOn.IsZero() && last.After(p.EndOn) {
		return Invalid("end_on", "err.project.records_outside", "First", first.String(), "Last", last.String())
	}
	return nil
}

// Participant is a holder taking part in a project, with what they
// recorded in it.
type Participant struct {
	ProjectID int64     `json:"project_id"`
	HolderID  int64     `json:"holder_id"`
	Name      string    `json:"name"`
	Org       string    `json:"org"`
	Records   int       `json:"records"`
	Hours     Hours     `json:"hours"`
	JoinedAt  time.Time `json:"joined_at"`
}

// CanLeaveProject: a participant who has records in the project stays.
func CanLeaveProject(records int) error {
	if records > 0 {
		return Invalid("holder", "err.project.leave_records", "Count", records)
	}
	return nil
}

// HolderProject is a project a holder takes part in, with their hours in it.
type HolderProject struct {
	Project Project `json:"project"`
	Records int     `json:"records"`
	Hours   Hours   `json:"hours"`
}

// ServiceRecord is what a holder did in a project on one day (服务记录).
type ServiceRecord struct {
	ID        int64     `json:"id"`
	ProjectID int64     `json:"project_id"`
	HolderID  int64     `json:"holder_id"`
	Date      Date      `json:"date"`
	Content   string    `json:"content"`
	Hours     Hours     `json:"hours"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Stamp
}

// Normalize trims the content.
func (r *ServiceRecord) Normalize() { r.Content = NormalizeWords(r.Content) }

// CheckServiceRecord is the service record Decision for r in project p:
// participant says whether r's holder takes part in p, and dayOthers is
// what the holder already recorded on r's day in every project, r itself
// left out. The refusal names the field.
func CheckServiceRecord(p *Project, r *ServiceRecord, participant bool, dayOthers Hours, today Date) error {
	if !participant {
		return Invalid("holder", "err.service.not_participant", "Project", p.Name)
	}
	if r.Date.IsZero() {
		return Invalid("date", "err.required")
	}
	if !today.IsZero() && r.Date.After(today) {
		return Invalid("date", "err.service.future", "Today", today.String())
	}
	if !p.Contains(r.Date) {
		return Invalid("date", "err.service.outside_project", "Start", p.StartOn.String(), "End", endText(p.EndOn))
	}
	if err := checkText("content", r.Content, MaxContentLen, true); err != nil {
		return err
	}
	if r.Hours.Tenths() <= 0 {
		return Invalid("service_hours", "err.service.hours_positive")
	}
	if left := MaxServiceDay.Sub(dayOthers); left.Less(r.Hours) {
		return Invalid("service_hours", "err.service.day_full", "Day", r.Date.String(), "Recorded", dayOthers.String(), "Left", maxHours(left).String())
	}
	return nil
}

func maxHours(h Hours) Hours {
	if h.Tenths() < 0 {
		return Hours{}
	}
	return h
}

// ParseServiceHours reads hours as typed (7.5, 24), in tenths.
func ParseServiceHours(s string) (Hours, error) {
	h, err := ParseHours("service_hours", s)
	if e := AsError(err); e != nil && e.Key == "err.ce.hours" {
		return h, Invalid("service_hours", "err.service.hours_format", "Max", MaxServiceDay.String())
	}
	return h, err
}
