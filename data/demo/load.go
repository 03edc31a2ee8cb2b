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

// Load adds n fake holders with their certificates and personal
// information in one transaction, then projects with their service
// records in another, and returns how many holders were added. The seed
// comes from now, so a second load adds other people; should they collide
// with saved numbers, it tries another seed rather than failing. Photos
// and proof files come along when the store keeps files.
func Load(ctx context.Context, svc data.HolderService, n int, now time.Time) (int, error) {
	var err error
	for attempt := int64(0); attempt < 5; attempt++ {
		seed := now.UnixNano() + attempt*7919
		recs := Generate(n, seed, data.DateOf(now))
		if k, ok := svc.(keepsFiles); ok && k.KeepsProofFiles() {
			AttachFiles(recs)
		}
		if err = svc.CreateHolderRecords(ctx, recs); data.ErrorCode(err) != data.ECONFLICT {
			if err != nil {
				return 0, err
			}
			return len(recs), loadProjects(ctx, svc, recs, seed, data.DateOf(now))
		}
	}
	return 0, err
}
