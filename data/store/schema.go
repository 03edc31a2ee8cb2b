package store

import (
	"context"
	"database/sql"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/pressly/goose/v3"
)

// keyMigrationVersion is the Go migration that moves the key to its file.
const keyMigrationVersion = 10

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

// SchemaAt is the schema a database made by these migrations has at
// version v: each table, index, trigger and view with the SQL that made
// it, keyed by type and name. A database whose schema is not this is not
// SWCert's (or was changed by hand): a restore refuses it, since its
// triggers would run in every write of the app.
func SchemaAt(ctx context.Context, v int64) (map[string]string, error) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one in-memory database, not one per connection
	var moved bool
	p, err := goose.NewProvider(goose.DialectSQLite3, db, mustSub(migrations, "migrations"),
		goose.WithGoMigrations(keyMigration(os.DevNull, &moved))) // no key: nothing is moved
	if err != nil {
		return nil, err
	}
	if _, err := p.UpTo(ctx, v); err != nil {
		return nil, err
	}
	return ReadSchema(ctx, db)
}

// ReadSchema reads the schema of db as SchemaAt gives it.
func ReadSchema(ctx context.Context, db *sql.DB) (map[string]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var typ, name, text string
		if err := rows.Scan(&typ, &name, &text); err != nil {
			return nil, err
		}
		out[typ+" "+name] = text
	}
	return out, rows.Err()
}
