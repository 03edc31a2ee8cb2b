package store

import (
	"math"
	"slices"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/demo"
)

// EachSnapshot gives every holder once, in the list's order, a part of at
// most size holders at a time, each part's snapshot holding its holders
// and all their certificates, and no one else's (the roster of
// 1,000,000 holders reads a part at a time).
func TestEachSnapshotGivesTheListAPartAtATime(t *testing.T) {
	db := openTest(t)
	if err := db.CreateHolderRecords(ctx, demo.Generate(40, 9, data.DateOf(testNow))); err != nil {
		t.Fatal(err)
	}
	list, err := db.FindHolders(ctx, data.HolderFilter{Limit: math.MaxInt32})
	if err != nil {
		t.Fatal(err)
	}
	whole, err := db.snapshot(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	certs := 0
	err = db.EachSnapshot(ctx, 7, func(order []int64, s *data.Snapshot) error {
		if len(order) > 7 || len(s.Holders) != len(order) {
			t.Errorf("a part of %d holders, %d in its snapshot", len(order), len(s.Holders))
		}
		for _, id := range order {
			if s.Holders[id] == nil || s.Holders[id].IDNumber != whole.Holders[id].IDNumber {
				t.Errorf("holder %d: %+v", id, s.Holders[id])
			}
		}
		for _, c := range s.Certificates {
			if !slices.Contains(order, c.HolderID) {
				t.Errorf("certificate %d of holder %d in a part without them", c.ID, c.HolderID)
			}
		}
		certs += len(s.Certificates)
		got = append(got, order...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []int64
	for _, h := range list {
		want = append(want, h.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("holders in the order %v, the list's %v", got, want)
	}
	if certs != len(whole.Certificates) {
		t.Errorf("%d certificates in the parts, %d in all", certs, len(whole.Certificates))
	}
}
