package data

import (
	"strings"
	"testing"
	"time"
)

func sealDocs() (*CertDocument, *CEReport, *MailFormDocument) {
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, Beijing)
	done := time.Date(2026, 11, 22, 12, 0, 0, 0, Beijing)
	h := Holder{Name: "欧阳娜娜", IDNumber: "11010519491231002X", Phone: "13800138000"}
	c := Certificate{MNo: "2022S110001", Level: LevelSocialWorker, ExamYear: 2022, PassedOn: NewDate(2022, 9, 20), IssuedOn: NewDate(2022, 12, 1),
		Issuer: DefaultIssuer, Status: StatusValid}
	cert := &CertDocument{Holder: h, Certificate: c, ExportedAt: at, ExportedBy: "阳光社工服务中心",
		Annotation: &Annotation{Scene: SceneSelf, Days: 90, AppliedAt: done.Add(-time.Hour), CompletedAt: &done}}
	p := Progress{Period: Period{Start: NewDate(2022, 11, 1), End: NewDate(2025, 10, 31)}, Required: WholeHours(90), Credited: TenthsOfHour(271),
		Records: []Credited{{Record: CERecord{Kind: CEOnline, Title: "伦理", Date: NewDate(2024, 1, 5), Hours: TenthsOfHour(31)}, Hours: TenthsOfHour(31)}}}
	ce := &CEReport{Holder: h, Certificate: c, Progress: p, ExportedAt: at, ExportedBy: "阳光社工服务中心"}
	mail := &MailFormDocument{Holder: h, Certificate: c, ExportedAt: at, ExportedBy: "阳光社工服务中心",
		Form: MailForm{Sex: SexFemale, Recipient: "欧阳娜娜", Phone: "13800138000", Province: "北京市", City: "北京市", District: "朝阳区", Address: "建国路88号", Postcode: "100022", Fee: FeeOnDelivery}}
	return cert, ce, mail
}

// Format 2 states each claim once, in its place: what the page states
// comes back from the payload, and the payload is the short one.
func TestSealFormat2RoundTrip(t *testing.T) {
	cert, ce, mail := sealDocs()
	for _, tc := range []struct {
		name string
		p    interface{ SealPayload() ([]byte, error) }
		want string
	}{
		{"certificate", cert.Claims(), `[2,"c","2022S110001","欧阳娜娜","110105********002X",2,1795399200,7696800,"` + cert.Hash() + `",2022,20220920,20221201,"self",-79200]`},
		{"CE report", ce.Claims(), `[2,"e","2022S110001","欧阳娜娜","110105********002X",2,1795399200,7776000,"` + ce.Hash() + `",20221101,20251031,900,271,1]`},
		// The recipient is the holder: not said twice; nor is a
		// municipality's name.
		{"mail form", mail.Claims(), `[2,"m","2022S110001","欧阳娜娜","110105********002X",2,1795399200,7776000,"` + mail.Hash() + `","","北京市","100022"]`},
	} {
		b, err := tc.p.SealPayload()
		if err != nil || string(b) != tc.want {
			t.Errorf("%s: %s %v\nwant %s", tc.name, b, err, tc.want)
			continue
		}
		s, err := ParseSealPayload(b)
		if err != nil {
			t.Errorf("%s: read back: %v", tc.name, err)
			continue
		}
		var same bool
		switch c := tc.p.(type) {
		case CertClaims:
			same = s.Cert != nil && *s.Cert == c
		case CEClaims:
			same = s.CE != nil && *s.CE == c
		case MailClaims:
			same = s.Mail != nil && *s.Mail == c
		}
		if !same || s.Header().Format != 2 || s.Header().Issuer != "" {
			t.Errorf("%s: read back %+v %+v %+v", tc.name, s.Cert, s.CE, s.Mail)
		}
	}
	// The mail form's recipient when it is another person, and a province
	// with its city.
	mail.Form.Recipient, mail.Form.Province, mail.Form.City = "张三", "广东省", "深圳市"
	b, _ := mail.Claims().SealPayload()
	s, err := ParseSealPayload(b)
	if err != nil || !strings.HasSuffix(string(b), `,"张三","广东省深圳市","100022"]`) || s.Mail.Recipient != "张三" || s.Mail.City != "广东省深圳市" {
		t.Errorf("another recipient: %s %+v %v", b, s, err)
	}
	// A certificate issued before 2021-12-17 has no annotation: its seal
	// ends 90 days after export, and states no scene.
	cert.Annotation = nil
	b, _ = cert.Claims().SealPayload()
	if s, err := ParseSealPayload(b); err != nil || s.Cert.AnnFrom != 0 || s.Cert.Scene != "" || s.Cert.Expires != cert.ExportedAt.AddDate(0, 0, 90).Unix() ||
		!strings.HasSuffix(string(b), `,7776000,"`+cert.Hash()+`",2022,20220920,20221201]`) {
		t.Errorf("no annotation: %s %+v %v", b, s, err)
	}
}

