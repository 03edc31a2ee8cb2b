package pdf

import (
	"crypto/ed25519"
	"image"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/seal"
)

// exportedAt is given in UTC, as a machine set to UTC has it: the page must
// still print Beijing time (10:30) and say so.
var exportedAt = time.Date(2026, 11, 22, 2, 30, 0, 0, time.UTC)

// longIssuer wraps over several lines: every character must survive.
const longIssuer = "中华人民共和国人力资源和社会保障部、中华人民共和国民政部联合颁发（本行用于检验长字段换行时不丢失任何一个汉字：甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥）"

func sampleDoc(t testing.TB) (*data.CertDocument, *data.SealKey) {
	t.Helper()
	// A fixed key: the same seal, the same QR code, every run.
	priv := ed25519.NewKeyFromSeed([]byte("swcert test key, not a secret..."))
	pub := priv.Public().(ed25519.PublicKey)
	key := &data.SealKey{KID: data.KeyID(pub), Name: "阳光社工中心", Own: true, Public: pub, Private: priv}
	done := exportedAt.Add(-48 * time.Hour)
	ann := &data.Annotation{ID: 1, CertID: 1, Scene: data.SceneSelf, Days: 90, AppliedAt: done.Add(-2 * time.Hour), CompletedAt: &done}
	return &data.CertDocument{
		Holder: data.Holder{Name: "欧阳娜娜", IDNumber: "11010519491231002X"},
		Certificate: data.Certificate{ID: 1, Level: data.LevelSocialWorker, MNo: "2022S1100001", ExamYear: 2022,
			PassedOn: data.NewDate(2022, 9, 20), IssuedOn: data.NewDate(2022, 12, 1), Issuer: longIssuer, Status: data.StatusValid},
		Annotation: ann,
		ExportedAt: exportedAt,
		ExportedBy: key.Name,
		KID:        key.KID,
	}, key
}

func renderSample(t testing.TB) (string, *data.CertDocument, *data.SealKey, string) {
	t.Helper()
	doc, key := sampleDoc(t)
	jws, err := seal.Sign(doc.Claims(), key)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Certificate(doc, sealPNG(jws))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cert.pdf")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("SWCERT_KEEP_PDF"); dir != "" { // to look at it
		_ = os.WriteFile(filepath.Join(dir, "cert.pdf"), b, 0o644)
	}
	return path, doc, key, jws
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is not installed (make test-deps installs it)", name)
	}
	cmd := exec.Command(name, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr // zbarimg talks about D-Bus there
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, stderr.String())
	}
	return string(out)
}

func TestCertificateTextIsComplete(t *testing.T) {
	path, doc, _, _ := renderSample(t)
	// -raw keeps the order the page was drawn in: a wrapped field's lines
	// come one after the other.
	text := tool(t, "pdftotext", "-raw", path, "-")
	flat := strings.Join(strings.Fields(text), "")
	for _, want := range []string{
		"社会工作者职业水平证书", "欧阳娜娜", "110105********002X", "社会工作师", "中级", "2022S1100001", "2022年",
		"2022年9月20日", "2022年12月1日", "有效", "本人调用", "加注有效期", "90天）", doc.KID,
		"2026-11-22 10:30:00 北京时间", "2026-11-20 10:30 至 2027-02-18 10:30（北京时间，90 天）",
		"它不是发证机构的记录", "not the issuing authority's record",
		strings.Join(strings.Fields(longIssuer), ""),
	} {
		if !strings.Contains(flat, strings.Join(strings.Fields(want), "")) {
			t.Errorf("the page lacks %q; pdftotext gave:\n%s", want, text)
		}
	}
	if strings.Contains(text, "11010519491231002X") {
		t.Error("the full ID number is on the page")
	}
	// The long issuing body really wrapped: it spans several lines.
	lines := 0
	for _, l := range strings.Split(text, "\n") {
		if strings.ContainsAny(l, "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥人民共和国") {
			lines++
		}
	}
	if lines < 2 {
		t.Errorf("the issuing body did not wrap (%d lines)", lines)
	}
}

func TestFontEmbedded(t *testing.T) {
	path, _, _, _ := renderSample(t)
	out := tool(t, "pdffonts", path)
	// name, type, encoding, emb, sub, uni: embedded, with a Unicode map (so
	// text can be copied and searched). fpdf does not tag the subset's name,
	// so pdffonts says "sub no"; the file's size shows it is one.
	var row []string
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) >= 7 && strings.Contains(f[0], fontFamily) {
			row = f
		}
	}
	if row == nil || row[len(row)-5] != "yes" || row[len(row)-3] != "yes" || !strings.Contains(row[1]+row[2], "TrueType") {
		t.Errorf("font not embedded as TrueType with a Unicode map:\n%s", out)
	}
	if st, _ := os.Stat(path); st.Size() > 150_000 {
		t.Errorf("the PDF is %d bytes: the 4.6 MB font was not cut down", st.Size())
	}
}

