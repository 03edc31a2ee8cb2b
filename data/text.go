package data

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// What a text field may hold, for every free-text field of every record
// (names, employers, regions, titles, addresses, tracking numbers, key
// names, proof file names): one rule, whoever writes it (a form, a flag,
// a spreadsheet row).
//
// Normalised, because it is harmless: Unicode NFC (the same name typed on
// two machines is one string), and spaces trimmed at both ends, Unicode
// spaces included (the full-width U+3000 an IME types, no-break spaces,
// a line break left by a paste), with zero-width spaces and byte-order
// marks there too. A value that holds nothing visible is empty.
//
// Refused, with the field's name: bytes that are not UTF-8; control
// characters (C0 with NUL, DEL, C1), inside the value, line breaks
// included, since every text field is one line (there is no multi-line
// field today; one would allow "\n" and nothing else); and the
// bidirectional controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C),
// which can make a name or an address read as something else.

// NormalizeText is s as stored: NFC, trimmed. Text that is not UTF-8 is
// left as it is, for CheckText to refuse.
func NormalizeText(s string) string {
	if !utf8.ValidString(s) {
		return s
	}
	s = strings.TrimFunc(norm.NFC.String(s), trimmed)
	if !hasVisible(s) {
		return ""
	}
	return s
}

// NormalizeWords is NormalizeText with each run of spaces inside made one
// space: for names, titles and addresses, where two spaces are a slip.
func NormalizeWords(s string) string {
	s = NormalizeText(s)
	if !utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.Is(unicode.Zs, r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// CheckText refuses what no text field may hold (see above) and text of
// more than max characters; s is normalized.
func CheckText(field, s string, max int) error {
	if !utf8.ValidString(s) {
		return Invalid(field, "err.text.encoding")
	}
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			return Invalid(field, "err.text.line_break")
		case unicode.Is(unicode.Cc, r):
			return Invalid(field, "err.text.control", "Char", CodePoint(r))
		case IsBidiControl(r):
			return Invalid(field, "err.text.bidi", "Char", CodePoint(r))
		}
	}
	if utf8.RuneCountInString(s) > max {
		return Invalid(field, "err.too_long", "Max", max)
	}
	return nil
}

// checkText normalizes s and checks it: the validators below run on what
// would be stored, so a form that checks what is being typed says what the
// save will say.
func checkText(field, s string, max int, required bool) error {
	s = NormalizeText(s)
	if required && s == "" {
		return Invalid(field, "err.required")
	}
	return CheckText(field, s, max)
}

// IsBidiControl reports the characters that change the direction text is
// shown in: the embeddings and overrides U+202A–202E, the isolates
// U+2066–2069, and the marks U+200E, U+200F and U+061C.
func IsBidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' ||
		r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// CodePoint names a character as U+001B, the way a message shows one that
// cannot be seen.
func CodePoint(r rune) string { return fmt.Sprintf("U+%04X", r) }

// trimmed are the characters taken off both ends: Unicode spaces (U+3000
// and the no-break ones included) and line breaks, zero-width spaces,
// word joiners and byte-order marks.
func trimmed(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// invisible are the characters that show nothing by themselves: spaces,
// format characters (zero-width spaces and joiners, U+FEFF, the bidi
// controls), variation selectors, and the other default-ignorable code
// points (Hangul fillers, U+034F …). A required field of only these is
// empty.
func invisible(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) ||
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// hasVisible reports whether s shows anything. A control character counts
// as something, so that a value of one is refused as a control character
// rather than saved empty.
func hasVisible(s string) bool {
	for _, r := range s {
		if !invisible(r) || unicode.Is(unicode.Cc, r) || IsBidiControl(r) {
			return true
		}
	}
	return false
}
