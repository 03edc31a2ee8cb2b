package sqlite

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/demo"
)

func TestZZTrig(t *testing.T) {
	if os.Getenv("PROF_TRIG") == "" {
		t.Skip()
	}
	recs := demo.Generate(20000, 1, data.DateOf(testNow))
	for _, drop := range []bool{false, true} {
		db, _ := Open(filepath.Join(t.TempDir(), "x.db"), func() time.Time { return testNow })
		if drop {
			rows, _ := db.sql.Query(`SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE '%attention%'`)
			var names []string
			for rows.Next() {
				var n string
				rows.Scan(&n)
				names = append(names, n)
			}
			rows.Close()
			for _, n := range names {
				db.sql.Exec("DROP TRIGGER " + n)
			}
		}
		start := time.Now()
		if err := db.CreateHolderRecords(ctx, recs); err != nil {
			t.Fatal(err)
		}
		t.Logf("drop=%v %v", drop, time.Since(start))
		db.Close()
	}
}
