package demo

import (
	"context"
	"time"

	"github.com/swcert/swcert/data"
)

const (
	// DefaultHolders is the size of the demo the menu and `swcert demo` load.
	DefaultHolders = 40
	// MaxHolders bounds `swcert demo --holders N` (benchmarks use 100,000).
	MaxHolders = 1_000_000
)

// Load adds n fake holders with their certificates in one transaction and
// returns how many were added. The seed comes from now, so a second load
// adds other people; should they collide with saved numbers, it tries
// another seed rather than failing.
func Load(ctx context.Context, svc data.HolderService, n int, now time.Time) (int, error) {
	var err error
	for attempt := int64(0); attempt < 5; attempt++ {
		recs := Generate(n, now.UnixNano()+attempt*7919, data.DateOf(now))
		if err = svc.CreateHolderRecords(ctx, recs); data.ErrorCode(err) != data.ECONFLICT {
			if err != nil {
				return 0, err
			}
			return len(recs), nil
		}
	}
	return 0, err
}
