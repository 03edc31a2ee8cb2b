package docs

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/seal"
)

// pngClaiming is a PNG of a few hundred bytes whose header states w×h
// pixels of 8-bit RGB, with the first rows of zeros as its data.
func pngClaiming(w, h uint32) []byte {
	var b bytes.Buffer
	chunk := func(typ string, body []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(body)))
		b.WriteString(typ)
		b.Write(body)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), body...)))
	}
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2
	chunk("IHDR", ihdr)
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(make([]byte, 4*(int(w)*3+1)))
	zw.Close()
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return b.Bytes()
}

// jpegClaiming is a 16×16 JPEG whose frame header states w×h pixels.
func jpegClaiming(t testing.TB, w, h uint16) []byte {
	var j bytes.Buffer
	if err := jpeg.Encode(&j, image.NewGray(image.Rect(0, 0, 16, 16)), nil); err != nil {
		t.Fatal(err)
	}
	b := j.Bytes()
	for i := 0; i+9 < len(b); i++ {
		if b[i] == 0xFF && b[i+1] == 0xC0 {
			binary.BigEndian.PutUint16(b[i+5:], h)
			binary.BigEndian.PutUint16(b[i+7:], w)
			return b
		}
	}
	t.Fatal("no frame header")
	return nil
}

// flateBombPDF is a PDF of one 100×100 image whose stream unpacks to 64 MB.
func flateBombPDF(t testing.TB) []byte {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	chunk := make([]byte, 1<<20)
	for range 64 {
		zw.Write(chunk)
	}
	zw.Close()
	return fmt.Appendf(nil, "%%PDF-1.4\n1 0 obj\n<< /Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\nendobj\n%%%%EOF\n", z.Len(), z.Bytes())
}

// "hostile input gets a clear message, never a crash or a gigabyte": each
// of these is refused from its header or its first bytes, with a message
// that says what is wrong.
func TestVerifyRefusesHostileInput(t *testing.T) {
	in := newInstallation(t)
	qr, err := seal.QRPNG("not a seal but a QR code", 4)
	if err != nil {
		t.Fatal(err)
	}
	var photo bytes.Buffer
	img, _ := png.Decode(bytes.NewReader(qr))
	jpeg.Encode(&photo, img, nil)
	cases := []struct {
		name  string
		input []byte
		key   string
		args  map[string]any
	}{
		{"a tiny PNG claiming 65,500×65,500", pngClaiming(65500, 65500), "err.image.too_large",
			map[string]any{"Width": "65,500", "Height": "65,500", "Megapixels": "4,290", "Max": 25}},
		{"a tiny PNG claiming 15,000×15,000 (900 MB decoded)", pngClaiming(15000, 15000), "err.image.too_large",
			map[string]any{"Width": "15,000", "Height": "15,000", "Megapixels": "225", "Max": 25}},
		{"a JPEG claiming 65,500×65,500", jpegClaiming(t, 65500, 65500), "err.image.too_large",
			map[string]any{"Width": "65,500", "Height": "65,500", "Megapixels": "4,290", "Max": 25}},
		{"a PDF with a Flate bomb", flateBombPDF(t), "err.pdf.bomb", nil},
		{"a truncated PNG", qr[:len(qr)/2], "err.image.truncated", nil},
		{"a truncated JPEG", photo.Bytes()[:photo.Len()/2], "err.image.truncated", nil},
		{"more than the largest file read", make([]byte, data.MaxInputBytes+1), "err.input.too_large", map[string]any{"Max": 32}},
	}
	for _, c := range cases {
		_, err := in.svc.Verify(ctx, c.input)
		e := data.AsError(err)
		if e == nil || e.Key != c.key || e.Field != "input" {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
			continue
		}
		if c.args != nil && fmt.Sprint(e.Args) != fmt.Sprint(c.args) {
			t.Errorf("%s: says %v, want %v", c.name, e.Args, c.args)
		}
	}
}

// FuzzFindSeal: whatever file is given to verify (a PDF, a PNG or JPEG,
// text), the seal is found or the refusal is an application error with a
// message: never a panic, never an error without words. The corpus in
// testdata/fuzz/FuzzFindSeal adds an exported PDF, a truncated PNG and a
// PNG and a JPEG that claim 65,500² pixels.
func FuzzFindSeal(f *testing.F) {
	f.Add(pngClaiming(65500, 65500))
	f.Add(jpegClaiming(f, 65500, 65500))
	f.Add(flateBombPDF(f))
	f.Add([]byte("eyJhbGciOiJFZERTQSJ9.e30.AAAA"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := findSeal(b); err != nil && data.AsError(err) == nil {
			t.Fatalf("error without a message: %v", err)
		}
	})
}
