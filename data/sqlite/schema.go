package sqlite

import (
	"io/fs"
	"strconv"
	"strings"
)

// keyMigrationVersion is the Go migration that moves the key to its file.
const keyMigrationVersion = 9

// SchemaVersion is the newest migration this build knows: a database (or
// a backup of one) at a later version was made by a later SWCert.
func SchemaVersion() int64 {
	v := int64(keyMigrationVersion)
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	for _, n := range names {
		num, _, _ := strings.Cut(strings.TrimPrefix(n, "migrations/"), "_")
		if x, err := strconv.ParseInt(num, 10, 64); err == nil && x > v {
			v = x
		}
	}
	return v
}
