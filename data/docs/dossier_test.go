package docs

import (
	"encoding/base64"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/demo"
	"github.com/swcert/swcert/data/pdf"
	"github.com/swcert/swcert/data/proofs"
)

// dossierInstallation is an installation whose proof files (the photo)
// are kept in a folder, as the window and the command line keep them.
func dossierInstallation(t testing.TB) *installation {
	t.Helper()
	in := newInstallation(t)
	kept := &proofs.Store{Dir: filepath.Join(t.TempDir(), "proofs")}
	if err := in.db.UseProofFiles(ctx, kept); err != nil {
		t.Fatal(err)
	}
	in.svc.Dossiers, in.svc.Projects, in.svc.Photos = in.db, in.db, kept
	return in
}

// filledDossier: a holder with a certificate, a profile with its photo,
// two work entries (the current one flagged 三区计划 without proof, so the
// dossier is incomplete) and an honour.
func filledDossier(t testing.TB, in *installation) *data.Holder {
	t.Helper()
	c := in.certificate(t, "2025S1100001", data.NewDate(2025, 12, 1))
	h, err := in.db.Holder(ctx, c.HolderID)
	if err != nil {
		t.Fatal(err)
	}
	h.Phone, h.Org, h.Region = "13800138000", "北京市朝阳区阳光社会工作服务中心", "北京市朝阳区"
	if err := in.db.UpdateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	if err := in.db.SetProfile(ctx, &data.Profile{HolderID: h.ID, Ethnicity: "汉族", Education: data.EduBachelor, Major: "社会工作"}); err != nil {
		t.Fatal(err)
	}
	photo := demo.Photos()[0]
	if err := in.db.SetPhoto(ctx, h.ID, &photo); err != nil {
		t.Fatal(err)
	}
	for _, w := range []*data.WorkEntry{
		{HolderID: h.ID, Org: "北京市东城区社区服务中心", Position: "社工助理", StartOn: data.NewDate(2015, 3, 1), EndOn: data.NewDate(2019, 6, 30)},
		{HolderID: h.ID, Org: "北京市朝阳区阳光社会工作服务中心", Position: "项目主管", StartOn: data.NewDate(2019, 7, 1), Programme: data.ProgrammeSanqu},
	} {
		if err := in.db.CreateWorkEntry(ctx, w); err != nil {
			t.Fatal(err)
		}
	}
	if err := in.db.CreateHonour(ctx, &data.Honour{HolderID: h.ID, Title: "优秀社会工作者", Date: data.NewDate(2023, 12, 20), Level: data.HonourCity}); err != nil {
		t.Fatal(err)
	}
	return h
}

// sealOnPage is the seal as zbarimg reads it from the last page of the
// PDF rendered at 150 dpi: what a scanner of the printed page finds.
func sealOnPage(t *testing.T, b []byte) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	last := lastPage(t, path)
	if out, err := exec.Command("pdftoppm", "-r", "150", "-png", "-f", last, "-l", last, "-singlefile", path, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	jws := zbar(t, filepath.Join(dir, "page.png"))
	if jws == "" {
		t.Fatal("zbarimg finds no seal on the page")
	}
	return jws
}

