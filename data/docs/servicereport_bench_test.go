package docs

import (
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"testing"

	"github.com/swcert/swcert/data"
)

// benchParticipants and benchRecords: the project of the speed
// figure, 1,000 participants, each with a year of fortnightly visits.
const benchParticipants, benchRecords = 1000, 24

// BenchmarkProjectServiceReport writes the report of a project of 1,000
// participants and 24,000 records, as PDF and as .xlsx, from a store that
// also holds SWCERT_BENCH_OTHERS other holders (default 0; the README's
// figure is with 100,000). The issue asks for under 2 s each.
func BenchmarkProjectServiceReport(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(384 << 20)) // as the command line (app/memory.go)
	in := dossierInstallation(b)
	others, _ := strconv.Atoi(os.Getenv("SWCERT_BENCH_OTHERS"))
	var recs []data.HolderRecord
	for i := 0; i < benchParticipants+others; i++ {
		recs = append(recs, data.HolderRecord{Holder: data.Holder{Name: fmt.Sprintf("持证人%05d", i), IDNumber: idNumber(i), Org: "阳光社会工作服务中心"}})
		if len(recs) == 5000 {
			if err := in.db.CreateHolderRecords(ctx, recs); err != nil {
				b.Fatal(err)
			}
			recs = recs[:0]
		}
	}
	if err := in.db.CreateHolderRecords(ctx, recs); err != nil {
		b.Fatal(err)
	}
	p := data.Project{Name: "社区综合服务项目", Org: "阳光社会工作服务中心", StartOn: data.NewDate(2025, 11, 1), EndOn: data.NewDate(2026, 10, 31), Programme: data.ProgrammeQianshou}
	pr := data.ProjectRecord{Project: p}
	for h := int64(1); h <= benchParticipants; h++ {
		pr.Participants = append(pr.Participants, h)
		for d := 0; d < benchRecords; d++ {
			pr.Records = append(pr.Records, data.ServiceRecord{HolderID: h, Date: p.StartOn.AddDays(d * 14),
				Content: "入户走访困境家庭，评估需求并链接社区资源", Hours: data.TenthsOfHour(int64(15 + d%10))})
		}
	}
	if err := in.db.CreateProjectRecords(ctx, []data.ProjectRecord{pr}); err != nil {
		b.Fatal(err)
	}
	found, err := in.db.FindProjects(ctx, data.ProjectFilter{Limit: 1})
	if err != nil || len(found) != 1 {
		b.Fatal(err)
	}
	for _, ext := range []string{FormatPDF, FormatXLSX} {
		b.Run(ext[1:], func(b *testing.B) {
			var size int
			cpu := cpuTime()
			for b.Loop() {
				out, _, err := in.svc.ExportServiceReport(ctx, ServiceReportOf{ProjectID: found[0].ID}, ext)
				if err != nil {
					b.Fatal(err)
				}
				size = len(out)
				keep(b, "bench-project"+ext, out)
			}
			b.ReportMetric(float64(size)/1e6, "MB")
			// The CPU time the process spent an export: on a machine shared
			// with other work the wall-clock time says more about the others.
			b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}
