package pdf

import (
	"strings"
	"unicode"

	"github.com/go-text/typesetting/segmenter"
)

// wrapLines breaks s into lines no wider than w (as measured by width) at
// the break opportunities of the Unicode line breaking algorithm (UAX #14,
// go-text's segmenter): between two Han characters, after a space, never
// before a closing mark (，。、）》…) nor after an opening one (（《“), never
// inside a number or a Latin word. A piece too wide for a line alone (a
// long number, a URL) is broken where it must. A last line of a single
// character takes the piece before it along, so no character stands alone.
// Spaces at the end of a line are not printed; a line break in s is kept.
func wrapLines(s string, w float64, width func(string) float64) []string {
	var seg segmenter.Segmenter
	seg.InitWithString(s)
	var lines [][]string // each line, as its pieces
	var line []string
	fits := func(pieces []string, more string) bool {
		return width(strings.TrimRight(strings.Join(pieces, "")+more, " ")) <= w
	}
	flush := func() {
		if len(line) > 0 {
			lines = append(lines, line)
		}
		line = nil
	}
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		piece := string(l.Text)
		mandatory := l.IsMandatoryBreak
		if mandatory {
			piece = strings.TrimRight(piece, "\r\n\u2028\u2029\v\f\u0085")
		}
		switch {
		case fits(line, piece):
			line = append(line, piece)
		case len(line) > 0 && fits(nil, piece):
			flush()
			line = []string{piece}
		default: // wider than a line: as much as fits on each
			flush()
			for _, r := range piece {
				if len(line) > 0 && !fits(line, string(r)) {
					flush()
				}
				if len(line) == 0 && r == ' ' {
					continue
				}
				line = append(line, string(r))
			}
		}
		if mandatory {
			if len(line) == 0 {
				line = []string{""}
			}
			flush()
		}
	}
	flush()
	avoidWidow(lines, fits)
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if t := strings.TrimRight(strings.Join(l, ""), " "); t != "" || len(l) > 0 {
			out = append(out, t)
		}
	}
	return out
}

// letters counts what is not a mark or a space: "效。" is one character
// alone, with its full stop.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) && !unicode.IsSymbol(r) {
			n++
		}
	}
	return n
}

// avoidWidow moves the last piece of the line before a one-character last
// line down to it, when the line above keeps something and the two fit.
func avoidWidow(lines [][]string, fits func([]string, string) bool) {
	n := len(lines)
	if n < 2 {
		return
	}
	last, prev := lines[n-1], lines[n-2]
	if letters(strings.Join(last, "")) != 1 || len(prev) < 2 {
		return
	}
	moved := prev[len(prev)-1]
	if !fits([]string{moved}, strings.Join(last, "")) {
		return
	}
	lines[n-2] = prev[:len(prev)-1]
	lines[n-1] = append([]string{moved}, last...)
}
