package pdf

import (
	"codeberg.org/go-pdf/fpdf"
)

// canvas draws a page, or, with collect set, only notes the characters it
// would draw: the layout code runs twice and is written once.
type canvas struct {
	p       *fpdf.Fpdf
	collect map[rune]bool
}

func (c *canvas) note(s string) bool {
	if c.collect == nil {
		return false
	}
	for _, r := range s {
		c.collect[r] = true
	}
	return true
}

func (c *canvas) style(size float64, col rgb) {
	c.p.SetFontSize(size)
	c.p.SetTextColor(col.r, col.g, col.b)
}

// text puts s with its top at y.
func (c *canvas) text(x, y, size float64, col rgb, s string) {
	if c.note(s) {
		return
	}
	c.style(size, col)
	c.p.SetXY(x, y)
	c.p.CellFormat(c.p.GetStringWidth(s)+0.5, size*0.45, s, "", 0, "L", false, 0, "")
}

func (c *canvas) centered(y, size float64, col rgb, s string) {
	c.centeredIn(margin, pageW-2*margin, y, size, col, s)
}

func (c *canvas) centeredIn(x, w, y, size float64, col rgb, s string) {
	if c.note(s) {
		return
	}
	c.style(size, col)
	c.p.SetXY(x, y)
	c.p.CellFormat(w, size*0.45, s, "", 0, "C", false, 0, "")
}

// wrapped sets s in lines no wider than w and returns the y below them.
// fpdf's MultiCell drops a Han character at every line break it makes, so
// the lines are broken here and each is printed whole.
func (c *canvas) wrapped(x, y, w, size float64, col rgb, s string, lineH float64) float64 {
	if c.note(s) {
		return y
	}
	c.style(size, col)
	for _, line := range wrapLines(s, w, c.p.GetStringWidth) {
		c.p.SetXY(x, y)
		c.p.CellFormat(w, lineH, line, "", 0, "L", false, 0, "")
		y += lineH
	}
	return y
}

// field is one labelled row: the Chinese label, the English under it, and
// the value, wrapped. It returns the y of the next row.
func (c *canvas) field(y float64, zh, en, value string) float64 {
	c.text(margin+4, y, 10.5, ink, zh)
	c.text(margin+4, y+4.8, 7, muted, en)
	end := c.wrapped(margin+labelW, y-0.4, pageW-2*margin-labelW-4, 12, ink, value, 5.8)
	if c.collect != nil {
		return y
	}
	return max(end, y+8.6) + 1.8
}

// box is a tinted panel with a heading and lines of text.
func (c *canvas) box(y, w float64, heading string, lines []string) float64 {
	if c.collect != nil {
		c.note(heading)
		for _, l := range lines {
			c.note(l)
		}
		return y
	}
	// Measure first, then draw the panel under the text.
	c.style(9.5, ink)
	n := 0
	for _, l := range lines {
		n += len(wrapLines(l, w-10, c.p.GetStringWidth))
	}
	h := 11 + float64(n)*5
	c.p.SetFillColor(tint.r, tint.g, tint.b)
	c.p.SetDrawColor(accent.r, accent.g, accent.b)
	c.p.SetLineWidth(0.3)
	c.p.RoundedRect(margin, y, w, h, 2, "1234", "FD")
	c.text(margin+5, y+3, 10.5, accent, heading)
	ly := y + 9
	for _, l := range lines {
		ly = c.wrapped(margin+5, ly, w-10, 9.5, ink, l, 5)
	}
	return y + h + 4
}

func (c *canvas) rule(y float64, col rgb, width float64) {
	if c.collect != nil {
		return
	}
	c.p.SetDrawColor(col.r, col.g, col.b)
	c.p.SetLineWidth(width)
	c.p.Line(margin, y, pageW-margin, y)
}

// frame is the double border of a certificate.
func (c *canvas) frame() {
	if c.collect != nil {
		return
	}
	c.p.SetDrawColor(accent.r, accent.g, accent.b)
	c.p.SetLineWidth(1.2)
	c.p.Rect(10, 10, pageW-20, pageH-20, "D")
	c.p.SetLineWidth(0.3)
	c.p.Rect(13, 13, pageW-26, pageH-26, "D")
}

func (c *canvas) image(name string, x, y, size float64) {
	if c.collect != nil {
		return
	}
	c.p.ImageOptions(name, x, y, size, size, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
}
