package store

import "database/sql"

func migratePostgres(db *sql.DB) error { return nil }
