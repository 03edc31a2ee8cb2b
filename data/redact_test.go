package data

import "testing"

// "ID and phone numbers are never logged": whatever an error says, the
// log gets it with every such number replaced.
func TestRedact(t *testing.T) {
	cases := []struct{ in, want string }{
		{`store: load holder: sql: Scan error on column index 3, name "phone": converting driver.Value type string ("13800138000") to a int64`,
			`store: load holder: sql: Scan error on column index 3, name "phone": converting driver.Value type string ("[redacted]") to a int64`},
		{"holder 11010519491231002X refused", "holder [redacted] refused"},        // an 18-character ID number
		{"old number 110105491231002", "old number [redacted]"},                   // a 15-digit one
		{"permit 810000199001011236", "permit [redacted]"},                        // 港澳台居民居住证
		{"passport E12345678 and H1234567", "passport [redacted] and [redacted]"}, // a letter and 8 or 7 digits
		{"张伟11010519491231002X", "[redacted]"},                                    // glued to a name
		{"call 138 0013 8000 or 138-0013-8000", "call [redacted] or [redacted]"},  // typed in groups
		{"+86 13800138000", "+[redacted]"},                                        // with the country code
		{"at 2026-11-22 10:00:00 +08:00", "at 2026-11-22 10:00:00 +08:00"},        // dates and times stay
		{"screens/holder_list.go:99: database is closed", "screens/holder_list.go:99: database is closed"},
		{"certificate 2022S11A0001", "certificate 2022S11A0001"}, // six digits: a management number stays
		{"", ""},
	}
	for _, c := range cases {
		if got := Redact(c.in); got != c.want {
			t.Errorf("Redact(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
