package data

import "testing"

func TestProjectValidate(t *testing.T) {
	today := NewDate(2026, 12, 3)
	for _, tc := range []struct {
		name  string
		p     Project
		field string
	}{
		{"open-ended", Project{Name: "社区养老", Org: "阳光社工", StartOn: NewDate(2024, 1, 1)}, ""},
		{"a 三区计划 project over three years", Project{Name: "边疆服务", Org: "阳光社工", StartOn: NewDate(2026, 1, 1), EndOn: NewDate(2028, 12, 31), Programme: ProgrammeSanqu}, ""},
		{"starting next month", Project{Name: "新项目", Org: "阳光社工", StartOn: today.AddDays(30)}, ""},
		{"no name", Project{Org: "阳光社工", StartOn: NewDate(2024, 1, 1)}, "project_name"},
		{"no agency", Project{Name: "社区养老", StartOn: NewDate(2024, 1, 1)}, "project_org"},
		{"no start", Project{Name: "社区养老", Org: "阳光社工"}, "start_on"},
		{"ends before it starts", Project{Name: "社区养老", Org: "阳光社工", StartOn: NewDate(2024, 1, 2), EndOn: NewDate(2024, 1, 1)}, "end_on"},
		{"an unknown programme", Project{Name: "社区养老", Org: "阳光社工", StartOn: NewDate(2024, 1, 1), Programme: "x"}, "programme"},
	} {
		p := tc.p
		p.Normalize()
		err := p.Validate(today)
		if e := AsError(err); (tc.field == "") != (err == nil) || e != nil && e.Field != tc.field {
			t.Errorf("%s: %v, want a refusal on %q", tc.name, err, tc.field)
		}
	}
	p := Project{StartOn: NewDate(2024, 1, 1), EndOn: NewDate(2024, 12, 31)}
	if err := CheckProjectDates(&p, NewDate(2024, 1, 1), NewDate(2024, 12, 31)); err != nil {
		t.Errorf("records on its first and last day: %v", err)
	}
	if e := AsError(CheckProjectDates(&p, NewDate(2023, 12, 31), NewDate(2024, 3, 1))); e == nil || e.Field != "start_on" {
		t.Errorf("a record before the new start: %v", e)
	}
	if e := AsError(CheckProjectDates(&p, NewDate(2024, 2, 1), NewDate(2025, 1, 1))); e == nil || e.Field != "end_on" {
		t.Errorf("a record after the new end: %v", e)
	}
}

func TestCheckServiceRecord(t *testing.T) {
	today := NewDate(2026, 12, 3)
	p := Project{Name: "社区养老", StartOn: NewDate(2026, 1, 1), EndOn: NewDate(2026, 12, 31)}
	open := Project{Name: "长期项目", StartOn: NewDate(2020, 1, 1)}
	h := func(s string) Hours {
		v, err := ParseServiceHours(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	cases := []struct {
		name        string
		p           *Project
		r           ServiceRecord
		participant bool
		dayOthers   Hours
		field       string
		key         string
	}{
		{"a day's record", &p, ServiceRecord{Date: NewDate(2026, 3, 1), Content: "入户探访", Hours: h("2.5")}, true, Hours{}, "", ""},
		{"not a participant", &p, ServiceRecord{Date: NewDate(2026, 3, 1), Content: "入户探访", Hours: h("2")}, false, Hours{}, "holder", "err.service.not_participant"},
		{"on the project's first day", &p, ServiceRecord{Date: NewDate(2026, 1, 1), Content: "x", Hours: h("1")}, true, Hours{}, "", ""},
		{"the day before the project", &p, ServiceRecord{Date: NewDate(2025, 12, 31), Content: "x", Hours: h("1")}, true, Hours{}, "date", "err.service.outside_project"},
		{"today, in an open project", &open, ServiceRecord{Date: today, Content: "x", Hours: h("1")}, true, Hours{}, "", ""},
		{"tomorrow", &open, ServiceRecord{Date: today.AddDays(1), Content: "x", Hours: h("1")}, true, Hours{}, "date", "err.service.future"},
		{"no content", &p, ServiceRecord{Date: NewDate(2026, 3, 1), Hours: h("1")}, true, Hours{}, "content", "err.required"},
		{"no hours", &p, ServiceRecord{Date: NewDate(2026, 3, 1), Content: "x"}, true, Hours{}, "service_hours", "err.service.hours_positive"},
		{"a tenth of an hour", &p, ServiceRecord{Date: NewDate(2026, 3, 1), Content: "x", Hours: h("0.1")}, true, Hours{}, "", ""},
		{"24 h in one day in one project", &p, ServiceRecord{Date: NewDate(2026, 3, 1), Content: "x", Hours: h("24")}, true, Hours{}, "", ""},
		{"24.1 h in one day", &p, ServiceRecord{Date: NewDate(2026, 3, 1), Content: "x", Hours: h("24.1")}, true, Hours{}, "service_hours", "err.service.day_full"},
		{"16 h in another project, 8 h here: 24 across the two", &p, ServiceRecord{Date: NewDate(2026, 3, 1), Content: "x", Hours: h("8")}, true, h("16"), "", ""},
		{"16 h in another project, 8.1 h here", &p, ServiceRecord{Date: NewDate(2026, 3, 1), Content: "x", Hours: h("8.1")}, true, h("16"), "service_hours", "err.service.day_full"},
	}
	for _, tc := range cases {
		r := tc.r
		r.Normalize()
		err := CheckServiceRecord(tc.p, &r, tc.participant, tc.dayOthers, today)
		if tc.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if e := AsError(err); e == nil || e.Field != tc.field || e.Key != tc.key {
			t.Errorf("%s: %v, want %s on %s", tc.name, err, tc.key, tc.field)
		}
	}
	e := AsError(CheckServiceRecord(&p, &ServiceRecord{Date: NewDate(2026, 3, 1), Content: "x", Hours: h("9")}, true, h("16"), today))
	if e == nil || e.Args["Left"] != "8" || e.Args["Recorded"] != "16" {
		t.Errorf("the refusal says what is left of the day: %v", e)
	}
	if err := CanLeaveProject(1); err == nil {
		t.Error("a participant with a record left")
	}
	if err := CanLeaveProject(0); err != nil {
		t.Error(err)
	}
	if _, err := ParseServiceHours("7.55"); err == nil {
		t.Error("hundredths read")
	}
}
