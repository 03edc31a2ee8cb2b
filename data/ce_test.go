package data

import "testing"

// hrs reads hours as a person types them (tests only: a bad literal fails).
func hrs(s string) Hours {
	h, err := ParseHours("hours", s)
	if err != nil {
		panic(s + ": " + err.Error())
	}
	return h
}

func rec(kind CEKind, date Date, hours string, review Review) CERecord {
	r := CERecord{HolderID: 1, Kind: kind, Title: "课程", Date: date, Hours: hrs(hours), Review: review}
	r.Normalize()
	return r
}

func TestCEProgress(t *testing.T) {
	today := NewDate(2026, 11, 22)
	p := []Period{{Start: NewDate(2024, 9, 2), End: NewDate(2027, 9, 1)}}
	cases := []struct {
		name                       string
		level                      Level
		records                    []CERecord
		credited, pending, missing string
		outside                    int
	}{
		{"nothing yet", LevelAssistant, nil, "0", "0", "72", 0},
		{"training approved counts its hours", LevelSocialWorker, []CERecord{rec(CETraining, NewDate(2025, 1, 10), "24", ReviewApproved)}, "24", "0", "66", 0},
		{"training pending is apart", LevelSocialWorker, []CERecord{rec(CETraining, NewDate(2025, 1, 10), "24", "")}, "0", "24", "90", 0},
		{"rejected hours not counted", LevelSocialWorker, []CERecord{rec(CECourses, NewDate(2025, 1, 10), "30", ReviewRejected)}, "0", "0", "90", 0},
		{"online counts without review", LevelAssistant, []CERecord{rec(CEOnline, NewDate(2025, 2, 1), "12.5", "")}, "12.5", "0", "59.5", 0},
		{"a degree counts 90 at once", LevelSenior, []CERecord{rec(CEDegree, NewDate(2025, 7, 1), "0", ReviewApproved)}, "90", "0", "0", 0},
		{"a second degree in one period counts once", LevelSenior, []CERecord{
			rec(CEDegree, NewDate(2025, 7, 1), "0", ReviewApproved), rec(CEDegree, NewDate(2026, 7, 1), "0", ReviewApproved)}, "90", "0", "0", 0},
		{"a pending degree does not block an approved one", LevelSenior, []CERecord{
			rec(CEDegree, NewDate(2025, 7, 1), "0", ReviewPending), rec(CEDegree, NewDate(2026, 7, 1), "0", ReviewApproved)}, "90", "90", "0", 0},
		{"the period's last day counts", LevelAssistant, []CERecord{rec(CEOnline, NewDate(2027, 9, 1), "10", "")}, "10", "0", "62", 0},
		{"the day after is outside", LevelAssistant, []CERecord{rec(CEOnline, NewDate(2027, 9, 2), "10", "")}, "0", "0", "72", 1},
		{"the day before is outside", LevelAssistant, []CERecord{rec(CEOnline, NewDate(2024, 9, 1), "10", "")}, "0", "0", "72", 1},
		// Decision: hours are kept and summed as whole tenths, never floating point.
		{"0.1 + 64.1 + 7.8 is exactly 72: nothing missing", LevelAssistant, []CERecord{rec(CEOnline, NewDate(2025, 1, 1), "0.1", ""),
			rec(CEOnline, NewDate(2025, 2, 1), "64.1", ""), rec(CEOnline, NewDate(2025, 3, 1), "7.8", "")}, "72", "0", "0", 0},
		{"a tenth short of 72: 0.1 missing", LevelAssistant, []CERecord{rec(CEOnline, NewDate(2025, 1, 1), "0.1", ""),
			rec(CEOnline, NewDate(2025, 2, 1), "64.1", ""), rec(CEOnline, NewDate(2025, 3, 1), "7.7", "")}, "71.9", "0", "0.1", 0},
		{"a tenth over 72: nothing missing", LevelAssistant, []CERecord{rec(CEOnline, NewDate(2025, 1, 1), "0.2", ""),
			rec(CEOnline, NewDate(2025, 2, 1), "64.1", ""), rec(CEOnline, NewDate(2025, 3, 1), "7.8", "")}, "72.1", "0", "0", 0},
		{"pending tenths are summed exactly too", LevelSocialWorker, []CERecord{rec(CETraining, NewDate(2025, 1, 1), "0.1", ""),
			rec(CETraining, NewDate(2025, 2, 1), "0.2", "")}, "0", "0.3", "90", 0},
		{"more than required: nothing missing", LevelAssistant, []CERecord{rec(CEOnline, NewDate(2025, 1, 1), "50", ""), rec(CEOnline, NewDate(2025, 2, 1), "50", "")}, "100", "0", "0", 0},
	}
	for _, tc := range cases {
		got, outside := CEProgress(tc.level, p, tc.records, today)
		g := got[0]
		if g.Credited != hrs(tc.credited) || g.Pending != hrs(tc.pending) || g.Missing != hrs(tc.missing) || len(outside) != tc.outside {
			t.Errorf("%s: credited %v pending %v missing %v outside %d; want %v %v %v %d",
				tc.name, g.Credited, g.Pending, g.Missing, len(outside), tc.credited, tc.pending, tc.missing, tc.outside)
		}
		if g.Required != WholeHours(tc.level.CEHours()) || g.DaysLeft != today.DaysUntil(NewDate(2027, 9, 1)) {
			t.Errorf("%s: required %v days left %d", tc.name, g.Required, g.DaysLeft)
		}
	}
}

