package data

import (
	"strconv"
	"unicode/utf8"
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

// The command line's counts, bounded where a larger one is no one's intent
// and would overflow the arithmetic it goes into.
const (
	// MaxPageSize is the most holders one `holder list` prints.
	MaxPageSize = 1_000_000
	// MaxOffset is the most holders `holder list --offset` skips.
	MaxOffset = 1_000_000_000
	// MaxWithinDays is the furthest ahead, in days, `due --within` looks:
	// 100 years.
	MaxWithinDays = 36_500
)

// What `import` (and the window's import) reads is bounded the same way,
// before it is decoded: an .xlsx is a ZIP, whose few kilobytes can unzip to
// gigabytes, and whose sheet can claim a cell at row 1,048,576, column
// 16,384. The limits lie far above an agency's roster: 100,000 holders
// exported by SWCert are 151,851 rows of 14 columns: an .xlsx of 18.6 MB
// (156 MB unzipped) or a .csv of 40 MB.
const (
	// MaxSheetBytes is the largest spreadsheet file read, 128 MiB.
	MaxSheetBytes = 128 << 20
	// MaxSheetUnzipped is the most an .xlsx's parts may hold once
	// unzipped, all together, 320 MiB: what they say they hold, and what
	// they really do. Excelize holds them in memory while it reads.
	MaxSheetUnzipped = 320 << 20
	// MaxSheetParts is the most parts (files) an .xlsx may hold; one of
	// SWCert's has 9, Excel's a dozen or two.
	MaxSheetParts = 10_000
	// MaxSheetRows is the most rows read below the header row, 500,000.
	MaxSheetRows = 500_000
	// MaxSheetColumns is the most columns a row may have (a roster has 14).
	MaxSheetColumns = 1_000
	// MaxSheetCells is the most cells the rows may hold together, counted
	// up to each row's last: 5,000,000 (the roster above has 2,125,914).
	MaxSheetCells = 5_000_000
	// MaxSheetCell is the most characters a cell may hold: Excel's own
	// limit, 32,767.
	MaxSheetCell = 32_767
	// MaxSheetText is the most text all the cells may hold together,
	// 128 MiB (the roster above holds 35 MB): a cell may repeat a shared
	// text, so the unzipped size alone does not bound it.
	MaxSheetText = 128 << 20
	// MaxCSVRecord is the longest line (record) of a .csv, 1 MiB.
	MaxCSVRecord = 1 << 20
)

// CheckSheetSize refuses a spreadsheet file of n bytes larger than
// MaxSheetBytes.
func CheckSheetSize(n int64) error {
	if n > MaxSheetBytes {
		return Invalid("file", "err.sheet.too_large", "Size", mebibytes(n), "Max", MaxSheetBytes>>20)
	}
	return nil
}

// CheckSheetUnzipped refuses an .xlsx whose parts hold n bytes or more
// unzipped when that is above MaxSheetUnzipped.
func CheckSheetUnzipped(n int64) error {
	if n > MaxSheetUnzipped {
		return Invalid("file", "err.sheet.unzipped_too_large", "Size", mebibytes(n), "Max", MaxSheetUnzipped>>20)
	}
	return nil
}

// CheckSheetParts refuses an .xlsx of more than MaxSheetParts parts.
func CheckSheetParts(n int) error {
	if n > MaxSheetParts {
		return Invalid("file", "err.sheet.too_many_parts", "Parts", Grouped(int64(n)), "Max", Grouped(MaxSheetParts))
	}
	return nil
}

// CheckSheetRow refuses a row numbered row (1 is the header) holding a cell
// when it lies below the last row read.
func CheckSheetRow(row int) error {
	if row > MaxSheetRows+1 {
		return Invalid("file", "err.sheet.too_many_rows", "SheetRow", Grouped(int64(row)), "Max", Grouped(MaxSheetRows))
	}
	return nil
}

// CheckSheetColumns refuses row number row when it has more than
// MaxSheetColumns columns.
func CheckSheetColumns(row, columns int) error {
	if columns > MaxSheetColumns {
		return Invalid("file", "err.sheet.too_many_columns", "SheetRow", Grouped(int64(row)), "Columns", Grouped(int64(columns)), "Max", Grouped(MaxSheetColumns))
	}
	return nil
}

// CheckSheetCells refuses rows holding n cells together when that is
// above MaxSheetCells.
func CheckSheetCells(n int64) error {
	if n > MaxSheetCells {
		return Invalid("file", "err.sheet.too_many_cells", "Max", Grouped(MaxSheetCells))
	}
	return nil
}

// CheckSheetCell refuses the cell of row number row, column number col
// (from 1), when it holds more than MaxSheetCell characters.
func CheckSheetCell(row, col int, cell string) error {
	if len(cell) <= MaxSheetCell { // fewer bytes, fewer characters: no count needed
		return nil
	}
	if n := utf8.RuneCountInString(cell); n > MaxSheetCell {
		return Invalid("file", "err.sheet.cell_too_long", "SheetRow", Grouped(int64(row)), "Column", ColumnName(col),
			"Length", Grouped(int64(n)), "Max", Grouped(MaxSheetCell))
	}
	return nil
}

// CheckSheetText refuses cells holding n bytes of text together when that
// is above MaxSheetText.
func CheckSheetText(n int64) error {
	if n > MaxSheetText {
		return Invalid("file", "err.sheet.text_too_large", "Size", mebibytes(n), "Max", MaxSheetText>>20)
	}
	return nil
}

// CheckCSVRecord refuses the record (line) of a .csv beginning on line
// number line when it is n bytes long, above MaxCSVRecord.
func CheckCSVRecord(line int, n int64) error {
	if n > MaxCSVRecord {
		return Invalid("file", "err.sheet.line_too_long", "Line", Grouped(int64(line)), "Max", Grouped(MaxCSVRecord))
	}
	return nil
}

// ColumnName is a spreadsheet's name for column number col, from 1: A, Z,
// AA, XFD.
func ColumnName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
}

// mebibytes is n bytes in MiB with one decimal ("12.5"), grouped above
// 1,000 ("4,096").
func mebibytes(n int64) string {
	if n < 1000<<20 {
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64)
	}
	return Grouped((n + 1<<19) >> 20)
}
