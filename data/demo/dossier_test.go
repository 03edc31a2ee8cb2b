package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/data/store"
)

// A demo of a few thousand holders loads into a real store with its
// files: some dossiers complete, some not, agency changes with one under
// review at least, projects with participants and service records, and
// only a handful of files however many holders have photos.
func TestDemoDossiersLoadIntoTheStore(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	db, err := store.Open(filepath.Join(dir, "demo.db"), func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	kept := &proofs.Store{Dir: filepath.Join(dir, "proofs")}
	if err := db.UseProofFiles(ctx, kept); err != nil {
		t.Fatal(err)
	}
	n, err := Load(ctx, db, 3000, now)
	if err != nil || n != 3000 {
		t.Fatalf("loaded %d: %v", n, err)
	}
	complete, incomplete, none := 0, 0, 0
	for id := int64(1); id <= 300; id++ {
		d, err := db.Dossier(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case d.Complete():
			complete++
			if d.Profile.FirstRegOn.IsZero() {
				t.Errorf("holder %d complete without a first registration time", id)
			}
		case len(d.Missing) >= 5:
			none++
		default:
			incomplete++
		}
	}
	if complete < 150 || incomplete < 20 || none < 10 {
		t.Errorf("of 300: %d complete, %d incomplete, %d with nothing", complete, incomplete, none)
	}
	pending, err := db.Transfers(ctx, 0)
	if err != nil || len(pending) == 0 {
		t.Errorf("changes under review: %d %v", len(pending), err)
	}
	total, _ := db.CountProjects(ctx, data.ProjectFilter{})
	sanqu := data.ProgrammeSanqu
	inSanqu, _ := db.CountProjects(ctx, data.ProjectFilter{Programme: &sanqu})
	ps, _ := db.FindProjects(ctx, data.ProjectFilter{Limit: 1})
	if total != 120 || inSanqu == 0 || len(ps) != 1 || ps[0].Participants < 3 || ps[0].Hours.IsZero() {
		t.Errorf("%d projects, %d 三区计划, first %+v", total, inSanqu, ps)
	}
	entries, _ := filepath.Glob(filepath.Join(kept.Dir, "*.png"))
	if len(entries) == 0 || len(entries) > 5 {
		t.Errorf("%d files for the demo's photos and proofs", len(entries))
	}
}
