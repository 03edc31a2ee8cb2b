package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/assets"
	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/data/sheet"
	"github.com/swcert/swcert/i18n"
)

// One vocabulary (issue #15): a certificate's fields are called the same
// in the window and on the command line (the translations), on the PDFs
// (read back with pdftotext) and in the spreadsheets' headers, and the
// certificate is 社会工作者职业水平证书 everywhere.
func TestOneVocabularyAcrossWindowPDFSheetAndCLI(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "欧阳娜娜", "--id-number", "11010519491231002X", "--phone", "13800138000")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2020S110001", "--exam-year", "2020", "--passed-on", "2020-09-20", "--issued-on", "2020-12-01")
	r.ok(nil, "mail", "form", "--cert", "1", "--province", "北京市", "--city", "北京市", "--district", "朝阳区", "--address", "建国路88号", "--postcode", "100022")
	dir := t.TempDir()
	pdfText := func(args ...string) string {
		out := filepath.Join(dir, args[1]+".pdf")
		r.ok(nil, append(args, "--out", out)...)
		b, err := exec.Command("pdftotext", "-raw", out, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		return strings.Join(strings.Fields(string(b)), "")
	}
	cert := pdfText("export", "cert", "--cert", "1")
	mail := pdfText("export", "mailform", "--cert", "1")
	i18n.SetLanguage(i18n.Chinese)
	defer i18n.SetLanguage(i18n.English)
	_, cli, _ := r.do("--lang", "zh", "cert", "show", "1")

	sheetHeader := map[string]string{}
	for i, f := range sheet.TemplateFields {
		sheetHeader[f.Field] = sheet.TemplateHeader[i]
	}
	for _, f := range []string{"name", "id_number", "level", "mno", "exam_year", "passed_on", "issued_on", "issuer", "status"} {
		word := i18n.Field(f) // the window's label and the command line's
		if sheetHeader[f] != word {
			t.Errorf("%s: the sheet says %q, the window %q", f, sheetHeader[f], word)
		}
		if !strings.Contains(cert, word+i18nEN(f)) {
			t.Errorf("%s: the certificate PDF lacks %q:\n%s", f, word, cert)
		}
		if f != "name" && f != "id_number" && !strings.Contains(cli, word+":") { // cert show: the certificate's fields
			t.Errorf("%s: swcert cert show lacks %q:\n%s", f, word, cli)
		}
	}
	for _, f := range []string{"name", "id_number", "level", "mno", "exam_year", "passed_on", "phone", "postcode", "recipient"} {
		if !strings.Contains(mail, i18n.Field(f)) {
			t.Errorf("%s: the mail form lacks %q:\n%s", f, i18n.Field(f), mail)
		}
	}
	if !strings.HasPrefix(cert, "社会工作者职业水平证书") || !strings.HasPrefix(mail, "社会工作者职业水平证书领取申请表") {
		t.Errorf("the certificate's name: %q / %q", cert[:40], mail[:40])
	}
	// The old words are nowhere: not on a page, not in a header, not in
	// a message of the window or the command line.
	zh, _ := os.ReadFile("../assets/translations/zh_Hans.json")
	all := cert + mail + strings.Join(docs.RosterHeader, ",") + string(zh)
	for _, old := range []string{"职业资格证书", "考试年份", "通过日期", "发证机关"} {
		if strings.Contains(all, old) {
			t.Errorf("%q is still said", old)
		}
	}
}

func i18nEN(field string) string {
	return strings.Join(strings.Fields(assets.Word(assets.English, "field."+field)), "")
}
