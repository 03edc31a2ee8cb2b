package pdf

import (
	"fmt"

	"github.com/swcert/swcert/assets"
	"github.com/swcert/swcert/data"
)

// The service-record reports (服务记录报告): a holder's, with their
// projects and each record, and a project's, with who served and how
// many hours. Chinese first, English beside the headings, as the CE
// report. Long lists run over pages; the seal is on the last.

const (
	recordsHeading = "服务记录  Service records"
	noRecords      = "尚无服务记录。No service records."
)

func serviceTitle() string { return assets.Word(assets.Chinese, "doc.service_report") }

var (
	holderProjectCols = []column{{zh("project_name"), "Project", 50}, {zh("project_org"), "Agency", 38}, {"起止日期", "Dates", 40}, {zh("programme"), "Programme", 18}, {"记录", "Records", 10}, {"时长", "Hours", 10}}
	holderRecordCols  = []column{{zh("date"), "Date", 22}, {zh("project"), "Project", 44}, {zh("content"), "Content", 86}, {"时长", "Hours", 14}}
	participantCols   = []column{{"序号", "No.", 12}, {zh("name"), "Name", 40}, {zh("org"), "Employer", 80}, {"记录", "Records", 16}, {"时长", "Hours", 18}}
	projectRecordCols = []column{{zh("date"), "Date", 22}, {zh("name"), "Name", 30}, {zh("content"), "Content", 100}, {"时长", "Hours", 14}}
)

// HolderServiceReport sets a holder's report.
func HolderServiceReport(r *data.HolderServiceReport, qr func() ([]byte, error)) ([]byte, error) {
	return render(docMeta{
		title:   serviceTitle() + " " + r.Holder.Name,
		subject: "Service record report of a holder exported by SWCert, sealed with a QR code",
		at:      r.ExportedAt,
	}, func(c *canvas) { holderServicePages(c, r) }, qr)
}

// ProjectServiceReport sets a project's report.
func ProjectServiceReport(r *data.ProjectServiceReport, qr func() ([]byte, error)) ([]byte, error) {
	return render(docMeta{
		title:   serviceTitle() + " " + r.Project.Name,
		subject: "Service record report of a project exported by SWCert, sealed with a QR code",
		at:      r.ExportedAt,
	}, func(c *canvas) { projectServicePages(c, r) }, qr)
}

// serviceTop is the heading of a report's pages: the title on the
// first, a line saying whose report it continues on the others (a
// project's records run over hundreds of pages).
func serviceTop(c *canvas, sub string) func() float64 {
	first := true
	return func() float64 {
		c.frame()
		cont := serviceTitle() + " · " + sub + "（续）"
		c.note(cont) // the pages after the first are set only once the font is made
		if !first && c.collect == nil {
			c.text(margin, 19, 8.5, muted, cont)
			c.rule(24, accent, 0.4)
			return 28
		}
		first = false
		y := 28.0
		c.centered(y, 20, accent, serviceTitle())
		y += 9
		c.centered(y, 10, muted, "Service record report · "+sub)
		y += 6
		c.rule(y, accent, 0.6)
		return y + 6
	}
}

func projectDates(p *data.Project) string { return span(p.StartOn, p.EndOn) }

