package store

import (
	"testing"

	"github.com/swcert/swcert/data/pgtest"
)

// The PostgreSQL tests share one throwaway server, stopped at the end.
func TestMain(m *testing.M) { pgtest.Main(m) }
