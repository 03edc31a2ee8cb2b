package docs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
)

// testdata/seal-v1 holds seals of the first format (JWS with a JSON
// object of long keys, the 22-character kid), made by SWCert before the
// seal was shortened, by `swcert` 6971471: the public key of that
// installation, the certificate's PDF, and the seals of the three
// documents as text. Pages with them are printed and filed; they must
// verify for as long as their seals hold.
const v1Dir = "testdata/seal-v1"

// v1Installation trusts the key of the installation that made the fixtures
// and holds the same records, so each seal can also be compared with them.
func v1Installation(t *testing.T) *installation {
	t.Helper()
	in := newInstallation(t)
	in.svc.Paper = in.db
	beijing := time.FixedZone("CST", 8*3600)
	in.now = time.Date(2026, 11, 22, 10, 0, 0, 0, beijing)
	jwk, err := os.ReadFile(filepath.Join(v1Dir, "key.jwk"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.svc.TrustKeyFile(ctx, jwk, "旧版导出"); err != nil {
		t.Fatal(err)
	}
	h := &data.Holder{Name: "欧阳娜娜", IDNumber: "11010519491231002X", Phone: "13800138000"}
	if err := in.db.CreateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	c := &data.Certificate{HolderID: h.ID, Level: data.LevelSocialWorker, MNo: "2022S110001", ExamYear: 2022,
		PassedOn: data.NewDate(2022, 9, 20), IssuedOn: data.NewDate(2022, 12, 1), Issuer: data.DefaultIssuer}
	if err := in.db.CreateCertificate(ctx, c); err != nil {
		t.Fatal(err)
	}
	a, err := in.db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 90)
	if err != nil {
		t.Fatal(err)
	}
	in.now = in.now.Add(24 * time.Hour)
	if _, err := in.db.CompleteAnnotation(ctx, a.ID, time.Date(2026, 11, 22, 12, 0, 0, 0, beijing)); err != nil {
		t.Fatal(err)
	}
	r := &data.Registration{CertID: c.ID, Kind: data.RegFirst, Status: data.RegIssued, AppliedOn: data.NewDate(2022, 10, 1), ValidFrom: data.NewDate(2022, 11, 1)}
	if err := in.db.CreateRegistration(ctx, r); err != nil {
		t.Fatal(err)
	}
	for _, rec := range []data.CERecord{
		{HolderID: h.ID, Kind: data.CEOnline, Title: "伦理", Date: data.NewDate(2024, 1, 5), Hours: data.WholeHours(3)},
		{HolderID: h.ID, Kind: data.CETraining, Title: "社区治理培训", Date: data.NewDate(2024, 3, 1), Hours: data.WholeHours(24), Review: data.ReviewApproved},
	} {
		if err := in.db.CreateCERecord(ctx, &rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := in.db.SetPaper(ctx, &data.Paper{CertID: c.ID, Method: data.PaperMail, WindowStart: data.NewDate(2026, 11, 1), WindowEnd: data.NewDate(2026, 12, 31)}); err != nil {
		t.Fatal(err)
	}
	f := &data.MailForm{CertID: c.ID, Province: "北京市", City: "北京市", District: "朝阳区", Address: "建国路88号", Postcode: "100022"}
	f.FillFromHolder(h)
	if err := in.db.SaveMailForm(ctx, f); err != nil {
		t.Fatal(err)
	}
	in.now = time.Date(2026, 12, 1, 9, 0, 0, 0, beijing) // the seals hold until 2027-02-20
	return in
}

// A seal of the first format, on its PDF or as text, still verifies: its
// signature with the trusted key, what it states, and its comparison with
// the record.
func TestSealsOfTheFirstFormatStillVerify(t *testing.T) {
	in := v1Installation(t)
	for _, name := range []string{"cert.pdf", "cert.jws", "ce.jws", "mail.jws"} {
		b, err := os.ReadFile(filepath.Join(v1Dir, name))
		if err != nil {
			t.Fatal(err)
		}
		v, err := in.svc.Verify(ctx, b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !v.Valid || v.Key != KeyTrusted || v.KeyName != "旧版导出" || v.KID != "nGeWKDhBh7m6Qr3FLbAkfw" || v.MatchesRecord == nil || !*v.MatchesRecord {
			t.Errorf("%s: verdict %+v", name, v)
			continue
		}
		if strings.HasPrefix(string(b), "eyJ") && v.JWS != strings.TrimSpace(string(b)) {
			t.Errorf("%s: the seal read is not the one given", name)
		}
		switch {
		case strings.HasPrefix(name, "cert"):
			c := v.Claims
			if c == nil || c.Name != "欧阳娜娜" || c.IDMasked != "110105********002X" || c.MNo != "2022S110001" || c.Level != data.LevelSocialWorker ||
				c.ExamYear != 2022 || c.PassedOn.String() != "2022-09-20" || c.IssuedOn.String() != "2022-12-01" || c.Scene != "self" ||
				c.Issuer != "SWCert nGeWKDhB" || c.IssuedAt != 1795399200 || c.AnnFrom != 1795320000 || c.AnnUntil != 1803096000 || c.Expires != 1803096000 {
				t.Errorf("%s: claims %+v", name, c)
			}
		case name == "ce.jws":
			c := v.CE
			if c == nil || c.Name != "欧阳娜娜" || c.PeriodStart.String() != "2022-11-01" || c.PeriodEnd.String() != "2025-10-31" ||
				c.Required != data.WholeHours(90) || c.Credited != data.WholeHours(27) || c.Records != 2 || c.Expires != 1803175200 {
				t.Errorf("%s: claims %+v", name, c)
			}
		case name == "mail.jws":
			c := v.Mail
			if c == nil || c.Name != "欧阳娜娜" || c.Recipient != "欧阳娜娜" || c.City != "北京市北京市" || c.Postcode != "100022" || c.Expires != 1803175200 {
				t.Errorf("%s: claims %+v", name, c)
			}
		}
	}
	// One field changed since: the old seal says so, as a new one would.
	h, _ := in.db.Holder(ctx, 1)
	h.Name = "欧阳娜"
	if err := in.db.UpdateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(v1Dir, "cert.jws"))
	if v, _ := in.svc.Verify(ctx, b); !v.Valid || v.MatchesRecord == nil || *v.MatchesRecord || strings.Join(v.Mismatches, ",") != "name" {
		t.Errorf("after a change to the record: %+v", v)
	}
}
