package docs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/seal"
)

const b64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// Every single-character change to a real seal (exported by the real
// signer with this installation's key) is detected: at every position,
// neighbours in the alphabet, characters outside it (the dot, padding,
// whitespace, standard base64's + and /), and at the last character of
// each part every other character of the alphabet. The signature was
// decoded leniently: its last character changed to any of 15 others (the
// unused low bits) still verified. So for the seal of each document, and
// for seals of the first format (testdata/seal-v1), which are still read.
func TestEverySingleCharacterChangeToASealIsDetected(t *testing.T) {
	in := v1Installation(t)
	cert, _ := in.db.CertificateByMNo(ctx, "2022S110001")
	seals := map[string][]byte{}
	seals["certificate"], _, _ = in.svc.ExportCertificate(ctx, cert.ID)
	seals["CE report"], _, _ = in.svc.ExportCEReport(ctx, cert.HolderID, cert.ID, data.Date{})
	seals["mail form"], _, _ = in.svc.ExportMailForm(ctx, cert.ID)
	for _, name := range []string{"cert.jws", "ce.jws", "mail.jws"} {
		b, err := os.ReadFile(filepath.Join(v1Dir, name))
		if err != nil {
			t.Fatal(err)
		}
		seals["format 1 "+name] = b
	}
	for name, b := range seals {
		v, err := in.svc.Verify(ctx, b)
		if err != nil || !v.Valid {
			t.Fatalf("%s, the seal itself: %+v %v", name, v, err)
		}
		everyChangeDetected(t, in, name, v.JWS)
	}
}

func everyChangeDetected(t *testing.T, in *installation, name, jws string) {
	t.Helper()
	lasts := map[int]bool{}
	for i, c := range jws {
		if c == '.' {
			lasts[i-1] = true
		}
	}
	lasts[len(jws)-1] = true
	changes := 0
	for i := range len(jws) {
		var with []byte
		if lasts[i] {
			with = []byte(b64url)
		} else if k := strings.IndexByte(b64url, jws[i]); k >= 0 {
			for _, d := range []int{1, 2, 16, 32, 63} {
				with = append(with, b64url[(k+d)%64])
			}
		}
		with = append(with, '.', '=', ' ', '\n', '\r', '+', '/', 'A', '~')
		for _, c := range with {
			if c == jws[i] {
				continue
			}
			forged := jws[:i] + string(c) + jws[i+1:]
			got, err := in.svc.Verify(ctx, []byte(forged))
			if err == nil && got.Valid {
				t.Errorf("%s: character %d (%q of part %d) changed to %q: still valid", name, i, jws[i], strings.Count(jws[:i], ".")+1, c)
			}
			changes++
		}
	}
	if changes < 6*len(jws) {
		t.Errorf("%s: only %d changes tried over %d characters", name, changes, len(jws))
	}
}

// The same changes carried the way a seal travels, in a QR code (a photo
// or scan of the page): the 15 other last characters of the signature,
// and a change at every tenth position.
func TestAChangedSealInAQRCodeIsDetected(t *testing.T) {
	in := newInstallation(t)
	b, _ := exported(t, in)
	v, _ := in.svc.Verify(ctx, b)
	jws := v.JWS
	var forged []string
	last := len(jws) - 1
	k := strings.IndexByte(b64url, jws[last])
	for d := 1; d < 16; d++ { // same upper bits, other unused low bits
		forged = append(forged, jws[:last]+string(b64url[k&^15+(k+d)%16])+"")
	}
	for i := 0; i < last; i += 10 {
		if c := strings.IndexByte(b64url, jws[i]); c >= 0 {
			forged = append(forged, jws[:i]+string(b64url[(c+1)%64])+jws[i+1:])
		}
	}
	for _, f := range forged {
		png, err := seal.QRPNG(f, 4)
		if err != nil {
			t.Fatal(err)
		}
		got, err := in.svc.Verify(ctx, png)
		if err != nil {
			t.Fatalf("the QR code of %q: %v", f, err)
		}
		if got.JWS != f {
			t.Fatalf("the QR code read %q, not %q", got.JWS, f)
		}
		if got.Valid {
			t.Errorf("%q in a QR code: still valid", f)
		}
	}
	// The unchanged seal in a QR code verifies.
	png, _ := seal.QRPNG(jws, 4)
	if got, err := in.svc.Verify(ctx, png); err != nil || !got.Valid {
		t.Errorf("the seal in a QR code: %+v %v", got, err)
	}
}
