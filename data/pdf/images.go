package pdf

// There is no PDF rasterizer in pure Go, so to read a QR code printed on a
// page the verifier takes the image XObjects themselves and leaves the page
// layout aside.

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"math"
	"regexp"
	"strconv"

	"github.com/swcert/swcert/data"
)

// ErrNotPDF is returned when the input does not carry a PDF header, which is
// the only failure callers can act upon: everything else inside a PDF is
// best effort and silently skipped.
var ErrNotPDF = errors.New("pdf: not a PDF")

// Limits keep a hostile or corrupt file from making us allocate gigabytes:
// a flate stream can expand a thousandfold, /Width and /Height are just
// numbers anybody can write, and a few bytes ("1 0 obj", "0 ") make an
// object or a value each. A PDF exported by SWCert has about twenty
// objects and one image; a scanned page one image each.
const (
	maxSide    = 1 << 16
	maxObjects = 100_000 // "N G obj" headers
	maxValues  = 500_000 // numbers, names, strings, arrays, dictionaries
	// maxDocPixels is what all the images of one PDF may add up to before a
	// seal is found among them: four images of the largest size, or the
	// first eleven pages of a document scanned at 300 dpi.
	maxDocPixels = 4 * data.MaxImagePixels
	maxAuxStream = data.MaxInputBytes // JPEG bytes: never more than the file they come in
	maxLookup    = 64 << 10           // a palette: 256 colours of 4 components, with room
	maxNesting   = 64                 // nesting of arrays and dictionaries
	maxRefHops   = 16                 // chains of indirect references
)

// The refusals of a PDF that is beyond those limits: application errors
// that say what is wrong, for the verifier to show.
func errBomb() error { return data.Invalid("input", "err.pdf.bomb") }

func errTooComplex() error {
	return data.Invalid("input", "err.pdf.too_complex", "Objects", data.Grouped(maxObjects), "Values", data.Grouped(maxValues))
}

func errTooMuchImage() error {
	return data.Invalid("input", "err.pdf.too_much_image", "Max", maxDocPixels/1_000_000)
}

// EachImage hands the raster images embedded in a PDF file as image
// XObjects to fn, in file order, one at a time (so that only one is held),
// decoding those it understands and skipping the rest, until fn returns
// false. The error is ErrNotPDF, or a refusal (an application error) when
// the file is beyond the limits above: too many objects or values, a
// compressed stream that unpacks to more than its image needs (refused at
// once), more image than maxDocPixels, or, when fn never stopped, an image
// larger than data.MaxImagePixels or one that could not be decoded (these
// are skipped, as the seal may be in another image, and said at the end).
func EachImage(pdf []byte, fn func(image.Image) bool) (err error) {
	if !bytes.HasPrefix(bytes.TrimLeft(pdf, " \t\r\n\f\x00"), []byte("%PDF-")) {
		return ErrNotPDF
	}
	// Parsing is written not to panic; this only keeps a bug of ours from
	// taking the verifier down with it.
	defer func() {
		if recoverPanics && recover() != nil {
			err = data.Invalid("input", "err.image.damaged")
		}
	}()
	d, err := scanObjects(pdf)
	if err != nil {
		return err
	}
	var skipped error
	for _, o := range d.order {
		img, err := d.safeDecode(o)
		switch e := data.AsError(err); {
		case e != nil && (e.Key == "err.pdf.bomb" || e.Key == "err.pdf.too_much_image"):
			return err
		case e != nil:
			if skipped == nil {
				skipped = err
			}
		case img != nil && !fn(img):
			return nil
		}
	}
	return skipped
}

// Images is EachImage gathering every image: for tests and small files.
func Images(pdf []byte) ([]image.Image, error) {
	var images []image.Image
	err := EachImage(pdf, func(img image.Image) bool {
		images = append(images, img)
		return true
	})
	return images, err
}

// recoverPanics is turned off by the fuzz test, which must see the panics
// that the safety nets would otherwise hide.
var recoverPanics = true

