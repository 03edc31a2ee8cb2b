package backup

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzInspect feeds the restore's reader any bytes as a backup: it never
// panics, and what it does not take is a refusal that says why, never an
// internal error.
func FuzzInspect(f *testing.F) {
	fx := newFixture(f)
	good, err := os.ReadFile(fx.backup(f))
	if err == nil {
		f.Add(good)
		f.Add(good[:len(good)-22]) // without the end of the central directory
	}
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "b.zip")
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Inspect(ctx, p, dir)
		if err != nil && errKind(err) == "" {
			t.Errorf("an internal error for a hostile backup: %v", err)
		}
	})
}
