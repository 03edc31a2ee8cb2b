package store

import (
	"runtime"
	"testing"
	"weak"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/demo"
)

// A part of CreateHolderRecordParts is not kept once written: a demo of
// 1,000,000 holders kept every record's profile (the undo of its version)
// to the end of the load, 300 MB. The first part's profile is gone by the
// third part, and every holder is saved.
func TestHolderRecordPartsAreNotKeptOnceWritten(t *testing.T) {
	db := openTest(t)
	recs := demo.Generate(60, 5, data.DateOf(testNow))
	var profiles []data.Profile // values: the parts get their own copies
	var first weak.Pointer[data.Profile]
	for i := range recs {
		if recs[i].Profile != nil {
			profiles = append(profiles, *recs[i].Profile)
			recs[i].Profile = nil
		}
	}
	if len(profiles) < 30 {
		t.Fatalf("%d profiles", len(profiles))
	}
	parts := func(yield func([]data.HolderRecord) bool) {
		for p := range 3 {
			part := make([]data.HolderRecord, 10)
			copy(part, recs[p*10:])
			for i := range part {
				pr := profiles[p*10+i]
				part[i].Profile = &pr
			}
			if p == 0 {
				first = weak.Make(part[0].Profile)
			}
			if p == 2 {
				runtime.GC()
				if first.Value() != nil {
					t.Error("the first part's profile is still kept at the third part")
				}
			}
			if !yield(part) {
				return
			}
		}
	}
	if err := db.CreateHolderRecordParts(ctx, parts); err != nil {
		t.Fatal(err)
	}
	if n, err := db.CountHolders(ctx, data.HolderFilter{}); err != nil || n != 30 {
		t.Errorf("%d holders saved (%v), want 30", n, err)
	}
}
