package seal

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

// claimed is an image that states a size and holds no pixels: what a
// hostile file's header makes of a decoder that trusts it.
type claimed struct {
	w, h  int
	panic bool
}

func (c claimed) ColorModel() color.Model { return color.GrayModel }
func (c claimed) Bounds() image.Rectangle { return image.Rect(0, 0, c.w, c.h) }
func (c claimed) At(x, y int) color.Color {
	if c.panic {
		panic("a decoder bug")
	}
	return color.White
}

func key(err error) string {
	if e := data.AsError(err); e != nil {
		return e.Key
	}
	if err == nil {
		return ""
	}
	return "not an application error: " + err.Error()
}

func TestReadQRRefusesHugeImagesAndSurvivesPanics(t *testing.T) {
	if _, err := ReadQR(claimed{w: 65500, h: 65500}); key(err) != "err.image.too_large" {
		t.Errorf("65,500² image: %v", err)
	}
	if _, err := ReadQR(claimed{w: 300, h: 300, panic: true}); key(err) != "err.seal.unreadable" {
		t.Errorf("a panicking decoder: %v", err)
	}
	// A blank image is simply no seal: the decoder's own error.
	if _, err := ReadQR(claimed{w: 300, h: 300}); err == nil || data.AsError(err) != nil {
		t.Errorf("blank image: %v", err)
	}
}

func TestParseRefusesTextNoSealCanBe(t *testing.T) {
	long := strings.Repeat("a", MaxSealText) + ".b.c"
	if _, err := Parse(long); key(err) != "err.seal.not_jws" {
		t.Errorf("%d characters: %v", len(long), err)
	}
	// The algorithm a refusal quotes is the sender's text: it is cut short.
	h := b64.EncodeToString([]byte(`{"alg":"` + strings.Repeat("X", 1000) + `"}`))
	_, err := Parse(h + ".e30.c2ln")
	if e := data.AsError(err); e == nil || e.Key != "err.seal.alg" || len(e.Args["Alg"].(string)) > 40 {
		t.Errorf("long alg: %v", err)
	}
}

// FuzzParse: any text given as a seal (pasted, or read from a QR code) or
// as a key file is taken apart or refused with a message, never a panic.
func FuzzParse(f *testing.F) {
	jws, _ := Sign(map[string]any{"doc": "swcert/cert", "name": "欧阳娜娜"}, testKey())
	jwk, _ := PublicJWK(testKey())
	for _, s := range []string{jws, string(jwk), "a.b.c", "..", "eyJhbGciOiJFZERTQSJ9.e30.", `{"kty":"OKP","crv":"Ed25519","x":"AAAA"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tok, err := Parse(s)
		if err != nil && data.AsError(err) == nil {
			t.Fatalf("Parse: error without a message: %v", err)
		}
		if tok != nil {
			tok.Verify(testKey().Public)
			// A seal has one text: what parsed is the canonical
			// encoding of what it decoded to.
			parts := strings.Split(strings.TrimSpace(s), ".")
			if b64.EncodeToString(tok.Payload) != parts[1] || b64.EncodeToString(tok.sig) != parts[2] || tok.input != parts[0]+"."+parts[1] {
				t.Fatalf("Parse(%q) took a text that is not the canonical encoding of what it read", s)
			}
		}
		if _, err := ParseJWK([]byte(s)); err != nil && data.AsError(err) == nil {
			t.Fatalf("ParseJWK: error without a message: %v", err)
		}
	})
}

// FuzzReadQR: any picture (here, any bytes read as a gray image of a
// width the first byte chooses) is read or refused; a panic of the decoder
// is caught and said, never a crash.
func FuzzReadQR(f *testing.F) {
	img, _ := QR("swcert", 2)
	g := img.(*image.Gray)
	f.Add(append([]byte{byte(g.Rect.Dx())}, g.Pix...))
	f.Add(make([]byte, 1+30*30))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 2 {
			return
		}
		w := int(b[0]) + 1
		h := (len(b) - 1) / w
		if h < 1 {
			return
		}
		gray := &image.Gray{Pix: b[1 : 1+w*h], Stride: w, Rect: image.Rect(0, 0, w, h)}
		if _, err := ReadQR(gray); err != nil && data.AsError(err) != nil && data.AsError(err).Key != "err.seal.unreadable" {
			t.Fatalf("refused with %v", err)
		}
	})
}
