package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/swcert/swcert/data"
)

// embeddedImage describes one image to place on a page of a test PDF.
type embeddedImage struct {
	typ  string // fpdf image type: "PNG" or "JPG"
	data []byte
}

func encodePNG(t testing.TB, img image.Image) embeddedImage {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return embeddedImage{"PNG", buf.Bytes()}
}

func encodeJPEG(t testing.TB, img image.Image) embeddedImage {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return embeddedImage{"JPG", buf.Bytes()}
}

// imagesPDF writes a real PDF with fpdf, one image per page, so the tests see
// exactly the syntax our exports produce.
func imagesPDF(t testing.TB, compress bool, images ...embeddedImage) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(compress)
	// fpdf writes images from a map: without sorting, their order in the
	// file changes from run to run.
	f.SetCatalogSort(true)
	for i, im := range images {
		f.AddPage()
		name := fmt.Sprintf("img%d", i)
		opts := fpdf.ImageOptions{ImageType: im.typ}
		f.RegisterImageOptionsReader(name, opts, bytes.NewReader(im.data))
		f.ImageOptions(name, 20, 20, 100, 0, false, opts, 0, "")
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkerSquare draws 8-pixel squares so that row and column misalignment, the
// typical bug in predictor and stride handling, shows up at once.
func checkerSquare(x, y int) bool { return (x/8+y/8)%2 == 0 }

func grayTestImage() *image.Gray {
	img := image.NewGray(image.Rect(0, 0, 203, 157))
	for y := range 157 {
		for x := range 203 {
			v := uint8(30)
			if checkerSquare(x, y) {
				v = 220
			}
			// A gradient term makes every filter type of the PNG encoder
			// worth choosing somewhere.
			img.SetGray(x, y, color.Gray{v + uint8((x+y)%13)})
		}
	}
	return img
}

func rgbTestImage() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 203, 157))
	for y := range 157 {
		for x := range 203 {
			c := color.RGBA{uint8(x), uint8(y), uint8(x * y), 255}
			if checkerSquare(x, y) {
				c = color.RGBA{200, 40, uint8(x + y), 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func qrLikeImage(w, h int) *image.Paletted {
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.Black, color.White})
	for y := range h {
		for x := range w {
			if !checkerSquare(x, y) || (x*7+y*3)%11 == 0 {
				img.SetColorIndex(x, y, 1)
			}
		}
	}
	return img
}

func samePixels(t *testing.T, got, want image.Image) {
	t.Helper()
	if got.Bounds() != want.Bounds() {
		t.Fatalf("bounds = %v, want %v", got.Bounds(), want.Bounds())
	}
	b := want.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			gr, gg, gb, ga := got.At(x, y).RGBA()
			wr, wg, wb, wa := want.At(x, y).RGBA()
			if gr != wr || gg != wg || gb != wb || ga != wa {
				t.Fatalf("pixel (%d,%d) = %v, want %v", x, y, got.At(x, y), want.At(x, y))
			}
		}
	}
}

func extractOne(t *testing.T, pdf []byte) image.Image {
	t.Helper()
	imgs, err := Images(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if len(imgs) != 1 {
		t.Fatalf("got %d images, want 1", len(imgs))
	}
	return imgs[0]
}

func TestGrayPNG(t *testing.T) {
	want := grayTestImage()
	for _, compress := range []bool{true, false} {
		t.Run(fmt.Sprint("compress=", compress), func(t *testing.T) {
			got := extractOne(t, imagesPDF(t, compress, encodePNG(t, want)))
			if _, ok := got.(*image.Gray); !ok {
				t.Errorf("type = %T, want *image.Gray", got)
			}
			samePixels(t, got, want)
		})
	}
}

func TestRGBPNG(t *testing.T) {
	want := rgbTestImage()
	got := extractOne(t, imagesPDF(t, true, encodePNG(t, want)))
	samePixels(t, got, want)
}

func TestPalettedPNG(t *testing.T) {
	// Two colours make Go's encoder write 1-bit indices, so this also covers
	// sub-byte samples with rows that end mid-byte.
	for _, size := range []image.Point{{203, 157}, {29, 29}, {1, 1}} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			want := qrLikeImage(size.X, size.Y)
			got := extractOne(t, imagesPDF(t, true, encodePNG(t, want)))
			if _, ok := got.(*image.Paletted); !ok {
				t.Errorf("type = %T, want *image.Paletted", got)
			}
			samePixels(t, got, want)
		})
	}
}

