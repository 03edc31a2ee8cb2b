package seal

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"sync"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
	"golang.org/x/image/draw"

	"github.com/swcert/swcert/data"
)

// QR draws text as a QR code: black on white, modulePx pixels a module,
// with a quiet zone of quietModules. Error correction M: M still survives
// a crease or a smudge, and L (7 %) would only save a version. gozxing encodes as well as it
// decodes, in half the time of skip2/go-qrcode with a sixth of the
// allocations (3.6 against 6.9 ms here), which the 15 ms export budget needs.
func QR(text string, modulePx int) (image.Image, error) {
	m, err := qrcode.NewQRCodeWriter().Encode(text, gozxing.BarcodeFormat_QR_CODE, 0, 0,
		map[gozxing.EncodeHintType]any{
			gozxing.EncodeHintType_ERROR_CORRECTION: "M",
			gozxing.EncodeHintType_MARGIN:           quietModules,
			gozxing.EncodeHintType_CHARACTER_SET:    "UTF-8",
		})
	if err != nil {
		return nil, err
	}
	// Gray rather than a two-colour palette: a PDF stores a palette as one
	// more compressed stream, and each costs fpdf a new compressor.
	w, h := m.GetWidth(), m.GetHeight()
	img := image.NewGray(image.Rect(0, 0, w*modulePx, h*modulePx))
	for i := range img.Pix {
		img.Pix[i] = 0xFF
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if !m.Get(x, y) {
				continue
			}
			for dy := 0; dy < modulePx; dy++ {
				row := img.Pix[(y*modulePx+dy)*img.Stride:]
				for dx := 0; dx < modulePx; dx++ {
					row[x*modulePx+dx] = 0
				}
			}
		}
	}
	return img, nil
}

// quietModules is the white border drawn around the code: 2 of the 4
// modules a QR code needs, so that the modules are larger in the room the
// page gives the image; the page keeps white around it for the rest.
const quietModules = 2

// pngEncoder keeps its compressor between seals: a new one costs a
// megabyte of tables. Two colours compress well at any level.
var pngEncoder = &png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &pngPool{}}

type pngPool struct{ p sync.Pool }

func (p *pngPool) Get() *png.EncoderBuffer {
	b, _ := p.p.Get().(*png.EncoderBuffer)
	return b
}
func (p *pngPool) Put(b *png.EncoderBuffer) { p.p.Put(b) }

// QRPNG is QR encoded as PNG.
func QRPNG(text string, modulePx int) ([]byte, error) {
	img, err := QR(text, modulePx)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = pngEncoder.Encode(&b, img)
	return b.Bytes(), err
}

// maxScaledPixels bounds the enlarged copies ReadQR tries: a 150 dpi A4
// page (1,240×1,754) times 3 is 19.6 megapixels.
const maxScaledPixels = 20_000_000

// ReadQR finds and decodes the QR code in an image: a rendered page, a
// photo or a scan. A page at 150 dpi gives the seal under 3 pixels a
// module, too few for the decoder to sample reliably: it finds the code
// but misreads its format. Scaled up it reads it, so after the image as it
// is come enlarged (up to maxScaledPixels) and (for large photos) halved
// copies, and last the image as a pure barcode, which clean renderings of
// the code alone need. An image larger than data.MaxImagePixels is refused
// with its size. A panic of the decoder on one attempt (hostile input has
// found them in gozxing) costs that attempt; when no attempt reads the
// code, the refusal says the QR code could not be decoded.
func ReadQR(img image.Image) (string, error) {
	b := img.Bounds()
	if err := data.CheckImageSize(b.Dx(), b.Dy()); err != nil {
		return "", err
	}
	tryHarder := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	pure := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true}
	attempts := []struct {
		scale float64
		hints map[gozxing.DecodeHintType]any
	}{{1, tryHarder}, {2, tryHarder}, {1.5, tryHarder}, {3, tryHarder}, {2.5, tryHarder}, {1.25, tryHarder}, {0.5, tryHarder}, {1, pure}}
	var last error = errors.New("seal: no QR code found")
	panicked := false
	for _, a := range attempts {
		w, h := int(float64(b.Dx())*a.scale), int(float64(b.Dy())*a.scale)
		if w < 21 || h < 21 || (a.scale > 1 && w*h > maxScaledPixels) {
			continue
		}
		text, ok, err := decodeAt(img, w, h, a.scale, a.hints)
		switch {
		case !ok:
			panicked = true
		case err == nil:
			return text, nil
		default:
			last = err
		}
	}
	if panicked {
		return "", data.Invalid("input", "err.seal.unreadable")
	}
	return "", last
}

// decodeAt is one attempt of ReadQR: img scaled to w×h, decoded with hints.
// ok is false when the decoder panicked.
func decodeAt(img image.Image, w, h int, scale float64, hints map[gozxing.DecodeHintType]any) (text string, ok bool, err error) {
	defer func() {
		if recoverPanics && recover() != nil {
			text, ok, err = "", false, nil
		}
	}()
	src := img
	if scale != 1 {
		dst := image.NewGray(image.Rect(0, 0, w, h))
		draw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
		src = dst
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(src)
	if err != nil {
		return "", true, err
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		return "", true, err
	}
	return res.GetText(), true, nil
}

// recoverPanics is turned off by the fuzz tests, which must see the panics
// the safety net would otherwise hide.
var recoverPanics = true
