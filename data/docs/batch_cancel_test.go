package docs

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A cancel that stops a document being made leaves no ZIP. That document
// comes back too (as an error), and the batch once counted it among the
// results: with every result in, it called the ZIP complete and wrote it
// without the document ("Wrote 3 PDFs, skipped 0" of 4, seen in the
// window's test under load).
func TestCancelDuringTheLastDocumentLeavesNoZip(t *testing.T) {
	c, cancel := context.WithCancel(context.Background())
	defer cancel()
	quick := func(context.Context) ([]byte, error) { return []byte("%PDF-1.7"), nil }
	stopped := func(ctx context.Context) ([]byte, error) { <-ctx.Done(); return nil, ctx.Err() }
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	jobs := []batchJob{{file: "a.pdf", at: at, make: quick}, {file: "b.pdf", at: at, make: quick}, {file: "c.pdf", at: at, make: stopped}}
	dir := t.TempDir()
	out := filepath.Join(dir, "all.zip")
	res, err := runBatch(c, jobs, out, func(done, total int) {
		if done == 2 {
			cancel()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Canceled || len(res.Written) != 0 {
		t.Errorf("result %+v: want canceled, nothing written", res)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left in the folder: %v", entries)
	}
}