func TestCERulesAreData(t *testing.T) {
	// A locality's own kind: added to the table, counted by the same code.
	saved := CERules
	defer func() { CERules = saved }()
	CERules = append(CERules, CERule{Kind: "volunteer", Credit: CreditFixed, FixedHours: WholeHours(8)})
	r := rec("volunteer", NewDate(2025, 3, 1), "0", "")
	got, _ := CEProgress(LevelAssistant, []Period{{Start: NewDate(2024, 9, 2), End: NewDate(2027, 9, 1)}}, []CERecord{r}, NewDate(2026, 1, 1))
	if got[0].Credited != WholeHours(8) {
		t.Errorf("a locality's kind credited %v", got[0].Credited)
	}
}

func TestCERecordValidate(t *testing.T) {
	today := NewDate(2026, 11, 22)
	cases := []struct {
		r     CERecord
		field string
	}{
		{CERecord{HolderID: 1, Kind: "seminar", Title: "x", Date: today, Hours: hrs("1")}, "kind"},
		{CERecord{HolderID: 1, Kind: CETraining, Title: " ", Date: today, Hours: hrs("1")}, "title"},
		{CERecord{HolderID: 1, Kind: CETraining, Title: "x", Hours: hrs("1")}, "date"},
		{CERecord{HolderID: 1, Kind: CETraining, Title: "x", Date: today.AddDays(1), Hours: hrs("1")}, "date"},
		{CERecord{HolderID: 1, Kind: CETraining, Title: "x", Date: today, Hours: hrs("0")}, "hours"},
		{CERecord{HolderID: 1, Kind: CETraining, Title: "x", Date: today, Hours: hrs("1000.1")}, "hours"},
		{CERecord{HolderID: 1, Kind: CETraining, Title: "x", Date: today, Hours: hrs("1"), Review: "maybe"}, "review"},
	}
	for i, tc := range cases {
		tc.r.Normalize()
		if e := AsError(tc.r.Validate(today)); e == nil || e.Field != tc.field {
			t.Errorf("case %d: %v, want a %s error", i, e, tc.field)
		}
	}
	d := CERecord{HolderID: 1, Kind: CEDegree, Title: "社会工作硕士", Date: today}
	d.Normalize()
	if err := d.Validate(today); err != nil || d.Hours != WholeHours(90) || d.Review != ReviewPending {
		t.Errorf("degree defaults: %+v %v", d, err)
	}
}
