package data

import (
	"strconv"
	"strings"
)

// Hours are continuing-education hours, kept as whole tenths of an hour
// (DOMAIN.md, Decision): sums are exact, so 0.1 + 64.1 + 7.8 is 72 and
// nothing is "missing 0.0 h". A struct, not an integer, so that a literal
// 24 cannot silently mean 2.4 hours: make one with WholeHours,
// TenthsOfHour or ParseHours.
type Hours struct{ tenths int64 }

// MaxCEHours bounds one record: more is a typing mistake.
var MaxCEHours = WholeHours(1000)

// WholeHours is n hours.
func WholeHours(n int) Hours { return Hours{int64(n) * 10} }

// TenthsOfHour is n tenths of an hour (as the store keeps them).
func TenthsOfHour(n int64) Hours { return Hours{n} }

// Tenths is h in tenths of an hour.
func (h Hours) Tenths() int64 { return h.tenths }

// IsZero reports whether h is no time at all.
func (h Hours) IsZero() bool { return h.tenths == 0 }

// Add is h + o, exactly.
func (h Hours) Add(o Hours) Hours { return Hours{h.tenths + o.tenths} }

// Sub is h - o, exactly.
func (h Hours) Sub(o Hours) Hours { return Hours{h.tenths - o.tenths} }

// Less reports whether h is less than o.
func (h Hours) Less(o Hours) bool { return h.tenths < o.tenths }

// Float is h for drawing (a progress bar's length); never for sums.
func (h Hours) Float() float64 { return float64(h.tenths) / 10 }

// String is h as people write it: 72, 7.5, 0.1.
func (h Hours) String() string {
	s := h.decimal()
	return strings.TrimSuffix(s, ".0")
}

// decimal is h with its one decimal always written (72.0): the form the
// seal's hash of a CE report has used since the first version.
func (h Hours) decimal() string {
	t := h.tenths
	sign := ""
	if t < 0 {
		sign, t = "-", -t
	}
	return sign + strconv.FormatInt(t/10, 10) + "." + strconv.FormatInt(t%10, 10)
}

// MarshalJSON writes h as a JSON number: 7.5, 72.
func (h Hours) MarshalJSON() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalJSON reads a JSON number by the rules of ParseHours: a number
// finer than a tenth is refused, not rounded.
func (h *Hours) UnmarshalJSON(b []byte) error {
	v, err := ParseHours("hours", string(b))
	if err != nil {
		return err
	}
	*h = v
	return nil
}

// maxParsedHours bounds what ParseHours reads at all, so no digit string
// overflows; what a record may hold is bounded by its own rule.
const maxParsedHours = 1_000_000

// ParseHours reads hours as typed: digits with at most one decimal after a
// point ("24", "7.5"; "7.50" is exactly 7.5 and accepted). Full-width
// digits and point, as a Chinese input method types them, count as their
// ASCII forms. Anything else is refused naming field, never rounded: more
// than one decimal ("7.85", key err.ce.hours_tenths), and forms Go or a
// spreadsheet might read as a number but a person does not write for
// hours: a comma ("7,5": a decimal comma to some, a thousands separator to
// others), signs, exponents ("1e1"), hexadecimal ("0x1p3"), digit
// separators ("1_0"), NaN, Inf (key err.ce.hours). Zero is read as zero;
// whether a record may have it is its rule's business.
func ParseHours(field, s string) (Hours, error) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		}
		return r
	}, strings.TrimSpace(s))
	bad := Invalid(field, "err.ce.hours", "Max", MaxCEHours)
	whole, frac, dotted := strings.Cut(s, ".")
	if whole == "" || !digits(whole) || (dotted && (frac == "" || !digits(frac))) {
		return Hours{}, bad
	}
	if strings.TrimRight(frac[min(1, len(frac)):], "0") != "" {
		return Hours{}, Invalid(field, "err.ce.hours_tenths", "Value", s)
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > len(strconv.Itoa(maxParsedHours)) {
		return Hours{}, bad
	}
	n, _ := strconv.ParseInt("0"+whole, 10, 64) // digits only, and few
	t := n * 10
	if frac != "" {
		t += int64(frac[0] - '0')
	}
	if t > maxParsedHours*10 {
		return Hours{}, bad
	}
	return Hours{t}, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
