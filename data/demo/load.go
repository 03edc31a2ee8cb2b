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
// records in another, and returns how many holders were added. The
// records are made and written a part at a time (Parts), so that a demo
// of 1,000,000 holders does not hold them all in memory. The seed comes
// from now, so a second load adds other people; should they collide with
// saved numbers, it tries another seed rather than failing. Photos and
// proof files come along when the store keeps files.
func Load(ctx context.Context, svc data.HolderService, n int, now time.Time) (int, error) {
	today := data.DateOf(now)
	k, ok := svc.(keepsFiles)
	files := ok && k.KeepsProofFiles()
	var err error
	for attempt := int64(0); attempt < 5; attempt++ {
		seed := now.UnixNano() + attempt*7919
		var saved members
		parts := func(yield func([]data.HolderRecord) bool) {
			saved = members{} // a transaction run again starts again
			first := 0
			for part := range Parts(n, seed, today) {
				if files {
					attachFiles(part, first)
				}
				first += len(part)
				if !yield(part) {
					return
				}
				saved.add(part) // written: their IDs are set
			}
		}
		if err = svc.CreateHolderRecordParts(ctx, parts); data.ErrorCode(err) != data.ECONFLICT {
			if err != nil {
				return 0, err
			}
			return n, loadProjects(ctx, svc, &saved, seed, today)
		}
	}
	return 0, err
}
