package store

import (
	"context"
	"testing"

	"github.com/swcert/swcert/data"
)

// A form asks whether the holder it shows is among a search's results
// (HolderFilter.HolderID): 1 when they match, 0 when not, whatever else
// matches.
func TestCountHoldersOfOneHolder(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	zhang := mustCreateHolder(t, db, holder("张伟", "11010519491231002X"))
	mustCreateHolder(t, db, holder("李娜", "110105194912310038"))
	for _, c := range []struct {
		search string
		want   int
	}{{"", 1}, {"  ", 1}, {"张", 1}, {"李", 0}, {"nobody", 0}} {
		n, err := db.CountHolders(ctx, data.HolderFilter{Search: c.search, HolderID: zhang.ID})
		if err != nil || n != c.want {
			t.Errorf("search %q: %d, %v; want %d", c.search, n, err, c.want)
		}
	}
	if n, err := db.CountHolders(ctx, data.HolderFilter{HolderID: 999}); err != nil || n != 0 {
		t.Errorf("no such holder: %d, %v", n, err)
	}
}
