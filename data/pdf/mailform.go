package pdf

import (
	"fmt"

	"github.com/swcert/swcert/assets"
	"github.com/swcert/swcert/data"
)

// MailForm sets the application to receive the paper certificate by mail:
// the filled form as a ruled table, the receipt (回执) the holder signs, the
// materials checklist, and the seal. The form goes to the authority, so it
// carries the full ID number; the seal only the masked one. It goes to a
// Chinese office, so it is in Chinese only.
func MailForm(d *data.MailFormDocument, qr func() ([]byte, error)) ([]byte, error) {
	return render(docMeta{
		title:   mailFormTitle() + " " + d.Certificate.MNo,
		subject: "Application to receive the paper certificate by mail, exported by SWCert",
		at:      d.ExportedAt,
	}, func(c *canvas) { mailFormPage(c, d) }, qr)
}

func mailFormTitle() string { return assets.Word(assets.Chinese, "doc.mail_form") }

var (
	sexZH = map[data.Sex]string{data.SexMale: "男", data.SexFemale: "女"}
	feeZH = map[data.Fee]string{data.FeePrepaid: "寄付（申请人预付）", data.FeeOnDelivery: "到付（收件时支付）"}
)

func mailFormPage(c *canvas, d *data.MailFormDocument) {
	h, cert, f := d.Holder, d.Certificate, d.Form
	c.frame()
	y := 26.0
	c.centered(y, 18, accent, mailFormTitle())
	y += 8
	c.centered(y, 10, muted, "（邮寄申领）")
	y += 9

	// The form: label, value, label, value; a lone pair spans the row.
	const labelW, valueW = 28.0, 55.0
	rows := [][][2]string{
		{{zh("name"), h.Name}, {zh("sex"), sexZH[f.Sex]}},
		{{zh("id_type"), h.IDType.ChineseName()}, {zh("id_number"), h.IDNumber}},
		{{zh("level"), cert.Level.ChineseName()}, {zh("mno"), cert.MNo}},
		{{zh("exam_year"), fmt.Sprintf("%d", cert.ExamYear)}, {zh("passed_on"), cert.PassedOn.String()}},
		{{zh("recipient"), f.Recipient}, {zh("phone"), f.Phone}},
		{{zh("mail_address"), f.FullAddress()}},
		{{zh("postcode"), f.Postcode}, {zh("fee"), feeZH[f.Fee]}},
		{{"申请人签名", ""}, {"日期", "        年      月      日"}},
	}
	for i, row := range rows {
		cells := []cell{}
		for _, kv := range row {
			w := valueW
			if len(row) == 1 {
				w = pageW - 2*margin - labelW
			}
			cells = append(cells, cell{text: kv[0], w: labelW, label: true}, cell{text: kv[1], w: w})
		}
		if i == len(rows)-1 {
			cells[1].minLines = 3 // room to sign by hand
		}
		y = c.tableRow(y, cells)
	}

	// The receipt the holder signs and sends with the form.
	y += 6
	y = c.box(y, pageW-2*margin, "回执", []string{
		fmt.Sprintf("本人 %s（证件号码 %s）已收到%s（%s，管理号 %s）。", h.Name, h.IDNumber, certName(), cert.Level.ChineseName(), cert.MNo),
		"",
		"本人签名：____________________        日期：________ 年 ____ 月 ____ 日",
	})

	// What goes in the envelope, beside the seal.
	sealSection(c, y+2, sealInfo{at: d.ExportedAt, by: d.ExportedBy, kid: d.KID, expires: d.Claims().Expires, chineseOnly: true}, func(y, w float64) float64 {
		c.text(margin, y, 11, accent, "寄送材料清单")
		y += 7
		for _, item := range mailChecklist(f.Fee) {
			c.tickBox(margin+2, y+0.6, 3.6)
			y = c.wrapped(margin+8, y, w-8, 9.5, ink, item, 5) + 1.5
		}
		if f.Fee == data.FeeOnDelivery {
			// Nothing to enclose for it: said, so no one looks for it.
			y = c.wrapped(margin+8, y, w-8, 9, muted, "快递费到付：收件时支付，无需随寄。", 5) + 1.5
		}
		return y + 3
	})
	footer(c, d.ExportedBy, "申请以发证机构的审核为准。", "")
}

// mailChecklist is what goes in the envelope: the fee only when it is
// paid in advance (寄付); one paid on delivery is not enclosed.
func mailChecklist(fee data.Fee) []string {
	items := []string{
		"本申请表（填写完整并签名）",
		"身份证复印件（正反面）",
		"本人亲笔签名的回执",
	}
	if fee == data.FeePrepaid {
		items = append(items, "快递费：寄付（按当地通知的方式预付）")
	}
	return items
}

// cell is one cell of a ruled table: a label (shaded) or a value.
type cell struct {
	text     string
	w        float64
	label    bool
	minLines int
}

// tableRow draws a ruled row, its height that of the tallest cell.
func (c *canvas) tableRow(y float64, cells []cell) float64 {
	const pad, lineH, size = 2.0, 5.0, 10.0
	if c.collect != nil {
		for _, cl := range cells {
			c.note(cl.text)
		}
		return y
	}
	c.style(size, ink)
	n := 1
	for _, cl := range cells {
		n = max(n, cl.minLines, len(wrapLines(cl.text, cl.w-2*pad, c.p.GetStringWidth)))
	}
	h := float64(n)*lineH + 2*pad + 1
	x := margin
	c.p.SetDrawColor(muted.r, muted.g, muted.b)
	c.p.SetLineWidth(0.25)
	for _, cl := range cells {
		style := "D"
		if cl.label {
			c.p.SetFillColor(tint.r, tint.g, tint.b)
			style = "FD"
		}
		c.p.Rect(x, y, cl.w, h, style)
		c.wrapped(x+pad, y+pad+0.5, cl.w-2*pad, size, ink, cl.text, lineH)
		x += cl.w
	}
	return y + h
}

// tickBox is an empty square to tick by hand.
func (c *canvas) tickBox(x, y, size float64) {
	if c.collect != nil {
		return
	}
	c.p.SetDrawColor(ink.r, ink.g, ink.b)
	c.p.SetLineWidth(0.3)
	c.p.Rect(x, y, size, size, "D")
}
