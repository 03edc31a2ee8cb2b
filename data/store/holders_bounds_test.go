package store

import (
	"context"
	"math"
	"testing"

	"github.com/swcert/swcert/data"
)

// A page that lies past the end is empty, however far: offset plus limit
// overflowed and panicked (holder list --search 张 --offset 9223372036854775807).
func TestFindHoldersPastTheEndIsEmpty(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if err := db.CreateHolder(ctx, &data.Holder{Name: "张伟", IDNumber: "11010519491231002X"}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []data.HolderFilter{
		{Search: "张", Offset: math.MaxInt, Limit: 20},
		{Search: "张", Offset: 1, Limit: math.MaxInt},
		{Search: "张", Offset: math.MaxInt, Limit: math.MaxInt},
		{Offset: math.MaxInt, Limit: math.MaxInt},
	} {
		hs, err := db.FindHolders(ctx, f)
		if err != nil || len(hs) != 0 {
			t.Errorf("%+v: %d holders, %v", f, len(hs), err)
		}
	}
	if hs, err := db.FindHolders(ctx, data.HolderFilter{Search: "张", Limit: math.MaxInt}); err != nil || len(hs) != 1 {
		t.Errorf("the whole list: %d holders, %v", len(hs), err)
	}
}
