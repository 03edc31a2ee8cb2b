package data

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IDType is the kind of identity document a holder's number belongs to.
type IDType string

const (
	IDResident IDType = "resident" // 居民身份证, GB 11643-1999
	IDPermit   IDType = "permit"   // 港澳台居民居住证: 18 characters, same checksum, region 810000/820000/830000
	IDPassport IDType = "passport" // 护照
	IDOther    IDType = "other"    // anything else the authority accepts
)

// ChineseName is the type as a form prints it (data.Chinese).
func (t IDType) ChineseName() string { return Chinese(t) }

// ParseIDType accepts the code or a Chinese name of a type.
func ParseIDType(s string) (IDType, bool) { return ParseWord(IDTypes, s) }

// IDTypes lists the identity document types in the order a form offers them.
var IDTypes = []IDType{IDResident, IDPermit, IDPassport, IDOther}

// Known reports whether t is one of IDTypes.
func (t IDType) Known() bool {
	for _, k := range IDTypes {
		if k == t {
			return true
		}
	}
	return false
}

// Province-level codes that open a mainland resident ID number (the first
// two of the six region digits).
var residentProvinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
}

// Region codes of the residence permits for Hong Kong, Macao and Taiwan residents.
var permitRegions = map[string]bool{"810000": true, "820000": true, "830000": true}

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// IDCheckChar computes the GB 11643-1999 (ISO 7064 MOD 11-2) check character
// of the first 17 digits of an 18-character number.
func IDCheckChar(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// NormalizeIDNumber trims spaces, removes inner spaces and upper-cases
// letters, so that "11010519491231002x " and "11010519491231002X" are one
// number. Normalized again it stays the same: the spaces go before the
// text is made NFC (marks a space kept apart would be reordered by a
// second pass), and the passes repeat until nothing changes (a case
// mapping can undo NFC), at most four times.
func NormalizeIDNumber(s string) string {
	if !utf8.ValidString(s) {
		return s // for ValidateIDNumber to refuse, not to be made U+FFFD
	}
	for range 4 {
		n := NormalizeText(strings.ToUpper(strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)))
		if n == s {
			break
		}
		s = n
	}
	return s
}

// ValidateIDNumber checks a (normalized) number against the form of its type.
// today bounds the birth date encoded in 18-character numbers.
func ValidateIDNumber(t IDType, s string, today Date) error {
	const field = "id_number"
	if s == "" {
		return Invalid(field, "err.required")
	}
	switch t {
	case IDResident, IDPermit:
		return validate18(t, s, today)
	case IDPassport:
		// Passports of every country: 5 to 20 letters and digits
		// (a Chinese one is E or G followed by 8 digits).
		if len(s) < 5 || len(s) > 20 || !isAlnum(s) {
			return Invalid(field, "err.id.passport")
		}
		return nil
	case IDOther:
		if err := CheckText(field, s, 40); err != nil {
			return err
		}
		if len([]rune(s)) < 2 || len([]rune(s)) > 40 {
			return Invalid(field, "err.id.other")
		}
		return nil
	}
	return Invalid("id_type", "err.id_type.unknown", "Value", string(t))
}

func validate18(t IDType, s string, today Date) error {
	const field = "id_number"
	if len(s) == 15 && isDigits(s) {
		return Invalid(field, "err.id.old15")
	}
	if len(s) != 18 {
		return Invalid(field, "err.id.length", "Len", len([]rune(s)))
	}
	if !isDigits(s[:17]) || !(isDigits(s[17:]) || s[17] == 'X') {
		return Invalid(field, "err.id.chars")
	}
	if t == IDResident && !residentProvinces[s[:2]] {
		if permitRegions[s[:6]] {
			return Invalid(field, "err.id.is_permit")
		}
		return Invalid(field, "err.id.region", "Code", s[:6])
	}
	if t == IDPermit && !permitRegions[s[:6]] {
		return Invalid(field, "err.id.permit_region")
	}
	birth, err := ParseDate(s[6:10] + "-" + s[10:12] + "-" + s[12:14])
	if err != nil || birth.Year() < 1900 {
		return Invalid(field, "err.id.birth_date", "Digits", s[6:14])
	}
	if !today.IsZero() && birth.After(today) {
		return Invalid(field, "err.id.birth_future", "Birth", birth.String())
	}
	if want := IDCheckChar(s); s[17] != want {
		return Invalid(field, "err.id.checksum", "Want", string(want))
	}
	return nil
}

// MaskIDNumber hides the middle of an identity number: 18-character numbers
// keep the 6 region digits and the last 4 (110105********002X, the form the
// authorities print); shorter ones keep the first and last two.
func MaskIDNumber(s string) string {
	r := []rune(s)
	switch {
	case len(r) == 0:
		return ""
	case len(r) >= 15:
		return string(r[:6]) + strings.Repeat("*", len(r)-10) + string(r[len(r)-4:])
	case len(r) > 4:
		return string(r[:2]) + strings.Repeat("*", len(r)-4) + string(r[len(r)-2:])
	default:
		return strings.Repeat("*", len(r))
	}
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// GuessIDType tells the type of a number given without one (a sheet with
// no ID-type column): 18 characters opening with 810000, 820000 or 830000
// are a residence permit, other 18- (and 15-) character numbers a resident
// ID, a number that starts with a letter a passport.
func GuessIDType(s string) IDType {
	s = NormalizeIDNumber(s)
	switch {
	case len(s) == 18 && permitRegions[s[:6]]:
		return IDPermit
	case len(s) == 18 || (len(s) == 15 && isDigits(s)):
		return IDResident
	case len(s) >= 5 && len(s) <= 20 && isAlnum(s) && (s[0] >= 'A' && s[0] <= 'Z'):
		return IDPassport
	}
	return IDResident
}