func TestPaletted256PNG(t *testing.T) {
	pal := make(color.Palette, 256)
	for i := range pal {
		pal[i] = color.RGBA{uint8(i), uint8(255 - i), uint8(i * 7), 255}
	}
	want := image.NewPaletted(image.Rect(0, 0, 99, 45), pal)
	for i := range want.Pix {
		want.Pix[i] = uint8(i * 31)
	}
	// Uncompressed, fpdf writes the palette as a plain stream.
	for _, compress := range []bool{true, false} {
		got := extractOne(t, imagesPDF(t, compress, encodePNG(t, want)))
		samePixels(t, got, want)
	}
}

func TestJPEG(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 120, 80))
	for i := 0; i < len(src.Pix); i += 4 {
		copy(src.Pix[i:], []byte{200, 60, 30, 255})
	}
	got := extractOne(t, imagesPDF(t, true, encodeJPEG(t, src)))
	if got.Bounds() != src.Bounds() {
		t.Fatalf("bounds = %v, want %v", got.Bounds(), src.Bounds())
	}
	r, g, b, _ := got.At(60, 40).RGBA()
	if !nearByte(r>>8, 200) || !nearByte(g>>8, 60) || !nearByte(b>>8, 30) {
		t.Errorf("colour = %d,%d,%d, want about 200,60,30", r>>8, g>>8, b>>8)
	}
}

func nearByte(got, want uint32) bool { return got+8 >= want && got <= want+8 }

func TestTwoImagesInOrder(t *testing.T) {
	gray := grayTestImage()
	qr := qrLikeImage(33, 33)
	imgs, err := Images(imagesPDF(t, true, encodePNG(t, qr), encodePNG(t, gray)))
	if err != nil {
		t.Fatal(err)
	}
	if len(imgs) != 2 {
		t.Fatalf("got %d images, want 2", len(imgs))
	}
	samePixels(t, imgs[0], qr)
	samePixels(t, imgs[1], gray)
}

func TestSameImageTwiceIsEmbeddedOnce(t *testing.T) {
	// fpdf reuses a registered image, so there is one XObject however many
	// times it is drawn; documenting this keeps callers from expecting more.
	f := fpdf.New("P", "mm", "A4", "")
	opts := fpdf.ImageOptions{ImageType: "PNG"}
	f.RegisterImageOptionsReader("qr", opts, bytes.NewReader(encodePNG(t, qrLikeImage(21, 21)).data))
	f.AddPage()
	f.ImageOptions("qr", 10, 10, 30, 0, false, opts, 0, "")
	f.ImageOptions("qr", 60, 10, 30, 0, false, opts, 0, "")
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	imgs, err := Images(buf.Bytes())
	if err != nil || len(imgs) != 1 {
		t.Fatalf("got %d images, %v; want 1", len(imgs), err)
	}
}

func TestSoftMaskFlattenedOnWhite(t *testing.T) {
	// Black modules on a transparent background: Go's encoder keeps the
	// colour of transparent pixels black, so only the alpha holds the code.
	src := image.NewNRGBA(image.Rect(0, 0, 37, 37))
	want := image.NewGray(src.Bounds())
	for y := range 37 {
		for x := range 37 {
			if checkerSquare(x, y) {
				src.SetNRGBA(x, y, color.NRGBA{0, 0, 0, 255})
			} else {
				want.SetGray(x, y, color.Gray{255})
			}
		}
	}
	imgs, err := Images(imagesPDF(t, true, encodePNG(t, src)))
	if err != nil {
		t.Fatal(err)
	}
	// fpdf writes the alpha channel as a separate /SMask image right after
	// the colour image; both are image XObjects.
	if len(imgs) != 2 {
		t.Fatalf("got %d images, want the image and its soft mask", len(imgs))
	}
	samePixels(t, imgs[0], want)
	if _, ok := imgs[1].(*image.Gray); !ok {
		t.Errorf("soft mask type = %T, want *image.Gray", imgs[1])
	}
}

func TestNotPDF(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("hello"), []byte("\x89PNG\r\n"), []byte("  %PDX-1.4")} {
		if _, err := Images(in); !errors.Is(err, ErrNotPDF) {
			t.Errorf("Images(%q) error = %v, want ErrNotPDF", in, err)
		}
	}
	if _, err := Images([]byte("\r\n %PDF-1.7\n")); err != nil {
		t.Errorf("leading whitespace: %v", err)
	}
}

