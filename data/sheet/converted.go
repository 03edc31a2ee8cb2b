package sheet

import (
	"regexp"
	"strings"

	"github.com/swcert/swcert/data"
)

// A spreadsheet program turns a long number typed into a cell that is not
// formatted as text into a number: Excel, WPS and LibreOffice keep 15
// significant digits, so an 18-digit ID number loses its last digits and
// shows as 1.10101E+17. What comes to the import is then that number,
// as the cell holds it (1.10101199001011E+17, or 110101199001011000 from
// a number cell) or as a CSV saved it. Such a cell is refused with what
// happened and how to avoid it, not as a wrong ID number.

var scientific = regexp.MustCompile(`^[+-]?\d+(\.\d+)?[eE][+-]?\d+$`)

// convertedNumber reports whether a code cell (an ID number, a phone, a
// management number) holds what a spreadsheet made of a number.
func convertedNumber(s string) bool {
	s = strings.TrimSpace(s)
	if scientific.MatchString(s) {
		return true
	}
	// 110101199001011000 or 110101199001011000.0: more digits than a
	// number cell keeps, the ones beyond the 15th turned to zeros.
	s = strings.TrimSuffix(s, ".0")
	if len(s) < 16 || !digits(s) {
		return false
	}
	return strings.Trim(s[15:], "0") == ""
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// checkConverted refuses a row whose code cells a spreadsheet converted.
func checkConverted(m Mapping, cells []string) error {
	for _, f := range []string{"id_number", "phone", "mno"} {
		if v := m.Cell(cells, f); v != "" && convertedNumber(v) && !validCode(f, v) {
			return data.Invalid(f, "err.sheet.converted_number", "Value", v)
		}
	}
	return nil
}

// validCode: a resident ID number ending in 000 whose check digit holds
// is a real one, not a converted number.
func validCode(field, v string) bool {
	return field == "id_number" && len(v) == 18 && v[17] == data.IDCheckChar(v[:17])
}