func TestSealReadsBackFromRenderedPage(t *testing.T) {
	path, doc, key, jws := renderSample(t)
	prefix := filepath.Join(t.TempDir(), "page")
	tool(t, "pdftoppm", "-r", "150", "-png", "-singlefile", path, prefix)
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	got, err := seal.ReadQR(img)
	if err != nil {
		t.Fatalf("gozxing cannot read the seal on the 150 dpi page: %v", err)
	}
	if got != jws {
		t.Fatalf("decoded %q, want the signed seal", got)
	}
	zbar := strings.TrimSpace(strings.TrimPrefix(tool(t, "zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", prefix+".png"), "QR-Code:"))
	if zbar != jws {
		t.Errorf("zbarimg read %q", zbar)
	}
	tok, err := seal.Parse(got)
	if err != nil || !tok.Verify(key.Public) || tok.Header.Kid != key.KID[:seal.KIDChars] {
		t.Fatalf("seal does not verify: %v", err)
	}
	claims, err := data.ParseSealPayload(tok.Payload)
	if err != nil || claims.Cert == nil || claims.Cert.Hash != doc.Hash() || claims.Cert.IDMasked != "110105********002X" || claims.Cert.Format != data.SealFormat {
		t.Errorf("claims %+v: %v", claims, err)
	}
	// The QR is an image in the PDF that the verifier can read without a renderer.
	b, _ := os.ReadFile(path)
	imgs, err := Images(b)
	if err != nil || len(imgs) == 0 {
		t.Fatalf("images in the PDF: %d, %v", len(imgs), err)
	}
	if got, err := seal.ReadQR(imgs[0]); err != nil || got != jws {
		t.Errorf("seal from the PDF's image: %v", err)
	}
}

func TestWrapLines(t *testing.T) {
	width := func(s string) float64 { return float64(len([]rune(s))) } // one unit a character
	cases := []struct {
		in   string
		w    float64
		want []string
	}{
		{"甲乙丙丁戊己庚", 3, []string{"甲乙丙", "丁戊", "己庚"}}, // no character alone on the last line
		{"the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"证书 valid only", 9, []string{"证书 valid", "only"}},
		{"abcdefghijkl", 5, []string{"abcde", "fghij", "kl"}},
		{"甲乙丙丁），戊", 4, []string{"甲乙丙", "丁），戊"}},                                              // no line starts with ）
		{"至 2027-02-20 10:00（北京时间，90 天）", 19, []string{"至 2027-02-20 10:00", "（北京时间，90 天）"}}, // no line ends with （
		{"有效期为 90 天）。", 9, []string{"有效期为", "90 天）。"}},                                       // ）。 stay with 天, and 天 is not alone
		{"本导出件仅在加注有效期内有效。", 7, []string{"本导出件仅在加", "注有效期内", "有效。"}},                          // not 效。 alone
		{"请填写《申请表》并签名", 4, []string{"请填写", "《申请", "表》并", "签名"}},                              // 《 goes down with what it opens
		{"2026-11-22", 4, []string{"2026", "-11-", "22"}},                                    // a piece too wide breaks where it must
		{"第一行\n第二行", 10, []string{"第一行", "第二行"}},
	}
	for _, tc := range cases {
		got := wrapLines(tc.in, tc.w, width)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrap %q at %v: %q, want %q", tc.in, tc.w, got, tc.want)
		}
		if strings.ReplaceAll(strings.Join(got, ""), " ", "") != strings.NewReplacer(" ", "", "\n", "").Replace(tc.in) {
			t.Errorf("wrap %q lost characters: %q", tc.in, got)
		}
	}
}

// BenchmarkExportCertificate: one certificate page after the first (the
// font's directory and map are read once per process).
func BenchmarkExportCertificate(b *testing.B) {
	// The window runs with the collector at 400% under a limit of 128 MiB
	// while idle (app/memory.go): fpdf allocates ~10 MB a page against a
	// live heap of a few MB.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(128 << 20))
	doc, key := sampleDoc(b)
	jws, err := seal.Sign(doc.Claims(), key)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := Certificate(doc, sealPNG(jws)); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Certificate(doc, sealPNG(jws)); err != nil {
			b.Fatal(err)
		}
	}
}

// sealPNG draws the seal as the exporter does (data/docs).
func sealPNG(jws string) func() ([]byte, error) {
	return func() ([]byte, error) { return seal.QRPNG(jws, 4) }
}
