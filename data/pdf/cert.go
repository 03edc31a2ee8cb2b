// Package pdf writes the documents SWCert exports, and reads the images
// back out of a PDF for the verifier. Pages are set with fpdf and the
// bundled WenQuanYi Micro Hei, the same font the window uses.
package pdf

import (
	"bytes"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/swcert/swcert/assets"
	"github.com/swcert/swcert/data"
)

const fontFamily = "wqy"

// A4 portrait, in millimetres.
const (
	pageW, pageH = 210.0, 297.0
	margin       = 22.0
	labelW       = 42.0
	// qrSize is the seal's side, its 2-module quiet zone included: 64 mm
	// gives the format-2 seal (a version-13 code, 69 modules) 0.88 mm a
	// module, which a page rendered at 72 dpi, halved from 150 dpi, or
	// blurred by 1.5 px at 150 dpi still reads (seal_photo_test.go). The
	// page leaves white around it for the rest of the quiet zone: 3 mm
	// above, 2 below to the caption, 8 to the left column.
	qrSize = 64.0
)

type rgb struct{ r, g, b int }

var (
	ink    = rgb{30, 34, 40}
	muted  = rgb{110, 116, 125}
	accent = rgb{158, 28, 32} // the red of a Chinese certificate
	navy   = rgb{24, 64, 120}
	tint   = rgb{247, 242, 236}
)

// Certificate sets the page of an exported electronic certificate: the
// holder and certificate, the annotation it was exported under, the QR
// seal, and a footer that says what the seal proves and what it does not.
// The page is a Chinese document with English beside each label, whatever
// the language of the window.
//
// qr draws the seal's QR code as a PNG. It runs beside the setting of the
// page, which takes about as long; the page scales the image to qrSize.
func Certificate(doc *data.CertDocument, qr func() ([]byte, error)) ([]byte, error) {
	return render(docMeta{
		title:   certName() + " " + doc.Certificate.MNo,
		subject: "Electronic certificate exported by SWCert, sealed with a QR code",
		at:      doc.ExportedAt,
	}, func(c *canvas) { certPage(c, doc) }, qr)
}

type docMeta struct {
	title, subject string
	at             time.Time
	// images are pictures the page places beside the seal (a photo),
	// registered under their names.
	images []pageImage
}

// pageImage is a JPEG or PNG to register as name ("JPG" or "PNG").
type pageImage struct {
	name, kind string
	b          []byte
}

// render sets a document drawn by draw, with the seal's QR image (drawn by
// qr meanwhile, registered as "seal"). draw runs twice: first to learn the
// characters the pages use, to give fpdf a font of only those (font.go).
func render(meta docMeta, draw func(*canvas), qr func() ([]byte, error)) ([]byte, error) {
	type png struct {
		b   []byte
		err error
	}
	qrDone := make(chan png, 1)
	data.Go(func() {
		b, err := qr()
		qrDone <- png{b, err}
	})

	c := &canvas{collect: map[rune]bool{}}
	draw(c)
	font, err := pageFont(c.collect)
	if err != nil {
		<-qrDone
		return nil, err
	}

	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(true)
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(margin, margin, margin)
	p.SetCreationDate(meta.at)
	p.SetModificationDate(meta.at)
	p.SetTitle(meta.title, true)
	p.SetSubject(meta.subject, false)
	p.SetCreator("SWCert", false)
	p.AddUTF8FontFromBytes(fontFamily, "", font)
	p.SetFont(fontFamily, "", 12)
	// fpdf reports a font it cannot read on stdout and carries on; a page
	// set without it would lose every character, so check it took.
	if p.Err() || p.GetStringWidth("证") == 0 {
		<-qrDone
		return nil, fmt.Errorf("pdf: font not loaded: %v", p.Error())
	}
	img := <-qrDone
	if img.err != nil {
		return nil, img.err
	}
	p.RegisterImageOptionsReader("seal", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(img.b))
	for _, im := range meta.images {
		p.RegisterImageOptionsReader(im.name, fpdf.ImageOptions{ImageType: im.kind}, bytes.NewReader(im.b))
	}
	if p.Err() {
		return nil, fmt.Errorf("pdf: image: %w", p.Error())
	}
	p.AddPage()
	draw(&canvas{p: p})
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return b.Bytes(), nil
}

func certPage(c *canvas, doc *data.CertDocument) {
	cert, h := doc.Certificate, doc.Holder
	c.frame()

	y := 30.0
	c.centered(y, 24, accent, certName())
	y += 10
	c.centered(y, 10.5, muted, assets.Word(assets.English, "doc.cert_name")+" · 电子证书导出件 Exported electronic certificate")
	y += 7
	c.rule(y, accent, 0.6)
	y += 8

	rows := []struct{ field, value string }{
		{"name", h.Name},
		{"id_number", data.MaskIDNumber(h.IDNumber)},
		{"level", cert.Level.ChineseName()},
		{"prof_title", cert.Level.TitleChineseName() + "  " + titleEN[cert.Level]},
		{"mno", cert.MNo},
		{"exam_year", fmt.Sprintf("%d 年", cert.ExamYear)},
		{"passed_on", chineseDate(cert.PassedOn)},
		{"issued_on", chineseDate(cert.IssuedOn)},
		{"issuer", cert.Issuer},
		{"status", cert.Status.ChineseName() + "  " + statusEN[cert.Status]},
	}
	for _, r := range rows {
		y = c.field(y, zh(r.field), en(r.field), r.value)
	}

	// The annotation and the export on the left, the seal on the right.
	sealSection(c, y+3, sealInfo{at: doc.ExportedAt, by: doc.ExportedBy, kid: doc.KID, expires: doc.Claims().Expires}, func(y, w float64) float64 {
		if a := doc.Annotation; a != nil {
			window := fmt.Sprintf("%s 至 %s（%s，%d 天）", data.FormatTime(a.ValidFrom()), data.FormatTime(a.ValidUntil()), data.BeijingTimeZH, a.Days)
			return c.box(y, w, "加注信息  Annotation", []string{
				"使用场景 Usage scenario：" + data.Chinese(a.Scene) + "  " + sceneEN[a.Scene],
				"加注有效期 Valid：" + window,
				"本导出件仅在加注有效期内有效。This copy is valid only within the annotation's validity.",
			})
		}
		return c.box(y, w, "加注信息  Annotation", []string{
			"本证书于 2021 年 12 月 17 日电子证书启用前颁发，下载无需加注。",
			"Issued before electronic certificates began on 2021-12-17: no annotation is needed.",
		})
	})
	footer(c, doc.ExportedBy, "证书的真实性与效力以发证机构的记录为准。", "the authority's record decides whether the certificate is genuine and in force.")
}

