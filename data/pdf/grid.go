package pdf

// A grid is a table of many rows that runs over pages: the reports of
// service records list thousands. Each row is as tall as its tallest
// cell, never split over a page.

// column is one column of a grid: its heading in Chinese, in English
// (none on a form for a Chinese office), and its width.
type column struct {
	zh, en string
	w      float64
}

const (
	gridSize  = 8.5
	gridLineH = 4.0
	gridGap   = 0.8 // between rows
)

// gridHead sets the headings and a rule under them.
func (c *canvas) gridHead(y float64, cols []column) float64 {
	x, below := margin, 5.0 // headings in Chinese only take one line
	for _, col := range cols {
		c.text(x, y, 9, ink, col.zh)
		if col.en != "" {
			c.text(x, y+4, 6.5, muted, col.en)
			below = 8
		}
		x += col.w
	}
	c.rule(y+below, muted, 0.2)
	return y + below + 2
}

// cellLines is a cell's text in lines of its column: most cells fit on
// one, measured before the line breaker is asked.
func (c *canvas) cellLines(s string, w float64) []string {
	if c.p.GetStringWidth(s) <= w {
		return []string{s}
	}
	return wrapLines(s, w, c.p.GetStringWidth)
}

// grid sets rows under a heading, starting at y; a row that would run
// into the footer goes on a new page, which top begins and whose grid is
// headed again. It returns the y below the last row.
func (c *canvas) grid(y float64, cols []column, rows [][]string, top func() float64) float64 {
	if c.collect != nil {
		for _, col := range cols {
			c.note(col.zh + col.en)
		}
		for _, r := range rows {
			for _, s := range r {
				c.note(s)
			}
		}
		return y
	}
	y = c.gridHead(y, cols)
	c.style(gridSize, ink)
	for _, r := range rows {
		lines := make([][]string, len(cols))
		n := 1
		for i, col := range cols {
			lines[i] = c.cellLines(r[i], col.w-2)
			n = max(n, len(lines[i]))
		}
		h := float64(n)*gridLineH + gridGap
		if y+h > footerTop-4 {
			c.addPage()
			y = c.gridHead(top(), cols)
			c.style(gridSize, ink)
		}
		x := margin
		for i, col := range cols {
			ly := y
			for _, l := range lines[i] {
				c.p.SetXY(x, ly)
				c.p.CellFormat(col.w-2, gridLineH, l, "", 0, "L", false, 0, "")
				ly += gridLineH
			}
			x += col.w
		}
		y += h
	}
	return y
}

// room starts a new page when less than need is left above the footer.
func (c *canvas) room(y, need float64, top func() float64) float64 {
	if c.collect == nil && y+need > footerTop-4 {
		c.addPage()
		return top()
	}
	return y
}

// listSection is a heading and its grid, or, with no rows, what says the
// list is empty; on a new page when too little is left for the heading
// and a row or two.
func (c *canvas) listSection(y float64, heading, empty string, cols []column, rows [][]string, top func() float64) float64 {
	y = c.room(y, 20, top)
	c.text(margin, y, 11, accent, heading)
	y += 6.5
	if len(rows) == 0 {
		return c.wrapped(margin, y, pageW-2*margin, 9.5, muted, empty, 5)
	}
	return c.grid(y, cols, rows, top)
}
