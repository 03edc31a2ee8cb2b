package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/swcert/swcert/data/pgtest"
)

// The tests of this package are the store's contract: they run twice, on
// a SQLite file and on a real PostgreSQL server (data/pgtest), unless
// SWCERT_TEST_STORE names one of them. A test of what only a file has
// (its header, its encryption, its journal) says so with fileOnly; on the
// server it is skipped with that reason, never for want of a server:
// a server that cannot be started fails the tests that need it.

// under is the store the tests are running on.
var under = "sqlite"

func TestMain(m *testing.M) {
	stores := []string{"sqlite", "postgres"}
	if s := os.Getenv("SWCERT_TEST_STORE"); s != "" {
		stores = []string{s}
	}
	code := 0
	for _, s := range stores {
		under = s
		fmt.Printf("=== the store contract on %s\n", s)
		if c := m.Run(); c != 0 {
			code = c
		}
	}
	pgtest.Stop()
	os.Exit(code)
}

// onServer says whether the tests run on PostgreSQL.
func onServer() bool { return under == "postgres" }

// fileOnly skips, on the server, a test of what only a SQLite file has.
func fileOnly(t testing.TB, why string) {
	t.Helper()
	if onServer() {
		t.Skipf("a SQLite file's: %s", why)
	}
}

// newTarget is where a test's new, empty store is: a file in the test's
// folder, or a database of its own on the server.
func newTarget(t testing.TB) string {
	t.Helper()
	if onServer() {
		return pgtest.Database(t)
	}
	return filepath.Join(t.TempDir(), "swcert.db")
}

// keyFiles: one installation's key file a target (on the server), so a
// store opened again is the same installation.
var keyFiles sync.Map

// openTarget opens the store at target as the tests' installation.
func openTarget(t testing.TB, target string, clock func() time.Time, opts ...Option) (*DB, error) {
	t.Helper()
	if IsServer(target) {
		k, _ := keyFiles.LoadOrStore(target, filepath.Join(t.TempDir(), "installation.key"))
		opts = append([]Option{WithKeyFile(k.(string))}, opts...)
	}
	return Open(target, clock, opts...)
}

// comparing marks a test that compares the two schemas side by side: it
// runs once, in the server's pass.
func comparing(t testing.TB) {
	t.Helper()
	if !onServer() {
		t.Skip("compares SQLite with PostgreSQL: in the server's pass")
	}
}
