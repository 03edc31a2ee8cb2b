package sqlite

import (
	"os"
	"testing"
	"time"
)

func TestZZProf(t *testing.T) {
	path := os.Getenv("PROF_DB")
	if path == "" {
		t.Skip()
	}
	at, _ := time.ParseInLocation("2006-01-02", os.Getenv("PROF_AT"), time.Local)
	db, err := Open(path, func() time.Time { return at })
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	stale, _ := db.staleHolders(ctx, at)
	t.Logf("%d stale", len(stale))
	if err := db.RefreshAttention(ctx, at); err != nil {
		t.Fatal(err)
	}
	t.Logf("refresh %v", time.Since(start))
}
