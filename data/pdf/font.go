package pdf

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"slices"
	"sync"
)

// fpdf parses the whole TrueType font for every document and again when it
// writes the subset: with the 49,531 glyphs of WenQuanYi Micro Hei that is
// about 60 ms a page. So the font's directory and character map are read
// once per process, and each page hands fpdf a font cut down to the glyphs
// that page uses; fpdf then embeds (a subset of) that.

type sfnt struct {
	data   []byte
	tables []sfntTable
	cmap   map[rune]uint16 // the font's Unicode (BMP) character map
}

type sfntTable struct {
	tag    string
	offset uint32
	length uint32
}

var (
	fontOnce   sync.Once
	fontParsed *sfnt
	fontErr    error
)

// parseFont reads the table directory and the format 4 Unicode map.
func parseFont(b []byte) (*sfnt, error) {
	bad := errors.New("pdf: not a TrueType font")
	if len(b) < 12 {
		return nil, bad
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return nil, bad
	}
	f := &sfnt{data: b}
	var cmapOff, cmapLen uint32
	for i := 0; i < n; i++ {
		r := b[12+16*i:]
		t := sfntTable{tag: string(r[:4]), offset: binary.BigEndian.Uint32(r[8:]), length: binary.BigEndian.Uint32(r[12:])}
		if uint64(t.offset)+uint64(t.length) > uint64(len(b)) {
			return nil, bad
		}
		f.tables = append(f.tables, t)
		if t.tag == "cmap" {
			cmapOff, cmapLen = t.offset, t.length
		}
	}
	m, err := readCmap4(b[cmapOff : cmapOff+cmapLen])
	if err != nil {
		return nil, err
	}
	f.cmap = m
	return f, nil
}

// readCmap4 reads the Windows Unicode BMP subtable (3,1) or a Unicode one
// (0,x) of format 4: the one fpdf reads.
func readCmap4(c []byte) (map[rune]uint16, error) {
	bad := errors.New("pdf: font has no format 4 Unicode character map")
	if len(c) < 4 {
		return nil, bad
	}
	u16 := func(off int) int {
		if off < 0 || off+2 > len(c) {
			return 0
		}
		return int(binary.BigEndian.Uint16(c[off:]))
	}
	for i := 0; i < u16(2); i++ {
		rec := 4 + 8*i
		platform, encoding := u16(rec), u16(rec+2)
		if !(platform == 3 && encoding == 1) && platform != 0 {
			continue
		}
		sub := int(binary.BigEndian.Uint32(c[rec+4:]))
		if u16(sub) != 4 {
			continue
		}
		segs := u16(sub+6) / 2
		ends, starts, deltas, ranges := sub+14, sub+16+2*segs, sub+16+4*segs, sub+16+6*segs
		m := make(map[rune]uint16, 40000)
		for s := 0; s < segs; s++ {
			start, end, delta, ro := u16(starts+2*s), u16(ends+2*s), u16(deltas+2*s), u16(ranges+2*s)
			for ch := start; ch <= end && ch != 0xFFFF; ch++ {
				var g int
				if ro == 0 {
					g = (ch + delta) & 0xFFFF
				} else if g = u16(ranges + 2*s + ro + 2*(ch-start)); g != 0 {
					g = (g + delta) & 0xFFFF
				}
				if g != 0 {
					m[rune(ch)] = uint16(g)
				}
			}
		}
		return m, nil
	}
	return nil, bad
}

