package data

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTextNormalized(t *testing.T) {
	for _, tc := range []struct{ in, text, words string }{
		{"e\u0301", "é", "é"}, // NFD to NFC: one name, however the machine composed it
		{"  张三  ", "张三", "张三"},
		{"\u3000张三\u3000", "张三", "张三"}, // full-width spaces an IME types
		{"\u00a0张\u2003三\u202f", "张\u2003三", "张 三"},
		{"张三\r\n", "张三", "张三"}, // a paste's line break at the end
		{"\ufeff\u200b张三\u2060", "张三", "张三"},
		{"张  三", "张  三", "张 三"},
		{"\u200b", "", ""}, // nothing visible is empty
		{"\u200c\u200d\ufe0f\u3164", "", ""},
		{" \u180e ", "", ""},
		{"a\u200db", "a\u200db", "a\u200db"}, // a joiner inside stays (emoji sequences need it)
		{"\x00", "\x00", "\x00"},             // kept, to be refused rather than saved empty
		{"\u202e", "\u202e", "\u202e"},
		{"a\xffb", "a\xffb", "a\xffb"}, // not UTF-8: left for CheckText
	} {
		if got := NormalizeText(tc.in); got != tc.text {
			t.Errorf("NormalizeText(%+q) = %+q, want %+q", tc.in, got, tc.text)
		}
		if got := NormalizeWords(tc.in); got != tc.words {
			t.Errorf("NormalizeWords(%+q) = %+q, want %+q", tc.in, got, tc.words)
		}
	}
}

// badText are the classes of text no field may hold, with the message each
// gets. A control character or a line break at either end is a space to
// trim (a paste's "\n"), so each class sits inside the value.
var badText = []struct {
	class, value, key string
	space             bool // NormalizeIDNumber removes it instead (spaces in a number)
}{
	{"NUL", "张\x00三", "err.text.control", false},
	{"ESC", "张\x1b[2J三", "err.text.control", false},
	{"BEL", "张\a三", "err.text.control", false},
	{"DEL", "张\x7f三", "err.text.control", false},
	{"C1 CSI", "张\u009b三", "err.text.control", false},
	{"tab", "张\t三", "err.text.control", true},
	{"line feed", "张\n三", "err.text.line_break", true},
	{"carriage return", "张\r三", "err.text.line_break", true},
	{"NEL", "张\u0085三", "err.text.line_break", true},
	{"line separator", "张\u2028三", "err.text.line_break", true},
	{"not UTF-8", "张\xff三", "err.text.encoding", false},
	{"cut UTF-8", "张\xe4\xb8", "err.text.encoding", false},
	{"RLO", "张\u202e三", "err.text.bidi", false},
	{"LRE", "张\u202a三", "err.text.bidi", false},
	{"RLI", "张\u2067三", "err.text.bidi", false},
	{"PDI", "张\u2069三", "err.text.bidi", false},
	{"RLM", "张\u200f三", "err.text.bidi", false},
	{"ALM", "张\u061c三", "err.text.bidi", false},
}

// textField sets one text field of a valid record and runs what a save
// runs on it (Normalize, Validate), returning the error.
type textField struct {
	field    string
	required bool
	save     func(v string) error
}

func textFields() []textField {
	today := NewDate(2026, 11, 22)
	holder := func(set func(*Holder, string)) func(string) error {
		return func(v string) error {
			h := Holder{Name: "张三", IDNumber: "11010519491231002X", Org: "阳光", Region: "北京"}
			set(&h, v)
			h.Normalize()
			return h.Validate(today)
		}
	}
	cert := func(v string) error {
		c := Certificate{HolderID: 1, Level: LevelAssistant, MNo: "2022S110001", ExamYear: 2022, PassedOn: NewDate(2022, 9, 1), IssuedOn: NewDate(2022, 12, 1), Issuer: v}
		c.Normalize()
		return c.Validate(today)
	}
	ce := func(set func(*CERecord, string)) func(string) error {
		return func(v string) error {
			r := CERecord{HolderID: 1, Kind: CEOnline, Title: "伦理", Provider: "协会", Date: NewDate(2026, 1, 5), Hours: WholeHours(3)}
			set(&r, v)
			r.Normalize()
			return r.Validate(today)
		}
	}
	reg := func(set func(*Registration, string)) func(string) error {
		return func(v string) error {
			r := Registration{CertID: 1, Kind: RegFirst}
			set(&r, v)
			r.Normalize()
			return r.Validate(today)
		}
	}
	paper := func(set func(*Paper, string)) func(string) error {
		return func(v string) error {
			p := Paper{CertID: 1, Method: PaperOnsite}
			set(&p, v)
			if NormalizeWords(p.ProxyName) != "" { // a proxy is named with their ID number
				p.ProxyIDNumber = "11010519491231002X"
			}
			p.Normalize()
			return p.Validate(today)
		}
	}
	mail := func(set func(*MailForm, string)) func(string) error {
		return func(v string) error {
			f := MailForm{CertID: 1, Sex: SexMale, Recipient: "张三", Phone: "13800138000", Province: "北京市", City: "北京市", District: "朝阳区", Address: "建国路88号", Postcode: "100022"}
			set(&f, v)
			f.Normalize()
			return f.Validate()
		}
	}
	return []textField{
		{"name", true, holder(func(h *Holder, v string) { h.Name = v })},
		{"org", false, holder(func(h *Holder, v string) { h.Org = v })},
		{"region", false, holder(func(h *Holder, v string) { h.Region = v })},
		{"id_number", true, holder(func(h *Holder, v string) { h.IDType, h.IDNumber = IDOther, v })},
		{"issuer", false, cert},
		{"title", true, ce(func(r *CERecord, v string) { r.Title = v })},
		{"provider", false, ce(func(r *CERecord, v string) { r.Provider = v })},
		{"proof", true, ce(func(r *CERecord, v string) { r.Proofs = []Proof{{Name: v}} })},
		{"region", false, reg(func(r *Registration, v string) { r.Region = v })},
		{"org", false, reg(func(r *Registration, v string) { r.Org = v })},
		{"place", false, paper(func(p *Paper, v string) { p.Place = v })},
		{"proxy_name", false, paper(func(p *Paper, v string) { p.ProxyName = v })},
		{"sent_to", false, paper(func(p *Paper, v string) { p.SentTo = v })},
		{"courier", false, paper(func(p *Paper, v string) { p.Courier = v })},
		{"tracking", false, paper(func(p *Paper, v string) { p.Tracking = v })},
		{"recipient", true, mail(func(f *MailForm, v string) { f.Recipient = v })},
		{"province", true, mail(func(f *MailForm, v string) { f.Province = v })},
		{"city", true, mail(func(f *MailForm, v string) { f.City = v })},
		{"district", true, mail(func(f *MailForm, v string) { f.District = v })},
		{"address", true, mail(func(f *MailForm, v string) { f.Address = v })},
		{"name", true, ValidateKeyName},
	}
}

