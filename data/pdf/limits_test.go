package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"image"
	"image/jpeg"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

// zeros is n zero bytes deflated: about a thousandth of n.
func zeros(t testing.TB, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestSpeed)
	chunk := make([]byte, 1<<20)
	for n > 0 {
		k := min(n, len(chunk))
		if _, err := w.Write(chunk[:k]); err != nil {
			t.Fatal(err)
		}
		n -= k
	}
	w.Close()
	return b.Bytes()
}

// imageObject is one image XObject with the given dictionary and stream.
func imageObject(num int, dict string, stream []byte) string {
	return fmt.Sprintf("%d 0 obj\n<< /Type /XObject /Subtype /Image %s /Length %d >>\nstream\n%s\nendstream\nendobj\n", num, dict, len(stream), stream)
}

func refusal(t *testing.T, pdf []byte) string {
	t.Helper()
	err := EachImage(pdf, func(image.Image) bool { return true })
	if e := data.AsError(err); e != nil {
		return e.Key
	}
	return fmt.Sprint(err)
}

// "PDF decompressed stream sizes (FlateDecode bombs)": a 100×100 image
// whose 100 KB stream unpacks to 100 MB is refused once it passes what the
// image needs, without unpacking the rest.
func TestFlateBombRefused(t *testing.T) {
	bomb := zeros(t, 100<<20)
	pdf := []byte("%PDF-1.4\n" + imageObject(1, "/Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", bomb))
	if got := refusal(t, pdf); got != "err.pdf.bomb" {
		t.Errorf("got %s, want err.pdf.bomb", got)
	}
	// Run-length streams expand 64-fold: the same limit holds.
	rl := bytes.Repeat([]byte{129, 0}, 100_000) // 12.8 MB of zeros
	pdf = []byte("%PDF-1.4\n" + imageObject(1, "/Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /RunLengthDecode", rl))
	if got := refusal(t, pdf); got != "err.pdf.bomb" {
		t.Errorf("run length: got %s, want err.pdf.bomb", got)
	}
	// The stream of an image of exactly its size is no bomb.
	pdf = []byte("%PDF-1.4\n" + imageObject(1, "/Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", zeros(t, 100*100)))
	if imgs, err := Images(pdf); err != nil || len(imgs) != 1 {
		t.Errorf("an honest stream: %d images, %v", len(imgs), err)
	}
}

// An image that states more pixels than are read is skipped before any of
// it is decoded, the others are still read, and the refusal says its size.
func TestHugeImagesSkippedAndSaid(t *testing.T) {
	var j bytes.Buffer
	if err := jpeg.Encode(&j, image.NewGray(image.Rect(0, 0, 16, 16)), nil); err != nil {
		t.Fatal(err)
	}
	jb := j.Bytes()
	for i := 0; i+9 < len(jb); i++ { // the JPEG's frame header claims 65,500×65,500
		if jb[i] == 0xFF && jb[i+1] == 0xC0 {
			binary.BigEndian.PutUint16(jb[i+5:], 65500)
			binary.BigEndian.PutUint16(jb[i+7:], 65500)
			break
		}
	}
	pdf := []byte("%PDF-1.4\n" +
		imageObject(1, "/Width 65500 /Height 65500 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", jb) +
		imageObject(2, "/Width 60000 /Height 60000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", zeros(t, 1000)) +
		imageObject(3, "/Width 2 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", []byte{0, 255}))
	imgs, err := Images(pdf)
	e := data.AsError(err)
	if len(imgs) != 1 || e == nil || e.Key != "err.image.too_large" || e.Args["Width"] != "65,500" {
		t.Errorf("%d images, %v", len(imgs), err)
	}
}

// All the images of a file together are bounded too.
func TestTooMuchImageRefused(t *testing.T) {
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	page := zeros(t, 5000*5000) // 25 megapixels of gray, 25 KB
	for i := 1; i <= 5; i++ {
		b.WriteString(imageObject(i, "/Width 5000 /Height 5000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", page))
	}
	n := 0
	err := EachImage([]byte(b.String()), func(image.Image) bool { n++; return true })
	if e := data.AsError(err); e == nil || e.Key != "err.pdf.too_much_image" || n != 4 {
		t.Errorf("read %d images, %v; want 4 and err.pdf.too_much_image", n, err)
	}
}

// "and object counts": a file of nothing but tiny objects, or of one
// object with a million values, is refused before it fills memory.
func TestTooManyObjectsOrValuesRefused(t *testing.T) {
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	for i := range maxObjects + 1 {
		fmt.Fprintf(&b, "%d 0 obj 0 endobj\n", i)
	}
	if got := refusal(t, []byte(b.String())); got != "err.pdf.too_complex" {
		t.Errorf("objects: got %s", got)
	}
	values := "%PDF-1.4\n1 0 obj [" + strings.Repeat("0 ", maxValues) + "] endobj\n"
	if got := refusal(t, []byte(values)); got != "err.pdf.too_complex" {
		t.Errorf("values: got %s", got)
	}
	// Below the limits the same files are read.
	if got := refusal(t, []byte("%PDF-1.4\n1 0 obj ["+strings.Repeat("0 ", maxValues/2)+"] endobj\n")); got != "<nil>" {
		t.Errorf("half the values: %s", got)
	}
}
