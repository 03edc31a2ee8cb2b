package demo

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/swcert/swcert/data"
)

// The demo's photos pass the photo rule (JPEG or PNG, at most 500 KB,
// 5:7 portrait, a short side of at least 295 px) and are small.
func TestDemoPhotosPassThePhotoRule(t *testing.T) {
	for _, p := range Photos() {
		info, err := data.CheckPhoto(p.Data)
		if err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
		if info.Bytes > 100_000 || info.Width != PhotoWidth {
			t.Errorf("%s: %+v", p.Name, info)
		}
	}
	for _, p := range []data.Proof{WorkProof(), HonourProof()} {
		if _, err := png.Decode(bytes.NewReader(p.Data)); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
	}
	if dir := os.Getenv("SWCERT_DEMO_PHOTO_DIR"); dir != "" { // to look at them
		for _, p := range append(Photos(), WorkProof(), HonourProof()) {
			os.WriteFile(filepath.Join(dir, p.Name), p.Data, 0o600)
		}
	}
}
