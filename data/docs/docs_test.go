package docs

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/store"
)

var ctx = context.Background()

// installation is one SWCert database with its clock.
type installation struct {
	db  *store.DB
	now time.Time
	svc *Service
}

func newInstallation(t testing.TB) *installation {
	t.Helper()
	in := &installation{now: time.Date(2026, 11, 22, 10, 0, 0, 0, time.Local)}
	db, err := store.Open(filepath.Join(t.TempDir(), "swcert.db"), func() time.Time { return in.now })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	in.db = db
	in.svc = &Service{Holders: db, Certs: db, Anns: db, Keys: db, Regs: db, CE: db, Now: func() time.Time { return in.now }}
	return in
}

// certificate saves a holder and a certificate issued on issued.
func (in *installation) certificate(t testing.TB, mno string, issued data.Date) *data.Certificate {
	t.Helper()
	h := &data.Holder{Name: "欧阳娜娜", IDNumber: "11010519491231002X"}
	if found, _ := in.db.FindHolders(ctx, data.HolderFilter{}); len(found) > 0 {
		h = found[0]
	} else if err := in.db.CreateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	c := &data.Certificate{HolderID: h.ID, Level: data.LevelSocialWorker, MNo: mno, ExamYear: issued.Year() - 1,
		PassedOn: data.NewDate(issued.Year()-1, 9, 20), IssuedOn: issued, Issuer: data.DefaultIssuer}
	if err := in.db.CreateCertificate(ctx, c); err != nil {
		t.Fatal(err)
	}
	return c
}

func key(err error) string {
	if e := data.AsError(err); e != nil {
		return e.Key
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func TestExportOnlyWhenDownloadable(t *testing.T) {
	in := newInstallation(t)
	c := in.certificate(t, "2022S1100001", data.NewDate(2022, 12, 1))
	if _, _, err := in.svc.ExportCertificate(ctx, c.ID); key(err) != "err.download.no_annotation" {
		t.Errorf("no annotation: %v", err)
	}
	a, err := in.db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 30)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := in.svc.ExportCertificate(ctx, c.ID); key(err) != "err.download.generating" {
		t.Errorf("generating: %v", err)
	}
	in.now = in.now.Add(24 * time.Hour) // completes by itself
	b, doc, err := in.svc.ExportCertificate(ctx, c.ID)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") || doc.Annotation == nil || doc.Annotation.ID != a.ID {
		t.Fatalf("valid annotation: %v", err)
	}
	in.now = a.ValidUntil()
	if _, _, err := in.svc.ExportCertificate(ctx, c.ID); key(err) != "err.download.expired" {
		t.Errorf("expired: %v", err)
	}
	old := in.certificate(t, "2020S1100002", data.NewDate(2021, 12, 16))
	if _, doc, err := in.svc.ExportCertificate(ctx, old.ID); err != nil || doc.Annotation != nil {
		t.Errorf("issued before 2021-12-17 needs no annotation: %v", err)
	}
	old.Status = data.StatusRevoked
	if err := in.db.UpdateCertificate(ctx, old); err != nil {
		t.Fatal(err)
	}
	if _, _, err := in.svc.ExportCertificate(ctx, old.ID); key(err) != "err.download.cert_not_valid" {
		t.Errorf("revoked: %v", err)
	}
}

// exported is a certificate with a completed annotation, exported.
func exported(t *testing.T, in *installation) ([]byte, *data.Certificate) {
	t.Helper()
	c := in.certificate(t, "2022S1100001", data.NewDate(2022, 12, 1))
	a, err := in.db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 90)
	if err != nil {
		t.Fatal(err)
	}
	in.now = in.now.Add(3 * time.Hour)
	if _, err := in.db.CompleteAnnotation(ctx, a.ID, a.AppliedAt.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	b, _, err := in.svc.ExportCertificate(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return b, c
}

func TestVerifyOwnPDF(t *testing.T) {
	in := newInstallation(t)
	b, _ := exported(t, in)
	v, err := in.svc.Verify(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Valid || v.Key != KeyOwn || v.Expired || v.MatchesRecord == nil || !*v.MatchesRecord {
		t.Fatalf("verdict %+v", v)
	}
	if v.Claims.IDMasked != "110105********002X" || v.Claims.Name != "欧阳娜娜" || strings.Contains(v.JWS, "11010519491231002X") {
		t.Errorf("claims %+v", v.Claims)
	}
	// The seal's text, pasted, says the same.
	v2, err := in.svc.Verify(ctx, []byte("  "+v.JWS+"\n"))
	if err != nil || !v2.Valid {
		t.Errorf("pasted seal: %+v %v", v2, err)
	}
}

func TestVerifyPhotoOfPage(t *testing.T) {
	in := newInstallation(t)
	b, _ := exported(t, in)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "c.pdf"), b, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"-png", "-jpeg"} {
		out, err := exec.Command("pdftoppm", "-r", "150", format, "-singlefile", filepath.Join(dir, "c.pdf"), filepath.Join(dir, "page")).CombinedOutput()
		if err != nil {
			t.Fatalf("pdftoppm (make test-deps installs it): %v %s", err, out)
		}
		name := "page.png"
		if format == "-jpeg" {
			name = "page.jpg"
		}
		img, _ := os.ReadFile(filepath.Join(dir, name))
		v, err := in.svc.Verify(ctx, img)
		if err != nil || !v.Valid {
			t.Errorf("%s of the page: %+v %v", name, v, err)
		}
	}
}

