package docs

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/pdf"
)

// fixedOwnKey is a store's keys with another own key in place of its own.
type fixedOwnKey struct {
	data.KeyService
	own *data.SealKey
}

func (f fixedOwnKey) OwnKey(context.Context) (*data.SealKey, error) { return f.own, nil }

func (f fixedOwnKey) Key(ctx context.Context, kid string) (*data.SealKey, error) {
	if kid == f.own.KID {
		return f.own, nil
	}
	return f.KeyService.Key(ctx, kid)
}

func (f fixedOwnKey) Keys(ctx context.Context) ([]*data.SealKey, error) {
	keys, err := f.KeyService.Keys(ctx)
	out := []*data.SealKey{f.own}
	for _, k := range keys {
		if !k.Own {
			out = append(out, k)
		}
	}
	return out, err
}

// pageVariant makes, from a PDF, an image of its page as a phone photo or
// a poor scan gives it: a low resolution, a page scaled down, a blur.
type pageVariant struct {
	name string
	dpi  string
	// convert's arguments to degrade the page rendered at dpi, if any.
	degrade []string
}

// The variants a printed seal must survive (issue 15): a page rendered at
// 72–100 dpi, one scaled to 50 %, one blurred by 1.5 px.
var photoVariants = []pageVariant{
	{"72 dpi", "72", nil},
	{"96 dpi", "96", nil},
	{"100 dpi", "100", nil},
	{"150 dpi scaled to 50 %", "150", []string{"-resize", "50%"}},
	{"150 dpi blurred by 1.5 px", "150", []string{"-blur", "0x1.5"}},
}

// render makes the page image of variant v from the PDF at path, as PNG.
func (v pageVariant) render(t *testing.T, path string) []byte {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "page")
	if b, err := exec.Command("pdftoppm", "-r", v.dpi, "-png", "-singlefile", path, out).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm (make test-deps installs it): %v %s", err, b)
	}
	png := out + ".png"
	if v.degrade != nil {
		args := append(append([]string{png}, v.degrade...), filepath.Join(dir, "degraded.png"))
		if b, err := exec.Command("convert", args...).CombinedOutput(); err != nil {
			t.Fatalf("convert (ImageMagick; make test-deps installs it): %v %s", err, b)
		}
		png = filepath.Join(dir, "degraded.png")
	}
	b, err := os.ReadFile(png)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// zbar is what zbarimg reads in the image at path ("" for nothing).
func zbar(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("zbarimg"); err != nil {
		t.Fatal("zbarimg is not installed (make test-deps installs it)")
	}
	// QR codes only, as a phone's scanner reads the seal: zbarimg's 1-D
	// decoders once read "D712B" into a table's rules on a long report.
	var stderr bytes.Buffer // it talks about D-Bus there
	cmd := exec.Command("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", path)
	cmd.Stderr = &stderr
	out, _ := cmd.Output() // exit 4: nothing found
	return strings.TrimSpace(string(out))
}

// qrModules is the side of the seal's QR code in modules: the PDF's image
// without its white border, at 4 pixels a module (docs.qrModulePx).
func qrModules(t *testing.T, pdfBytes []byte) int {
	t.Helper()
	imgs, err := pdf.Images(pdfBytes)
	if err != nil || len(imgs) == 0 {
		t.Fatalf("the seal's image: %v", err)
	}
	img := imgs[0]
	b := img.Bounds()
	first, last := b.Max.X, b.Min.X
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 {
				first, last = min(first, x), max(last, x)
			}
		}
	}
	return (last - first + 1) / qrModulePx
}

// The seal of each document survives what a phone photo or a poor scan
// does to a page: the app's own reader finds it valid, and zbarimg reads
// the same seal. A mail form to a recipient other than the holder, with
// long names, makes the longest seal of the three.
//
// The installation's key is a fixed one, so the codes are the same on every
// run: with a new key each time, 1 in about 100 of the longest seals (version
// 15) was not read by zbarimg once blurred (scripts/seal-photo.sh and the
// README have the figures).
func TestSealsSurviveAPhotoOfThePage(t *testing.T) {
	in := v1Installation(t)
	priv := ed25519.NewKeyFromSeed([]byte("the seal on paper, a fixed key.."))
	pub := priv.Public().(ed25519.PublicKey)
	in.svc.Keys = fixedOwnKey{in.db, &data.SealKey{KID: data.KeyID(pub), Name: "阳光社工服务中心", Own: true, Public: pub, Private: priv}}
	cert, _ := in.db.CertificateByMNo(ctx, "2022S110001")
	certPDF, _, err := in.svc.ExportCertificate(ctx, cert.ID)
	if err != nil {
		t.Fatal(err)
	}
	cePDF, _, err := in.svc.ExportCEReport(ctx, cert.HolderID, cert.ID, data.Date{})
	if err != nil {
		t.Fatal(err)
	}
	mailPDF, _, err := in.svc.ExportMailForm(ctx, cert.ID)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := in.db.MailForm(ctx, cert.ID)
	f.Recipient, f.Province, f.City, f.District = "阿卜杜热合曼·买买提", "新疆维吾尔自治区", "乌鲁木齐市", "天山区"
	f.Phone = "13900139000"
	if err := in.db.SaveMailForm(ctx, f); err != nil {
		t.Fatal(err)
	}
	longPDF, _, err := in.svc.ExportMailForm(ctx, cert.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []struct {
		name string
		pdf  []byte
		// at most this many modules: version 13 (69) for the usual
		// seal, 15 (77) for the longest; the first format's was 93.
		modules int
	}{{"certificate", certPDF, 69}, {"CE report", cePDF, 69}, {"mail form", mailPDF, 69}, {"mail form, long names", longPDF, 77}} {
		v, err := in.svc.Verify(ctx, doc.pdf)
		if err != nil || !v.Valid {
			t.Fatalf("%s: the PDF itself: %+v %v", doc.name, v, err)
		}
		jws := v.JWS
		m := qrModules(t, doc.pdf)
		if m > doc.modules {
			t.Errorf("%s: a QR code of %d modules (%d characters), more than %d", doc.name, m, len(jws), doc.modules)
		}
		t.Logf("%s: a seal of %d characters, a QR code of %d modules", doc.name, len(jws), m)
		path := filepath.Join(t.TempDir(), "doc.pdf")
		if err := os.WriteFile(path, doc.pdf, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, variant := range photoVariants {
			img := variant.render(t, path)
			if _, _, err := image.DecodeConfig(bytes.NewReader(img)); err != nil {
				t.Fatalf("%s, %s: %v", doc.name, variant.name, err)
			}
			if got, err := in.svc.Verify(ctx, img); err != nil || !got.Valid || got.JWS != jws {
				t.Errorf("%s, %s: swcert's reader: %v %v", doc.name, variant.name, got, err)
			}
			png := filepath.Join(t.TempDir(), "page.png")
			if err := os.WriteFile(png, img, 0o600); err != nil {
				t.Fatal(err)
			}
			if got := zbar(t, png); got != jws {
				t.Errorf("%s, %s: zbarimg read %q", doc.name, variant.name, got)
			}
		}
	}
}