// safeDecode decodes o when it is an image. A panic becomes a skipped
// image, so that one image tripping over a bug (ours, or image/jpeg's)
// costs only itself and not the others in the file. The error is a
// refusal (an application error) or nil: an image that is merely not
// understood is skipped silently.
func (d *rawDocument) safeDecode(o *rawObject) (img image.Image, err error) {
	defer func() {
		if recoverPanics && recover() != nil {
			img, err = nil, data.Invalid("input", "err.image.damaged")
		}
	}()
	dict, ok := o.value.(pdfDict)
	if !ok || !o.stream || d.resolve(dict["Subtype"]) != pdfName("Image") {
		return nil, nil
	}
	img, err = d.decodeImage(o, dict)
	if data.AsError(err) != nil {
		return nil, err
	}
	if err != nil {
		return nil, nil
	}
	return img, nil
}

// ---------------------------------------------------------------------------
// Locating objects

type rawObject struct {
	num       int
	value     any
	stream    bool
	dataStart int
	data      []byte // nil when the end of the stream could not be found
}

type rawDocument struct {
	b      []byte
	objs   map[int]*rawObject // the last definition wins, as with incremental updates
	order  []*rawObject
	values int // left to parse before the file counts as too complex
	pixels int // left to decode before the file holds too much image
}

// The cross-reference table is not trusted: files that are truncated,
// repaired by hand or incrementally updated often have a broken one, while
// the "N G obj" headers are always there.
var objHeaderRe = regexp.MustCompile(`(\d{1,10})[\x00\t\n\f\r ]+(\d{1,5})[\x00\t\n\f\r ]+obj\b`)

func scanObjects(b []byte) (*rawDocument, error) {
	d := &rawDocument{b: b, objs: map[int]*rawObject{}, values: maxValues, pixels: maxDocPixels}
	resume := 0
	// One header at a time, from where the last object (or stream) ended:
	// a header found inside the previous stream is binary noise, and
	// finding all at once would hold millions of matches for a hostile file.
	for from := 0; from < len(b); {
		m := objHeaderRe.FindSubmatchIndex(b[from:])
		if m == nil {
			break
		}
		for i := range m {
			m[i] += from
		}
		from = m[1]
		if len(d.order) >= maxObjects {
			return nil, errTooComplex()
		}
		num, err := strconv.Atoi(string(b[m[2]:m[3]]))
		if err != nil {
			continue
		}
		p := &objParser{b: b, pos: m[1], budget: &d.values}
		v, err := p.value()
		if d.values < 0 {
			return nil, errTooComplex()
		}
		if err != nil {
			continue
		}
		o := &rawObject{num: num, value: v}
		if dict, ok := v.(pdfDict); ok {
			if start, ok := streamDataStart(b, p.pos); ok {
				o.stream = true
				o.dataStart = start
				// Indirect lengths are settled later, once every object is
				// known; the endstream keyword is good enough to skip ahead.
				end := -1
				if n, ok := dict["Length"].(int); ok {
					end = d.checkLength(start, n)
				}
				if end < 0 {
					end = d.findEndstream(start)
				}
				if end >= 0 {
					o.data = b[start:end]
					resume = end
				} else {
					resume = len(b)
				}
			}
		}
		from = max(from, resume)
		d.objs[num] = o
		d.order = append(d.order, o)
	}
	return d, nil
}

// spend takes an image of w×h pixels from the document's budget.
func (d *rawDocument) spend(w, h int) error {
	if err := data.CheckImageSize(w, h); err != nil {
		return err
	}
	d.pixels -= w * h
	if d.pixels < 0 {
		return errTooMuchImage()
	}
	return nil
}

// streamStart reports where stream data begins if the dictionary ending at
// pos is followed by the stream keyword. The keyword must be followed by CRLF
// or LF, but writers also emit a lone CR or stray spaces before the EOL.
func streamDataStart(b []byte, pos int) (int, bool) {
	p := &objParser{b: b, pos: pos}
	p.skipSpace()
	if !bytes.HasPrefix(b[p.pos:], []byte("stream")) {
		return 0, false
	}
	q := p.pos + len("stream")
	r := q
	for r < len(b) && (b[r] == ' ' || b[r] == '\t') {
		r++
	}
	switch {
	case r < len(b) && b[r] == '\r':
		r++
		if r < len(b) && b[r] == '\n' {
			r++
		}
		return r, true
	case r < len(b) && b[r] == '\n':
		return r + 1, true
	}
	return q, true
}

