package store

import (
	"context"
	"database/sql"
	"embed"

	"github.com/pressly/goose/v3"
)

// The PostgreSQL dialect of the schema (the agency's shared database):
// one baseline at version 13, then a file for every later SQLite
// migration, under the same number (migrations/postgres/README).
//
//go:embed migrations/postgres/*.sql
var postgresMigrations embed.FS

// migratePostgres brings a PostgreSQL database (opened with pgx's
// database/sql driver) to the newest schema.
func migratePostgres(db *sql.DB) error {
	p, err := goose.NewProvider(goose.DialectPostgres, db, mustSub(postgresMigrations, "migrations/postgres"))
	if err != nil {
		return err
	}
	_, err = p.Up(context.Background())
	return err
}
