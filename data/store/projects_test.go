package store

import (
	"slices"
	"testing"

	"github.com/swcert/swcert/data"
)

func hoursOf(t *testing.T, s string) data.Hours {
	t.Helper()
	h, err := data.ParseServiceHours(s)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// Service records across two projects: only participants record, inside
// the project's dates, at most 24 hours a day per holder across both; a
// participant with records stays; the hours add up per holder and per
// project.
func TestServiceRecordsAcrossProjects(t *testing.T) {
	db := openTest(t)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	other := mustCreateHolder(t, db, holder("李四", "44030519900101123X"))
	a := &data.Project{Name: "社区养老", Org: "阳光社工服务中心", StartOn: dateOf(t, "2026-01-01"), EndOn: dateOf(t, "2026-12-31")}
	b := &data.Project{Name: "边疆服务", Org: "阳光社工服务中心", StartOn: dateOf(t, "2025-06-01"), Programme: data.ProgrammeSanqu}
	for _, p := range []*data.Project{a, b} {
		if err := db.CreateProject(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	rec := func(p *data.Project, holderID int64, day, hours string) *data.ServiceRecord {
		return &data.ServiceRecord{ProjectID: p.ID, HolderID: holderID, Date: dateOf(t, day), Content: "入户探访", Hours: hoursOf(t, hours)}
	}
	if e := data.AsError(db.CreateServiceRecord(ctx, rec(a, h.ID, "2026-03-01", "2"))); e == nil || e.Key != "err.service.not_participant" {
		t.Fatalf("before joining: %v", e)
	}
	for _, p := range []*data.Project{a, b} {
		if err := db.JoinProject(ctx, p.ID, h.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.JoinProject(ctx, a.ID, other.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateServiceRecord(ctx, rec(a, h.ID, "2026-03-01", "16")); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateServiceRecord(ctx, rec(b, h.ID, "2026-03-01", "8")); err != nil {
		t.Fatalf("24 h across the two projects: %v", err)
	}
	if e := data.AsError(db.CreateServiceRecord(ctx, rec(b, h.ID, "2026-03-01", "0.1"))); e == nil || e.Key != "err.service.day_full" {
		t.Errorf("24.1 h across two projects: %v", e)
	}
	if err := db.CreateServiceRecord(ctx, rec(a, other.ID, "2026-03-01", "10")); err != nil {
		t.Errorf("another holder's day is their own: %v", err)
	}
	if e := data.AsError(db.CreateServiceRecord(ctx, rec(a, h.ID, "2025-12-31", "1"))); e == nil || e.Field != "date" {
		t.Errorf("before the project: %v", e)
	}
	if e := data.AsError(db.CreateServiceRecord(ctx, rec(b, h.ID, "2026-11-23", "1"))); e == nil || e.Key != "err.service.future" {
		t.Errorf("tomorrow: %v", e)
	}
	// Editing a record counts the day without the record itself.
	recs, _ := db.ServiceRecords(ctx, data.ServiceFilter{ProjectID: a.ID, HolderID: h.ID})
	if len(recs) != 1 {
		t.Fatalf("records: %+v", recs)
	}
	recs[0].Hours = hoursOf(t, "15.5")
	if err := db.UpdateServiceRecord(ctx, &recs[0]); err != nil {
		t.Errorf("15.5 + 8: %v", err)
	}
	recs[0].Hours = hoursOf(t, "16.1")
	if err := db.UpdateServiceRecord(ctx, &recs[0]); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("16.1 + 8: %v", err)
	}
	if e := data.AsError(db.LeaveProject(ctx, a.ID, h.ID)); e == nil || e.Key != "err.project.leave_records" {
		t.Errorf("leaving with records: %v", e)
	}
	// The project's dates cannot leave a record outside.
	a.StartOn = dateOf(t, "2026-03-02")
	if e := data.AsError(db.UpdateProject(ctx, a)); e == nil || e.Field != "start_on" {
		t.Errorf("a start after a record: %v", e)
	}
	a.StartOn = dateOf(t, "2026-01-01")
	mine, _ := db.HolderProjects(ctx, h.ID)
	if len(mine) != 2 || mine[0].Project.ID != a.ID || mine[0].Hours.String() != "15.5" || mine[1].Hours.String() != "8" {
		t.Errorf("holder's projects: %+v", mine)
	}
	people, _ := db.Participants(ctx, a.ID)
	if len(people) != 2 || people[0].Name != "张三" || people[0].Hours.String() != "15.5" || people[1].Hours.String() != "10" {
		t.Errorf("participants: %+v", people)
	}
	if p, _ := db.Project(ctx, a.ID); p.Participants != 2 || p.Hours.String() != "25.5" {
		t.Errorf("project counts: %+v", p)
	}
	sanqu := data.ProgrammeSanqu
	if n, _ := db.CountProjects(ctx, data.ProjectFilter{Programme: &sanqu}); n != 1 {
		t.Errorf("三区计划 projects: %d", n)
	}
	// Who has programme experience: the 三区计划 project's participant,
	// and a holder whose work history is flagged 牵手计划.
	if err := db.CreateWorkEntry(ctx, &data.WorkEntry{HolderID: other.ID, Org: "甲", StartOn: dateOf(t, "2018-01-01"), EndOn: dateOf(t, "2019-01-01"), Programme: data.ProgrammeQianshou}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		ps   []data.Programme
		want []int64
	}{
		{[]data.Programme{data.ProgrammeSanqu}, []int64{h.ID}},
		{[]data.Programme{data.ProgrammeQianshou}, []int64{other.ID}},
		{data.Programmes, []int64{h.ID, other.ID}},
		{nil, []int64{h.ID, other.ID}},
	} {
		found, _ := db.FindHolders(ctx, data.HolderFilter{Programmes: tc.ps})
		n, _ := db.CountHolders(ctx, data.HolderFilter{Programmes: tc.ps})
		searched, _ := db.CountHolders(ctx, data.HolderFilter{Programmes: tc.ps, Search: "张"})
		var ids []int64
		for _, x := range found {
			ids = append(ids, x.ID)
		}
		wantSearched := 0
		for _, id := range tc.want {
			if id == h.ID {
				wantSearched = 1
			}
		}
		if !slices.Equal(ids, tc.want) || n != len(tc.want) || searched != wantSearched {
			t.Errorf("experience in %v: %v (%d, searched %d), want %v", tc.ps, ids, n, searched, tc.want)
		}
	}
	// A participant without records leaves; one deleted takes theirs.
	if err := db.DeleteServiceRecord(ctx, recs[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := db.LeaveProject(ctx, a.ID, h.ID); err != nil {
		t.Errorf("leaving without records: %v", err)
	}
	deps, _ := db.HolderDependents(ctx, h.ID)
	if deps.Participations != 1 || deps.ServiceRecords != 1 {
		t.Errorf("dependents: %+v", deps)
	}
	if err := db.DeleteHolder(ctx, h.ID); err != nil {
		t.Fatal(err)
	}
	if p, _ := db.Project(ctx, b.ID); p.Participants != 0 || !p.Hours.IsZero() {
		t.Errorf("after the holder was deleted: %+v", p)
	}
}
