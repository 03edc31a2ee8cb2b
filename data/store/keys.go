package store

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/swcert/swcert/data"
)

const keyColumns = `kid, name, own, public_key, private_key, created_at`

// keySelect is keyColumns to read. A SQLite file has one own key; a
// server holds every installation's public key, and the own one is the
// key of this installation's file.
func (db *DB) keySelect() string {
	if db.sql.dialect == postgresSQL {
		return `kid, name, CASE WHEN ` + db.ownKey() + ` THEN 1 ELSE 0 END, public_key, private_key, created_at`
	}
	return keyColumns
}

// ownKey is the condition that holds for the own key's row.
func (db *DB) ownKey() string {
	if db.sql.dialect == postgresSQL {
		return `kid = '` + strings.Map(kidRune, db.id) + `'`
	}
	return `own = 1`
}

// kidRune keeps a key ID (unpadded base64url) as it is and drops anything
// else, so that ownKey is always a plain literal.
func kidRune(r rune) rune {
	if r == '-' || r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
		return r
	}
	return -1
}

// OwnKey returns this installation's signing key. The private half is
// read from its file (KeyPath) at each call: a restore may have replaced
// it meanwhile. A file missing or not this key's is an error that says so;
// the database stays usable for everything but signing.
func (db *DB) OwnKey(ctx context.Context) (*data.SealKey, error) {
	k, err := db.ownPublic(ctx)
	if err != nil {
		return nil, err
	}
	return db.withPrivate(k)
}

// ownPublic returns the own key without its private half, making the key
// the first time (Open calls it, so a new database has its key from the
// first run).
func (db *DB) ownPublic(ctx context.Context) (*data.SealKey, error) {
	if db.sql.dialect == postgresSQL {
		return db.publishOwn(ctx)
	}
	// Read first: a write transaction on every start would be for nothing.
	k, err := scanKey(db.sql.QueryRowContext(ctx, `SELECT `+keyColumns+` FROM seal_keys WHERE own = 1`))
	if err == nil {
		return k, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return nil, internal("load own key", err)
	}
	err = db.tx(ctx, func(tx *txn) error {
		var err error
		k, err = scanKey(tx.QueryRowContext(ctx, `SELECT `+keyColumns+` FROM seal_keys WHERE own = 1`))
		if err == nil {
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return internal("load own key", err)
		}
		priv, err := db.newPrivate()
		if err != nil {
			return err
		}
		pub := priv.Public().(ed25519.PublicKey)
		t, ts := db.stamp()
		kid := data.KeyID(pub)
		// Unnamed until the person names it (data.ExporterName).
		k = &data.SealKey{KID: kid, Name: "", Own: true, Public: pub, CreatedAt: t.In(data.Beijing)}
		_, err = tx.ExecContext(ctx, `INSERT INTO seal_keys (`+keyColumns+`, updated_at) VALUES (?, ?, 1, ?, NULL, ?, ?)`,
			k.KID, k.Name, []byte(pub), ts, ts)
		return mapError("save own key", err)
	})
	return k, err
}

// newPrivate makes the key of a database that has none, in its file
// first: a crash before the row is saved leaves the file, which the next
// start takes as the key (it was made for this database) rather than
// overwriting it.
func (db *DB) newPrivate() (ed25519.PrivateKey, error) {
	path := db.keyPath
	if priv, err := readKeyFile(path); err == nil {
		return priv, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w (%v)", keyFileError("err.key.file_unreadable", path), err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, internal("make own key", err)
	}
	if err := WriteKeyFile(path, priv, false); err != nil {
		return nil, internal("write key file", err)
	}
	return priv, nil
}

// withPrivate adds the private half, from its file, to the own key k.
func (db *DB) withPrivate(k *data.SealKey) (*data.SealKey, error) {
	priv, err := loadPrivate(db.keyPath, k.Public)
	if err != nil {
		return nil, err
	}
	k.Private = priv
	return k, nil
}

