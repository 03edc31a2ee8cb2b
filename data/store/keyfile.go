package store

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/x509"
	"database/sql"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pressly/goose/v3"

	"github.com/swcert/swcert/data"
	datafiles "github.com/swcert/swcert/data/files"
)

// The private half of the database's own signing key lives in a file of
// its own beside the database, readable by its owner only, so that a copy
// of the database (sent to support, left on a shared drive) cannot forge
// seals. The database keeps the public half and the key ID, which names
// the database to its folder of proof files. One file per database: two
// databases in one folder have keys of their own.

// KeyPath is the file holding the private signing key of the database at
// dbPath. Nothing but the key is ever written to it: an output written
// over it would lose the key, so it is one of the files no export may
// replace.
func KeyPath(dbPath string) string { return dbPath + ".key" }

// KeyPath is the file of this database's private signing key.
func (db *DB) KeyPath() string { return db.keyPath }

// maxKeyFile bounds what is read of a key file: a PEM key is 119 bytes.
const maxKeyFile = 4 << 10

const pemType = "PRIVATE KEY" // PKCS #8, as openssl writes and reads it

// encodeKey is the content of a key file: the key as PKCS #8 in PEM, which
// openssl and every JOSE library can read.
func encodeKey(priv ed25519.PrivateKey) ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: pemType, Bytes: der}), nil
}

// ParseKey reads the content of a key file.
func ParseKey(b []byte) (ed25519.PrivateKey, error) {
	block, _ := pem.Decode(b)
	if block == nil || block.Type != pemType {
		return nil, errors.New("not a PEM private key")
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, err
	}
	priv, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, errors.New("not an Ed25519 key")
	}
	return priv, nil
}

// readKeyFile reads the private key at path; an error wrapping
// fs.ErrNotExist when there is none.
func readKeyFile(path string) (ed25519.PrivateKey, error) {
	// Looked at before it is opened: opening a pipe put in its place
	// would wait for a writer.
	if fi, err := os.Lstat(path); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	b, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxKeyFile {
		return nil, errors.New("too large for a key")
	}
	return ParseKey(b)
}

// WriteKeyFile writes priv to path (0600) whole and synced to the disk
// before it is in place: a crash leaves the old file or the new one.
// Unless replace, a file already at path is never overwritten (an error
// wrapping fs.ErrExist).
func WriteKeyFile(path string, priv ed25519.PrivateKey, replace bool) error {
	b, err := encodeKey(priv)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	// In the journal, so that a crash before the link leaves no copy of the
	// key behind after the next start (files.UseJournal).
	tmp, done, err := datafiles.CreateTemp(dir, ".swcert-", "")
	if err != nil {
		return err
	}
	defer done()
	defer os.Remove(tmp.Name()) // gone once linked or renamed; removed when anything failed
	if err = tmp.Chmod(0o600); err == nil {
		if _, err = tmp.Write(b); err == nil {
			err = tmp.Sync()
		}
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if replace {
		err = os.Rename(tmp.Name(), path)
	} else if err = os.Link(tmp.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
		// A file system without hard links: the check and the rename are
		// two steps there, under the database's write lock all the same.
		if _, serr := os.Lstat(path); serr == nil {
			return fs.ErrExist
		}
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return err
	}
	datafiles.SyncDir(dir)
	return nil
}

// keyFileError is what a person reads when the key file cannot be used.
func keyFileError(key, path string) error {
	return &data.Error{Code: data.EINTERNAL, Field: "key", Key: key, Args: map[string]any{"Path": path}}
}

// loadPrivate reads the private key of the own key pub from its file.
// A missing file is never replaced by a new key: the seals this database
// made would no longer verify as its own.
func loadPrivate(path string, pub ed25519.PublicKey) (ed25519.PrivateKey, error) {
	priv, err := readKeyFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, keyFileError("err.key.file_missing", path)
	case err != nil:
		return nil, fmt.Errorf("%w (%v)", keyFileError("err.key.file_unreadable", path), err)
	case !bytes.Equal(priv.Public().(ed25519.PublicKey), pub):
		return nil, keyFileError("err.key.file_mismatch", path)
	}
	return priv, nil
}

// keyMigration is migration 00010: the private key of a database made
// before it moves from the seal_keys table into its file. The file is
// written (synced) first and the column cleared after, in the migration's
// transaction: a crash in between leaves the key in the database and the
// next start finishes the move. A file already there that holds another
// key is refused, never overwritten.
func keyMigration(keyPath string, moved *bool) *goose.Migration {
	return goose.NewGoMigration(keyMigrationVersion, &goose.GoFunc{RunTx: func(ctx context.Context, tx *sql.Tx) error {
		var pub, priv []byte
		err := tx.QueryRowContext(ctx, `SELECT public_key, private_key FROM seal_keys WHERE own = 1`).Scan(&pub, &priv)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && priv == nil) {
			return nil // a new database: its key is made in its file
		}
		if err != nil {
			return err
		}
		if len(priv) != ed25519.PrivateKeySize || !bytes.Equal(ed25519.PrivateKey(priv).Public().(ed25519.PublicKey), pub) {
			return errors.New("the stored private key is not the own key's")
		}
		switch have, err := readKeyFile(keyPath); {
		case err == nil && !bytes.Equal(have, priv):
			return keyFileError("err.key.file_mismatch", keyPath)
		case err == nil: // written before a crash: finish the move
		case errors.Is(err, fs.ErrNotExist):
			if err := WriteKeyFile(keyPath, priv, false); err != nil {
				return fmt.Errorf("write the key file: %w", err)
			}
		default:
			return fmt.Errorf("%w (%v)", keyFileError("err.key.file_unreadable", keyPath), err)
		}
		// The page that held the key is rewritten with its free space
		// zeroed, so the key's bytes do not stay in the file.
		if _, err := tx.ExecContext(ctx, `PRAGMA secure_delete = ON`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE seal_keys SET private_key = NULL WHERE own = 1`); err != nil {
			return err
		}
		*moved = true
		return nil
	}}, nil)
}

// purgeMovedKey rewrites the database after its key moved out, so no free
// page, and no page image in the write-ahead log, still holds the key.
// It runs once, at the start after the migration.
func purgeMovedKey(db *sql.DB) error {
	if _, err := db.Exec(`VACUUM`); err != nil {
		return fmt.Errorf("vacuum after moving the key: %w", err)
	}
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("checkpoint after moving the key: %w", err)
	}
	return nil
}

// ownID is the key ID of the own key as the file says now: a restore (in
// this process or another) may have put another installation's database
// in place since Open, and the folder of proofs knows it by its ID.
func (db *DB) ownID(ctx context.Context) string {
	var kid string
	if db.sql.dialect == postgresSQL {
		return db.id // the key file's, read at Open
	}
	if err := db.sql.QueryRowContext(ctx, `SELECT kid FROM seal_keys WHERE own = 1`).Scan(&kid); err != nil {
		return db.id
	}
	return kid
}