func TestTamperingAnyPayloadCharacterInvalidates(t *testing.T) {
	in := newInstallation(t)
	b, _ := exported(t, in)
	v, _ := in.svc.Verify(ctx, b)
	parts := strings.Split(v.JWS, ".")
	alphabet := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	for i := range parts[1] {
		p := []byte(parts[1])
		p[i] = alphabet[(strings.IndexByte(alphabet, p[i])+1)%len(alphabet)]
		forged := parts[0] + "." + string(p) + "." + parts[2]
		got, err := in.svc.Verify(ctx, []byte(forged))
		if err != nil || got.Valid {
			t.Fatalf("payload character %d changed: %+v, %v", i, got, err)
		}
	}
}

func TestOtherInstallationsKey(t *testing.T) {
	agency, holder := newInstallation(t), newInstallation(t)
	b, _ := exported(t, holder)
	v, err := agency.svc.Verify(ctx, b)
	if err != nil || v.Valid || v.Key != KeyUnknown || v.Reason != "verify.reason.unknown_key" || v.MatchesRecord != nil {
		t.Fatalf("unknown key: %+v %v", v, err)
	}
	jwk, err := holder.svc.PublicKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var parsed map[string]string
	if json.Unmarshal(jwk, &parsed); parsed["kty"] != "OKP" || parsed["crv"] != "Ed25519" || parsed["d"] != "" {
		t.Fatalf("public JWK %s", jwk)
	}
	k, err := agency.svc.TrustKeyFile(ctx, jwk, "张三的电脑")
	if err != nil {
		t.Fatal(err)
	}
	agency.now = holder.now
	v, err = agency.svc.Verify(ctx, b)
	if err != nil || !v.Valid || v.Key != KeyTrusted || v.KeyName != "张三的电脑" || v.KID != k.KID {
		t.Fatalf("trusted key: %+v %v", v, err)
	}
	if err := agency.db.UntrustKey(ctx, k.KID); err != nil {
		t.Fatal(err)
	}
	if v, _ := agency.svc.Verify(ctx, b); v.Valid {
		t.Error("still valid after the key was removed")
	}
}

func TestExpiredAndChangedRecord(t *testing.T) {
	in := newInstallation(t)
	b, c := exported(t, in)
	h, _ := in.db.Holder(ctx, c.HolderID)
	h.Name = "欧阳娜"
	if err := in.db.UpdateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	v, _ := in.svc.Verify(ctx, b)
	if !v.Valid || v.MatchesRecord == nil || *v.MatchesRecord || strings.Join(v.Mismatches, ",") != "name" {
		t.Errorf("record changed since export: %+v", v)
	}
	in.now = in.now.AddDate(0, 0, 91)
	v, _ = in.svc.Verify(ctx, b)
	if v.Valid || !v.Expired || !v.SignatureOK || v.Reason != "verify.reason.expired" {
		t.Errorf("after the annotation's end: %+v", v)
	}
}

func TestVerifyInputWithoutSeal(t *testing.T) {
	in := newInstallation(t)
	for _, tc := range []struct {
		in  []byte
		key string
	}{
		{[]byte("  \n"), "err.seal.empty"},
		{[]byte("%PDF-1.4\n%%EOF"), "err.seal.not_found"},
		{[]byte("\x89PNG\r\n\x1a\nbroken"), "err.image.truncated"},
		{[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x04abcd1234\x00\x00\x00\x00IEND\xaeB`\x82"), "err.seal.bad_image"}, // whole, but no IHDR
	} {
		if _, err := in.svc.Verify(ctx, tc.in); key(err) != tc.key {
			t.Errorf("%q: %v, want %s", tc.in, err, tc.key)
		}
	}
	v, err := in.svc.Verify(ctx, []byte("hello, world"))
	if err != nil || v.Valid || v.Reason != "verify.reason.malformed" {
		t.Errorf("text that is no seal: %+v %v", v, err)
	}
}

// BenchmarkExportFromStore: what the Export button and `swcert export cert`
// do after the first export: read the records, sign, set the page.
func BenchmarkExportFromStore(b *testing.B) {
	// As the window runs while idle (app/memory.go): the collector at 400%
	// under a limit of 128 MiB.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(128 << 20))
	in := newInstallation(b)
	c := in.certificate(b, "2022S1100001", data.NewDate(2022, 12, 1))
	if _, err := in.db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 90); err != nil {
		b.Fatal(err)
	}
	in.now = in.now.Add(25 * time.Hour)
	if _, _, err := in.svc.ExportCertificate(ctx, c.ID); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := in.svc.ExportCertificate(ctx, c.ID); err != nil {
			b.Fatal(err)
		}
	}
}
