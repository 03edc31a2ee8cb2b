package data

import (
	"strconv"
)

// What `verify` (and the Verify tab) reads is bounded before it is read or
// decoded: a file, a photo or a PDF is anybody's, and a few hundred bytes
// can claim gigabytes (a PNG's header states its size; a compressed stream
// can expand a thousandfold).
const (
	// MaxInputBytes is the largest file read to find a seal, 32 MiB: a PDF
	// exported by SWCert is a few hundred kilobytes, a 12-megapixel phone
	// photo 3–8 MB, an A4 page scanned at 300 dpi 1–25 MB.
	MaxInputBytes = 32 << 20
	// MaxImagePixels is the largest image decoded to find a seal, 25
	// megapixels: a 12-megapixel phone photo (4,032×3,024), a 24-megapixel
	// camera (6,000×4,000) and an A4 page at 300 dpi (2,480×3,508, 8.7
	// megapixels) or 400 dpi (15.5 megapixels) pass; an A4 page at 600 dpi
	// (34.8 megapixels) does not. Decoded as 16-bit RGBA it needs 200 MB.
	MaxImagePixels = 25_000_000
)

// CheckInputSize refuses an input of n bytes that is larger than
// MaxInputBytes. Readers read at most MaxInputBytes+1 bytes, so n says
// "too large" without the whole of a stream being read.
func CheckInputSize(n int) error {
	if n > MaxInputBytes {
		return Invalid("input", "err.input.too_large", "Max", MaxInputBytes>>20)
	}
	return nil
}

// CheckImageSize refuses an image of w×h pixels larger than MaxImagePixels,
// before any pixel of it is decoded; the message says how large it is.
func CheckImageSize(w, h int) error {
	if w < 1 || h < 1 {
		return Invalid("input", "err.seal.bad_image")
	}
	if int64(w)*int64(h) > MaxImagePixels {
		return Invalid("input", "err.image.too_large", "Width", Grouped(int64(w)), "Height", Grouped(int64(h)),
			"Megapixels", megapixels(int64(w)*int64(h)), "Max", MaxImagePixels/1_000_000)
	}
	return nil
}

// megapixels is n pixels in millions: one decimal below 100 ("34.8"),
// whole and grouped above ("4,290").
func megapixels(n int64) string {
	if n < 100_000_000 {
		return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64)
	}
	return Grouped((n + 500_000) / 1_000_000)
}

// Grouped writes n with a comma every three digits (65,500), as both
// English and Chinese texts write large numbers.
func Grouped(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var out []byte
	for i, c := range []byte(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, c)
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