// payloadOf is the seal's payload as text.
func payloadOf(t *testing.T, jws string) string {
	t.Helper()
	parts := strings.Split(jws, ".")
	if len(parts) != 3 {
		t.Fatalf("not a compact JWS: %q", jws)
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestProfileFormPDF(t *testing.T) {
	in := dossierInstallation(t)
	h := filledDossier(t, in)
	b, name, err := in.svc.ExportProfile(ctx, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	if name != "欧阳娜娜-2025S1100001-个人信息表.pdf" {
		t.Errorf("suggested name %q", name)
	}
	keep(t, "profile.pdf", b)
	flat := pdfText(t, b)
	for _, want := range []string{"个人信息表", "欧阳娜娜", "女", "居民身份证", "11010519491231002X", "1949-12-31", "汉族", "本科", "社会工作",
		"13800138000", "北京市朝阳区阳光社会工作服务中心", "北京市朝阳区", "工作经历", "2015-03-01至2019-06-30", "社工助理",
		"2019-07-01至今", "三区计划", "缺", "个人荣誉", "优秀社会工作者", "地市", "2023-12-20",
		"个人信息未完善：三区计划/牵手计划证明材料", "本人签名", "社会工作师", "2025S1100001"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the form lacks %q:\n%s", want, flat)
		}
	}
	if strings.Contains(flat, "Exported") || strings.Contains(flat, "（照片）") {
		t.Errorf("a form for a Chinese office in English, or without its photo:\n%s", flat)
	}
	if imgs, err := pdf.Images(b); err != nil || len(imgs) != 2 {
		t.Errorf("the photo and the seal are the page's images: %d %v", len(imgs), err)
	}
	jws := sealOnPage(t, b)
	if p := payloadOf(t, jws); strings.Contains(p, "11010519491231002X") || !strings.Contains(p, "110105********002X") {
		t.Errorf("the seal must carry the masked ID number only: %s", p)
	}
	v, err := in.svc.Verify(ctx, []byte(jws))
	if err != nil || !v.Valid || v.Profile == nil || v.MatchesRecord == nil || !*v.MatchesRecord {
		t.Fatalf("verdict %+v %v", v, err)
	}
	if v.Profile.Work != 2 || v.Profile.Honours != 1 || v.Profile.Missing != 1 || v.Profile.MNo != "2025S1100001" || v.Profile.Level != data.LevelSocialWorker {
		t.Errorf("claims %+v", v.Profile)
	}
	// The record changes: the seal no longer matches it.
	if err := in.db.CreateHonour(ctx, &data.Honour{HolderID: h.ID, Title: "优秀党员", Date: data.NewDate(2024, 7, 1), Level: data.HonourDistrict}); err != nil {
		t.Fatal(err)
	}
	v, err = in.svc.Verify(ctx, b)
	if err != nil || !v.Valid || v.MatchesRecord == nil || *v.MatchesRecord || strings.Join(v.Mismatches, ",") != "dossier" {
		t.Fatalf("changed record: %+v %v", v, err)
	}
}

// A holder with no certificate and an empty dossier still gets the form,
// which says everything it lacks; the seal carries no number or level
// and still finds its holder.
func TestProfileFormOfAnEmptyDossier(t *testing.T) {
	in := dossierInstallation(t)
	h := &data.Holder{Name: "张小明", IDNumber: "110101199003074514"}
	if err := in.db.CreateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	b, name, err := in.svc.ExportProfile(ctx, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	if name != "张小明-个人信息表.pdf" {
		t.Errorf("suggested name %q", name)
	}
	flat := pdfText(t, b)
	for _, want := range []string{"（照片）", "（无工作经历）", "个人信息未完善：民族、学历、专业、手机号码、工作单位、登记地区、证件照、工作经历", "（个人信息表完善后确定）"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the form lacks %q:\n%s", want, flat)
		}
	}
	v, err := in.svc.Verify(ctx, b)
	if err != nil || !v.Valid || v.Profile == nil || v.Profile.MNo != "" || v.Profile.Level != "" || v.MatchesRecord == nil || !*v.MatchesRecord {
		t.Fatalf("verdict %+v %v", v, err)
	}
	if _, _, err := in.svc.ExportProfile(ctx, 999); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("no such holder: %v", err)
	}
}

// A photo whose file is gone is said to be, never printed as a form
// without its photo.
func TestProfileFormPhotoFileGone(t *testing.T) {
	in := dossierInstallation(t)
	h := filledDossier(t, in)
	in.svc.Photos = &proofs.Store{Dir: t.TempDir()}
	if _, _, err := in.svc.ExportProfile(ctx, h.ID); key(err) != "err.profile.photo_missing" || data.AsError(err).Field != "photo" {
		t.Fatalf("photo gone: %v", err)
	}
}

// keep writes a document to $SWCERT_KEEP_PDF, to look at.
func keep(t testing.TB, name string, b []byte) {
	if dir := os.Getenv("SWCERT_KEEP_PDF"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// A long work history runs over pages; the line to sign stays with the
// seal, on the last page, which reads and verifies.
func TestProfileFormOverPages(t *testing.T) {
	in := dossierInstallation(t)
	h := filledDossier(t, in)
	for y := 1980; y < 2015; y++ {
		w := &data.WorkEntry{HolderID: h.ID, Org: fmt.Sprintf("第%d社区服务站", y), Position: "社工", StartOn: data.NewDate(y, 1, 1), EndOn: data.NewDate(y, 12, 31)}
		if err := in.db.CreateWorkEntry(ctx, w); err != nil {
			t.Fatal(err)
		}
	}
	b, _, err := in.svc.ExportProfile(ctx, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	flat := pdfText(t, b)
	for y := 1980; y < 2015; y++ {
		if n := strings.Count(flat, fmt.Sprintf("第%d社区服务站", y)); n != 1 {
			t.Fatalf("entry %d on the form %d times", y, n)
		}
	}
	last := pageText(t, b, "")
	if !strings.Contains(last, "本人签名") || !strings.Contains(last, "签名二维码") {
		t.Errorf("the last page lacks the line to sign or the seal:\n%s", last)
	}
	v, err := in.svc.Verify(ctx, []byte(sealOnPage(t, b)))
	if err != nil || !v.Valid || v.Profile.Work != 37 || v.MatchesRecord == nil || !*v.MatchesRecord {
		t.Fatalf("verdict %+v %v", v, err)
	}
}

// pageText is the text of one page ("": the last), spaces removed.
func pageText(t *testing.T, b []byte, p string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if p == "" {
		p = lastPage(t, path)
	}
	out, err := exec.Command("pdftotext", "-raw", "-f", p, "-l", p, path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}
