package store

import (
	"database/sql"
	"testing"

	"github.com/swcert/swcert/data"
)

// holdWriteLock takes the database's write lock from another connection
// (another program) until release is called.
func holdWriteLock(t *testing.T, path string) (release func()) {
	t.Helper()
	other, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	release = func() {
		conn.ExecContext(ctx, "ROLLBACK")
		conn.Close()
		other.Close()
	}
	t.Cleanup(release)
	return release
}

// When another program holds the write lock past the busy timeout, a
// write says so (its own code, and a message that says what to do), and
// nothing is saved; once the other program is done, it works.
func TestWriteWhileAnotherProgramHoldsTheLock(t *testing.T) {
	fileOnly(t, "SQLite's write lock")
	db := openTest(t)
	release := holdWriteLock(t, db.path)
	h := holder("张伟", "11010519491231002X")
	err := db.CreateHolder(ctx, h)
	if e := data.AsError(err); e == nil || e.Code != data.EBUSY || e.Key != "err.db.busy" {
		t.Fatalf("write while locked: %v, want the busy error", err)
	}
	release()
	if n, _ := db.CountHolders(ctx, data.HolderFilter{}); n != 0 {
		t.Errorf("%d holders saved by the refused write", n)
	}
	if err := db.CreateHolder(ctx, holder("张伟", "11010519491231002X")); err != nil {
		t.Errorf("after the other program: %v", err)
	}
}