func holderServicePages(c *canvas, r *data.HolderServiceReport) {
	top := serviceTop(c, r.Holder.Name)
	y := top()
	cert := "—"
	if r.Cert != nil {
		cert = r.Cert.Level.ChineseName() + " · " + r.Cert.MNo
	}
	for _, row := range []struct{ field, value string }{
		{"name", r.Holder.Name}, {"id_number", data.MaskIDNumber(r.Holder.IDNumber)}, {"cert_id", cert}, {"org", r.Holder.Org},
	} {
		y = c.field(y, zh(row.field), en(row.field), row.value)
	}
	y = c.box(y+1, pageW-2*margin, "合计  Totals", []string{
		fmt.Sprintf("参与项目 %d 个 · 服务记录 %d 条 · 服务时长合计 %s 小时", len(r.Projects), len(r.Records), hours(r.Total())),
		fmt.Sprintf("Projects %d · records %d · hours in total %s", len(r.Projects), len(r.Records), hours(r.Total())),
	})
	// Decision: the programme flags of the work history rest on these.
	prog := r.ProgrammeProjects()
	lines := []string{"工作经历中“三区计划”“牵手计划”的标注以下列项目的服务记录为依据。The 三区计划 / 牵手计划 flags of the work history rest on these projects."}
	for _, p := range prog {
		lines = append(lines, fmt.Sprintf("%s：%s（%s，%s 小时）", programmeText(p.Project.Programme), p.Project.Name, projectDates(&p.Project), hours(p.Hours)))
	}
	if len(prog) == 0 {
		lines = append(lines, "未参与三区计划或牵手计划项目。No project under either programme.")
	}
	y = c.box(y, pageW-2*margin, "三区计划 / 牵手计划  Programmes", lines)

	rows := make([][]string, 0, len(r.Projects))
	names := map[int64]string{}
	for _, p := range r.Projects {
		names[p.Project.ID] = p.Project.Name
		rows = append(rows, []string{p.Project.Name, p.Project.Org, projectDates(&p.Project), programmeText(p.Project.Programme), fmt.Sprint(p.Records), hours(p.Hours)})
	}
	y = c.listSection(y, zh("projects")+"  Projects", "尚未参与项目。No projects.", holderProjectCols, rows, top)
	rows = make([][]string, 0, len(r.Records))
	for _, s := range r.Records {
		rows = append(rows, []string{s.Date.String(), names[s.ProjectID], s.Content, hours(s.Hours)})
	}
	y = c.listSection(y+5, recordsHeading, noRecords, holderRecordCols, rows, top)
	y = c.room(y, sealHeight+4, top)
	sealSection(c, y+4, sealInfo{at: r.ExportedAt, by: r.ExportedBy, kid: r.KID, expires: r.Claims().Expires}, nil)
	footer(c, r.ExportedBy, "服务记录以项目实施机构的记录为准。", "the records of the agency that runs each project decide.")
}

func projectServicePages(c *canvas, r *data.ProjectServiceReport) {
	p := r.Project
	top := serviceTop(c, p.Name)
	y := top()
	for _, row := range []struct{ zh, en, value string }{
		{zh("project_name"), en("project_name"), p.Name}, {zh("project_org"), en("project_org"), p.Org},
		{"起止日期", "Dates", projectDates(&p)}, {zh("programme"), en("programme"), programmeText(p.Programme)},
	} {
		y = c.field(y, row.zh, row.en, row.value)
	}
	y = c.box(y+1, pageW-2*margin, "合计  Totals", []string{
		fmt.Sprintf("参与人员 %d 人 · 服务记录 %d 条 · 服务时长合计 %s 小时", len(r.Participants), len(r.Records), hours(r.Total())),
		fmt.Sprintf("Participants %d · records %d · hours in total %s", len(r.Participants), len(r.Records), hours(r.Total())),
	})
	rows := make([][]string, 0, len(r.Participants))
	names := make(map[int64]string, len(r.Participants))
	for i, pt := range r.Participants {
		names[pt.HolderID] = pt.Name
		rows = append(rows, []string{fmt.Sprint(i + 1), pt.Name, pt.Org, fmt.Sprint(pt.Records), hours(pt.Hours)})
	}
	y = c.listSection(y, "参与人员  Participants", "尚无参与人员。No participants.", participantCols, rows, top)
	rows = make([][]string, 0, len(r.Records))
	for _, s := range r.Records {
		rows = append(rows, []string{s.Date.String(), names[s.HolderID], s.Content, hours(s.Hours)})
	}
	y = c.listSection(y+5, recordsHeading, noRecords, projectRecordCols, rows, top)
	y = c.room(y, sealHeight+4, top)
	sealSection(c, y+4, sealInfo{at: r.ExportedAt, by: r.ExportedBy, kid: r.KID, expires: r.Claims().Expires}, nil)
	footer(c, r.ExportedBy, "服务记录以项目实施机构的记录为准。", "the records of the agency that runs the project decide.")
}
