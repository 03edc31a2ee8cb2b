package demo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/swcert/swcert/assets"
	"github.com/swcert/swcert/data"
)

// The demo's ID photos and proof files: drawn, clearly fake (a grey
// silhouette, "样例 SAMPLE" across it), and few: every demo holder with a
// photo has one of these, and the store keeps each content once, so a
// demo of 100,000 holders adds a handful of files.

// PhotoWidth × PhotoHeight is 二寸 at 260 dpi: 5:7, portrait, a short side
// above 295 px, a few KB as PNG.
const (
	PhotoWidth  = 360
	PhotoHeight = 504
)

var backgrounds = []color.RGBA{{0xd6, 0xe6, 0xf5, 0xff}, {0xff, 0xff, 0xff, 0xff}, {0xc8, 0x2e, 0x2e, 0xff}}

var (
	photosOnce sync.Once
	photos     []data.Proof
	proofsOnce sync.Once
	workProof  data.Proof
	honourDoc  data.Proof
)

// Photos are the demo's photos, one a background colour (blue, white and
// red, as ID photos are taken), each passing data.CheckPhoto.
func Photos() []data.Proof {
	photosOnce.Do(func() {
		for i, bg := range backgrounds {
			b := drawCard(PhotoWidth, PhotoHeight, bg, true, []string{"样例", "SAMPLE"})
			photos = append(photos, proofOf([]string{"样例照片-蓝底.png", "样例照片-白底.png", "样例照片-红底.png"}[i], b))
		}
	})
	return photos
}

// WorkProof is the demo's proof of 三区计划 / 牵手计划 work; HonourProof an
// honour's certificate. Both pictures saying they are samples.
func WorkProof() data.Proof {
	demoProofs()
	return workProof
}

// HonourProof is the demo's scan of an honour's certificate.
func HonourProof() data.Proof {
	demoProofs()
	return honourDoc
}

func demoProofs() {
	proofsOnce.Do(func() {
		paper := color.RGBA{0xfb, 0xf7, 0xec, 0xff}
		workProof = proofOf("样例-项目服务证明.png", drawCard(600, 420, paper, false, []string{"样例 SAMPLE", "项目服务证明（演示）", "三区计划 / 牵手计划"}))
		honourDoc = proofOf("样例-荣誉证书.png", drawCard(600, 420, paper, false, []string{"样例 SAMPLE", "荣誉证书（演示）"}))
	})
}

func proofOf(name string, b []byte) data.Proof {
	p := data.Proof{Name: name, Size: int64(len(b)), Type: "image/png", Data: b}
	p.SHA256 = sha256Hex(b)
	return p
}

// drawCard draws a w×h picture: the background, a silhouette when
// portrait, and the lines of text across it.
func drawCard(w, h int, bg color.RGBA, portrait bool, lines []string) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), &image.Uniform{bg}, image.Point{}, draw.Src)
	ink := color.RGBA{0x8a, 0x8f, 0x98, 0xff}
	if portrait {
		cx := w / 2
		fillEllipse(img, cx, h*36/100, w*19/100, h*17/100, ink)  // head
		fillEllipse(img, cx, h*100/100, w*46/100, h*33/100, ink) // shoulders
	} else {
		border := color.RGBA{0xb8, 0x86, 0x2e, 0xff}
		for i := 0; i < 6; i++ {
			for x := i; x < w-i; x++ {
				img.Set(x, i, border)
				img.Set(x, h-1-i, border)
			}
			for y := i; y < h-i; y++ {
				img.Set(i, y, border)
				img.Set(w-1-i, y, border)
			}
		}
	}
	size := float64(w) / 9
	if !portrait {
		size = float64(w) / 16
	}
	face := demoFace(size)
	text := color.RGBA{0x20, 0x20, 0x20, 0xff}
	if bg.R > 0xb0 && bg.G < 0x80 { // red background: white letters
		text = color.RGBA{0xff, 0xff, 0xff, 0xff}
	}
	d := &font.Drawer{Dst: img, Src: &image.Uniform{text}, Face: face}
	lineH := face.Metrics().Height.Ceil()
	y := h/2 - lineH*len(lines)/2 + lineH
	if portrait {
		y = h * 62 / 100
	}
	for _, l := range lines {
		adv := d.MeasureString(l)
		d.Dot = fixed.Point26_6{X: (fixed.I(w) - adv) / 2, Y: fixed.I(y)}
		d.DrawString(l)
		y += lineH
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err) // an in-memory image always encodes
	}
	return b.Bytes()
}

func fillEllipse(img *image.RGBA, cx, cy, rx, ry int, c color.RGBA) {
	b := img.Bounds()
	for y := max(cy-ry, b.Min.Y); y <= min(cy+ry, b.Max.Y-1); y++ {
		for x := max(cx-rx, b.Min.X); x <= min(cx+rx, b.Max.X-1); x++ {
			dx, dy := float64(x-cx)/float64(rx), float64(y-cy)/float64(ry)
			if dx*dx+dy*dy <= 1 {
				img.SetRGBA(x, y, c)
			}
		}
	}
}

var (
	fontOnce sync.Once
	demoFont *opentype.Font
)

// demoFace is the bundled CJK font (the one the UI and the PDFs use) at
// size px.
func demoFace(size float64) font.Face {
	fontOnce.Do(func() {
		f, err := opentype.Parse(assets.FontTTF)
		if err != nil {
			panic(err) // the embedded font is checked by the assets tests
		}
		demoFont = f
	})
	face, err := opentype.NewFace(demoFont, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(err)
	}
	return face
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