// Found by the fault campaign (#14): control characters, NUL, bytes that
// are not UTF-8 and bidi overrides were saved in every text field, and a
// lone zero-width space filled a required one.
func TestEveryTextFieldRefusesWhatNoTextMayHold(t *testing.T) {
	for _, f := range textFields() {
		if err := f.save("张三"); err != nil {
			t.Fatalf("%s: a plain value is refused: %v", f.field, err)
		}
		for _, bad := range badText {
			if bad.space && f.field == "id_number" {
				continue
			}
			err := f.save(bad.value)
			if e := AsError(err); e == nil || e.Field != f.field || e.Key != bad.key {
				t.Errorf("%s, %s: %v, want %s naming the field", f.field, bad.class, err, bad.key)
			}
		}
		for _, blank := range []string{"\u200b", "\u3000", "\ufeff\u200d"} {
			err := f.save(blank)
			switch e := AsError(err); {
			case f.required && (e == nil || e.Field != f.field || e.Key != "err.required"):
				t.Errorf("%s = %+q: %v, want required", f.field, blank, err)
			case !f.required && err != nil:
				t.Errorf("%s = %+q: %v, want it saved empty", f.field, blank, err)
			}
		}
	}
}

func TestCheckTextNamesTheCharacter(t *testing.T) {
	e := AsError(CheckText("org", "a\x1bb", 10))
	if e == nil || e.Args["Char"] != "U+001B" {
		t.Fatalf("%v", e)
	}
	if e := AsError(CheckText("org", strings.Repeat("é", 11), 10)); e == nil || e.Key != "err.too_long" {
		t.Errorf("11 characters of at most 10: %v", e)
	}
	if err := CheckText("org", strings.Repeat("é", 10), 10); err != nil {
		t.Errorf("10 characters: %v", err)
	}
}

// Whatever is typed, normalising twice changes nothing, and what CheckText
// accepts holds no control character, no bidi control and only UTF-8.
func FuzzText(f *testing.F) {
	for _, s := range []string{"张三", " \u3000e\u0301 ", "\u200b", "a\x00b", "\xff", "a\u202eb", "\ufeff\u2060x\u200d", "a\u00a0\u00a0b"} {
		f.Add(s)
	}
	for _, b := range badText {
		f.Add(b.value)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, norm := range []func(string) string{NormalizeText, NormalizeWords} {
			n := norm(s)
			if again := norm(n); again != n {
				t.Fatalf("%+q normalised %+q, then %+q", s, n, again)
			}
			if CheckText("f", n, 1<<20) != nil {
				continue
			}
			for _, r := range n {
				if r < 0x20 || r >= 0x7f && r < 0xa0 || IsBidiControl(r) || r == '\u2028' || r == '\u2029' {
					t.Fatalf("%+q accepted, holding %U", n, r)
				}
			}
			if !utf8.ValidString(n) || strings.TrimFunc(n, trimmed) != n {
				t.Fatalf("%+q accepted", n)
			}
		}
	})
}

// A recipient of nothing visible is none given: the holder, as when empty.
func TestMailFormRecipientOfNothingVisibleIsTheHolder(t *testing.T) {
	f := MailForm{Recipient: "\u200b\u3000"}
	f.FillFromHolder(&Holder{Name: "张三", Phone: "13800138000"})
	if f.Recipient != "张三" || f.Phone != "13800138000" {
		t.Errorf("%+q %q", f.Recipient, f.Phone)
	}
}