// TrustKey adds (or renames) the public key of another installation.
func (db *DB) TrustKey(ctx context.Context, k *data.SealKey) error {
	k.Name = data.NormalizeText(k.Name)
	if err := data.ValidateKeyName(k.Name); err != nil {
		return err
	}
	if len(k.Public) != ed25519.PublicKeySize || k.KID != data.KeyID(k.Public) {
		return data.Invalid("key", "err.key.not_jwk")
	}
	return db.tx(ctx, func(tx *txn) error {
		var own bool
		err := tx.QueryRowContext(ctx, `SELECT `+db.ownKey()+` FROM seal_keys WHERE kid = ?`, k.KID).Scan(&own)
		if err == nil && own || k.KID == db.id {
			return data.Invalid("key", "err.key.is_own")
		}
		t, ts := db.stamp()
		_, err = tx.ExecContext(ctx, `INSERT INTO seal_keys (`+keyColumns+`, updated_at) VALUES (?, ?, 0, ?, NULL, ?, ?)
			ON CONFLICT (kid) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`,
			k.KID, k.Name, []byte(k.Public), ts, ts)
		if err != nil {
			return mapError("trust key", err)
		}
		k.CreatedAt, k.Own, k.Private = t.In(data.Beijing), false, nil
		return nil
	})
}

// UntrustKey removes a trusted key. The own key cannot be removed.
func (db *DB) UntrustKey(ctx context.Context, kid string) error {
	k, err := db.Key(ctx, kid)
	if err != nil {
		return err
	}
	if k.Own {
		return data.Invalid("kid", "err.key.is_own")
	}
	if _, err := db.sql.ExecContext(ctx, `DELETE FROM seal_keys WHERE kid = ? AND NOT `+db.ownKey(), kid); err != nil {
		return internal("untrust key", err)
	}
	return nil
}

// Key finds the own key or a trusted key by kid.
func (db *DB) Key(ctx context.Context, kid string) (*data.SealKey, error) {
	k, err := scanKey(db.sql.QueryRowContext(ctx, `SELECT `+db.keySelect()+` FROM seal_keys WHERE kid = ?`, kid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &data.Error{Code: data.ENOTFOUND, Field: "kid", Key: "err.not_found.key", Args: map[string]any{"KID": kid}}
	}
	if err != nil {
		return nil, internal("load key", err)
	}
	return k, nil
}

// Keys lists the own key first, then the trusted keys by name.
func (db *DB) Keys(ctx context.Context) ([]*data.SealKey, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+db.keySelect()+` FROM seal_keys ORDER BY 3 DESC, name, kid`)
	if err != nil {
		return nil, internal("list keys", err)
	}
	defer rows.Close()
	var out []*data.SealKey
	for rows.Next() {
		k, err := scanKey(rows)
		if err != nil {
			return nil, internal("list keys", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

func scanKey(s scanner) (*data.SealKey, error) {
	var k data.SealKey
	var pub, priv []byte
	var created string
	if err := s.Scan(&k.KID, &k.Name, &k.Own, &pub, &priv, &created); err != nil {
		return nil, err
	}
	// The private_key column is empty since migration 00010: the own key's
	// private half is in its file (withPrivate).
	k.Public, k.CreatedAt = ed25519.PublicKey(pub), parseStamp(created)
	return &k, nil
}

// publishOwn is the own key of an installation on a server: the key of
// its file (made on first use), published in the database for every
// office to verify its seals by.
func (db *DB) publishOwn(ctx context.Context) (*data.SealKey, error) {
	priv, err := db.newPrivate()
	if err != nil {
		return nil, err
	}
	pub := priv.Public().(ed25519.PublicKey)
	db.id = data.KeyID(pub)
	_, ts := db.stamp()
	if _, err := db.sql.ExecContext(ctx, `INSERT INTO seal_keys (`+keyColumns+`, updated_at) VALUES (?, '', 0, ?, NULL, ?, ?)
		ON CONFLICT (kid) DO NOTHING`, db.id, []byte(pub), ts, ts); err != nil {
		return nil, mapError("publish own key", err)
	}
	k, err := scanKey(db.sql.QueryRowContext(ctx, `SELECT `+db.keySelect()+` FROM seal_keys WHERE kid = ?`, db.id))
	if err != nil {
		return nil, internal("load own key", err)
	}
	return k, nil
}
