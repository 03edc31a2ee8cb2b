package data

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
)

// Decision (DOMAIN.md, the photo): the ID photo of the personal
// information form is a JPEG or PNG of at most 500 KB (512,000 bytes),
// portrait, 一寸 (25×35 mm) or 二寸 (35×49 mm): both 5:7, so its width to
// height must be within 4 % of 5:7, and its short side at least 295 px
// (一寸 at 300 dpi).
const (
	MaxPhotoBytes = 512_000
	MinPhotoSide  = 295 // px, the short side
	// PhotoRatioTolerance is the 4 %, as the fraction 1/25 that
	// photoRatioOK compares in whole numbers.
	photoTolNum, photoTolDen = 1, 25
)

// PhotoInfo is what the check read from a photo's header.
type PhotoInfo struct {
	Type   string `json:"type"` // image/jpeg or image/png
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Bytes  int    `json:"bytes"`
}

// CheckPhoto is the photo Decision. The size is bounded before anything
// is decoded, and only the header is decoded (image.DecodeConfig): a
// photo is never unpacked in full to be checked. A refusal says what to
// change.
func CheckPhoto(b []byte) (PhotoInfo, error) {
	info := PhotoInfo{Bytes: len(b)}
	if len(b) == 0 {
		return info, Invalid("photo", "err.photo.empty")
	}
	if len(b) > MaxPhotoBytes {
		return info, PhotoTooLarge(int64(len(b)))
	}
	var cfg image.Config
	var err error
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		info.Type = "image/jpeg"
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(b))
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		info.Type = "image/png"
		cfg, err = png.DecodeConfig(bytes.NewReader(b))
	default:
		return info, Invalid("photo", "err.photo.type")
	}
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return info, Invalid("photo", "err.photo.unreadable")
	}
	info.Width, info.Height = cfg.Width, cfg.Height
	w, h := cfg.Width, cfg.Height
	if w >= h {
		return info, Invalid("photo", "err.photo.landscape", "Width", w, "Height", h)
	}
	if !photoRatioOK(w, h) {
		return info, Invalid("photo", "err.photo.ratio", "Width", w, "Height", h, "Suggest", fmt.Sprintf("%d×%d", w, (w*7+2)/5))
	}
	if w < MinPhotoSide {
		return info, Invalid("photo", "err.photo.small", "Width", w, "Min", MinPhotoSide)
	}
	return info, nil
}

// photoRatioOK: |(w/h) / (5/7) - 1| ≤ 1/25, i.e. |7w - 5h| / 5h ≤ 1/25,
// in whole numbers so that the boundary is exact.
func photoRatioOK(w, h int) bool {
	d := 7*w - 5*h
	if d < 0 {
		d = -d
	}
	return d*photoTolDen <= 5*h*photoTolNum
}

// PhotoTooLarge is the refusal of a photo of n bytes, more than
// MaxPhotoBytes (a file is refused by its size before it is read).
func PhotoTooLarge(n int64) error {
	return Invalid("photo", "err.photo.too_large", "Size", kb(n), "Max", kb(MaxPhotoBytes))
}

// kb is a size in kilobytes of 1,024 bytes, as the seed counts them (500
// KB is 512,000 bytes), rounded up: 512,001 bytes is 501 KB.
func kb(n int64) string { return fmt.Sprintf("%d KB", (n+1023)/1024) }