// checkLength returns the end of the stream data if /Length is believable,
// that is if endstream follows it, and -1 otherwise.
func (d *rawDocument) checkLength(start, n int) int {
	if n < 0 || n > len(d.b)-start {
		return -1
	}
	p := &objParser{b: d.b, pos: start + n}
	p.skipSpace()
	if !bytes.HasPrefix(d.b[p.pos:], []byte("endstream")) {
		return -1
	}
	return start + n
}

func (d *rawDocument) findEndstream(start int) int {
	i := bytes.Index(d.b[start:], []byte("endstream"))
	if i < 0 {
		return -1
	}
	end := start + i
	// The EOL before endstream belongs to the syntax, not to the data.
	if end > start && d.b[end-1] == '\n' {
		end--
	}
	if end > start && d.b[end-1] == '\r' {
		end--
	}
	return end
}

// streamData prefers an indirect /Length, which is exact, over the guess made
// while scanning.
func (d *rawDocument) streamData(o *rawObject) []byte {
	dict, _ := o.value.(pdfDict)
	if _, isRef := dict["Length"].(pdfRef); isRef {
		if n, ok := d.int(dict["Length"]); ok {
			if end := d.checkLength(o.dataStart, n); end >= 0 {
				return d.b[o.dataStart:end]
			}
		}
	}
	return o.data
}

func (d *rawDocument) resolve(v any) any {
	for range maxRefHops {
		r, ok := v.(pdfRef)
		if !ok {
			return v
		}
		o := d.objs[r.num]
		if o == nil {
			return nil
		}
		v = o.value
	}
	return nil
}

// streamObject follows references to a stream object.
func (d *rawDocument) streamObject(v any) *rawObject {
	for range maxRefHops {
		r, ok := v.(pdfRef)
		if !ok {
			return nil
		}
		o := d.objs[r.num]
		if o == nil {
			return nil
		}
		if o.stream {
			return o
		}
		v = o.value
	}
	return nil
}

func (d *rawDocument) int(v any) (int, bool) {
	switch n := d.resolve(v).(type) {
	case int:
		return n, true
	case float64:
		if n == math.Trunc(n) && math.Abs(n) < 1<<31 {
			return int(n), true
		}
	}
	return 0, false
}

