package data

import (
	"strings"
	"testing"
	"time"
)

var today = NewDate(2026, time.November, 22)

// key returns the message key of an application error ("" for nil).
func key(err error) string {
	if err == nil {
		return ""
	}
	if e := AsError(err); e != nil {
		return e.Key
	}
	return "not an application error: " + err.Error()
}

func TestValidateIDNumber(t *testing.T) {
	cases := []struct {
		typ  IDType
		in   string
		want string
	}{
		{IDResident, "11010519491231002X", ""},                      // the GB 11643-1999 example
		{IDResident, "110105194912310021", "err.id.checksum"},       // same digits, wrong check character
		{IDResident, NormalizeIDNumber(" 11010519491231002x "), ""}, // lower-case x and spaces are typed
		{IDResident, "44030519900101123X", ""},
		{IDResident, "", "err.required"},
		{IDResident, "1101051949123100", "err.id.length"},
		{IDResident, "110105491231002", "err.id.old15"},
		{IDResident, "1101051949123100Y2", "err.id.chars"},
		{IDResident, "11010519491231X02X", "err.id.chars"},
		{IDResident, "990105194912310026", "err.id.region"},
		{IDResident, "810000199001011236", "err.id.is_permit"},
		{IDResident, "110105194902300020", "err.id.birth_date"}, // 30 February
		{IDResident, "110105189912310020", "err.id.birth_date"}, // before 1900
		{IDResident, "110105202701010020", "err.id.birth_future"},
		{IDPermit, "810000199001011236", "err.id.checksum"},
		{IDPermit, "810000199001011230", ""},
		{IDPermit, "11010519491231002X", "err.id.permit_region"},
		{IDPassport, "E12345678", ""},
		{IDPassport, "E12", "err.id.passport"},
		{IDPassport, "E1234-5678", "err.id.passport"},
		{IDOther, "军官证字第123号", ""},
		{IDOther, "X", "err.id.other"},
		{"visa", "E12345678", "err.id_type.unknown"},
	}
	for _, tc := range cases {
		if got := key(ValidateIDNumber(tc.typ, tc.in, today)); got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.typ, tc.in, got, tc.want)
		}
	}
	if e := AsError(ValidateIDNumber(IDResident, "110105194912310021", today)); e.Field != "id_number" || e.Args["Want"] != "X" {
		t.Errorf("checksum error %+v: should name the field and the expected character", e)
	}
}

func TestIDCheckCharAndBirth(t *testing.T) {
	if c := IDCheckChar("11010519491231002"); c != 'X' {
		t.Errorf("check char %c, want X", c)
	}
}

