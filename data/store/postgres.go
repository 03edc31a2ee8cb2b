package store

import (
	"context"
	"database/sql"
	"errors"
	"hash/fnv"
	"log"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/swcert/swcert/data"
)

// The agency edition: the same store on a PostgreSQL server that every
// office shares. What differs from a SQLite file is here: how it is
// opened, how writers are kept from overtaking each other's checks, how a
// change by another office is noticed, and the server's errors in words.
// The server keeps no encryption at rest of its own (its disks and TLS are
// the IT person's, README), and its backups are pg_dump's.

// IsServer says whether target names a PostgreSQL server (a postgres:// or
// postgresql:// URL) rather than a SQLite file.
func IsServer(target string) bool { return data.IsServerURL(target) }

// WithKeyFile is where the private signing key of this installation is
// kept when the store is a server: the database holds only public keys,
// every installation's, so that each office verifies the others' seals.
func WithKeyFile(path string) Option { return func(o *openOptions) { o.keyFile = path } }

func openPostgres(dsn string, now func() time.Time, opts []Option) (*DB, error) {
	var o openOptions
	for _, f := range opts {
		f(&o)
	}
	if o.keyFile == "" {
		return nil, errors.New("store: a server needs WithKeyFile for this installation's signing key")
	}
	if o.password != nil {
		u, err := url.Parse(dsn)
		if err != nil {
			return nil, data.Invalid("db", "err.server.host")
		}
		u.User = url.UserPassword(u.User.Username(), string(o.password))
		dsn = u.String()
	}
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, serverError(err)
	}
	ctx := context.Background()
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return nil, serverError(err)
	}
	if err := migratePostgres(pool); err != nil {
		pool.Close()
		return nil, serverError(err)
	}
	h := handle{pool, postgresSQL}
	if err := followRules(ctx, h); err != nil {
		pool.Close()
		return nil, serverError(err)
	}
	who, err := whoOnServer(ctx, h)
	if err != nil {
		pool.Close()
		return nil, serverError(err)
	}
	s := &DB{sql: h, keyPath: o.keyFile, now: now, vault: &vault{}, user: who}
	k, err := s.ownPublic(ctx)
	if err != nil {
		pool.Close()
		return nil, err
	}
	s.id = k.KID
	return s, nil
}

// serverError is a failure to reach or use the server, in words; the
// detail goes to the log (it may name the host, never a password: pgx
// leaves it out of its errors).
func serverError(err error) error {
	if data.AsError(err) != nil {
		return err
	}
	log.Printf("server: %v", err)
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000": // invalid_password, invalid_authorization_specification
			return data.Invalid("db", "err.server.login")
		case "3D000": // invalid_catalog_name
			return data.Invalid("db", "err.server.no_database")
		case "42501": // insufficient_privilege
			return refused(err)
		}
	}
	return &data.Error{Code: data.EINTERNAL, Key: "err.server.unreachable"}
}

// maxAttempts bounds how often a transaction that lost a race with
// another office is tried again.
const maxAttempts = 8

// serializable runs fn in a transaction that the server guarantees to be
// as if no other ran beside it (the annotation limit read and then
// written, as SQLite's single writer guarantees on a file). One that
// raced another is tried again from the start; fn reads everything it
// decides on inside the transaction, so a second run decides anew.
func (db *DB) serializable(ctx context.Context, fn func(*txn) error) error {
	var err error
	for attempt := range maxAttempts {
		var t *sql.Tx
		t, err = db.sql.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
		if err != nil {
			return internal("begin", err)
		}
		if err = db.run(ctx, t, fn); !raced(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(1+attempt*attempt) * 5 * time.Millisecond):
		}
	}
	log.Printf("store: gave up after %d attempts: %v", maxAttempts, err)
	return busyError()
}

// raced says whether err is the server's serialization failure or
// deadlock: another transaction won, this one is to be run again.
func raced(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// pgUnique names the table and column a unique violation of the server
// is about, as SQLite's message does; "" for another error.
func pgUnique(err error) (table, column string) {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "23505" {
		return "", ""
	}
	// Unique indexes are named for what they keep unique; a column's
	// UNIQUE is TABLE_COLUMN_key.
	switch pe.ConstraintName {
	case "holders_id_hash":
		return "holders", "id_hash"
	case "transfers_pending", "work_history_current":
		return pe.TableName, "holder_id"
	}
	return pe.TableName, strings.TrimSuffix(strings.TrimPrefix(pe.ConstraintName, pe.TableName+"_"), "_key")
}

// isUnique says whether err is a unique violation on the column of table,
// in either dialect.
func isUnique(err error, table, column string) bool {
	if err == nil {
		return false
	}
	if strings.Contains(err.Error(), "UNIQUE constraint failed: "+table+"."+column) {
		return true
	}
	t, c := pgUnique(err)
	return t == table && c == column
}

// isForeignKey says whether err is a reference to a row that is not there.
func isForeignKey(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23503"
	}
	return err != nil && strings.Contains(err.Error(), "FOREIGN KEY constraint failed")
}

// refused is what the server's roles or offices do not allow this login,
// saying who may: a holder of another office, what only an admin may
// (logins, keys, offices), or else a write only an editor may make.
func refused(err error) error {
	var pe *pgconn.PgError
	errors.As(err, &pe)
	key := "err.server.refused_editor"
	switch {
	case pe != nil && strings.Contains(pe.Message, "row-level security"):
		key = "err.server.other_office"
	case pe != nil && (strings.Contains(pe.Message, "seal_keys") || strings.Contains(pe.Message, "staff_offices") ||
		strings.Contains(pe.Message, "create role") || strings.Contains(pe.Message, "grant")):
		key = "err.server.refused_admin"
	}
	return &data.Error{Code: data.EINVALID, Field: "db", Key: key}
}

// serverVersion changes whenever a transaction that wrote to the server
// began or ended since it was last read: the snapshot lists the writers in
// progress and the next transaction number. Like SQLite's data_version it
// is read at once, with no notice to wait for, so a search right after a
// commit sees it; read-only transactions do not move it.
func serverVersion(ctx context.Context, conn *sql.Conn) (int64, error) {
	var snap string
	if err := conn.QueryRowContext(ctx, `SELECT pg_current_snapshot()::text`).Scan(&snap); err != nil {
		return 0, internal("data version", err)
	}
	h := fnv.New64a()
	h.Write([]byte(snap))
	return int64(h.Sum64() >> 1), nil
}

// serverHasNoEncryption refuses encryption at rest on a server: its
// disks, its backups and TLS keep it (the agency's IT person's), and one
// passphrase shared by every office would protect nothing.
func (db *DB) serverHasNoEncryption() error {
	if db.sql.dialect == postgresSQL {
		return data.Invalid("db", "err.server.no_encryption")
	}
	return nil
}

// isRefused says whether err is the server refusing this user the action.
func isRefused(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "42501"
}

// migratePostgres is written by the schema's own file (postgres_schema.go).

// WithPassword is the password of the server's login, for this Open only:
// it is not kept in the store, the URL or the preferences.
func WithPassword(p []byte) Option { return func(o *openOptions) { o.password = p } }
