package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"

	"github.com/swcert/swcert/data"
)

// Proof files on a shared server (migration 00015, data.ProofBlobs): every
// office sees every file, so they are rows of proof_files rather than
// files beside one office's program. They follow the records as a
// folder's files do (proofs.go), with one difference that makes them
// simpler: a file is written by the transaction that saves its record, so
// a save refused or failed takes its files with it in its rollback, and
// one is deleted by the transaction that finds its last reference gone.
// The server's serializable transactions keep a writer that finds a file
// kept (and refers to it) and a remover that finds it unreferenced (and
// deletes it) from both committing: each reads what the other writes.

var _ data.ProofBlobs = (*DB)(nil)

// onServer says whether the store is a PostgreSQL server's.
func (db *DB) onServer() bool { return db.sql.dialect == postgresSQL }

// ProofBlobs is where readers read the proof files when the database
// keeps them itself (a server); nil for a file, whose proofs are in the
// folder beside it. The one question app asks the store about its proofs
// (proofs.Store.Blobs).
func (db *DB) ProofBlobs() data.ProofBlobs {
	if db.onServer() {
		return db
	}
	return nil
}

// ProofBlob reads the file of a hash, refusing one larger than max by its
// recorded size before reading it.
func (db *DB) ProofBlob(sha string, max int64) ([]byte, error) {
	ctx := context.Background()
	var size int64
	err := db.sql.QueryRowContext(ctx, `SELECT size FROM proof_files WHERE sha256 = ?`, sha).Scan(&size)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fs.ErrNotExist
	}
	if err != nil {
		return nil, internal("read proof file", err)
	}
	if size > max {
		return nil, fmt.Errorf("the proof file %s is %d bytes, more than %d", sha, size, max)
	}
	var b []byte
	err = db.sql.QueryRowContext(ctx, `SELECT data FROM proof_files WHERE sha256 = ? AND size <= ?`, sha, max).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fs.ErrNotExist // removed since, with its last reference
	}
	if err != nil {
		return nil, internal("read proof file", err)
	}
	return b, nil
}

// ProofBlobHashes lists the hashes of the files kept.
func (db *DB) ProofBlobHashes() ([]string, error) {
	return db.blobHashes(context.Background(), `SELECT sha256 FROM proof_files ORDER BY sha256`)
}

// unreferencedBlobs are the files no record refers to (a crash between a
// delete and its sweep leaves none on a server, but a delete made behind
// the store's back may). Every reference counts, whichever office's
// (swcert_proof_used sees them all).
func (db *DB) unreferencedBlobs(ctx context.Context) ([]string, error) {
	return db.blobHashes(ctx, `SELECT sha256 FROM proof_files WHERE NOT swcert_proof_used(sha256)`)
}

func (db *DB) blobHashes(ctx context.Context, query string) ([]string, error) {
	return column[string](ctx, db.sql, "list proof files", query)
}

// keepBlob writes the file of p in the transaction saving its record,
// unless it is kept already. The explicit read is what lets the server
// see a remover deleting the same file (a conflict it then resolves by
// running one of the two again).
func (db *DB) keepBlob(ctx context.Context, tx *txn, p *data.Proof) error {
	// As the folder checks: a file is kept under its content's hash only.
	if sum := sha256.Sum256(p.Data); hex.EncodeToString(sum[:]) != p.SHA256 {
		return errors.New("the content is not the proof's")
	}
	var kept bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM proof_files WHERE sha256 = ?)`, p.SHA256).Scan(&kept); err != nil {
		return err
	}
	if kept {
		return nil
	}
	_, ts := db.stamp()
	// With the owner's rights (00023): the file may be another office's,
	// which this login does not see.
	_, err := tx.ExecContext(ctx, `SELECT swcert_proof_keep(?, ?, ?)`, p.SHA256, p.Data, ts)
	return err
}
