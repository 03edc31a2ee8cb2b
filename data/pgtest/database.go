package pgtest

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
)

// shared is the cluster of a test binary (Main), started on first use.
var (
	shared    *Cluster
	sharedErr error
	once      sync.Once
	databases atomic.Int64
)

// Main runs a package's tests and stops the cluster they started:
//
//	func TestMain(m *testing.M) { pgtest.Main(m) }
func Main(m *testing.M) {
	code := m.Run()
	Stop()
	os.Exit(code)
}

// Stop stops the package's cluster, if one was started (for a TestMain
// that runs the tests more than once).
func Stop() {
	if shared != nil {
		shared.Stop()
	}
}

// Database is a new, empty database on the package's cluster, owned by the
// cluster's superuser, for one test: its connection string. The test fails
// (never skips) when no server can be started.
func Database(t testing.TB) string {
	t.Helper()
	once.Do(func() { shared, sharedErr = Start() })
	if sharedErr != nil {
		t.Fatalf("PostgreSQL is needed for this test and could not be started: %v", sharedErr)
	}
	name := fmt.Sprintf("test_%d_%d", os.Getpid(), databases.Add(1))
	conn, err := pgx.Connect(context.Background(), shared.DSN("postgres", ""))
	if err != nil {
		t.Fatalf("PostgreSQL: %v", err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatalf("PostgreSQL: create database: %v", err)
	}
	return shared.DSN(name, "")
}

// Shared is the package's cluster (starting it), for tests that make roles
// or connect as other users.
func Shared(t testing.TB) *Cluster {
	t.Helper()
	once.Do(func() { shared, sharedErr = Start() })
	if sharedErr != nil {
		t.Fatalf("PostgreSQL is needed for this test and could not be started: %v", sharedErr)
	}
	return shared
}
