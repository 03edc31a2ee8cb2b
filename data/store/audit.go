package store

import (
	"context"
	"database/sql"
	"os"
	"os/user"
	"sync"

	"github.com/swcert/swcert/data"
)

// The audit log (migrations/00014_audit.sql): the triggers write an entry
// at every write to a person's records. On a server they write it whole.
// On a file they cannot know the OS user nor the store's clock, so the
// entries wait unsealed (no who, at or hash) until sealAudit, which every
// transaction runs before it commits: it seals what the transaction added,
// and what writes outside a transaction (a lone DELETE) left before it.
// Reading the log seals first, so a write is never shown, nor verified,
// unsealed.

var _ data.AuditService = (*DB)(nil)

// osUser is the name of the person writing to a file: the OS account the
// program runs as (a file has no users of its own).
var osUser = sync.OnceValue(func() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, v := range []string{"USER", "USERNAME", "LOGNAME"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return "?"
})

// sealBatch: the entries sealed per read, so that a transaction of a
// million entries (demo data) does not hold them all in memory.
const sealBatch = 2000

type unsealed struct {
	id             int64
	table, row, op string
	before, after  sql.NullString
}

// sealAudit fills who, at and the hashes of the entries after the end of
// the sealed chain, in id order (a file has one writer: id order is the
// order of the writes), and moves the end. Nothing to do on a server.
func (db *DB) sealAudit(ctx context.Context, tx *txn) error {
	if tx.dialect != sqliteSQL {
		return nil
	}
	var last int64
	var prev string
	if err := tx.QueryRowContext(ctx, `SELECT last_id, hash FROM audit_head WHERE chain = 'audit'`).Scan(&last, &prev); err != nil {
		return internal("audit head", err)
	}
	start := last
	_, at := db.stamp()
	who := osUser()
	for {
		batch, err := unsealedAfter(ctx, tx, last)
		if err != nil {
			return err
		}
		for _, e := range batch {
			h := data.AuditHash(prev, e.id, at, who, e.table, e.row, e.op, nullable(e.before), nullable(e.after))
			if _, err := tx.ExecContext(ctx, `UPDATE audit SET at = ?, who = ?, prev = ?, hash = ? WHERE id = ?`, at, who, prev, h, e.id); err != nil {
				return internal("seal audit", err)
			}
			prev, last = h, e.id
		}
		if len(batch) < sealBatch {
			break
		}
	}
	if last == start {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE audit_head SET last_id = ?, hash = ? WHERE chain = 'audit'`, last, prev); err != nil {
		return internal("audit head", err)
	}
	return nil
}

func unsealedAfter(ctx context.Context, tx *txn, last int64) ([]unsealed, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, table_name, row_id, op, before_row, after_row FROM audit
		WHERE id > ? ORDER BY id LIMIT ?`, last, sealBatch)
	if err != nil {
		return nil, internal("seal audit", err)
	}
	defer rows.Close()
	var out []unsealed
	for rows.Next() {
		var e unsealed
		if err := rows.Scan(&e.id, &e.table, &e.row, &e.op, &e.before, &e.after); err != nil {
			return nil, internal("seal audit", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("seal audit", err)
	}
	return out, nil
}

func nullable(s sql.NullString) *string {
	if !s.Valid {
		return nil
	}
	return &s.String
}

// sealPending seals what writes outside a transaction left, before the
// log is read (a transaction that writes nothing else).
func (db *DB) sealPending(ctx context.Context) error {
	if db.sql.dialect != sqliteSQL {
		return nil
	}
	return db.tx(ctx, func(*txn) error { return nil })
}

const auditColumns = `id, at, coalesce(who, ''), table_name, row_id, coalesce(holder_id, 0), op,
	before_row, after_row, coalesce(prev, ''), coalesce(hash, '')`

// stored is an entry's fields as the database holds them, which its hash
// is made of.
type stored struct {
	at                  string
	before, after, hash sql.NullString
}

func scanAudit(rows *sql.Rows) (data.AuditEntry, stored, error) {
	var e data.AuditEntry
	var s stored
	var at sql.NullString
	err := rows.Scan(&e.ID, &at, &e.Who, &e.Table, &e.RowID, &e.HolderID, &e.Op, &s.before, &s.after, &e.Prev, &s.hash)
	s.at = at.String
	e.At = parseStamp(s.at)
	e.Before, e.After, e.Hash = s.before.String, s.after.String, s.hash.String
	return e, s, err
}

// AuditEntries are the entries f selects, newest first.
func (db *DB) AuditEntries(ctx context.Context, f data.AuditFilter) ([]data.AuditEntry, error) {
	if err := db.sealPending(ctx); err != nil {
		return nil, err
	}
	limit := f.Limit
	if limit <= 0 {
		limit = data.DefaultPageSize
	}
	q := `SELECT ` + auditColumns + ` FROM audit WHERE 1 = 1`
	var args []any
	if f.HolderID != 0 {
		q += ` AND holder_id = ?`
		args = append(args, f.HolderID)
	}
	if f.Who != "" {
		q += ` AND who = ?`
		args = append(args, f.Who)
	}
	if !f.Since.IsZero() {
		q += ` AND at >= ?`
		args = append(args, f.Since.Start().UTC().Format(stampLayout))
	}
	q += ` ORDER BY id DESC LIMIT ? OFFSET ?`
	args = append(args, limit, max(f.Offset, 0))
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, internal("audit", err)
	}
	defer rows.Close()
	var out []data.AuditEntry
	for rows.Next() {
		e, _, err := scanAudit(rows)
		if err != nil {
			return nil, internal("audit", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("audit", err)
	}
	return out, nil
}

// VerifyAudit walks the whole chain in id order, in one read snapshot:
// every entry must follow the one before it (the next id, its prev the
// hash before), its fields must give its hash, and the chain must end
// where the store last sealed it (audit_head).
func (db *DB) VerifyAudit(ctx context.Context) (int, *data.AuditBreak, error) {
	// An office's login reads its own holders' entries only (00023): the
	// rest of the chain would look removed.
	if office, err := db.loginOffice(ctx); err != nil {
		return 0, nil, err
	} else if office != "" {
		return 0, nil, data.Invalid("db", "err.server.audit_office", "Office", office)
	}
	if err := db.sealPending(ctx); err != nil {
		return 0, nil, err
	}
	tx, err := db.readTx(ctx)
	if err != nil {
		return 0, nil, internal("verify audit", err)
	}
	defer tx.Rollback()
	return verifyChain(ctx, tx, false)
}

// VerifyAuditFile walks the chain of a SWCert file opened read-only
// (swcert check, which changes nothing): there the entries that writes
// outside SWCert left unsealed at the end of the log are not sealed
// first, and count as whole (SWCert seals them at its next start).
func VerifyAuditFile(ctx context.Context, q rowQueryer) (int, *data.AuditBreak, error) {
	return verifyChain(ctx, q, true)
}

// verifyChain walks the chain as q sees it; unsealed: entries not yet
// sealed may end it.
func verifyChain(ctx context.Context, q rowQueryer, unsealed bool) (int, *data.AuditBreak, error) {
	var headID int64
	var headHash string
	if err := q.QueryRowContext(ctx, `SELECT last_id, hash FROM audit_head WHERE chain = 'audit'`).Scan(&headID, &headHash); err != nil {
		return 0, nil, internal("verify audit", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT `+auditColumns+` FROM audit ORDER BY id`)
	if err != nil {
		return 0, nil, internal("verify audit", err)
	}
	defer rows.Close()
	n := 0
	var lastID int64
	lastHash := ""
	for rows.Next() {
		e, s, err := scanAudit(rows)
		if err != nil {
			return n, nil, internal("verify audit", err)
		}
		if unsealed && e.Hash == "" && e.ID > headID {
			break // what follows the sealed chain, to be sealed
		}
		n++
		switch {
		case e.ID != lastID+1:
			return n, &data.AuditBreak{ID: lastID + 1, Reason: data.AuditMissing}, nil
		case e.Prev != lastHash:
			return n, &data.AuditBreak{ID: e.ID, Reason: data.AuditOutOfOrder}, nil
		case !s.hash.Valid || data.AuditHash(e.Prev, e.ID, s.at, e.Who, e.Table, e.RowID, e.Op, nullable(s.before), nullable(s.after)) != e.Hash:
			return n, &data.AuditBreak{ID: e.ID, Reason: data.AuditAltered}, nil
		}
		lastID, lastHash = e.ID, e.Hash
	}
	if err := rows.Err(); err != nil {
		return n, nil, internal("verify audit", err)
	}
	// The newest entries removed: the chain ends before its recorded end.
	if lastID != headID || lastHash != headHash {
		return n, &data.AuditBreak{ID: lastID + 1, Reason: data.AuditMissing}, nil
	}
	return n, nil, nil
}
