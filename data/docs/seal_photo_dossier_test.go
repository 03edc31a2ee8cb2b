package docs

import (
	"crypto/ed25519"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

// The seals of the form and of the reports survive what a phone photo or
// a poor scan does to the page they are on (the last), as the other
// documents' do (TestSealsSurviveAPhotoOfThePage): the app's reader finds
// each valid, and zbarimg reads the same seal. The project's name is one
// cut in the seal (the longest such seal); the key is a fixed one, so the
// codes are the same on every run.
func TestDossierSealsSurviveAPhotoOfThePage(t *testing.T) {
	in := dossierInstallation(t)
	priv := ed25519.NewKeyFromSeed([]byte("the seal on paper, a fixed key.."))
	pub := priv.Public().(ed25519.PublicKey)
	in.svc.Keys = fixedOwnKey{in.db, &data.SealKey{KID: data.KeyID(pub), Name: "阳光社工服务中心", Own: true, Public: pub, Private: priv}}
	h := filledDossier(t, in)
	servedProject(t, in, h.ID)
	p := &data.Project{Name: "甘肃省临夏回族自治州东乡族自治县二〇二六年度三区计划社会工作专业人才支持项目", Org: "临夏州社工站", StartOn: data.NewDate(2026, 3, 1), EndOn: data.NewDate(2026, 12, 31), Programme: data.ProgrammeSanqu}
	if err := in.db.CreateProject(ctx, p); err != nil {
		t.Fatal(err)
	}
	profile, _, err := in.svc.ExportProfile(ctx, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	holder, _, err := in.svc.ExportServiceReport(ctx, ServiceReportOf{HolderID: h.ID}, ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	project, _, err := in.svc.ExportServiceReport(ctx, ServiceReportOf{ProjectID: p.ID}, ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []struct {
		name string
		pdf  []byte
	}{{"personal information form", profile}, {"holder's service report", holder}, {"project's service report, long name", project}} {
		v, err := in.svc.Verify(ctx, doc.pdf)
		if err != nil || !v.Valid {
			t.Fatalf("%s: the PDF itself: %+v %v", doc.name, v, err)
		}
		jws := v.JWS
		m := qrModules(t, doc.pdf)
		if m > 69 { // version 13, as the others' usual seal
			t.Errorf("%s: a QR code of %d modules (%d characters), more than 69", doc.name, m, len(jws))
		}
		t.Logf("%s: a seal of %d characters, a QR code of %d modules", doc.name, len(jws), m)
		dir := t.TempDir()
		path := filepath.Join(dir, "doc.pdf")
		if err := os.WriteFile(path, doc.pdf, 0o600); err != nil {
			t.Fatal(err)
		}
		last := lastPage(t, path)
		for _, variant := range photoVariants {
			out := filepath.Join(dir, "page")
			if b, err := exec.Command("pdftoppm", "-r", variant.dpi, "-png", "-f", last, "-l", last, "-singlefile", path, out).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v %s", err, b)
			}
			png := out + ".png"
			if variant.degrade != nil {
				args := append(append([]string{png}, variant.degrade...), filepath.Join(dir, "degraded.png"))
				if b, err := exec.Command("convert", args...).CombinedOutput(); err != nil {
					t.Fatalf("convert: %v %s", err, b)
				}
				png = filepath.Join(dir, "degraded.png")
			}
			img, err := os.ReadFile(png)
			if err != nil {
				t.Fatal(err)
			}
			if got, err := in.svc.Verify(ctx, img); err != nil || !got.Valid || got.JWS != jws {
				t.Errorf("%s, %s: swcert's reader: %v %v", doc.name, variant.name, got, err)
			}
			if got := zbar(t, png); got != jws {
				t.Errorf("%s, %s: zbarimg read %q", doc.name, variant.name, got)
			}
		}
	}
}

// lastPage is the number of the PDF's last page, as pdfinfo says it.
func lastPage(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[0] == "Pages:" {
			return f[1]
		}
	}
	return "1"
}
