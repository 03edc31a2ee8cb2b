package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/swcert/swcert/data"
)

const (
	noLineStart = "，。、；：！？）》」』】〕…,.;:!?)"
	noLineEnd   = "（《「『【〔“‘("
)

// checkLines reads a PDF back with pdftotext and checks each line as a
// reader meets it: none starts with a closing mark or ends with an opening
// one, and a wrapped paragraph's last line is not one character alone
// (wrapped: the line before it was cut at the margin, seen as a line at
// least as long as the given one).
func checkLines(t *testing.T, b []byte, what string, longLine int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(tool(t, "pdftotext", "-raw", path, "-"), "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		first, last := []rune(l)[0], []rune(l)[len([]rune(l))-1]
		if strings.ContainsRune(noLineStart, first) {
			t.Errorf("%s: line %d starts with %q: %q (after %q)", what, i+1, first, l, lines[i-1])
		}
		if strings.ContainsRune(noLineEnd, last) {
			t.Errorf("%s: line %d ends with %q: %q (before %q)", what, i+1, last, l, lines[i+1])
		}
		if i > 0 && len([]rune(lines[i-1])) >= longLine && letters(l) == 1 && unicode.Is(unicode.Han, []rune(strings.TrimFunc(l, unicode.IsPunct))[0]) {
			t.Errorf("%s: line %d is one character alone: %q (after %q)", what, i+1, l, lines[i-1])
		}
	}
}

// The pages break Chinese as a typesetter would, whatever the length of
// what is filled in: every length of an issuing body's name and of an
// address, read back from the PDF.
func TestPagesBreakLinesByTheRules(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 60 pages")
	}
	pad := "北京市朝阳区民政局社会工作者职业水平证书发放办公室（窗口）"
	for n := 0; n < 30; n++ {
		doc, _ := sampleDoc(t)
		doc.Certificate.Issuer = string([]rune(pad)[:n%len([]rune(pad))]) + "人力资源和社会保障部（民政部社会工作司，代章）"
		b, err := Certificate(doc, sealPNG("x"))
		if err != nil {
			t.Fatal(err)
		}
		checkLines(t, b, "certificate, issuer "+doc.Certificate.Issuer, 30)

		f := data.MailForm{CertID: 1, Sex: data.SexFemale, Recipient: "欧阳娜娜", Phone: "13800138000", Province: "北京市", City: "北京市", District: "朝阳区",
			Address: string([]rune("建国路八十八号现代城五号楼一二零一室")[:n%18]) + "（请放物业前台，工作日 9:00-18:00 有人签收，签收人须出示身份证）", Postcode: "100022"}
		md := &data.MailFormDocument{Holder: doc.Holder, Certificate: doc.Certificate, Form: f, ExportedAt: doc.ExportedAt, ExportedBy: doc.ExportedBy, KID: doc.KID}
		if b, err = MailForm(md, sealPNG("x")); err != nil {
			t.Fatal(err)
		}
		checkLines(t, b, "mail form, address "+f.Address, 30)

		// A CE report's narrow columns: titles and providers of every length.
		h, _ := data.ParseHours("hours", "7.5")
		var recs []data.Credited
		for i := 0; i < 6; i++ {
			title := string([]rune("社区矫正社会工作实务与督导技巧（初级）研修班")[:(n+i)%20+1]) + "（第" + string(rune('一'+i)) + "期，线上）"
			recs = append(recs, data.Credited{Record: data.CERecord{Kind: data.CETraining, Title: title, Provider: "北京市社会工作者协会（继续教育中心）",
				Date: data.NewDate(2025, 3, 1+i), Hours: h, Review: data.ReviewApproved}, Hours: h})
		}
		r := &data.CEReport{Holder: doc.Holder, Certificate: doc.Certificate, ExportedAt: doc.ExportedAt, ExportedBy: doc.ExportedBy, KID: doc.KID,
			Progress: data.Progress{Period: data.Period{Start: data.NewDate(2024, 9, 2), End: data.NewDate(2027, 9, 1)}, Required: h, Credited: h, Records: recs}}
		if b, err = CEReport(r, sealPNG("x")); err != nil {
			t.Fatal(err)
		}
		checkLines(t, b, "CE report", 30)
	}
}
