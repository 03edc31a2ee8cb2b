package store

import (
	"errors"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/swcert/swcert/data"
)

// isBusy reports whether err is SQLite's "database is locked": another
// program (SWCert in a second window, the command line, a backup or sync
// tool, a SQLite browser) has held the write lock longer than the busy
// timeout.
func isBusy(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	c := e.Code() & 0xff // the primary code of an extended one (SQLITE_BUSY_SNAPSHOT)
	return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
}

// isDamaged reports whether err says the file is not a whole database.
func isDamaged(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	c := e.Code() & 0xff
	return c == sqlite3.SQLITE_CORRUPT || c == sqlite3.SQLITE_NOTADB
}

// busyError is what a person reads then: not their input, and nothing lost
// (the write was not made); theirs to retry once the other program is done.
// Exit status 1, like every error that is not the input's.
func busyError() error {
	return &data.Error{Code: data.EBUSY, Key: "err.db.busy"}
}
