package store

import (
	"context"
	"database/sql"
	"errors"
	"os/user"

	"github.com/swcert/swcert/data"
)

// Records edited in forms (holders, certificates) carry a version that
// every save moves, and who saved them (migration 00016). An UPDATE of
// such a record sets stampSet and holds only while stampIs: the version
// the form read, or 0 for a write not based on a read record.
const (
	stampSet = `version = version + 1, updated_by = ?`
	stampIs  = `(? = 0 OR version = ?)`
)

// updated checks the result of a stamped write of the row of table whose
// key column is id, and brings s up to what was saved. Nothing written is
// a record gone (not found), or changed meanwhile by someone whose name
// and time the refusal gives.
func (db *DB) updated(ctx context.Context, tx *txn, res sql.Result, table, key, kind string, id int64, s *data.Stamp) error {
	if n, _ := res.RowsAffected(); n > 0 {
		s.UpdatedBy = db.user
		if s.Version != 0 {
			s.Version++
			return nil
		}
		// Not read before (0): the row says what it is now.
		return mapError("update "+kind, tx.QueryRowContext(ctx, `SELECT version FROM `+table+` WHERE `+key+` = ?`, id).Scan(&s.Version))
	}
	var who, at string
	err := tx.QueryRowContext(ctx, `SELECT updated_by, updated_at FROM `+table+` WHERE `+key+` = ?`, id).Scan(&who, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return data.NotFound(kind, id)
	}
	if err != nil {
		return internal("update "+kind, err)
	}
	return data.ChangedMeanwhile(who, parseStamp(at))
}

// whoOnFile is who writes to a file: the person logged in to this computer.
func whoOnFile() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "?"
}

// whoOnServer is the login the server knows this connection by.
func whoOnServer(ctx context.Context, h handle) (string, error) {
	var who string
	err := h.QueryRowContext(ctx, `SELECT session_user`).Scan(&who)
	return who, err
}