// sealInfo is what a page says about its export.
type sealInfo struct {
	at      time.Time
	by, kid string
	expires int64
	// chineseOnly: a form for a Chinese office, no English beside.
	chineseOnly bool
}

// sealHeight is the room sealSection needs below y.
const sealHeight = qrSize + 12

// sealSection puts the QR seal on the right and, on the left, what left
// draws (given its top and width) followed by the export's details.
func sealSection(c *canvas, y float64, s sealInfo, left func(y, w float64) float64) float64 {
	leftW := pageW - 2*margin - qrSize - 8
	qrX := pageW - margin - qrSize
	c.image("seal", qrX, y, qrSize)
	c.centeredIn(qrX, qrSize, y+qrSize+2, 8.5, navy, "签名二维码 · 扫码离线核验")
	if !s.chineseOnly {
		c.centeredIn(qrX, qrSize, y+qrSize+6.5, 7.5, muted, "Signed QR code · scan to verify offline")
	}
	bottom := y + sealHeight
	if left != nil {
		y = left(y, leftW)
	}
	expires := time.Unix(s.expires, 0).In(s.at.Location())
	half := leftW/2 - 2
	label := func(zh, en string) string {
		if s.chineseOnly {
			return zh
		}
		return zh + " " + en
	}
	for _, row := range [][][2]string{
		{{label("导出时间", "Exported at"), s.at.In(data.Beijing).Format("2006-01-02 15:04:05") + " " + data.BeijingTimeZH}, {label("导出者", "Exported by"), s.by}},
		{{label("签名有效至", "Seal valid until"), data.FormatTime(expires) + " " + data.BeijingTimeZH}},
		{{label("密钥编号", "Key ID"), s.kid}},
	} {
		end := y + 8
		for i, kv := range row {
			x, w := margin+float64(i)*(half+4), half
			if len(row) == 1 {
				w = leftW
			}
			c.text(x, y, 7.5, muted, kv[0])
			end = max(end, c.wrapped(x, y+3.6, w, 8.5, ink, kv[1], 4))
		}
		y = end + 1.5
	}
	return max(y, bottom)
}

// footerTop is where the footer begins.
const footerTop = pageH - margin - 24

// footer says what the seal proves, and what it does not; the last
// sentence names the record that decides, in Chinese and English (in
// Chinese only when decidesEN is empty).
func footer(c *canvas, by, decidesZH, decidesEN string) {
	fy := footerTop
	c.rule(fy, muted, 0.2)
	fy += 5
	fy = c.wrapped(margin, fy, pageW-2*margin, 8, muted,
		"说明：二维码是导出者“"+by+"”用 SWCert 以 Ed25519 密钥所作的签名，只证明本页由其于上述时间导出、所载内容此后未被改动。"+
			"它不是发证机构的记录，也不代替人力资源和社会保障部、民政部的查询结果；"+decidesZH, 3.8)
	if decidesEN == "" {
		return
	}
	c.wrapped(margin, fy+1, pageW-2*margin, 7.5, muted,
		"The QR code is the Ed25519 signature of the exporter \""+by+"\", made with SWCert: it proves only that this page was exported by them at the time stated and has not been altered since. "+
			"It is not the issuing authority's record and does not replace it; "+decidesEN, 3.5)
}

var (
	titleEN  = map[data.Level]string{data.LevelAssistant: "Junior", data.LevelSocialWorker: "Intermediate", data.LevelSenior: "Senior"}
	statusEN = map[data.CertStatus]string{data.StatusValid: "Valid", data.StatusRevoked: "Not valid"}
	sceneEN  = map[data.Scene]string{data.SceneSelf: "Used by the holder"}
)

func chineseDate(d data.Date) string {
	t := d.Time()
	return fmt.Sprintf("%d 年 %d 月 %d 日", t.Year(), int(t.Month()), t.Day())
}

// pageFont is the bundled font cut down to the page's characters.
func pageFont(used map[rune]bool) ([]byte, error) {
	fontOnce.Do(func() { fontParsed, fontErr = parseFont(assets.FontTTF) })
	if fontErr != nil {
		return nil, fontErr
	}
	runes := make([]rune, 0, len(used)+96)
	for r := range used {
		runes = append(runes, r)
	}
	for r := rune(32); r < 127; r++ { // fpdf measures with these
		runes = append(runes, r)
	}
	return fontParsed.subset(runes)
}
