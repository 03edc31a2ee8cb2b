package backup

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/proofs"
	_ "modernc.org/sqlite" // the "sqlite" driver
)

// dbInfo is what a backup and a restore need to know of a database.
type dbInfo struct {
	kid    string
	public ed25519.PublicKey
	schema int64
	proofs []data.Proof // the files the records refer to: hash and type
	// keyInside: the private key is still in the database (not yet moved
	// to its file by migration 00010).
	keyInside bool
}

// openRead opens the database at path for reading only; it is never
// created, migrated or changed.
func openRead(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(5000)&_pragma=trusted_schema(0)")
	if err != nil {
		return nil, internal("open", err)
	}
	return db, nil
}

// inspect reads a database file (a snapshot or a restored copy) and says
// whether it is SWCert's: the tables and the own key that every SWCert
// database has.
func inspect(ctx context.Context, path string) (*dbInfo, error) {
	db, err := openRead(path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return inspectDB(ctx, db, path)
}

func inspectDB(ctx context.Context, db *sql.DB, path string) (*dbInfo, error) {
	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table'
		AND name IN ('goose_db_version', 'holders', 'certificates', 'seal_keys', 'ce_proofs')`).Scan(&n)
	if err != nil {
		if isNotDatabase(err) {
			return nil, refused("err.backup.db_damaged", "Path", path)
		}
		return nil, internal("inspect", err)
	}
	if n != 5 {
		return nil, refused("err.backup.db_foreign", "Path", path)
	}
	info := &dbInfo{}
	var pub []byte
	err = db.QueryRowContext(ctx, `SELECT kid, public_key, private_key IS NOT NULL FROM seal_keys WHERE own = 1`).Scan(&info.kid, &pub, &info.keyInside)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && (len(pub) != ed25519.PublicKeySize || data.KeyID(pub) != info.kid)) {
		return nil, refused("err.backup.db_foreign", "Path", path)
	}
	if err != nil {
		return nil, internal("inspect", err)
	}
	info.public = pub
	if err := db.QueryRowContext(ctx, `SELECT coalesce(max(version_id), 0) FROM goose_db_version WHERE is_applied`).Scan(&info.schema); err != nil {
		return nil, internal("inspect", err)
	}
	// Every file a record refers to: proof_refs (00013) names them all,
	// an older database has only the CE proofs.
	refs := "ce_proofs"
	var view bool
	if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'proof_refs')`).Scan(&view); err != nil {
		return nil, internal("inspect", err)
	}
	if view {
		refs = "proof_refs"
	}
	rows, err := db.QueryContext(ctx, `SELECT sha256, min(type) FROM `+refs+` GROUP BY sha256 ORDER BY sha256`)
	if err != nil {
		return nil, internal("inspect", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p data.Proof
		if err := rows.Scan(&p.SHA256, &p.Type); err != nil {
			return nil, internal("inspect", err)
		}
		info.proofs = append(info.proofs, p)
	}
	return info, rows.Err()
}

// integrity lists what SQLite finds wrong in the file (at most 100 lines)
// and the rows whose references point nowhere; nothing when it is sound.
func integrity(ctx context.Context, db *sql.DB) ([]string, error) {
	var out []string
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check(100)`)
	if err != nil {
		if isNotDatabase(err) {
			return []string{err.Error()}, nil
		}
		return nil, internal("integrity_check", err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, internal("integrity_check", err)
		}
		if s != "ok" {
			out = append(out, s)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		if isNotDatabase(err) {
			return append(out, err.Error()), nil
		}
		return nil, internal("integrity_check", err)
	}
	rows, err = db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, internal("foreign_key_check", err)
	}
	defer rows.Close()
	for rows.Next() && len(out) < 200 {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return nil, internal("foreign_key_check", err)
		}
		out = append(out, fmt.Sprintf("foreign key: %s row %d refers to a missing %s", table, rowid.Int64, parent))
	}
	return out, rows.Err()
}

// isNotDatabase tells SQLite's "this is not a (sound) database" errors.
func isNotDatabase(err error) bool {
	s := err.Error()
	return strings.Contains(s, "not a database") || strings.Contains(s, "malformed") || strings.Contains(s, "SQLITE_CORRUPT") || strings.Contains(s, "SQLITE_NOTADB")
}

// proofBase is the name of a proof's file in the folder of proofs.
func proofBase(p data.Proof) string { return filepath.Base((&proofs.Store{}).Path(p)) }