func TestTruncated(t *testing.T) {
	pdf := imagesPDF(t, true, encodePNG(t, qrLikeImage(50, 50)), encodePNG(t, grayTestImage()))
	// Cutting at every length in turn exercises every partial token; the
	// safety nets are off so that a panic fails the test.
	recoverPanics = false
	defer func() { recoverPanics = true }()
	for n := range len(pdf) {
		imgs, err := Images(pdf[:n])
		if n >= 5 && err != nil {
			t.Fatalf("cut at %d: %v", n, err)
		}
		for _, img := range imgs {
			img.At(0, 0)
		}
	}
}

func TestIndirectLengthAndHandWrittenSyntax(t *testing.T) {
	// Three gray pixels, a two-entry palette as a literal string with escapes
	// and a CRLF after the stream keyword: syntax fpdf never writes.
	pdf := []byte("%PDF-1.4\n" +
		"1 0 obj\n<< /Type /XObject /Subtype /Image /Width 3 /Height 1 /BitsPerComponent 8\n" +
		"/ColorSpace /DeviceGray /Length 2 0 R >>\r\nstream\r\n\x00\x7fendstream\xff\r\nendstream\nendobj\n" +
		"2 0 obj 12 endobj\n" +
		"3 0 obj <</Subtype/Image/Width 2/Height 1/BitsPerComponent 8" +
		"/ColorSpace[/Indexed/DeviceRGB 1(\\000\\)\\n\\(ab)]/Length 2>>stream\n\x01\x00\nendstream endobj\n" +
		"4 0 obj <</Subtype/Image/Width 2/Height 2/ImageMask true/Filter/AHx>>stream\n4 0 8 0>\nendstream endobj\n" +
		"%%EOF\n")
	imgs, err := Images(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if len(imgs) != 3 {
		t.Fatalf("got %d images, want 3", len(imgs))
	}
	// The first stream's bytes contain the word endstream; only the indirect
	// length finds the real end.
	g, ok := imgs[0].(*image.Gray)
	if !ok || g.Bounds().Dx() != 3 {
		t.Fatalf("first image = %T %v", imgs[0], imgs[0].Bounds())
	}
	if g.Pix[0] != 0 || g.Pix[1] != 0x7f || g.Pix[2] != 'e' {
		t.Errorf("first image pixels = %v", g.Pix)
	}
	p, ok := imgs[1].(*image.Paletted)
	if !ok {
		t.Fatalf("second image = %T", imgs[1])
	}
	if c := p.At(0, 0).(color.RGBA); c != (color.RGBA{'(', 'a', 'b', 255}) {
		t.Errorf("palette entry 1 = %v", c)
	}
	if c := p.At(1, 0).(color.RGBA); c != (color.RGBA{0, ')', '\n', 255}) {
		t.Errorf("palette entry 0 = %v", c)
	}
	m := imgs[2].(*image.Gray)
	// 0x40 = 01..., 0x80 = 10...: a stencil paints 0 bits black.
	if m.Pix[0] != 0 || m.Pix[1] != 255 || m.Pix[2] != 255 || m.Pix[3] != 0 {
		t.Errorf("mask pixels = %v", m.Pix)
	}
}

func FuzzImages(f *testing.F) {
	f.Add([]byte("%PDF-1.4\n1 0 obj <</Subtype/Image/Width 1/Height 1/ColorSpace/DeviceGray/BitsPerComponent 8/Length 1>>stream\n\x00\nendstream endobj"))
	recoverPanics = false
	defer func() { recoverPanics = true }()
	f.Add(imagesPDF(f, true, encodePNG(f, qrLikeImage(9, 9))))
	// The corpus in testdata/fuzz/FuzzImages holds, besides these, a Flate
	// bomb, an image claiming 60,000² pixels and a JPEG claiming 65,500².
	f.Fuzz(func(t *testing.T, b []byte) {
		n := 0
		err := EachImage(b, func(img image.Image) bool {
			img.At(0, 0)
			n++
			return true
		})
		// Whatever the file, the reader ends with images, ErrNotPDF or a
		// refusal that says what is wrong: never an error without words.
		if err != nil && !errors.Is(err, ErrNotPDF) && data.AsError(err) == nil {
			t.Fatalf("error without a message: %v", err)
		}
	})
}
