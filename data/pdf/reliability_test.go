package pdf

import (
	"crypto/ed25519"
	"crypto/rand"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/seal"
)

// TestSealReliability renders 40 pages, each with a new key (so a new QR
// code), at 150 dpi and counts how many seals read back. Slow, so only on
// request: SWCERT_RELIABILITY=1 go test -run TestSealReliability -v ./data/pdf
func TestSealReliability(t *testing.T) {
	if os.Getenv("SWCERT_RELIABILITY") == "" {
		t.Skip("set SWCERT_RELIABILITY=1 to run")
	}
	ok := 0
	var worst time.Duration
	for i := 0; i < 40; i++ {
		doc, _ := sampleDoc(t)
		pub, priv, _ := ed25519.GenerateKey(rand.Reader)
		key := &data.SealKey{KID: data.KeyID(pub), Name: "阳光社工中心", Own: true, Public: pub, Private: priv}
		doc.KID = key.KID
		jws, _ := seal.Sign(doc.Claims(), key)
		b, _ := Certificate(doc, sealPNG(jws))
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "c.pdf"), b, 0o600)
		exec.Command("pdftoppm", "-r", "150", "-png", "-singlefile", filepath.Join(dir, "c.pdf"), filepath.Join(dir, "p")).Run()
		f, _ := os.Open(filepath.Join(dir, "p.png"))
		img, _, _ := image.Decode(f)
		f.Close()
		start := time.Now()
		if got, err := seal.ReadQR(img); err == nil && got == jws {
			ok++
		}
		worst = max(worst, time.Since(start))
	}
	t.Logf("%d/40 decoded, slowest %v", ok, worst)
	if ok < 40 {
		t.Errorf("%d of 40 seals did not read back", 40-ok)
	}
}
