// Package sqlite is the SWCert store: the data services on a local SQLite
// file (modernc.org/sqlite, pure Go), with the schema kept by embedded goose
// migrations. Every write normalizes and validates with the rules of data/
// against the store's clock before it touches the file, and writes that
// belong together share a transaction.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"net/url"
	"time"

	"github.com/pressly/goose/v3"
	"github.com/swcert/swcert/data"
	datafiles "github.com/swcert/swcert/data/files"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is an open store. It implements the services of data/.
type DB struct {
	sql  handle
	path string // the SQLite file; "" for a PostgreSQL server
	// keyPath is the file of the installation's private signing key
	// (KeyPath of the file; WithKeyFile for a server).
	keyPath string
	now     func() time.Time
	search  searchIndex
	// files keeps the proof files (UseProofFiles); id is this database's
	// own key, which names it to the folder of files.
	files data.ProofFiles
	id    string
	// unprotect lets outputs be written at the database's paths again
	// once it is closed (datafiles.ProtectDatabase).
	unprotect func()
	vault     *vault // the data key of an encrypted database (encryption.go)
	// user is who writes: the computer's user on a file, the login on a
	// server (records keep it as updated_by).
	user string
}

var (
	_ data.HolderService       = (*DB)(nil)
	_ data.CertificateService  = (*DB)(nil)
	_ data.AnnotationService   = (*DB)(nil)
	_ data.KeyService          = (*DB)(nil)
	_ data.RegistrationService = (*DB)(nil)
	_ data.CEService           = (*DB)(nil)
)

// Open opens (creating if needed) the store at path and brings its schema
// up to date. now is the clock every rule and timestamp uses. A file that
// is not a SWCert database is refused untouched (guard.go); an encrypted
// database needs WithPassphrase.
func Open(path string, now func() time.Time, opts ...Option) (*DB, error) {
	if now == nil {
		now = time.Now
	}
	if IsServer(path) {
		return openPostgres(path, now, opts)
	}
	state, err := inspect(path)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// WAL lets readers run beside the one writer; more connections than that
	// only add lock contention on a desktop. One more is held by the search.
	db.SetMaxOpenConns(5)
	// Stamped first: a first run killed during its migrations leaves a file
	// that is SWCert's by its header (unstamped, it was refused as another
	// application's at the next start).
	if err := stamp(context.Background(), db, state); err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	v, err := unlockWith(db, path, opts)
	if err != nil {
		db.Close()
		return nil, err
	}
	if err := migrate(db, path); err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	if err := followRules(context.Background(), handle{db, sqliteSQL}); err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	s := &DB{sql: handle{db, sqliteSQL}, path: path, keyPath: KeyPath(path), now: now, vault: v, user: whoOnFile()}
	k, err := s.ownPublic(context.Background())
	if err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	s.id = k.KID
	s.unprotect = datafiles.ProtectDatabase(path)
	return s, nil
}

// openError is a busy or damaged database in words; anything else as it
// was (logged by the caller).
func openError(path string, err error) error {
	switch {
	case isBusy(err):
		return busyError()
	case isDamaged(err):
		log.Printf("open %s: %v", path, err)
		return data.Invalid("db", "err.db.damaged", "Path", path)
	}
	return err
}

func dsn(path string) string {
	q := url.Values{}
	// secure_delete: what is deleted (an ID or phone number) is overwritten
	// with zeros, not left in free pages for anyone who reads the file.
	for _, p := range []string{"foreign_keys(1)", "journal_mode(WAL)", "busy_timeout(5000)", "synchronous(NORMAL)", "secure_delete(1)"} {
		q.Add("_pragma", p)
	}
	// Transactions take the write lock when they begin. They are used only
	// to write, and a rule checked inside one (the annotation limit) must
	// not be overtaken by another writer between its read and its write.
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

func migrate(db *sql.DB, path string) error {
	var keyMoved bool
	p, err := goose.NewProvider(goose.DialectSQLite3, db, mustSub(migrations, "migrations"),
		goose.WithGoMigrations(keyMigration(KeyPath(path), &keyMoved)))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(context.Background()); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if keyMoved {
		return purgeMovedKey(db)
	}
	return nil
}

// Close closes the file, after giving back the space of large deletions
// (vacuum.go).
func (db *DB) Close() error {
	db.search.close()
	if db.sql.dialect == sqliteSQL {
		db.vacuumIfWorth(context.Background())
	}
	if db.unprotect != nil {
		db.unprotect()
	}
	return db.sql.Close()
}

// Now is the store's clock.
func (db *DB) Now() time.Time { return db.now() }

func (db *DB) today() data.Date { return data.DateOf(db.now()) }

// stamp is how timestamps are stored: UTC text that sorts as time does.
func (db *DB) stamp() (time.Time, string) {
	t := db.now().UTC().Truncate(time.Millisecond)
	return t, t.Format(stampLayout)
}

const stampLayout = "2006-01-02T15:04:05.000Z07:00"

// parseStamp reads a stored timestamp into Beijing time, the zone in which
// the rules count days and times are shown.
func parseStamp(s string) time.Time {
	t, _ := time.Parse(stampLayout, s)
	return t.In(data.Beijing)
}

// tx runs fn in a transaction, committed only when fn returns nil. The
// proof files it kept for records it then did not save are removed (unless
// something else refers to them by then).
func (db *DB) tx(ctx context.Context, fn func(*txn) error) error {
	if db.sql.dialect == postgresSQL {
		return db.serializable(ctx, fn)
	}
	t, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return internal("begin", err)
	}
	return db.run(ctx, t, fn)
}

