package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
)

// The dossier benchmark's file: 100,000 holders with two certificates,
// a profile and 5 work entries each (the last current, one in ten flagged
// 三区计划 or 牵手计划), an honour and a passed agency change for every
// tenth, and 50,000 projects of 10 participants with 2 service records
// each (1,000,000 records); one more project has 1,000 participants with
// 5 records each. Built once per `go test` run (a few minutes).
const (
	benchProjects     = 50_000
	benchProjectSize  = 10
	benchBigProject   = 1_000
	benchBigProjectID = benchProjects + 1
)

var (
	dossierOnce sync.Once
	dossierPath string
	dossierErr  error
)

func dossierDB(b *testing.B) string {
	b.Helper()
	dossierOnce.Do(func() {
		dir, err := os.MkdirTemp("", "swcert-bench-dossier-")
		if err != nil {
			dossierErr = err
			return
		}
		dossierPath = filepath.Join(dir, "dossier.db")
		db, err := Open(dossierPath, func() time.Time { return testNow })
		if err != nil {
			dossierErr = err
			return
		}
		defer db.Close()
		recs := benchRecords(benchHolders)
		for i := range recs {
			r := &recs[i]
			r.Profile = &data.Profile{Ethnicity: "汉族", Education: data.EduBachelor, Major: "社会工作"}
			start := data.NewDate(2001, 1, 1).AddDays(i % 400)
			for k := 0; k < 5; k++ {
				e := data.WorkEntry{Org: fmt.Sprintf("第%d社工服务中心", (i+k)%500), Position: "社工", StartOn: start}
				if k < 4 {
					e.EndOn = start.AddDays(900)
				}
				if (i+k)%10 == 0 {
					e.Programme = data.ProgrammeSanqu
				}
				r.Work = append(r.Work, e)
				start = start.AddDays(901)
			}
			if i%10 == 0 {
				r.Honours = []data.Honour{{Title: "优秀社会工作者", Date: data.NewDate(2023, 5, 1), Level: data.HonourCity}}
				r.Transfers = []data.Transfer{{AppliedOn: data.NewDate(2014, 1, 1), FromOrg: "甲", ToOrg: "乙", Status: data.ReviewApproved, DecidedOn: data.NewDate(2014, 2, 1)}}
			}
		}
		if dossierErr = db.CreateHolderRecords(ctx, recs); dossierErr != nil {
			return
		}
		// Written in slices of 5,000 projects: one transaction each.
		for from := 0; from < benchProjects; from += 5000 {
			prs := make([]data.ProjectRecord, 0, 5000)
			for p := from; p < from+5000; p++ {
				pr := data.ProjectRecord{Project: data.Project{Name: fmt.Sprintf("项目%d", p), Org: fmt.Sprintf("第%d社工服务中心", p%500),
					StartOn: data.NewDate(2024, 1, 1), EndOn: data.NewDate(2026, 6, 30)}}
				for k := 0; k < benchProjectSize; k++ {
					h := int64((p*7+k*10007)%benchHolders) + 1
					pr.Participants = append(pr.Participants, h)
					for n := 0; n < 2; n++ {
						pr.Records = append(pr.Records, data.ServiceRecord{HolderID: h, Date: data.NewDate(2024, 1, 1).AddDays((p + n*300) % 900),
							Content: "入户探访", Hours: data.TenthsOfHour(5)})
					}
				}
				prs = append(prs, pr)
			}
			if dossierErr = db.CreateProjectRecords(ctx, prs); dossierErr != nil {
				return
			}
		}
		big := data.ProjectRecord{Project: data.Project{Name: "千人项目", Org: "第1社工服务中心", StartOn: data.NewDate(2025, 1, 1)}}
		for k := 0; k < benchBigProject; k++ {
			h := int64(k*97%benchHolders) + 1
			big.Participants = append(big.Participants, h)
			for n := 0; n < 5; n++ {
				big.Records = append(big.Records, data.ServiceRecord{HolderID: h, Date: data.NewDate(2025, 1, 1).AddDays(n * 31), Content: "小组活动", Hours: data.TenthsOfHour(20)})
			}
		}
		dossierErr = db.CreateProjectRecords(ctx, []data.ProjectRecord{big})
	})
	if dossierErr != nil {
		b.Fatal(dossierErr)
	}
	return dossierPath
}

// BenchmarkDossier100k: the personal information section opening, as one
// read (profile, 5 work entries, honours, agency changes, the projects
// with hours) of a holder among 100,000 (iteration i: holder i·7919 mod
// 100,000, so every read is another holder's); project-1000: a project's
// participants with their hours and all its records, the data of a
// project report of 1,000 participants.
func BenchmarkDossier100k(b *testing.B) {
	db, err := Open(dossierDB(b), func() time.Time { return testNow })
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.Run("dossier", func(b *testing.B) {
		i := 0
		for b.Loop() {
			id := int64(i*7919%benchHolders) + 1
			i++
			d, err := db.Dossier(ctx, id)
			if err != nil {
				b.Fatal(err)
			}
			if len(d.Work) != 5 {
				b.Fatalf("holder %d: %d work entries", id, len(d.Work))
			}
		}
	})
	b.Run("project-1000", func(b *testing.B) {
		for b.Loop() {
			ps, err := db.Participants(ctx, benchBigProjectID)
			if err != nil || len(ps) != benchBigProject {
				b.Fatalf("%d participants: %v", len(ps), err)
			}
			recs, err := db.ServiceRecords(ctx, data.ServiceFilter{ProjectID: benchBigProjectID})
			if err != nil || len(recs) != 5*benchBigProject {
				b.Fatalf("%d records: %v", len(recs), err)
			}
		}
	})
}
