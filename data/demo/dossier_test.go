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

var (
	ctx = context.Background()
	now = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
)

// fileStore is a new file store at now that keeps proof files.
func fileStore(t *testing.T) (*store.DB, *proofs.Store) {
	t.Helper()
	dir := t.TempDir()
	db, err := store.Open(filepath.Join(dir, "demo.db"), func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	kept := &proofs.Store{Dir: filepath.Join(dir, "proofs")}
	if err := db.UseProofFiles(ctx, kept); err != nil {
		t.Fatal(err)
	}
	return db, kept
}

// A demo of a few thousand holders loads into a real store with its
// files: some dossiers complete, some not, agency changes with one under
// review at least, projects with participants and service records, and
// only a handful of files however many holders have photos.
func TestDemoDossiersLoadIntoTheStore(t *testing.T) {
	db, kept := fileStore(t)
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

// A load of more holders than a part writes each part before the next
// is made: the holders are those Generate makes from the load's seed, in
// order, the photos follow the record's place in the whole load (not in
// its part), and the projects, worked out from the saved IDs of every
// part, are there.
func TestDemoLoadsAPartAtATime(t *testing.T) {
	db, _ := fileStore(t)
	const holders = 2*PartSize + 7
	if n, err := Load(ctx, db, holders, now); err != nil || n != holders {
		t.Fatalf("loaded %d: %v", n, err)
	}
	if n, err := db.CountHolders(ctx, data.HolderFilter{}); err != nil || n != holders {
		t.Fatalf("%d holders saved (%v), want %d", n, err, holders)
	}
	want := Generate(holders, now.UnixNano(), data.DateOf(now))
	photos := 0
	for i := 2*PartSize - 20; i < holders; i++ {
		h, err := db.Holder(ctx, int64(i+1))
		if err != nil || h.IDNumber != want[i].Holder.IDNumber {
			t.Fatalf("holder %d: %v %v, want %s", i+1, h, err, want[i].Holder.IDNumber)
		}
		d, err := db.Dossier(ctx, h.ID)
		if err != nil {
			t.Fatal(err)
		}
		if has, should := d.Profile.Photo != nil, want[i].Profile != nil && i%9 != 4; has != should {
			t.Errorf("holder %d (record %d): photo %v, want %v", h.ID, i, has, should)
		}
		if d.Profile.Photo != nil {
			photos++
		}
	}
	if photos == 0 {
		t.Error("no photo among the last part's holders")
	}
	if n, err := db.CountProjects(ctx, data.ProjectFilter{}); err != nil || n != holders/25 {
		t.Errorf("%d projects (%v), want %d", n, err, holders/25)
	}
}
