package data

import (
	"strings"
	"testing"
	"time"
)

// FuzzIDNumber: any text typed as an ID number is accepted or refused with
// a message, never a panic; what is accepted as a resident ID has the form
// and the check character of GB 11643-1999, keeps its length masked, and
// is refused once its check character is changed. The 17 digits the input
// starts with, completed with their check character, round-trip: valid
// whenever the region and the birth date are.
func FuzzIDNumber(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "11010519491231002x ", "110105194912310021", "810000199001011234", "E12345678", "11010519491231", "", "１１０１０５１９４９１２３１００２Ｘ"} {
		f.Add(s)
	}
	today := NewDate(2026, 11, 22)
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeIDNumber(s)
		if NormalizeIDNumber(n) != n {
			t.Fatalf("normalizing %q twice changes it", s)
		}
		for _, typ := range IDTypes {
			if err := ValidateIDNumber(typ, n, today); err != nil && AsError(err) == nil {
				t.Fatalf("%s %q: an error without a message: %v", typ, n, err)
			}
		}
		if ValidateIDNumber(IDResident, n, today) == nil {
			if len(n) != 18 || IDCheckChar(n) != n[17] || len([]rune(MaskIDNumber(n))) != 18 || strings.Contains(MaskIDNumber(n), n[6:14]) {
				t.Fatalf("%q accepted: check %c, masked %q", n, IDCheckChar(n), MaskIDNumber(n))
			}
			for _, c := range "0123456789X" {
				if byte(c) != n[17] && ValidateIDNumber(IDResident, n[:17]+string(c), today) == nil {
					t.Fatalf("%q accepted with check character %c", n, c)
				}
			}
		}
		if len(n) >= 17 && isDigits(n[:17]) {
			id := n[:17] + string(IDCheckChar(n[:17]))
			_, dateErr := ParseDate(id[6:10] + "-" + id[10:12] + "-" + id[12:14])
			birth, _ := ParseDate(id[6:10] + "-" + id[10:12] + "-" + id[12:14])
			plausible := residentProvinces[id[:2]] && dateErr == nil && birth.Year() >= 1900 && !birth.After(today)
			if err := ValidateIDNumber(IDResident, id, today); (err == nil) != plausible {
				t.Fatalf("%q with its own check character: %v (region and birth date plausible: %v)", id, err, plausible)
			}
		}
	})
}

// FuzzParseDate: any text typed as a date or a time is read or refused,
// never a panic; a date read writes back as YYYY-MM-DD and reads back as
// itself, and a time read writes and reads back to the minute.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2021-12-17", "2021/1/5", "2021.01.05", " 2024-02-29 ", "2023-02-29", "0001-01-01", "9999-12-31", "2026-03-01T09:00:00+08:00", "2026-03-01 09:00", "", "45627"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err == nil && !d.IsZero() {
			text := d.String()
			if len(text) != 10 || text[4] != '-' || text[7] != '-' {
				t.Fatalf("%q read as %q", s, text)
			}
			back, err := ParseDate(text)
			if err != nil || !back.Equal(d) || back.String() != text {
				t.Fatalf("%q: %q reads back as %q (%v)", s, text, back, err)
			}
			if d.DaysUntil(d.AddDays(1)) != 1 {
				t.Fatalf("%q: the next day is not one day on", s)
			}
		}
		tm, err := ParseTime(s)
		if err == nil {
			back, err := ParseTime(FormatTime(tm))
			if err != nil || !back.Equal(tm.Truncate(time.Minute)) {
				if tm.Year() >= 0 && tm.Year() <= 9999 { // FormatTime writes four-digit years
					t.Fatalf("%q: %q reads back as %v (%v), not %v", s, FormatTime(tm), back, err, tm)
				}
			}
		}
	})
}