func TestMasking(t *testing.T) {
	for in, want := range map[string]string{
		"11010519491231002X": "110105********002X",
		"E12345678":          "E1*****78",
		"abc":                "***",
		"":                   "",
	} {
		if got := MaskIDNumber(in); got != want {
			t.Errorf("MaskIDNumber(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"13800138000": "138****8000", "12345": "*****"} {
		if got := MaskPhone(in); got != want {
			t.Errorf("MaskPhone(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPhone(t *testing.T) {
	cases := []struct{ in, norm, want string }{
		{"138 0013 8000", "13800138000", ""},
		{"+86 138-0013-8000", "13800138000", ""},
		{"8613800138000", "13800138000", ""},
		{"", "", ""}, // optional
		{"12800138000", "12800138000", "err.phone.format"},
		{"1380013800", "1380013800", "err.phone.format"},
		{"010-12345678", "01012345678", "err.phone.format"},
	}
	for _, tc := range cases {
		n := NormalizePhone(tc.in)
		if n != tc.norm {
			t.Errorf("NormalizePhone(%q) = %q, want %q", tc.in, n, tc.norm)
		}
		if got := key(ValidateMobile("phone", n)); got != tc.want {
			t.Errorf("ValidateMobile(%q) = %q, want %q", n, got, tc.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2021-12-17": "2021-12-17", "2021/12/17": "2021-12-17", "2021.1.5": "2021-01-05", " 2021-1-5 ": "2021-01-05", "": "",
	} {
		d, err := ParseDate(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, d, err, want)
		}
	}
	for _, in := range []string{"2021-02-30", "17.12.2021", "yesterday"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
}

func TestValidateDay(t *testing.T) {
	cases := []struct {
		d        Date
		required bool
		want     string
	}{
		{Date{}, false, ""},
		{Date{}, true, "err.required"},
		{today, true, ""},
		{today.AddDays(-400), false, ""},
		{today.AddDays(1), false, "err.date.after_today"},
		{today.AddDays(1), true, "err.date.after_today"},
	}
	for _, tc := range cases {
		err := ValidateDay("sent_on", tc.d, tc.required, today)
		if got := key(err); got != tc.want {
			t.Errorf("ValidateDay(%s, required=%v) = %q, want %q", tc.d, tc.required, got, tc.want)
		}
		if e := AsError(err); e != nil && e.Field != "sent_on" {
			t.Errorf("ValidateDay(%s) names field %q", tc.d, e.Field)
		}
	}
}

func TestValidateRequiredText(t *testing.T) {
	for in, want := range map[string]string{
		"社会工作实务": "", "": "err.required", " \t ": "err.required",
		strings.Repeat("字", MaxTextLen): "", strings.Repeat("字", MaxTextLen+1): "err.too_long",
	} {
		if got := key(ValidateRequiredText("title", in)); got != want {
			t.Errorf("ValidateRequiredText(%.10q) = %q, want %q", in, got, want)
		}
	}
}

func TestHolderValidate(t *testing.T) {
	ok := Holder{Name: "张三", IDNumber: "11010519491231002X"}
	ok.Normalize()
	if err := ok.Validate(today); err != nil || ok.IDType != IDResident {
		t.Fatalf("valid holder: %v (type %q)", err, ok.IDType)
	}
	long := strings.Repeat("张", MaxNameLen+1)
	cases := []struct {
		h     Holder
		field string
		key   string
	}{
		{Holder{Name: "  ", IDNumber: "11010519491231002X"}, "name", "err.required"},
		{Holder{Name: long, IDNumber: "11010519491231002X"}, "name", "err.too_long"},
		{Holder{Name: "张三", IDNumber: "110105194912310021"}, "id_number", "err.id.checksum"},
		{Holder{Name: "张三", IDNumber: "11010519491231002X", Phone: "123"}, "phone", "err.phone.format"},
		{Holder{Name: "张三", IDNumber: "11010519491231002X", IDType: "visa"}, "id_type", "err.id_type.unknown"},
	}
	for _, tc := range cases {
		tc.h.Normalize()
		e := AsError(tc.h.Validate(today))
		if e == nil || e.Field != tc.field || e.Key != tc.key || e.Code != EINVALID {
			t.Errorf("%+v: %v, want %s %s", tc.h, e, tc.field, tc.key)
		}
	}
}

func TestLevels(t *testing.T) {
	cases := []struct {
		l            Level
		chinese      string
		title        string
		hours        int
		parsedFromZH bool
	}{
		{LevelAssistant, "助理社会工作师", "junior", 72, true},
		{LevelSocialWorker, "社会工作师", "intermediate", 90, true},
		{LevelSenior, "高级社会工作师", "senior", 90, true},
	}
	for _, tc := range cases {
		if tc.l.ChineseName() != tc.chinese || tc.l.Title() != tc.title || tc.l.CEHours() != tc.hours {
			t.Errorf("%s: %s %s %d", tc.l, tc.l.ChineseName(), tc.l.Title(), tc.l.CEHours())
		}
		if p, ok := ParseLevel(tc.chinese); !ok || p != tc.l {
			t.Errorf("ParseLevel(%s) = %s", tc.chinese, p)
		}
		if p, ok := ParseLevel(string(tc.l)); !ok || p != tc.l {
			t.Errorf("ParseLevel(%s) = %s", tc.l, p)
		}
	}
	if _, ok := ParseLevel("master"); ok {
		t.Error("unknown level parsed")
	}
}

func TestNeedsAnnotation(t *testing.T) {
	for issued, want := range map[Date]bool{
		NewDate(2021, 12, 16): false,
		NewDate(2021, 12, 17): true, // the first day of electronic certificates
		NewDate(2024, 3, 1):   true,
	} {
		c := Certificate{IssuedOn: issued}
		if c.NeedsAnnotation() != want {
			t.Errorf("issued %s: needs annotation %v, want %v", issued, !want, want)
		}
	}
}

func TestCertificateValidate(t *testing.T) {
	base := func() Certificate {
		return Certificate{HolderID: 1, Level: LevelAssistant, MNo: " 2020z 110001 ", ExamYear: 2020,
			PassedOn: NewDate(2020, 9, 20), IssuedOn: NewDate(2020, 12, 1)}
	}
	c := base()
	c.Normalize()
	if err := c.Validate(today); err != nil || c.MNo != "2020Z110001" || c.Status != StatusValid {
		t.Fatalf("valid certificate: %v %+v", err, c)
	}
	cases := []struct {
		edit  func(*Certificate)
		field string
		key   string
	}{
		{func(c *Certificate) { c.HolderID = 0 }, "holder_id", "err.required"},
		{func(c *Certificate) { c.Level = "master" }, "level", "err.level.unknown"},
		{func(c *Certificate) { c.MNo = "" }, "mno", "err.required"},
		{func(c *Certificate) { c.MNo = "A1" }, "mno", "err.mno.format"},
		{func(c *Certificate) { c.MNo = "2020-110001" }, "mno", "err.mno.format"},
		{func(c *Certificate) { c.ExamYear = 2007 }, "exam_year", "err.exam_year.range"},
		{func(c *Certificate) { c.ExamYear = 2027 }, "exam_year", "err.exam_year.range"},
		{func(c *Certificate) { c.PassedOn = Date{} }, "passed_on", "err.required"},
		{func(c *Certificate) { c.PassedOn = NewDate(2019, 9, 1) }, "passed_on", "err.date.before_exam"},
		{func(c *Certificate) {
			c.ExamYear, c.PassedOn, c.IssuedOn = 2026, NewDate(2026, 11, 23), NewDate(2026, 11, 24)
		}, "passed_on", "err.date.after_today"},
		{func(c *Certificate) { c.IssuedOn = Date{} }, "issued_on", "err.required"},
		{func(c *Certificate) { c.IssuedOn = NewDate(2020, 9, 1) }, "issued_on", "err.date.issued_before_passed"},
		{func(c *Certificate) {
			c.ExamYear, c.PassedOn, c.IssuedOn = 2026, NewDate(2026, 9, 1), NewDate(2026, 11, 23)
		}, "issued_on", "err.date.after_today"},
		{func(c *Certificate) { c.Status = "lost" }, "status", "err.status.unknown"},
	}
	for i, tc := range cases {
		c := base()
		tc.edit(&c)
		c.Normalize()
		e := AsError(c.Validate(today))
		if e == nil || e.Field != tc.field || e.Key != tc.key {
			t.Errorf("case %d: %v, want %s %s", i, e, tc.field, tc.key)
		}
	}
	if y, err := ParseExamYear(" 2021 "); err != nil || y != 2021 {
		t.Errorf("ParseExamYear: %d %v", y, err)
	}
	for _, s := range []string{"21", "二〇二一", "2021a"} {
		if _, err := ParseExamYear(s); key(err) != "err.exam_year.format" {
			t.Errorf("ParseExamYear(%q): %v", s, err)
		}
	}
}

func TestBindingCertificates(t *testing.T) {
	c := func(id, holder int64, l Level, issued Date, st CertStatus) *Certificate {
		return &Certificate{ID: id, HolderID: holder, Level: l, IssuedOn: issued, Status: st}
	}
	d := NewDate
	cases := []struct {
		name  string
		certs []*Certificate
		want  int64 // the binding certificate of holder 1; 0: none
	}{
		{"one certificate", []*Certificate{c(1, 1, LevelAssistant, d(2020, 1, 1), StatusValid)}, 1},
		{"the higher level binds, in any order", []*Certificate{
			c(2, 1, LevelSocialWorker, d(2019, 1, 1), StatusValid), c(1, 1, LevelAssistant, d(2022, 1, 1), StatusValid)}, 2},
		{"a revoked higher level does not", []*Certificate{
			c(1, 1, LevelAssistant, d(2018, 1, 1), StatusValid), c(2, 1, LevelSenior, d(2022, 1, 1), StatusRevoked)}, 1},
		{"same level: issued last", []*Certificate{
			c(5, 1, LevelAssistant, d(2022, 1, 1), StatusValid), c(3, 1, LevelAssistant, d(2018, 1, 1), StatusValid)}, 5},
		{"same level and day: saved last", []*Certificate{
			c(7, 1, LevelAssistant, d(2022, 1, 1), StatusValid), c(8, 1, LevelAssistant, d(2022, 1, 1), StatusValid)}, 8},
		{"none valid", []*Certificate{c(1, 1, LevelAssistant, d(2018, 1, 1), StatusRevoked)}, 0},
		{"another holder's does not count", []*Certificate{
			c(1, 1, LevelAssistant, d(2018, 1, 1), StatusValid), c(2, 2, LevelSenior, d(2022, 1, 1), StatusValid)}, 1},
	}
	for _, tc := range cases {
		got := BindingCertificates(tc.certs)[1]
		if (got == nil && tc.want != 0) || (got != nil && got.ID != tc.want) {
			t.Errorf("%s: %+v, want %d", tc.name, got, tc.want)
		}
	}
}

func TestChineseNamesReadBack(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want IDType
	}{{"resident", IDResident}, {"居民身份证", IDResident}, {"身份证", IDResident}, {" 港澳台居民居住证 ", IDPermit},
		{"居住证", IDPermit}, {"护照", IDPassport}, {"PASSPORT", IDPassport}, {"其他证件", IDOther}, {"其他", IDOther}} {
		if got, ok := ParseIDType(tc.in); !ok || got != tc.want {
			t.Errorf("ParseIDType(%q) = %q", tc.in, got)
		}
	}
	if _, ok := ParseIDType("驾驶证"); ok {
		t.Error("a driving licence read as an ID type")
	}
	for _, typ := range IDTypes {
		if got, ok := ParseIDType(typ.ChineseName()); !ok || got != typ {
			t.Errorf("%s: printed %q reads back as %q", typ, typ.ChineseName(), got)
		}
	}
	for in, want := range map[string]CertStatus{"valid": StatusValid, "有效": StatusValid, "无效": StatusRevoked, "revoked": StatusRevoked, "Not valid": StatusRevoked} {
		if got, ok := ParseCertStatus(in); !ok || got != want {
			t.Errorf("ParseCertStatus(%q) = %q", in, got)
		}
	}
	for _, st := range CertStatuses {
		if got, _ := ParseCertStatus(st.ChineseName()); got != st {
			t.Errorf("%s does not read back", st)
		}
	}
	if _, ok := ParseCertStatus("lost"); ok {
		t.Error("unknown status read")
	}
	for l, want := range map[Level]string{LevelAssistant: "初级", LevelSocialWorker: "中级", LevelSenior: "高级"} {
		if got := l.TitleChineseName(); got != want {
			t.Errorf("%s: title %q, want %q", l, got, want)
		}
	}
}