// readTx begins a transaction that only reads, so that what it reads in
// parts agrees: on a file a deferred BEGIN, which takes no write lock (the
// store's other transactions begin IMMEDIATE); on a server one snapshot.
func (db *DB) readTx(ctx context.Context) (*txn, error) {
	opts := &sql.TxOptions{ReadOnly: true}
	if db.sql.dialect == postgresSQL {
		opts.Isolation = sql.LevelRepeatableRead
	}
	t, err := db.sql.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &txn{Tx: t, dialect: db.sql.dialect}, nil
}

// bulkCache is the page cache of a transaction that writes many records
// at once (KiB, as PRAGMA cache_size takes it negative). With SQLite's
// default of 2 MiB such a transaction spills its pages to the WAL over and
// over: writing 30,000 demo holders with their dossiers took 23 s, 16.5 s
// with 64 MiB. The connection gets the default back after.
const bulkCache = 32 << 10

// bulkTx is tx on a connection with a larger page cache, for the writes
// of thousands of records in one transaction (demo data).
func (db *DB) bulkTx(ctx context.Context, fn func(*txn) error) error {
	if db.sql.dialect == postgresSQL {
		// The server sizes its own buffers. Its plan of a statement the
		// load runs again and again is made afresh each time: a plan
		// kept from the load's start, when the tables were small, reads
		// a whole table each time once it is large (00026 says more).
		return db.tx(ctx, func(tx *txn) error {
			if _, err := tx.ExecContext(ctx, `SET LOCAL plan_cache_mode = force_custom_plan`); err != nil {
				return internal("begin", err)
			}
			return fn(tx)
		})
	}
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return internal("begin", err)
	}
	defer conn.Close()
	var def int64
	if err := conn.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&def); err != nil {
		return internal("begin", err)
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = %d`, -bulkCache)); err != nil {
		return internal("begin", err)
	}
	defer conn.ExecContext(context.Background(), fmt.Sprintf(`PRAGMA cache_size = %d`, def))
	t, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return internal("begin", err)
	}
	return db.run(ctx, t, fn)
}

func (db *DB) run(ctx context.Context, t *sql.Tx, fn func(*txn) error) error {
	tx := &txn{Tx: t, dialect: db.sql.dialect}
	err := fn(tx)
	if err == nil {
		// The audit entries of the writes are sealed in the transaction
		// that made them (audit.go).
		err = db.sealAudit(ctx, tx)
	}
	if err != nil {
		t.Rollback()
	} else if err = t.Commit(); err != nil {
		err = internal("commit", err)
	}
	if err != nil {
		tx.undoStamps()
	}
	if err != nil && len(tx.kept) > 0 {
		_ = db.removeUnreferenced(ctx, tx.kept)
	}
	return err
}

// txn is a transaction that compiles each statement once. This driver
// compiles a statement again at every Exec otherwise, with the attention
// triggers it fires: that was two thirds of the time of writing 100,000
// demo holders.
type txn struct {
	*sql.Tx
	dialect dialect
	stmts   map[string]*sql.Stmt // closed by Commit or Rollback
	kept    []string             // hashes of the proof files written for this transaction
	// keptNow: those hashes, to write a file once however many records of
	// the transaction refer to it (a demo's 80,000 photos are 3 files).
	keptNow map[string]bool
	// stamps: the records' stamps as they were before this transaction's
	// writes moved them (versions.go), put back when it does not commit:
	// a transaction run again (a server's serialization failure) then
	// saves over the version read, not over one it never committed.
	stamps []stampWas
	// office: the login's office on a server, once read in this
	// transaction (a new holder's when none is given): an import of
	// 10,000 holders asked for it 10,000 times, a round trip each.
	office *string
}

func (t *txn) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	st, err := t.Tx.PrepareContext(ctx, t.dialect.rebind(query))
	if err != nil {
		return nil, err
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[query] = st
	return st, nil
}

func (t *txn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := t.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, t.dialect.values(args)...)
}

func (t *txn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := t.prepared(ctx, query)
	if err != nil {
		return t.Tx.QueryRowContext(ctx, t.dialect.rebind(query), t.dialect.values(args)...) // to carry the error
	}
	return st.QueryRowContext(ctx, t.dialect.values(args)...)
}

func (t *txn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := t.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, t.dialect.values(args)...)
}

// mapError turns a constraint failure into the application error a person
// can act on; anything else stays an internal error (logged, never shown).
func mapError(op string, err error) error {
	if err == nil {
		return nil
	}
	if data.AsError(err) != nil {
		return err
	}
	msg := err.Error()
	if err := cryptError(msg); err != nil {
		return err
	}
	switch {
	case isUnique(err, "holders", "id_number"), isUnique(err, "holders", "id_hash"):
		return data.Conflict("id_number", "err.duplicate.id_number")
	case isUnique(err, "certificates", "mno"):
		return data.Conflict("mno", "err.duplicate.mno")
	case isForeignKey(err):
		return data.Invalid("holder_id", "err.holder.missing")
	case isRefused(err):
		return refused(err)
	}
	return internal(op, err)
}

// internal wraps an error of the store for the log; "database is locked"
// and a damaged file become messages of their own (busy.go).
func internal(op string, err error) error {
	switch {
	case isBusy(err):
		return busyError()
	case isDamaged(err):
		log.Printf("store: %s: %v", op, err)
		return &data.Error{Code: data.EINTERNAL, Key: "err.db.damaged_now"}
	}
	return fmt.Errorf("store: %s: %w", op, err)
}

func notFound(err error, kind string, id int64) error {
	if errors.Is(err, sql.ErrNoRows) {
		return data.NotFound(kind, id)
	}
	return internal("load "+kind, err)
}

func mustSub(f fs.FS, dir string) fs.FS {
	s, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // the directory is embedded at build time
	}
	return s
}
