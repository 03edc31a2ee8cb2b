package app

import (
	"testing"

	"github.com/swcert/swcert/data/pgtest"
)

// The tests that need a PostgreSQL server share one throwaway server,
// stopped at the end (data/pgtest).
func TestMain(m *testing.M) { pgtest.Main(m) }