// A format-2 payload is read in its one text only: anything else that
// decodes as JSON is no payload SWCert makes.
func TestSealFormat2IsStrict(t *testing.T) {
	cert, _, _ := sealDocs()
	b, _ := cert.Claims().SealPayload()
	good := string(b)
	if _, err := ParseSealPayload(b); err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string]string{
		"a space":                strings.Replace(good, ",", ", ", 1),
		"a trailing newline":     good + "\n",
		"an escaped character":   strings.Replace(good, "2022S", `2022\u0053`, 1),
		"a place less":           strings.Replace(good, `,-79200]`, `]`, 1),
		"a place more":           strings.Replace(good, `]`, `,1]`, 1),
		"the annotation's start": strings.Replace(good, `,"self",-79200]`, `,"self"]`, 1),
		"format 3":               strings.Replace(good, `[2,`, `[3,`, 1),
		"another document":       strings.Replace(good, `"c"`, `"x"`, 1),
		"level 4":                strings.Replace(good, `"110105********002X",2,`, `"110105********002X",4,`, 1),
		"a level as text":        strings.Replace(good, `"110105********002X",2,`, `"110105********002X","2",`, 1),
		"a number as a float":    strings.Replace(good, `,2022,`, `,2022.0,`, 1),
		"an exponent":            strings.Replace(good, `,2022,`, `,2.022e3,`, 1),
		"a day that is none":     strings.Replace(good, `20220920`, `20220931`, 1),
		"a month that is none":   strings.Replace(good, `20220920`, `20221320`, 1),
		"two arrays":             good + good,
		"an object":              `{"doc":"swcert/x"}`,
		"nothing":                ``,
		"null":                   `null`,
	} {
		if _, err := ParseSealPayload([]byte(bad)); err == nil {
			t.Errorf("%s: %s read", name, bad)
		}
	}
}

// The hash of format 2 leaves the exporter's name out (the seal does not
// state it) and keeps 12 bytes; format 1's is as it was.
func TestSealHashOfEachFormat(t *testing.T) {
	cert, ce, mail := sealDocs()
	for _, d := range []interface {
		SealHash(int) string
		Hash() string
	}{cert, ce, mail} {
		h2 := d.SealHash(2)
		if len(h2) != 16 || d.Hash() != h2 || len(d.SealHash(1)) != 22 {
			t.Errorf("hashes %q %q", h2, d.SealHash(1))
		}
	}
	before := cert.SealHash(2)
	v1 := cert.SealHash(1)
	cert.ExportedBy = "另一个名字"
	if cert.SealHash(2) != before || cert.SealHash(1) == v1 {
		t.Error("format 2 hashed the exporter's name, or format 1 did not")
	}
}

// FuzzParseSealPayload: a seal's payload is read before its signature is
// checked, so it is anybody's: it is read or refused, never a panic, and
// a format-2 payload that is read is the one text its claims write.
func FuzzParseSealPayload(f *testing.F) {
	cert, ce, mail := sealDocs()
	for _, p := range []interface{ SealPayload() ([]byte, error) }{cert.Claims(), ce.Claims(), mail.Claims()} {
		b, _ := p.SealPayload()
		f.Add(b)
	}
	f.Add([]byte(`{"doc":"swcert/ce","req":72,"hrs":71.99999999999999,"n":3}`))
	f.Add([]byte(`[2,"m","","","",1,0,0,"","","",""]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ParseSealPayload(b)
		if err != nil || len(b) == 0 || b[0] == '{' {
			return
		}
		if again, err := s.payload(); err != nil || string(again) != string(b) {
			t.Fatalf("%s read, written again as %s (%v)", b, again, err)
		}
	})
}