// subset returns a TrueType font of only the glyphs for runes (and glyph
// 0, and the parts composite glyphs are built from), renumbered from 0: a
// few hundred glyphs, which fpdf reads in well under a millisecond.
// Characters the font lacks are left out; they would print as nothing.
func (f *sfnt) subset(runes []rune) ([]byte, error) {
	be := binary.BigEndian
	head, hhea, maxp := f.table("head"), f.table("hhea"), f.table("maxp")
	hmtx, loca, glyf := f.table("hmtx"), f.table("loca"), f.table("glyf")
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || hmtx == nil || loca == nil || glyf == nil {
		return nil, errors.New("pdf: font lacks a table a subset needs")
	}
	longLoca := be.Uint16(head[50:]) == 1
	numGlyphs := int(be.Uint16(maxp[4:]))
	numMetrics := int(be.Uint16(hhea[34:]))
	glyphData := func(g int) []byte {
		var from, to int
		if longLoca && 4*g+8 <= len(loca) {
			from, to = int(be.Uint32(loca[4*g:])), int(be.Uint32(loca[4*g+4:]))
		} else if !longLoca && 2*g+4 <= len(loca) {
			from, to = 2*int(be.Uint16(loca[2*g:])), 2*int(be.Uint16(loca[2*g+2:]))
		}
		if from >= to || to > len(glyf) {
			return nil
		}
		return glyf[from:to]
	}

	// The glyphs, in new order: 0 first, then the runes', then components.
	slices.Sort(runes)
	runes = slices.Compact(runes)
	old := []int{0}
	newID := map[int]int{0: 0}
	add := func(g int) int {
		if id, ok := newID[g]; ok {
			return id
		}
		newID[g] = len(old)
		old = append(old, g)
		return newID[g]
	}
	type pair struct {
		r rune
		g int
	}
	var pairs []pair
	for _, r := range runes {
		if g, ok := f.cmap[r]; ok && r < 0xFFFF && int(g) < numGlyphs {
			pairs = append(pairs, pair{r, add(int(g))})
		}
	}
	for i := 0; i < len(old); i++ { // old grows as composites name their parts
		forComponents(glyphData(old[i]), func(g int, _ int) { add(g) })
	}

	var newGlyf, newLoca, newHmtx []byte
	for _, g := range old {
		newLoca = be.AppendUint32(newLoca, uint32(len(newGlyf)))
		d := append([]byte(nil), glyphData(g)...)
		forComponents(d, func(c int, at int) { be.PutUint16(d[at:], uint16(newID[c])) })
		newGlyf = append(newGlyf, d...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
		var adv, lsb uint16
		if g < numMetrics {
			adv, lsb = be.Uint16(hmtx[4*g:]), be.Uint16(hmtx[4*g+2:])
		} else {
			adv = be.Uint16(hmtx[4*(numMetrics-1):])
			if at := 4*numMetrics + 2*(g-numMetrics); at+2 <= len(hmtx) {
				lsb = be.Uint16(hmtx[at:])
			}
		}
		newHmtx = be.AppendUint16(be.AppendUint16(newHmtx, adv), lsb)
	}
	newLoca = be.AppendUint32(newLoca, uint32(len(newGlyf)))

	head = slices.Clone(head)
	be.PutUint32(head[8:], 0) // checkSumAdjustment: nobody checks it in a PDF
	be.PutUint16(head[50:], 1)
	hhea = slices.Clone(hhea)
	be.PutUint16(hhea[34:], uint16(len(old)))
	maxp = slices.Clone(maxp)
	be.PutUint16(maxp[4:], uint16(len(old)))
	post := make([]byte, 32) // version 3: no glyph names
	copy(post, f.table("post"))
	be.PutUint32(post[0:], 0x00030000)

	// Format 4 cmap, one segment per character (idDelta maps it), then the
	// closing 0xFFFF segment the format requires.
	segs := len(pairs) + 1
	sub := make([]byte, 16+8*segs)
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*segs))
	sr := 1
	for sr*2 <= segs {
		sr *= 2
	}
	be.PutUint16(sub[8:], uint16(2*sr))
	be.PutUint16(sub[10:], uint16(bits.Len(uint(sr))-1))
	be.PutUint16(sub[12:], uint16(2*segs-2*sr))
	ends, starts, deltas := 14, 16+2*segs, 16+4*segs
	for i, p := range pairs {
		be.PutUint16(sub[ends+2*i:], uint16(p.r))
		be.PutUint16(sub[starts+2*i:], uint16(p.r))
		be.PutUint16(sub[deltas+2*i:], uint16(p.g-int(p.r)))
	}
	be.PutUint16(sub[ends+2*len(pairs):], 0xFFFF)
	be.PutUint16(sub[starts+2*len(pairs):], 0xFFFF)
	be.PutUint16(sub[deltas+2*len(pairs):], 1)
	cmap := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12} // one subtable: Windows, Unicode BMP
	cmap = append(cmap, sub...)

	tables := map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp, "hmtx": newHmtx, "loca": newLoca, "glyf": newGlyf,
		"cmap": cmap, "post": post, "name": f.table("name"), "OS/2": f.table("OS/2"),
		// Hinting, kept so small sizes on screen look as the font intends.
		"cvt ": f.table("cvt "), "fpgm": f.table("fpgm"), "prep": f.table("prep"), "gasp": f.table("gasp"),
	}
	return writeSfnt(tables), nil
}

// forComponents calls fn with each component glyph of a composite glyph
// and the offset of its glyph index within data; simple glyphs have none.
func forComponents(data []byte, fn func(glyph, at int)) {
	be := binary.BigEndian
	if len(data) < 10 || int16(be.Uint16(data)) >= 0 {
		return
	}
	const (
		argsAreWords = 0x0001
		haveScale    = 0x0008
		moreParts    = 0x0020
		xyScale      = 0x0040
		twoByTwo     = 0x0080
	)
	for at := 10; at+4 <= len(data); {
		flags := be.Uint16(data[at:])
		fn(int(be.Uint16(data[at+2:])), at+2)
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&xyScale != 0:
			at += 4
		case flags&twoByTwo != 0:
			at += 8
		}
		if flags&moreParts == 0 {
			return
		}
	}
}

func (f *sfnt) table(tag string) []byte {
	for _, t := range f.tables {
		if t.tag == tag {
			return f.data[t.offset : t.offset+t.length]
		}
	}
	return nil
}

// writeSfnt lays out a TrueType file: the directory sorted by tag, each
// table 4-byte aligned with its checksum. Missing (nil) tables are left out.
func writeSfnt(tables map[string][]byte) []byte {
	be := binary.BigEndian
	var tags []string
	for t, b := range tables {
		if b != nil {
			tags = append(tags, t)
		}
	}
	slices.Sort(tags)
	n := len(tags)
	sr := 1
	for sr*2 <= n {
		sr *= 2
	}
	out := make([]byte, 12+16*n)
	be.PutUint32(out[0:], 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16*sr))
	be.PutUint16(out[8:], uint16(bits.Len(uint(sr))-1))
	be.PutUint16(out[10:], uint16(16*n-16*sr))
	for i, t := range tags {
		offset := len(out)
		out = append(out, tables[t]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		rec := out[12+16*i:]
		copy(rec[:4], t)
		be.PutUint32(rec[4:], checksum(out[offset:]))
		be.PutUint32(rec[8:], uint32(offset))
		be.PutUint32(rec[12:], uint32(len(tables[t])))
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i+4 <= len(b); i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	return sum
}
