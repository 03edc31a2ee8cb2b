package docs

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

func TestMailFormPDF(t *testing.T) {
	in := newInstallation(t)
	in.svc.Paper = in.db
	c := in.certificate(t, "2025S1100001", data.NewDate(2025, 12, 1))
	if _, _, err := in.svc.ExportMailForm(ctx, c.ID); key(err) != "err.mail.no_form" {
		t.Fatalf("no form yet: %v", err)
	}
	f := &data.MailForm{CertID: c.ID, Sex: data.SexFemale, Recipient: "欧阳娜娜", Phone: "13800138000", Province: "北京市", City: "北京市",
		District: "朝阳区", Address: "建国路 88 号 现代城 5 号楼 1201 室（请放物业前台，工作日 9:00-18:00 有人签收）", Postcode: "100022"}
	if err := in.db.SaveMailForm(ctx, f); err != nil {
		t.Fatal(err)
	}
	b, d, err := in.svc.ExportMailForm(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "mail.pdf")
	if dir := os.Getenv("SWCERT_KEEP_PDF"); dir != "" {
		path = filepath.Join(dir, "mail.pdf")
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (make test-deps installs it): %v", err)
	}
	flat := strings.Join(strings.Fields(string(out)), "")
	for _, want := range []string{"社会工作者职业水平证书领取申请表", "欧阳娜娜", "女", "居民身份证", "11010519491231002X", "社会工作师", "2025S1100001",
		"13800138000", "邮寄地址北京市朝阳区建国路88号", "100022", "到付", "回执", "本人签名", "身份证复印件", "快递费到付：收件时支付，无需随寄。"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the form lacks %q:\n%s", want, out)
		}
	}
	// Each part of the address once; no fee to enclose when it is paid on
	// delivery; a form for a Chinese office, in Chinese; the phone once.
	for _, bad := range []string{"北京市北京市", "快递费：到付", "Receipt", "checklist", "Signature", "Exported", "職業資格", "职业资格证书", "防伪"} {
		if strings.Contains(flat, bad) {
			t.Errorf("the form says %q:\n%s", bad, out)
		}
	}
	if n := strings.Count(flat, "13800138000"); n != 1 {
		t.Errorf("the phone is printed %d times", n)
	}
	v, err := in.svc.Verify(ctx, b)
	if err != nil || !v.Valid || v.Mail == nil || v.Mail.IDMasked != "110105********002X" || v.MatchesRecord == nil || !*v.MatchesRecord {
		t.Fatalf("verdict %+v %v", v, err)
	}
	if strings.Contains(v.JWS, "11010519491231002X") || d.Claims().IDMasked != "110105********002X" {
		t.Error("the full ID number is in the seal")
	}
}
