package data

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"
)

// photoOf encodes a w×h image, padded with trailing bytes to size when
// size > 0 (decoders stop at the image's end, so the header says w×h
// whatever follows).
func photoOf(t *testing.T, format string, w, h, size int) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.White)
	var b bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&b, img)
	case "jpeg":
		err = jpeg.Encode(&b, img, nil)
	case "gif":
		err = gif.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	if size > 0 {
		if b.Len() > size {
			t.Fatalf("%s %d×%d is %d bytes already", format, w, h, b.Len())
		}
		b.Write(make([]byte, size-b.Len()))
	}
	return b.Bytes()
}

func TestCheckPhoto(t *testing.T) {
	cases := []struct {
		name   string
		photo  []byte
		errKey string // "" accepted
	}{
		{"a 一寸 photo at 300 dpi, 295×413, JPEG", photoOf(t, "jpeg", 295, 413, 0), ""},
		{"a 二寸 photo, 413×579, PNG", photoOf(t, "png", 413, 579, 0), ""},
		{"exactly 500 KB (512,000 bytes)", photoOf(t, "png", 500, 700, 512_000), ""},
		{"one byte more than 500 KB", photoOf(t, "png", 500, 700, 512_001), "err.photo.too_large"},
		{"width 4 % above 5:7 (520×700): just inside", photoOf(t, "png", 520, 700, 0), ""},
		{"width just over 4 % above 5:7 (521×700)", photoOf(t, "png", 521, 700, 0), "err.photo.ratio"},
		{"width 4 % below 5:7 (480×700): just inside", photoOf(t, "png", 480, 700, 0), ""},
		{"width just over 4 % below 5:7 (479×700)", photoOf(t, "png", 479, 700, 0), "err.photo.ratio"},
		{"a square photo is not 5:7", photoOf(t, "png", 600, 600, 0), "err.photo.landscape"},
		{"a landscape photo", photoOf(t, "jpeg", 700, 500, 0), "err.photo.landscape"},
		{"the short side 294 px: smaller than 一寸 at 300 dpi", photoOf(t, "png", 294, 412, 0), "err.photo.small"},
		{"a GIF", photoOf(t, "gif", 295, 413, 0), "err.photo.type"},
		{"a PNG signature with nothing after it", []byte("\x89PNG\r\n\x1a\nrubbish"), "err.photo.unreadable"},
		{"an empty file", nil, "err.photo.empty"},
	}
	for _, tc := range cases {
		info, err := CheckPhoto(tc.photo)
		if tc.errKey == "" {
			if err != nil {
				t.Errorf("%s: refused: %v", tc.name, err)
			}
			continue
		}
		e := AsError(err)
		if e == nil || e.Key != tc.errKey || e.Field != "photo" {
			t.Errorf("%s: %v (%+v), want %s on photo", tc.name, err, info, tc.errKey)
		}
	}
}

// A refusal says what to change: the ratio names a size that fits, the
// size says how large the file is.
func TestCheckPhotoSaysWhatToChange(t *testing.T) {
	_, err := CheckPhoto(photoOf(t, "png", 600, 700, 0))
	if e := AsError(err); e == nil || e.Args["Suggest"] != "600×840" {
		t.Errorf("ratio: %v", err)
	}
	_, err = CheckPhoto(photoOf(t, "png", 500, 700, 512_001))
	if e := AsError(err); e == nil || e.Args["Size"] != "501 KB" || e.Args["Max"] != "500 KB" {
		t.Errorf("size: %v", err)
	}
}
