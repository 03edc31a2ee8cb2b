package docs

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

// pdfText is the page's text as pdftotext reads it, spaces and line ends
// removed (a wrapped sentence reads as one).
func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (make test-deps installs it): %v", err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// A document names the exporter the person set, in Chinese; until one is
// set it says it is unnamed (never "SWCert 安装 3-lmZFDU"), and it never
// claims to be an anti-counterfeiting mark.
func TestExporterNamedInDocuments(t *testing.T) {
	in := newInstallation(t)
	c := in.certificate(t, "2020S110001", data.NewDate(2020, 12, 1))
	k, err := in.db.OwnKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := in.svc.ExportCertificate(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, b)
	if !strings.Contains(text, "导出者“未署名导出者（密钥"+k.KID[:8]+"）”") {
		t.Errorf("an unnamed exporter is not said to be one:\n%s", text)
	}
	for _, bad := range []string{"SWCert安装", "防伪", "installation"} {
		if strings.Contains(text, bad) {
			t.Errorf("the page says %q:\n%s", bad, text)
		}
	}

	if _, err := in.db.SetOwnKeyName(ctx, "  "); key(err) != "err.required" {
		t.Errorf("an empty name: %v", err)
	}
	if _, err := in.db.SetOwnKeyName(ctx, strings.Repeat("名", data.MaxExporterNameLen+1)); err == nil {
		t.Error("a name too long for its line was taken")
	}
	if _, err := in.db.SetOwnKeyName(ctx, " 阳光社会工作服务中心 "); err != nil {
		t.Fatal(err)
	}
	b, doc, err := in.svc.ExportCertificate(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, b)
	if doc.ExportedBy != "阳光社会工作服务中心" || !strings.Contains(text, "导出者“阳光社会工作服务中心”") || !strings.Contains(text, "导出者Exportedby阳光社会工作服务中心") {
		t.Errorf("exported by %q; the page:\n%s", doc.ExportedBy, text)
	}
	v, err := in.svc.Verify(ctx, b)
	if err != nil || !v.Valid {
		t.Fatalf("verdict %+v %v", v, err)
	}
}
