package sheet

// A CSV file has no cell types: a spreadsheet that opens one reads a cell
// beginning with "=", "+", "-" or "@" as a formula and runs it (CSV
// injection: =HYPERLINK(…) sends what the sheet holds elsewhere,
// =cmd|… runs a program in old Excel), and a tab or carriage return
// first can hide one. A roster holds what people typed and what other
// sheets said, so such a cell is written the way OWASP advises: with a
// single quote before it, which the spreadsheet shows as text.
//
// The round trip stays lossless: reading a CSV takes the quote off again
// (a roster exported and imported gives back exactly the stored values),
// and a value that itself begins with a quote gets one more, so that
// "'=x" is written "''=x" and read as "'=x". A quote before anything else
// is the cell's own and stays. An .xlsx needs none of this: its cells are
// typed, and a string cell is never a formula (see TestXLSXHasNoFormulas).

// formulaQuote is the character that makes a spreadsheet take a cell as text.
const formulaQuote = '\''

// startsFormula reports whether a spreadsheet could take a cell that
// begins with c for a formula (or c is the quote that escapes one).
func startsFormula(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r', formulaQuote:
		return true
	}
	return false
}

// neutralize is a cell as a CSV is written: quoted when it could be a formula.
func neutralize(s string) string {
	if s != "" && startsFormula(s[0]) {
		return string(formulaQuote) + s
	}
	return s
}

// unneutralize is a cell of a CSV as read: the quote neutralize put
// there taken off.
func unneutralize(s string) string {
	if len(s) >= 2 && s[0] == formulaQuote && startsFormula(s[1]) {
		return s[1:]
	}
	return s
}

// neutralizeRow is a row as a CSV is written; the caller's row is left
// as it was (and returned as it is when no cell needs the quote, as in
// nearly every row of a roster).
func neutralizeRow(row []string) []string {
	for i, s := range row {
		if s != "" && startsFormula(s[0]) {
			out := append([]string(nil), row...)
			for j := i; j < len(out); j++ {
				out[j] = neutralize(out[j])
			}
			return out
		}
	}
	return row
}
