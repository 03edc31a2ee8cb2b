package pdf

import (
	"fmt"

	"github.com/swcert/swcert/data"
)

// CEReport sets the sealed continuing-education report of one
// registration period: each record as credited, and the totals against
// the requirement. Long lists run over more pages; the seal is on the last.
func CEReport(r *data.CEReport, qr func() ([]byte, error)) ([]byte, error) {
	return render(docMeta{
		title:   "继续教育学时报告 " + r.Certificate.MNo,
		subject: "Continuing education report exported by SWCert, sealed with a QR code",
		at:      r.ExportedAt,
	}, func(c *canvas) { ceReportPages(c, r) }, qr)
}

var (
	kindZH = map[data.CEKind]string{
		data.CETraining: "培训 Training", data.CEOnline: "网络课程 Online",
		data.CEDegree: "学历教育（取得学位）Degree", data.CECourses: "学历教育（课程）Courses",
	}
	noteZH = map[string]string{
		"ce.note.pending": "待审核 pending review", "ce.note.rejected": "未通过审核 rejected",
		"ce.note.once_per_period": "本周期学位已计 degree counted once", "ce.note.unknown_kind": "未知类别 unknown kind",
	}
)

// Table columns: date, kind, title and provider, recorded, credited, note.
var ceCols = []struct {
	zh, en string
	w      float64
}{
	{"日期", "Date", 22}, {"类别", "Kind", 30}, {"名称 / 机构", "Title / provider", 54}, {"学时", "Hours", 14}, {"认定", "Credited", 15}, {"说明", "Note", 31},
}

func ceReportPages(c *canvas, r *data.CEReport) {
	p := r.Progress
	header := func() float64 {
		c.frame()
		y := 28.0
		c.centered(y, 20, accent, "继续教育学时报告")
		y += 9
		c.centered(y, 10, muted, "Continuing education report · "+certName()+" "+r.Certificate.MNo)
		y += 6
		c.rule(y, accent, 0.6)
		return y + 6
	}
	y := header()
	for _, row := range []struct{ field, value string }{
		{"name", r.Holder.Name},
		{"id_number", data.MaskIDNumber(r.Holder.IDNumber)},
		{"cert_id", r.Certificate.Level.ChineseName() + " · " + r.Certificate.MNo},
		{"period", chineseDate(p.Start) + " 至 " + chineseDate(p.End)},
	} {
		y = c.field(y, zh(row.field), en(row.field), row.value)
	}
	y = c.box(y+1, pageW-2*margin, "学时合计  Totals", []string{
		fmt.Sprintf("要求 Required %s 学时 · 已认定 Credited %s · 待审核 Pending %s · 尚缺 Missing %s",
			hours(p.Required), hours(p.Credited), hours(p.Pending), hours(p.Missing)),
	})

	tableHead := func(y float64) float64 {
		x := margin
		for _, col := range ceCols {
			c.text(x, y, 9, ink, col.zh)
			c.text(x, y+4, 6.5, muted, col.en)
			x += col.w
		}
		c.rule(y+8, muted, 0.2)
		return y + 10
	}
	y = tableHead(y)
	if len(p.Records) == 0 {
		y = c.wrapped(margin, y, pageW-2*margin, 9.5, muted, "本周期尚无继续教育记录。No records in this period.", 5)
	}
	for _, cr := range p.Records {
		rec := cr.Record
		name := rec.Title
		if rec.Provider != "" {
			name += " · " + rec.Provider
		}
		cells := []string{rec.Date.String(), kindZH[rec.Kind], name, hours(rec.Hours), hours(cr.Hours), noteZH[cr.Note]}
		if cells[1] == "" {
			cells[1] = string(rec.Kind)
		}
		// A row never splits over a page; the last page keeps room for the seal.
		if c.collect == nil && y+c.rowHeight(cells) > footerTop-4 {
			c.addPage()
			y = tableHead(header())
		}
		y = c.row(y, cells)
	}
	if c.collect == nil && y+sealHeight > footerTop-4 {
		c.addPage()
		y = header()
	}
	sealSection(c, y+4, sealInfo{at: r.ExportedAt, by: r.ExportedBy, kid: r.KID, expires: r.Claims().Expires}, nil)
	footer(c, r.ExportedBy, "学时以登记机关审核认定为准。", "the registration authority's review decides which hours count.")
}

func hours(h data.Hours) string { return h.String() }

// row sets one table row, each cell wrapped in its column, and returns the
// y below its tallest cell.
func (c *canvas) row(y float64, cells []string) float64 {
	x, end := margin, y
	for i, col := range ceCols {
		end = max(end, c.wrapped(x, y, col.w-2, 8.5, ink, cells[i], 4.2))
		x += col.w
	}
	if c.collect != nil {
		return y
	}
	return end + 1.5
}

// rowHeight measures a row before it is set.
func (c *canvas) rowHeight(cells []string) float64 {
	c.style(8.5, ink)
	n := 1
	for i, col := range ceCols {
		n = max(n, len(wrapLines(cells[i], col.w-2, c.p.GetStringWidth)))
	}
	return float64(n)*4.2 + 1.5
}

func (c *canvas) addPage() {
	if c.collect == nil {
		c.p.AddPage()
	}
}
