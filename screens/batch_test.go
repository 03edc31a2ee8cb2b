package screens

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// exportable adds n holders whose certificates may be downloaded.
func (f *fixture) exportable(n int) {
	f.t.Helper()
	for i := 0; i < n; i++ {
		first17 := "110105" + data.NewDate(1980, 1, 1).AddDays(i).Time().Format("20060102") + "123"
		h := f.addHolder("持证人"+string(rune('甲'+i)), first17+string(data.IDCheckChar(first17)))
		c := f.certOf(h, data.NewDate(2022, 9, 20))
		c.MNo = "2022S11" + string(rune('A'+i)) + "0001"
		if err := f.db.UpdateCertificate(context.Background(), c); err != nil {
			f.t.Fatal(err)
		}
		if _, err := f.db.ApplyAnnotation(context.Background(), c.ID, data.SceneSelf, 90); err != nil {
			f.t.Fatal(err)
		}
	}
	f.now = f.now.Add(25 * time.Hour)
}

func TestBatchExportAndCancel(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.exportable(6)
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()

	dir := t.TempDir()
	m.RunBatch(false, "", filepath.Join(dir, "all.zip"))
	if !strings.Contains(f.dialogText(), "Wrote 6 PDFs") {
		t.Fatalf("summary %q", f.dialogText())
	}
	if _, err := os.Stat(filepath.Join(dir, "all.zip")); err != nil {
		t.Fatal(err)
	}

	// Cancel half way: no ZIP is left, and the summary says so.
	m.onBatchProgress = func(b *Batch, done, total int) {
		if done == 3 {
			test.Tap(b.cancel)
		}
	}
	half := filepath.Join(dir, "half.zip")
	m.RunBatch(false, "", half)
	if _, err := os.Stat(half); !os.IsNotExist(err) {
		t.Errorf("a canceled ZIP was left: %v", err)
	}
	if !strings.Contains(f.dialogText(), "Canceled: no ZIP was written") {
		t.Errorf("summary after cancel %q", f.dialogText())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files in the folder: %v", entries)
	}
}
