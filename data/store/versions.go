package store

import (
	"context"
	"database/sql"
	"errors"
	"os/user"

	"github.com/swcert/swcert/data"
)

// Records edited in forms (holders, certificates, …: migrations 00016 and
// 00018) carry a version that every save moves, and who saved them. An UPDATE of
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
		tx.moving(s)
		s.UpdatedBy = db.user
		if s.Version != 0 {
			s.Version++
			return nil
		}
		// Not read before (0): the row says what it is now.
		return mapError("update "+kind, tx.QueryRowContext(ctx, `SELECT version FROM `+table+` WHERE `+key+` = ?`, id).Scan(&s.Version))
	}
	return db.refused(ctx, tx, table, key, kind, id)
}

// upsertIs is the condition of a stamped INSERT … ON CONFLICT DO UPDATE of
// table (a record kept one to a certificate: a paper record, a mail form):
// the version the form read, or 0 for a write not based on a read. A
// form that read none (data.NoneSaved) inserts, or is refused when one
// was saved meanwhile: no version matches it.
func upsertIs(table string) string {
	return `(? = 0 OR ` + table + `.version = ?)`
}

// upserted checks the result of a stamped upsert of the row of table
// whose key column is id, as updated does an UPDATE's: the row written
// was new (version 1) or the one read (its version moved), and s says
// which it is now.
func (db *DB) upserted(ctx context.Context, tx *txn, res sql.Result, table, key, kind string, id int64, s *data.Stamp) error {
	if n, _ := res.RowsAffected(); n == 0 {
		return db.refused(ctx, tx, table, key, kind, id)
	}
	tx.moving(s)
	s.UpdatedBy = db.user
	return mapError("save "+kind, tx.QueryRowContext(ctx, `SELECT version FROM `+table+` WHERE `+key+` = ?`, id).Scan(&s.Version))
}

// refused is why a stamped write of the row of table whose key column is
// id wrote nothing: the record is gone, or someone changed it meanwhile
// (who and when).
func (db *DB) refused(ctx context.Context, tx *txn, table, key, kind string, id int64) error {
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

// stampWas is a stamp and what it held before a write moved it.
type stampWas struct {
	s   *data.Stamp
	was data.Stamp
}

// moving keeps what s holds before a write of the transaction moves it.
func (t *txn) moving(s *data.Stamp) { t.stamps = append(t.stamps, stampWas{s, *s}) }

// undoStamps puts back the stamps of a transaction that did not commit,
// the last moved first (a record written twice gets its first value).
func (t *txn) undoStamps() {
	for i := len(t.stamps) - 1; i >= 0; i-- {
		*t.stamps[i].s = t.stamps[i].was
	}
	t.stamps = nil
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