func (d *rawDocument) number(v any) (float64, bool) {
	switch n := d.resolve(v).(type) {
	case int:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

// ---------------------------------------------------------------------------
// Object syntax

type (
	pdfName    string
	pdfRef     struct{ num, gen int }
	pdfString  []byte
	pdfKeyword string
	pdfDict    map[pdfName]any
	pdfArray   []any
)

var errPDFSyntax = errors.New("pdf: syntax error")

type objParser struct {
	b     []byte
	pos   int
	depth int
	// budget, when set, is how many more values may be parsed; below zero
	// the file is too complex and parsing stops.
	budget *int
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isPDFDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isPDFRegular(c byte) bool { return !isPDFSpace(c) && !isPDFDelim(c) }

func (p *objParser) skipSpace() {
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		switch {
		case isPDFSpace(c):
			p.pos++
		case c == '%':
			for p.pos < len(p.b) && p.b[p.pos] != '\r' && p.b[p.pos] != '\n' {
				p.pos++
			}
		default:
			return
		}
	}
}

func (p *objParser) token() []byte {
	start := p.pos
	for p.pos < len(p.b) && isPDFRegular(p.b[p.pos]) {
		p.pos++
	}
	return p.b[start:p.pos]
}

func (p *objParser) value() (any, error) {
	p.skipSpace()
	if p.pos >= len(p.b) {
		return nil, errPDFSyntax
	}
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxNesting {
		return nil, errPDFSyntax
	}
	if p.budget != nil {
		if *p.budget--; *p.budget < 0 {
			return nil, errPDFSyntax
		}
	}
	switch c := p.b[p.pos]; {
	case c == '/':
		return p.name()
	case c == '<' && p.pos+1 < len(p.b) && p.b[p.pos+1] == '<':
		return p.dict()
	case c == '<':
		return p.hexString()
	case c == '(':
		return p.literalString()
	case c == '[':
		return p.array()
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return p.number()
	case isPDFRegular(c):
		switch t := string(p.token()); t {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		default:
			return pdfKeyword(t), nil
		}
	}
	return nil, errPDFSyntax
}

func (p *objParser) name() (any, error) {
	p.pos++ // '/'
	t := p.token()
	var out []byte
	for i := 0; i < len(t); i++ {
		if t[i] == '#' && i+2 < len(t) {
			if v, err := strconv.ParseUint(string(t[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, t[i])
	}
	return pdfName(out), nil
}

func (p *objParser) dict() (any, error) {
	p.pos += 2
	d := pdfDict{}
	for {
		p.skipSpace()
		if p.pos >= len(p.b) {
			return nil, errPDFSyntax
		}
		if bytes.HasPrefix(p.b[p.pos:], []byte(">>")) {
			p.pos += 2
			return d, nil
		}
		k, err := p.value()
		if err != nil {
			return nil, err
		}
		kn, ok := k.(pdfName)
		if !ok {
			return nil, errPDFSyntax
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		d[kn] = v
	}
}

func (p *objParser) array() (any, error) {
	p.pos++
	a := pdfArray{}
	for {
		p.skipSpace()
		if p.pos >= len(p.b) {
			return nil, errPDFSyntax
		}
		if p.b[p.pos] == ']' {
			p.pos++
			return a, nil
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		a = append(a, v)
	}
}

func (p *objParser) number() (any, error) {
	start := p.pos
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		if c != '+' && c != '-' && c != '.' && (c < '0' || c > '9') {
			break
		}
		p.pos++
	}
	t := string(p.b[start:p.pos])
	if bytes.ContainsRune(p.b[start:p.pos], '.') {
		f, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return nil, errPDFSyntax
		}
		return f, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil {
		return nil, errPDFSyntax
	}
	// "12 0 R" is one object, so look ahead without committing.
	if n >= 0 {
		save := p.pos
		p.skipSpace()
		gs := p.pos
		for p.pos < len(p.b) && p.b[p.pos] >= '0' && p.b[p.pos] <= '9' {
			p.pos++
		}
		if p.pos > gs && p.pos-gs <= 5 {
			gen, _ := strconv.Atoi(string(p.b[gs:p.pos]))
			p.skipSpace()
			if p.pos < len(p.b) && p.b[p.pos] == 'R' &&
				(p.pos+1 == len(p.b) || !isPDFRegular(p.b[p.pos+1])) {
				p.pos++
				return pdfRef{n, gen}, nil
			}
		}
		p.pos = save
	}
	return n, nil
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func (p *objParser) hexString() (any, error) {
	p.pos++
	var out []byte
	half := false
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		p.pos++
		if c == '>' {
			return pdfString(out), nil
		}
		if isPDFSpace(c) {
			continue
		}
		v, ok := hexDigit(c)
		if !ok {
			return nil, errPDFSyntax
		}
		if half {
			out[len(out)-1] |= v
		} else {
			// An odd final digit counts as if followed by 0, as the spec says.
			out = append(out, v<<4)
		}
		half = !half
	}
	return nil, errPDFSyntax
}

func (p *objParser) literalString() (any, error) {
	p.pos++
	var out []byte
	depth := 1
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		p.pos++
		switch c {
		case '\\':
			if p.pos >= len(p.b) {
				return nil, errPDFSyntax
			}
			e := p.b[p.pos]
			p.pos++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				// A backslash at the end of a line continues the string.
				if p.pos < len(p.b) && p.b[p.pos] == '\n' {
					p.pos++
				}
			case '\n':
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v := int(e - '0')
				for i := 0; i < 2 && p.pos < len(p.b) && p.b[p.pos] >= '0' && p.b[p.pos] <= '7'; i++ {
					v = v*8 + int(p.b[p.pos]-'0')
					p.pos++
				}
				out = append(out, byte(v))
			default:
				// Covers \( \) \\ and, per the spec, any unknown escape.
				out = append(out, e)
			}
		case '(':
			depth++
			out = append(out, c)
		case ')':
			depth--
			if depth == 0 {
				return pdfString(out), nil
			}
			out = append(out, c)
		case '\r':
			// Unescaped end-of-line markers all read as a single LF.
			out = append(out, '\n')
			if p.pos < len(p.b) && p.b[p.pos] == '\n' {
				p.pos++
			}
		default:
			out = append(out, c)
		}
	}
	return nil, errPDFSyntax
}

// ---------------------------------------------------------------------------
// Filters

var errUnsupportedImage = errors.New("pdf: unsupported image")

// filters returns the filter names and their parameters as parallel slices.
func (d *rawDocument) filters(dict pdfDict) ([]pdfName, []pdfDict) {
	var names []pdfName
	var parms []pdfDict
	switch f := d.resolve(dict["Filter"]).(type) {
	case pdfName:
		names = []pdfName{f}
	case pdfArray:
		for _, v := range f {
			n, _ := d.resolve(v).(pdfName)
			names = append(names, n)
		}
	}
	parms = make([]pdfDict, len(names))
	switch p := d.resolve(dict["DecodeParms"]).(type) {
	case pdfDict:
		if len(parms) > 0 {
			parms[0] = p
		}
	case pdfArray:
		for i, v := range p {
			if i < len(parms) {
				parms[i], _ = d.resolve(v).(pdfDict)
			}
		}
	}
	return names, parms
}

// decodeStream applies the filters of a stream, limiting the output to
// limit bytes at every step.
func (d *rawDocument) decodeStream(data []byte, names []pdfName, parms []pdfDict, limit int) ([]byte, error) {
	var err error
	for i, f := range names {
		switch f {
		case "FlateDecode", "Fl":
			if data, err = inflateLimited(data, limit); err != nil {
				return nil, err
			}
			if data, err = d.unpredict(data, parms[i]); err != nil {
				return nil, err
			}
		case "ASCIIHexDecode", "AHx":
			if data, err = asciiHex(data); err != nil {
				return nil, err
			}
		case "ASCII85Decode", "A85":
			if data, err = ascii85Decode(data, limit); err != nil {
				return nil, err
			}
		case "RunLengthDecode", "RL":
			// 2 bytes make 128: a run-length stream is a bomb too.
			if data = runLengthDecode(data, limit+1); len(data) > limit {
				return nil, errBomb()
			}
		default:
			return nil, errUnsupportedImage
		}
	}
	return data, nil
}

// inflateLimited inflates data, refusing it as a bomb when it unpacks to
// more than limit bytes: reading stops one byte past the limit, so a
// stream of a few kilobytes that would unpack to gigabytes costs no more.
func inflateLimited(data []byte, limit int) ([]byte, error) {
	var r io.Reader
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err == nil {
		r = zr
	} else {
		// Some writers omit the zlib header and store raw deflate.
		r = flate.NewReader(bytes.NewReader(data))
	}
	// Deflate packs at most 1,032 bytes into one, so the output is held in
	// one buffer of what it can reach, never grown and copied on the way.
	out := make([]byte, min(limit+1, 1032*len(data)+64))
	n, err := io.ReadFull(r, out)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	out = out[:n]
	if n > limit {
		return nil, errBomb()
	}
	// A truncated stream or a bad Adler-32 checksum is common in the wild;
	// the pixels already inflated are still good, and a short result is
	// caught by the size checks later.
	if err != nil && len(out) == 0 {
		return nil, err
	}
	return out, nil
}

func asciiHex(data []byte) ([]byte, error) {
	p := &objParser{b: append(append([]byte{'<'}, data...), '>')}
	if i := bytes.IndexByte(data, '>'); i >= 0 {
		p.b = append([]byte{'<'}, data[:i+1]...)
	}
	v, err := p.hexString()
	if err != nil {
		return nil, err
	}
	return v.(pdfString), nil
}

func ascii85Decode(data []byte, limit int) ([]byte, error) {
	data = bytes.TrimPrefix(bytes.TrimLeft(data, " \t\r\n\f\x00"), []byte("<~"))
	if i := bytes.Index(data, []byte("~>")); i >= 0 {
		data = data[:i]
	}
	out, err := io.ReadAll(io.LimitReader(ascii85.NewDecoder(bytes.NewReader(data)), int64(limit)+1))
	if len(out) > limit {
		return nil, errBomb()
	}
	if err != nil && len(out) == 0 {
		return nil, err
	}
	return out, nil
}

func runLengthDecode(data []byte, limit int) []byte {
	var out []byte
	for i := 0; i < len(data) && len(out) < limit; {
		n := int(data[i])
		i++
		switch {
		case n < 128:
			end := min(i+n+1, len(data))
			out = append(out, data[i:end]...)
			i = end
		case n > 128:
			if i < len(data) {
				out = append(out, bytes.Repeat(data[i:i+1], 257-n)...)
			}
			i++
		default:
			return out
		}
	}
	return out
}

// unpredict undoes the TIFF and PNG predictors that writers apply before
// compression; PNG images are usually embedded this way without recoding.
func (d *rawDocument) unpredict(data []byte, parms pdfDict) ([]byte, error) {
	predictor := 1
	if v, ok := d.int(parms["Predictor"]); ok {
		predictor = v
	}
	if predictor < 2 {
		return data, nil
	}
	colors, bpc, columns := 1, 8, 1
	if v, ok := d.int(parms["Colors"]); ok {
		colors = v
	}
	if v, ok := d.int(parms["BitsPerComponent"]); ok {
		bpc = v
	}
	if v, ok := d.int(parms["Columns"]); ok {
		columns = v
	}
	if colors < 1 || colors > 32 || !validBitsPerComponent(bpc) || columns < 1 || columns > maxSide {
		return nil, errUnsupportedImage
	}
	rowBytes := (colors*bpc*columns + 7) / 8
	bpp := max(1, colors*bpc/8)

	if predictor == 2 {
		if bpc != 8 {
			return nil, errUnsupportedImage
		}
		out := bytes.Clone(data)
		for start := 0; start+rowBytes <= len(out); start += rowBytes {
			row := out[start : start+rowBytes]
			for i := bpp; i < len(row); i++ {
				row[i] += row[i-bpp]
			}
		}
		return out, nil
	}
	if predictor < 10 {
		return nil, errUnsupportedImage
	}

	rows := len(data) / (rowBytes + 1)
	out := make([]byte, rows*rowBytes)
	prev := make([]byte, rowBytes) // the row above the first one is zero
	for y := range rows {
		in := data[y*(rowBytes+1) : (y+1)*(rowBytes+1)]
		filter, src := in[0], in[1:]
		cur := out[y*rowBytes : (y+1)*rowBytes]
		switch filter {
		case 0:
			copy(cur, src)
		case 1:
			for i := range cur {
				var left byte
				if i >= bpp {
					left = cur[i-bpp]
				}
				cur[i] = src[i] + left
			}
		case 2:
			for i := range cur {
				cur[i] = src[i] + prev[i]
			}
		case 3:
			for i := range cur {
				var left int
				if i >= bpp {
					left = int(cur[i-bpp])
				}
				cur[i] = src[i] + byte((left+int(prev[i]))/2)
			}
		case 4:
			for i := range cur {
				var left, upLeft byte
				if i >= bpp {
					left, upLeft = cur[i-bpp], prev[i-bpp]
				}
				cur[i] = src[i] + paethPredict(left, prev[i], upLeft)
			}
		default:
			return nil, errUnsupportedImage
		}
		prev = cur
	}
	return out, nil
}

func paethPredict(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := absInt(p-int(a)), absInt(p-int(b)), absInt(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func validBitsPerComponent(bpc int) bool {
	return bpc == 1 || bpc == 2 || bpc == 4 || bpc == 8 || bpc == 16
}

// ---------------------------------------------------------------------------
// Images

// colorSpace is what we need to know of a PDF colour space to build pixels.
type imageColorSpace struct {
	n       int           // components per sample in the stream
	palette color.Palette // set for /Indexed, whose samples are indices
}

func (d *rawDocument) colorSpace(v any, depth int) (imageColorSpace, error) {
	if depth > 4 {
		return imageColorSpace{}, errUnsupportedImage
	}
	switch cs := d.resolve(v).(type) {
	case pdfName:
		switch cs {
		case "DeviceGray", "G", "CalGray":
			return imageColorSpace{n: 1}, nil
		case "DeviceRGB", "RGB", "CalRGB":
			return imageColorSpace{n: 3}, nil
		case "DeviceCMYK", "CMYK":
			return imageColorSpace{n: 4}, nil
		}
	case pdfArray:
		if len(cs) == 0 {
			break
		}
		family, _ := d.resolve(cs[0]).(pdfName)
		switch family {
		case "CalGray", "CalRGB", "CalCMYK":
			return d.colorSpace(family, depth+1)
		case "ICCBased":
			if len(cs) < 2 {
				break
			}
			// Decoding ICC profiles is out of scope; the component count
			// is enough to read the pixels approximately right.
			icc, _ := d.resolve(cs[1]).(pdfDict)
			if n, ok := d.int(icc["N"]); ok && (n == 1 || n == 3 || n == 4) {
				return imageColorSpace{n: n}, nil
			}
			if alt, ok := icc["Alternate"]; ok {
				return d.colorSpace(alt, depth+1)
			}
		case "Indexed", "I":
			if len(cs) < 4 {
				break
			}
			base, err := d.colorSpace(cs[1], depth+1)
			if err != nil || base.palette != nil {
				break
			}
			hival, ok := d.int(cs[2])
			if !ok || hival < 0 || hival > 255 {
				break
			}
			lookup, err := d.lookupBytes(cs[3])
			if err != nil {
				break
			}
			return imageColorSpace{n: 1, palette: lookupPalette(lookup, base.n, hival+1)}, nil
		}
	}
	return imageColorSpace{}, errUnsupportedImage
}

func (d *rawDocument) lookupBytes(v any) ([]byte, error) {
	if s, ok := d.resolve(v).(pdfString); ok {
		return s, nil
	}
	o := d.streamObject(v)
	if o == nil {
		return nil, errUnsupportedImage
	}
	dict, _ := o.value.(pdfDict)
	names, parms := d.filters(dict)
	return d.decodeStream(d.streamData(o), names, parms, maxLookup)
}

// makePalette pads a short lookup table with black rather than rejecting the
// image: a wrong colour in an unused entry is better than no image at all.
func lookupPalette(lookup []byte, n, size int) color.Palette {
	pal := make(color.Palette, size)
	for i := range pal {
		var c [4]byte
		if (i+1)*n <= len(lookup) {
			copy(c[:], lookup[i*n:(i+1)*n])
		}
		switch n {
		case 1:
			pal[i] = color.RGBA{c[0], c[0], c[0], 255}
		case 3:
			pal[i] = color.RGBA{c[0], c[1], c[2], 255}
		default:
			r, g, b := color.CMYKToRGB(c[0], c[1], c[2], c[3])
			pal[i] = color.RGBA{r, g, b, 255}
		}
	}
	return pal
}

// decodeImage returns the image as it appears on a white page: a soft mask
// is flattened onto white. Without that, a QR code exported as black modules
// on a transparent background comes out as a black square, because PNG
// encoders are free to store any colour under fully transparent pixels.
// The mask itself is still an image XObject and is returned on its own too.
func (d *rawDocument) decodeImage(o *rawObject, dict pdfDict) (image.Image, error) {
	img, err := d.decodeRaw(o, dict)
	if err != nil {
		return nil, err
	}
	so := d.streamObject(dict["SMask"])
	if so == nil || so == o {
		return img, nil
	}
	maskDict, _ := so.value.(pdfDict)
	mask, err := d.decodeRaw(so, maskDict)
	if err != nil || mask.Bounds() != img.Bounds() {
		// A mask we cannot apply still leaves the colours usable.
		return img, nil
	}
	return flattenOnWhite(img, mask), nil
}

func flattenOnWhite(img, mask image.Image) image.Image {
	b := img.Bounds()
	out := image.NewRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			a := uint32(color.GrayModel.Convert(mask.At(x, y)).(color.Gray).Y)
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			i := out.PixOffset(x, y)
			out.Pix[i] = uint8((uint32(c.R)*a + 255*(255-a) + 127) / 255)
			out.Pix[i+1] = uint8((uint32(c.G)*a + 255*(255-a) + 127) / 255)
			out.Pix[i+2] = uint8((uint32(c.B)*a + 255*(255-a) + 127) / 255)
			out.Pix[i+3] = 255
		}
	}
	return out
}

func (d *rawDocument) decodeRaw(o *rawObject, dict pdfDict) (image.Image, error) {
	data := d.streamData(o)
	if data == nil {
		return nil, errUnsupportedImage
	}
	names, parms := d.filters(dict)
	if len(names) > 0 && (names[len(names)-1] == "DCTDecode" || names[len(names)-1] == "DCT") {
		jpg, err := d.decodeStream(data, names[:len(names)-1], parms, maxAuxStream)
		if err != nil {
			return nil, err
		}
		return d.decodeJPEG(jpg)
	}

	w, wok := d.int(dict["Width"])
	h, hok := d.int(dict["Height"])
	if !wok || !hok || w < 1 || h < 1 || w > maxSide || h > maxSide {
		return nil, errUnsupportedImage
	}
	if err := d.spend(w, h); err != nil {
		return nil, err
	}
	var cs imageColorSpace
	bpc := 8
	if mask, _ := d.resolve(dict["ImageMask"]).(bool); mask {
		// A stencil mask paints where samples are 0, so as gray it reads
		// black on white, which is what a QR decoder wants.
		cs, bpc = imageColorSpace{n: 1}, 1
	} else {
		var err error
		if cs, err = d.colorSpace(dict["ColorSpace"], 0); err != nil {
			return nil, err
		}
		if v, ok := d.int(dict["BitsPerComponent"]); ok {
			bpc = v
		}
	}
	if !validBitsPerComponent(bpc) || (cs.palette != nil && bpc == 16) {
		return nil, errUnsupportedImage
	}
	rowBytes := (w*cs.n*bpc + 7) / 8
	// PNG predictors add a filter byte to every row.
	pixels, err := d.decodeStream(data, names, parms, (rowBytes+1)*h+64)
	if err != nil {
		return nil, err
	}
	if len(pixels) < rowBytes*h {
		return nil, errUnsupportedImage
	}
	return d.raster(dict, pixels, w, h, bpc, rowBytes, cs), nil
}

// decodeJPEG reads the size the JPEG states before decoding any of it: a
// few hundred bytes can claim 65,500×65,500 pixels.
func (d *rawDocument) decodeJPEG(data []byte) (image.Image, error) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if err := d.spend(cfg.Width, cfg.Height); err != nil {
		return nil, err
	}
	return jpeg.Decode(bytes.NewReader(data))
}

// raster builds the image from unpacked samples, which are known to cover
// h rows of rowBytes each.
func (d *rawDocument) raster(dict pdfDict, pix []byte, w, h, bpc, rowBytes int, cs imageColorSpace) image.Image {
	// 16-bit samples are cut to their high byte, so every lookup below is
	// indexed by an 8-bit value.
	bits := min(bpc, 8)
	maxv := 1<<bits - 1
	at := func(row []byte, i int) int {
		switch bpc {
		case 8:
			return int(row[i])
		case 16:
			return int(row[2*i])
		}
		bit := i * bpc
		return int(row[bit/8]>>(8-bpc-bit%8)) & maxv
	}

	// /Decode maps raw samples linearly onto the colour space's range; the
	// default for indices is the identity, for colours 0 to 1.
	decode, _ := d.resolve(dict["Decode"]).(pdfArray)
	luts := make([][256]byte, cs.n)
	for c := range luts {
		lo, hi := 0.0, 1.0
		top := 255.0
		if cs.palette != nil {
			hi, top = float64(maxv), float64(len(cs.palette)-1)
		}
		if len(decode) >= 2*cs.n {
			l, lok := d.number(decode[2*c])
			u, uok := d.number(decode[2*c+1])
			if lok && uok {
				lo, hi = l, u
			}
		}
		for v := 0; v <= maxv; v++ {
			x := lo + float64(v)*(hi-lo)/float64(maxv)
			if cs.palette == nil {
				x *= 255
			}
			luts[c][v] = byte(math.Round(math.Max(0, math.Min(top, x))))
		}
	}

	rect := image.Rect(0, 0, w, h)
	switch {
	case cs.palette != nil:
		img := image.NewPaletted(rect, cs.palette)
		for y := range h {
			row := pix[y*rowBytes:]
			for x := range w {
				img.Pix[y*img.Stride+x] = luts[0][at(row, x)]
			}
		}
		return img
	case cs.n == 1:
		img := image.NewGray(rect)
		for y := range h {
			row := pix[y*rowBytes:]
			for x := range w {
				img.Pix[y*img.Stride+x] = luts[0][at(row, x)]
			}
		}
		return img
	case cs.n == 3:
		img := image.NewRGBA(rect)
		for y := range h {
			row := pix[y*rowBytes:]
			out := img.Pix[y*img.Stride:]
			for x := range w {
				out[4*x] = luts[0][at(row, 3*x)]
				out[4*x+1] = luts[1][at(row, 3*x+1)]
				out[4*x+2] = luts[2][at(row, 3*x+2)]
				out[4*x+3] = 255
			}
		}
		return img
	default:
		img := image.NewCMYK(rect)
		for y := range h {
			row := pix[y*rowBytes:]
			out := img.Pix[y*img.Stride:]
			for x := range w {
				for c := range 4 {
					out[4*x+c] = luts[c][at(row, 4*x+c)]
				}
			}
		}
		return img
	}
}
