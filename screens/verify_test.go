package screens

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/i18n"
)

// waitFor polls until cond holds (verification runs off the UI goroutine).
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for i := 0; i < 200; i++ {
		if cond() {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatal("timed out")
}

func TestPasteForgedSeal(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	s := NewVerify(f.svc, f.win)
	f.win.SetContent(s.Content())
	// A well-formed seal (a 64-byte signature) of a key not known here.
	test.Type(s.paste, "eyJhbGciOiJFZERTQSJ9.eyJkb2MiOiJzd2NlcnQvY2VydCJ9."+strings.Repeat("A", 86))
	test.Tap(findButton(s.Content(), "核验"))
	// Unknown is not invalid: the person reads that the issuer cannot be
	// confirmed, and how to confirm it.
	waitFor(t, func() bool { return strings.Contains(s.verdict.Text, "无法确认签发者") })
	if strings.Contains(s.verdict.Text, "无效") || !strings.Contains(s.reason.Text, "信任导出该文件") {
		t.Errorf("verdict %q, advice %q", s.verdict.Text, s.reason.Text)
	}
	checks := collectText(s.checks)
	for _, want := range []string{"完整性", "✔  印章完整", "签名", "?  没有签名者的公钥", "签发者", "由未知密钥", "有效期", "本数据库", "未比对"} {
		if !strings.Contains(checks, want) {
			t.Errorf("the checks lack %q:\n%s", want, checks)
		}
	}
	if strings.Contains(checks, "没有该管理号") {
		t.Errorf("an unconfirmed seal claims the certificate is missing:\n%s", checks)
	}
}

func TestKeysExportTrustUntrust(t *testing.T) {
	f := newFixture(t, i18n.English)
	other := newFixture(t, i18n.English)
	s := NewVerify(f.svc, f.win)
	f.win.SetContent(s.Content())
	if len(s.keys) != 1 || !s.keys[0].Own {
		t.Fatalf("keys %+v", s.keys)
	}
	// The other installation, named in its Settings, exports its public
	// key through its own tab.
	if _, err := other.db.SetOwnKeyName(context.Background(), "同心社会工作服务中心"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "other.jwk")
	NewVerify(other.svc, other.win).exportKeyTo(path)
	jwk, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(jwk), `"kty": "OKP"`) {
		t.Fatalf("exported %s %v", jwk, err)
	}
	s.askKeyName(jwk)
	entry := findEntry(f.win.Canvas().Overlays().Top())
	if got := NewVerify(other.svc, other.win).keyFileName(); got != "SWCert public key-同心社会工作服务中心.jwk" {
		t.Errorf("the key file is suggested as %q", got)
	}
	if entry.Text != "同心社会工作服务中心" {
		t.Errorf("the name the file suggests is not offered: %q", entry.Text)
	}
	entry.SetText("")
	f.tapDialogButton("Trust a key…") // no name: refused, said in the dialog
	if !strings.Contains(f.dialogText(), "Required") {
		t.Errorf("empty name not explained: %q", f.dialogText())
	}
	if keys, _ := f.db.Keys(context.Background()); len(keys) != 1 {
		t.Fatalf("trusted without a name: %+v", keys)
	}
	test.Type(entry, "同心社工中心")
	f.tapDialogButton("Trust a key…")
	keys, _ := f.db.Keys(context.Background())
	if len(keys) != 2 || keys[1].Name != "同心社工中心" || len(s.keys) != 2 {
		t.Fatalf("keys after trust %+v", keys)
	}
	s.askUntrust(keys[1].KID)
	f.tapDialogButton("Remove")
	if keys, _ := f.db.Keys(context.Background()); len(keys) != 1 {
		t.Errorf("keys after untrust %+v", keys)
	}
}

// A photo whose header claims 65,500×65,500 pixels is refused before it is
// decoded, and the person reads its size, the limit and what to do.
func TestVerifyHugeImageSaysItsSize(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	s := NewVerify(f.svc, f.win)
	f.win.SetContent(s.Content())
	var j bytes.Buffer
	if err := jpeg.Encode(&j, image.NewGray(image.Rect(0, 0, 16, 16)), nil); err != nil {
		t.Fatal(err)
	}
	b := j.Bytes()
	i := bytes.Index(b, []byte{0xFF, 0xC0}) // the frame header: height, then width
	binary.BigEndian.PutUint16(b[i+5:], 65500)
	binary.BigEndian.PutUint16(b[i+7:], 65500)
	s.verify(b)
	waitFor(t, func() bool { return s.reason.Text != "" })
	if want := "图片为 65,500×65,500 像素（4,290 百万像素），SWCert 最多读取 25 百万像素。请以不超过 300 dpi 扫描"; !strings.HasPrefix(s.reason.Text, want) {
		t.Errorf("reason %q, want it to begin %q", s.reason.Text, want)
	}
}
