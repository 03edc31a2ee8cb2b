package pdf

import (
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/swcert/swcert/assets"
	"github.com/swcert/swcert/data"
)

// Profile sets the personal information form (个人信息表): the photo, the
// base fields, the first registration time, the work history with its
// programme flags, the honours, what is still missing, a line to sign and
// the seal. It goes to the authority with the full ID number (the seal has
// only the masked one), and to a Chinese office, so it is in Chinese only.
// photoKind is "JPG" or "PNG" for d.Photo.
func Profile(d *data.ProfileDocument, photoKind string, qr func() ([]byte, error)) ([]byte, error) {
	meta := docMeta{
		title:   profileTitle() + " " + d.Dossier.Holder.Name,
		subject: "Personal information form exported by SWCert, sealed with a QR code",
		at:      d.ExportedAt,
	}
	if len(d.Photo) > 0 && photoKind != "" {
		meta.images = []pageImage{{name: "photo", kind: photoKind, b: d.Photo}}
	}
	return render(meta, func(c *canvas) { profilePages(c, d, len(meta.images) > 0) }, qr)
}

func profileTitle() string { return assets.Word(assets.Chinese, "doc.profile") }

// Photo cell: 一寸 (25×35 mm) in a cell a little larger.
const photoW, photoH = 27.0, 37.8

var (
	workCols = []column{{"起止日期", "", 40}, {zh("org"), "", 50}, {zh("position"), "", 28}, {zh("programme"), "", 22}, {"证明材料", "", 26}}
	honCols  = []column{{zh("date"), "", 26}, {zh("title"), "", 94}, {zh("honour_level"), "", 46}}
)

func profilePages(c *canvas, d *data.ProfileDocument, photo bool) {
	ds, h, p := d.Dossier, d.Dossier.Holder, d.Dossier.Profile
	top := func() float64 {
		c.frame()
		c.centered(21, 18, accent, profileTitle())
		c.centered(28.5, 9.5, muted, "（全国社会工作信息系统登记用）")
		return 35
	}
	y := top()

	// The fields beside the photo, then those across the page.
	const labelW = 26.0
	fullW := pageW - 2*margin
	sideW := fullW - photoW - 2
	pair := func(y, w float64, a, av, b, bv string) float64 {
		vw := (w - 2*labelW) / 2
		return c.tableRow(y, []cell{{text: a, w: labelW, label: true}, {text: av, w: vw}, {text: b, w: labelW, label: true}, {text: bv, w: vw}})
	}
	one := func(y, w float64, a, av string) float64 {
		return c.tableRow(y, []cell{{text: a, w: labelW, label: true}, {text: av, w: w - labelW}})
	}
	y0 := y
	y = pair(y, sideW, zh("name"), h.Name, zh("sex"), data.Chinese(ds.Sex))
	y = pair(y, sideW, zh("id_type"), h.IDType.ChineseName(), zh("birth_date"), dateText(ds.BirthDate))
	y = one(y, sideW, zh("id_number"), h.IDNumber)
	y = pair(y, sideW, zh("ethnicity"), p.Ethnicity, zh("education"), eduText(p.Education))
	y = pair(y, sideW, zh("major"), p.Major, zh("phone"), h.Phone)
	if c.collect == nil {
		// The photo's cell spans the rows beside it.
		x := pageW - margin - photoW
		c.p.SetDrawColor(muted.r, muted.g, muted.b)
		c.p.SetLineWidth(0.25)
		c.p.Rect(x, y0, photoW, y-y0, "D")
		if photo {
			ph := min(photoH-2, y-y0-2)
			pw := ph * 5 / 7
			c.p.ImageOptions("photo", x+(photoW-pw)/2, y0+(y-y0-ph)/2, pw, ph, false, fpdf.ImageOptions{}, 0, "")
		}
	}
	if !photo {
		c.centeredIn(pageW-margin-photoW, photoW, y0+(y-y0)/2-2, 9, muted, "（照片）")
	}
	y = pair(y, fullW, zh("org"), h.Org, zh("region"), h.Region)
	first := "（个人信息表完善后确定）"
	if !d.FirstRegOn.IsZero() {
		first = chineseDate(d.FirstRegOn) + "（" + assets.Word(assets.Chinese, "first_reg_kind."+string(d.FirstRegKind)) + "）"
	}
	y = one(y, fullW, zh("first_reg_on"), first)
	if d.Cert != nil {
		y = pair(y, fullW, zh("level"), d.Cert.Level.ChineseName(), zh("mno"), d.Cert.MNo)
	}

	// The work history, with its programme flags and proofs.
	var rows [][]string
	for _, w := range ds.Work {
		proof := "—"
		if w.Programme != data.ProgrammeNone {
			proof = "缺"
			if len(w.Proofs) > 0 {
				proof = fmt.Sprintf("已附 %d 份", len(w.Proofs))
			}
		}
		rows = append(rows, []string{span(w.StartOn, w.EndOn), w.Org, w.Position, programmeText(w.Programme), proof})
	}
	y = c.listSection(y+4, zh("work_history"), "（无工作经历）", workCols, rows, top)
	rows = nil
	for _, o := range ds.Honours {
		rows = append(rows, []string{dateText(o.Date), o.Title, assets.Word(assets.Chinese, "honour.level."+string(o.Level))})
	}
	y = c.listSection(y+4, zh("honours"), "（无）", honCols, rows, top)

	// What is still missing and the line to sign, beside the seal: the
	// three stay on one page.
	status := assets.Word(assets.Chinese, "dossier.complete")
	if len(ds.Missing) > 0 {
		names := make([]string, len(ds.Missing))
		for i, m := range ds.Missing {
			names[i] = zh(m)
		}
		status = strings.ReplaceAll(assets.Word(assets.Chinese, "dossier.incomplete"), "{{.Missing}}", strings.Join(names, "、"))
	}
	y = c.room(y+3, qrSize+8, top) // its caption in Chinese only: one line
	sealSection(c, y, sealInfo{at: d.ExportedAt, by: d.ExportedBy, kid: d.KID, expires: d.Claims().Expires, chineseOnly: true}, func(y, w float64) float64 {
		return c.box(y, w, "填写情况", []string{status,
			"本人承诺以上信息真实、准确、完整。", "",
			"本人签名：______________", "", "日期：______ 年 ____ 月 ____ 日"})
	})
	footer(c, d.ExportedBy, "个人信息以全国社会工作信息系统的审核为准。", "")
}

func dateText(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// span is "2019-07-01 至 2020-06-30", or "2019-07-01 至今" while open.
func span(start, end data.Date) string {
	if end.IsZero() {
		return start.String() + " " + assets.Word(assets.Chinese, "work.current")
	}
	return start.String() + " 至 " + end.String()
}

func eduText(e data.Education) string {
	if e == "" {
		return ""
	}
	return data.Chinese(e)
}

// programmeText is 三区计划, 牵手计划 or 否.
func programmeText(p data.Programme) string {
	if p == data.ProgrammeNone {
		return assets.Word(assets.Chinese, "programme.none")
	}
	return data.Chinese(p)
}
