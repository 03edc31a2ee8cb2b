package app

import (
	"testing"

	"github.com/swcert/swcert/data/pgtest"
)

// The tests that run a command on a PostgreSQL server start one
// (data/pgtest) on first use; it is stopped at the end.
func TestMain(m *testing.M) { pgtest.Main(m) }
