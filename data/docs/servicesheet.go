package docs

import (
	"bytes"
	"strconv"

	"github.com/swcert/swcert/assets"
	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/sheet"
)

// The service-record reports as sheets: the same lines as the PDF, each
// cell of its kind (dates are dates, hours and counts numbers), the
// records first, then who served or in which projects, each list ending
// with its total. A sheet carries no seal: the PDF is the sealed copy.

func word(key string) string { return assets.Word(assets.Chinese, key) }

func col(field string, k sheet.Kind) sheet.Column {
	return sheet.Column{Header: word("field." + field), Kind: k}
}

// totalRow is the last row of a list: "合计" under the first text column
// and the hours in the last.
func totalRow(n, label int, total data.Hours) []string {
	r := make([]string, n)
	r[label], r[n-1] = word("sheet.total"), total.String()
	return r
}

func holderReportSheet(r *data.HolderServiceReport) ([]byte, error) {
	names := map[int64]*data.Project{}
	projects := sheet.Export{Sheet: word("field.projects"), Columns: []sheet.Column{
		col("project_name", sheet.KindText), col("project_org", sheet.KindText), col("start_on", sheet.KindDate), col("end_on", sheet.KindDate),
		col("programme", sheet.KindText), col("records", sheet.KindCount), col("service_hours", sheet.KindHours)}}
	for i := range r.Projects {
		p := &r.Projects[i]
		names[p.Project.ID] = &p.Project
		projects.Rows = append(projects.Rows, []string{p.Project.Name, p.Project.Org, p.Project.StartOn.String(), dateCell(p.Project.EndOn),
			programmeCell(p.Project.Programme), strconv.Itoa(p.Records), p.Hours.String()})
	}
	projects.Rows = append(projects.Rows, totalRow(len(projects.Columns), 0, r.Total()))
	recs := sheet.Export{Sheet: word("sheet.service_records"), Title: word("doc.service_report") + " " + r.Holder.Name, At: r.ExportedAt,
		Columns: []sheet.Column{col("date", sheet.KindDate), col("project_name", sheet.KindText), col("programme", sheet.KindText),
			col("content", sheet.KindText), col("service_hours", sheet.KindHours)},
		More: []sheet.Export{projects}}
	for _, s := range r.Records {
		p := names[s.ProjectID]
		name, prog := "", ""
		if p != nil {
			name, prog = p.Name, programmeCell(p.Programme)
		}
		recs.Rows = append(recs.Rows, []string{s.Date.String(), name, prog, s.Content, s.Hours.String()})
	}
	recs.Rows = append(recs.Rows, totalRow(len(recs.Columns), 1, r.Total()))
	return writeBook(recs)
}

func projectReportSheet(r *data.ProjectServiceReport) ([]byte, error) {
	people := sheet.Export{Sheet: word("sheet.participants"), Title: word("doc.service_report") + " " + r.Project.Name, At: r.ExportedAt,
		Columns: []sheet.Column{col("name", sheet.KindText), col("org", sheet.KindText), col("records", sheet.KindCount), col("service_hours", sheet.KindHours)}}
	names := make(map[int64]string, len(r.Participants))
	for _, p := range r.Participants {
		names[p.HolderID] = p.Name
		people.Rows = append(people.Rows, []string{p.Name, p.Org, strconv.Itoa(p.Records), p.Hours.String()})
	}
	people.Rows = append(people.Rows, totalRow(len(people.Columns), 0, r.Total()))
	recs := sheet.Export{Sheet: word("sheet.service_records"), Columns: []sheet.Column{col("date", sheet.KindDate), col("name", sheet.KindText),
		col("content", sheet.KindText), col("service_hours", sheet.KindHours)}}
	for _, s := range r.Records {
		recs.Rows = append(recs.Rows, []string{s.Date.String(), names[s.HolderID], s.Content, s.Hours.String()})
	}
	recs.Rows = append(recs.Rows, totalRow(len(recs.Columns), 1, r.Total()))
	people.More = []sheet.Export{recs}
	return writeBook(people)
}

func writeBook(e sheet.Export) ([]byte, error) {
	var b bytes.Buffer
	if err := sheet.WriteTable("report.xlsx", &b, e); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func dateCell(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func programmeCell(p data.Programme) string {
	if p == data.ProgrammeNone {
		return word("programme.none")
	}
	return data.Chinese(p)
}
