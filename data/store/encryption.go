package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
	"strconv"
	"strings"
	"sync"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/crypt"
)

// Encryption at rest (migration 00009, data/crypt). While the database is
// encrypted, its ID and phone numbers are stored sealed, each bound to its
// column and row, with keyed hashes beside the holder's for the duplicate
// check and the search by a full number; proof files are sealed too. The
// data key is unlocked once, when the store opens, from the passphrase;
// names, dates and everything else stay plain. Values are opened as they
// are read, so every screen and command masks them as before.

var _ data.EncryptionService = (*DB)(nil)

// Option changes how Open opens a store.
type Option func(*openOptions)

type openOptions struct {
	keyFile    string // WithKeyFile
	password   []byte // WithPassword
	passphrase func() ([]byte, error)
	kdf        crypt.Params
}

// WithPassphrase gives the passphrase of an encrypted database: asked only
// when the database is encrypted (a prompt, a file), and checked before
// anything is read or written.
func WithPassphrase(f func() ([]byte, error)) Option {
	return func(o *openOptions) { o.passphrase = f }
}

// WithKDF sets the Argon2id costs of passphrases set from now on (tests and
// benchmarks; crypt.Default otherwise).
func WithKDF(p crypt.Params) Option { return func(o *openOptions) { o.kdf = p } }

// vault holds the data key of an encrypted database (nil keys: plain).
// The proof files share it (data.FileSealer).
type vault struct {
	mu   sync.RWMutex
	keys *crypt.Keys
	// plainFiles: proof files are written plain though the key still opens
	// sealed ones (while encryption is being turned off).
	plainFiles bool
	kdf        crypt.Params
}

func (v *vault) current() *crypt.Keys {
	v.mu.RLock()
	defer v.mu.RUnlock()
	return v.keys
}

func (v *vault) set(k *crypt.Keys, plainFiles bool) {
	v.mu.Lock()
	v.keys, v.plainFiles = k, plainFiles
	v.mu.Unlock()
}

// The errors a person can act on.
var (
	errChanged = &data.Error{Code: data.EINVALID, Field: "passphrase", Key: "err.crypt.changed"}
	errWrong   = &data.Error{Code: data.EINVALID, Field: "passphrase", Key: "err.crypt.wrong_passphrase"}
	errDamaged = &data.Error{Code: data.EINTERNAL, Field: "passphrase", Key: "err.crypt.damaged"}
)

// Locked is the error of opening an encrypted database without its
// passphrase: the window asks for it, the command line says how to give it.
func Locked(path string) *data.Error {
	return &data.Error{Code: data.EINVALID, Field: "passphrase", Key: "err.crypt.locked", Args: map[string]any{"Path": path}}
}

// IsLocked reports whether err is Locked.
func IsLocked(err error) bool { e := data.AsError(err); return e != nil && e.Key == "err.crypt.locked" }

// IsWrongPassphrase reports whether err says the passphrase was wrong.
func IsWrongPassphrase(err error) bool {
	e := data.AsError(err)
	return e != nil && e.Key == errWrong.Key
}

// unlock reads the lock of an encrypted database and opens it with the
// passphrase, before the store reads or writes anything else. A database
// of a schema before 00009 is plain.
func unlock(ctx context.Context, db *sql.DB, path string, o openOptions) (*vault, error) {
	if o.kdf == (crypt.Params{}) {
		o.kdf = crypt.Default
	}
	v := &vault{kdf: o.kdf}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'encryption'`).Scan(&n); err != nil {
		return nil, internal("read encryption", err)
	}
	if n == 0 {
		return v, nil
	}
	l, on, err := readLock(ctx, db)
	if err != nil || !on {
		return v, err
	}
	if o.passphrase == nil {
		return nil, Locked(path)
	}
	p, err := o.passphrase()
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, Locked(path)
	}
	k, err := openLock(l, p)
	if err != nil {
		return nil, err
	}
	v.keys = k
	return v, nil
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func readLock(ctx context.Context, q queryer) (crypt.Lock, bool, error) {
	var l crypt.Lock
	var t, m, th int64
	err := q.QueryRowContext(ctx, `SELECT time, memory_kib, threads, salt, wrapped_key, kid FROM encryption WHERE id = 1`).
		Scan(&t, &m, &th, &l.Salt, &l.Wrapped, &l.KID)
	if errors.Is(err, sql.ErrNoRows) {
		return l, false, nil
	}
	if err != nil {
		return l, false, internal("read encryption", err)
	}
	if t < 1 || t > 64 || m < 1 || m > 1<<20 || th < 1 || th > 16 {
		return l, false, errDamaged
	}
	l.Params = crypt.Params{Time: uint32(t), MemoryKiB: uint32(m), Threads: uint8(th)}
	return l, true, nil
}

func openLock(l crypt.Lock, passphrase []byte) (*crypt.Keys, error) {
	k, err := l.Open(passphrase)
	switch {
	case errors.Is(err, crypt.ErrWrongPassphrase):
		return nil, errWrong
	case err != nil:
		log.Printf("encryption: %v", err)
		return nil, errDamaged
	}
	return k, nil
}

// place is the associated data of a sealed value: its column (table/column)
// and row.
func place(column string, row int64) string { return column + ":" + strconv.FormatInt(row, 10) }

// seal is how a value is stored: sealed while encrypted, plain otherwise
// (and an empty value stays empty).
func (db *DB) seal(column string, row int64, v string) any {
	k := db.vault.current()
	if k == nil || v == "" {
		return v
	}
	return k.Seal(place(column, row), []byte(v))
}

// reveal is a stored value as read: opened when sealed.
func (db *DB) reveal(column string, row int64, stored string) (string, error) {
	if !crypt.IsSealed([]byte(stored)) {
		return stored, nil
	}
	k := db.vault.current()
	if k == nil {
		return "", errChanged // encrypted by another program since this one opened
	}
	plain, err := k.Open(place(column, row), []byte(stored))
	switch {
	case errors.Is(err, crypt.ErrOtherKey):
		return "", errChanged
	case err != nil:
		return "", internal("open "+place(column, row), err)
	}
	return string(plain), nil
}

// Kinds of the keyed hashes.
const (
	hashID    = "id_number"
	hashPhone = "phone"
)

// hash is the keyed hash stored beside a sealed value (NULL when plain or
// empty).
func (db *DB) hash(kind, v string) any {
	k := db.vault.current()
	if k == nil || v == "" {
		return nil
	}
	return k.Index(kind, v)
}

// exactKey is what a search word is compared with to find a holder by a
// full ID or phone number: the normalized number itself in a plain
// database (compared with the stored one), its keyed hash in an encrypted
// one ("" when the word cannot be such a number).
func (db *DB) exactKey(kind, word string) string {
	var v string
	if kind == hashID {
		v = data.NormalizeIDNumber(word)
	} else {
		v = data.NormalizePhone(word)
	}
	if v == "" {
		return ""
	}
	if k := db.vault.current(); k != nil {
		return string(k.Index(kind, v))
	}
	return v
}

// idNumberIs is the condition that finds a holder by the ID number.
func (db *DB) idNumberIs(v string) (string, any) {
	if h := db.hash(hashID, v); h != nil {
		return "id_hash = ?", h
	}
	return "id_number = ?", v
}

// nextHolderID gives a new holder its ID while encrypted, as the value to
// insert and the row its values are sealed to before it is written.
// (Plain: nil, SQLite's choice, which is the same max(id) + 1.)
func (db *DB) nextHolderID(ctx context.Context, tx *txn) (any, int64, error) {
	if db.vault.current() == nil {
		return nil, 0, nil
	}
	var id int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1 FROM holders`).Scan(&id); err != nil {
		return nil, 0, internal("insert holder", err)
	}
	return id, id, nil
}

// revealHolder opens the sealed values of a holder as read.
func (db *DB) revealHolder(h *data.Holder) (err error) {
	if h.IDNumber, err = db.reveal("holders/id_number", h.ID, h.IDNumber); err != nil {
		return err
	}
	h.Phone, err = db.reveal("holders/phone", h.ID, h.Phone)
	return err
}

// cryptError is the refusal of the schema's check that a value is written
// in the database's present form (00009).
func cryptError(msg string) error {
	if strings.Contains(msg, "swcert: encryption changed") {
		return errChanged
	}
	return nil
}

// Encryption says whether the database is encrypted.
func (db *DB) Encryption(ctx context.Context) (data.EncryptionStatus, error) {
	l, on, err := readLock(ctx, db.sql)
	if err != nil || !on {
		return data.EncryptionStatus{}, err
	}
	return data.EncryptionStatus{On: true, Time: l.Time, MemoryKiB: l.MemoryKiB, Threads: l.Threads}, nil
}

// sealedTables are the sealed columns, by table: a table's are written in
// one statement (the schema checks a row's values together).
var sealedTables = []struct {
	table, key string
	columns    []struct{ name, hash string }
}{
	{"holders", "id", []struct{ name, hash string }{{"id_number", "id_hash"}, {"phone", "phone_hash"}}},
	{"paper", "cert_id", []struct{ name, hash string }{{"proxy_id_number", ""}}},
	{"mail_forms", "cert_id", []struct{ name, hash string }{{"phone", ""}}},
}

// convert writes every sealed column again in the vault's present form,
// reading it with from (nil: it was plain).
func (db *DB) convert(ctx context.Context, tx *txn, from *crypt.Keys) error {
	for _, t := range sealedTables {
		cols := make([]string, 0, len(t.columns))
		sets := make([]string, 0, 2*len(t.columns))
		for _, c := range t.columns {
			cols = append(cols, c.name)
			sets = append(sets, c.name+" = ?")
			if c.hash != "" {
				sets = append(sets, c.hash+" = ?")
			}
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+t.key+`, `+strings.Join(cols, ", ")+` FROM `+t.table)
		if err != nil {
			return internal("convert "+t.table, err)
		}
		type row struct {
			key  int64
			vals []string
		}
		var all []row
		for rows.Next() {
			r := row{vals: make([]string, len(cols))}
			dest := []any{&r.key}
			for i := range r.vals {
				dest = append(dest, &r.vals[i])
			}
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return internal("convert "+t.table, err)
			}
			all = append(all, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return internal("convert "+t.table, err)
		}
		update := `UPDATE ` + t.table + ` SET ` + strings.Join(sets, ", ") + ` WHERE ` + t.key + ` = ?`
		for _, r := range all {
			args := make([]any, 0, len(sets)+1)
			for i, c := range t.columns {
				col := t.table + "/" + c.name
				plain := r.vals[i]
				if crypt.IsSealed([]byte(plain)) {
					if from == nil {
						return errChanged
					}
					b, err := from.Open(place(col, r.key), []byte(plain))
					if err != nil {
						return internal("convert "+col, err)
					}
					plain = string(b)
				}
				args = append(args, db.seal(col, r.key, plain))
				if c.hash != "" {
					kind := hashID
					if c.name == "phone" {
						kind = hashPhone
					}
					args = append(args, db.hash(kind, plain))
				}
			}
			if _, err := tx.ExecContext(ctx, update, append(args, r.key)...); err != nil {
				return mapError("convert "+t.table, err)
			}
		}
	}
	return nil
}

// EnableEncryption seals every ID and phone number under a new data key
// locked by the passphrase, in one transaction, then every proof file, and
// rewrites the file so that no plain value is left in its free pages.
func (db *DB) EnableEncryption(ctx context.Context, passphrase []byte) error {
	if err := db.serverHasNoEncryption(); err != nil {
		return err
	}
	if err := data.ValidatePassphrase(passphrase); err != nil {
		return err
	}
	if db.files != nil {
		// Another database beside this one may refer to the same files:
		// sealing them would lock it out of them.
		if mine, err := db.files.Claim(db.id, db.path); err != nil {
			return internal("claim proof files", err)
		} else if !mine {
			return data.Invalid("encryption", "err.crypt.shared_proofs")
		}
	}
	k, err := crypt.NewKeys()
	if err != nil {
		return internal("new key", err)
	}
	l, err := k.Lock(passphrase, db.vault.kdf) // the slow part, before the write lock is taken
	if err != nil {
		return internal("lock key", err)
	}
	err = db.tx(ctx, func(tx *txn) error {
		if _, on, err := readLock(ctx, tx); err != nil || on {
			if on {
				return data.Invalid("encryption", "err.crypt.already_on")
			}
			return err
		}
		if db.vault.current() != nil {
			return errChanged
		}
		_, ts := db.stamp()
		if _, err := tx.ExecContext(ctx, `INSERT INTO encryption (id, kdf, time, memory_kib, threads, salt, wrapped_key, kid, files_pending, created_at, updated_at)
			VALUES (1, 'argon2id', ?, ?, ?, ?, ?, ?, 1, ?, ?)`, l.Time, l.MemoryKiB, l.Threads, l.Salt, l.Wrapped, l.KID, ts, ts); err != nil {
			return internal("enable encryption", err)
		}
		// The plain values' cells are zeroed as they are overwritten, so
		// none is left in the file's free space even if the VACUUM below
		// cannot run (another program reading).
		if _, err := tx.ExecContext(ctx, `PRAGMA secure_delete = ON`); err != nil {
			return internal("secure delete", err)
		}
		db.vault.set(k, false)
		if err := db.convert(ctx, tx, nil); err != nil {
			db.vault.set(nil, false)
			return err
		}
		return nil
	})
	if err != nil {
		db.vault.set(nil, false)
		return err
	}
	// Committed: the files follow (a stop or a failure here is finished
	// at the next start: files_pending). Every file reads either way.
	if err := db.resealFiles(ctx); err != nil {
		log.Printf("encryption: seal the proof files: %v", err)
	}
	db.compact(ctx)
	return nil
}

// ChangePassphrase locks the data key under the next passphrase.
func (db *DB) ChangePassphrase(ctx context.Context, current, next []byte) error {
	if err := data.ValidatePassphrase(next); err != nil {
		return err
	}
	l, k, err := db.unlockOn(ctx, current)
	if err != nil {
		return err
	}
	nl, err := k.Lock(next, db.vault.kdf)
	if err != nil {
		return internal("lock key", err)
	}
	return db.tx(ctx, func(tx *txn) error {
		// The lock read above must still be the one: another program may
		// have changed it meanwhile.
		res, err := tx.ExecContext(ctx, `UPDATE encryption SET time = ?, memory_kib = ?, threads = ?, salt = ?, wrapped_key = ?, updated_at = ?
			WHERE id = 1 AND salt = ? AND kid = ?`, nl.Time, nl.MemoryKiB, nl.Threads, nl.Salt, nl.Wrapped, db.stampText(), l.Salt, l.KID)
		if err != nil {
			return internal("change passphrase", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return errChanged
		}
		return nil
	})
}

// unlockOn opens the lock of an encrypted database with the passphrase
// given: what changing the passphrase and turning encryption off begin by.
func (db *DB) unlockOn(ctx context.Context, current []byte) (crypt.Lock, *crypt.Keys, error) {
	l, on, err := readLock(ctx, db.sql)
	if err != nil {
		return l, nil, err
	}
	if !on {
		return l, nil, data.Invalid("encryption", "err.crypt.already_off")
	}
	k, err := openLock(l, current)
	return l, k, err
}

func (db *DB) stampText() string { _, ts := db.stamp(); return ts }

// DisableEncryption writes every value and proof file plain again and
// forgets the key, in one transaction under the write lock: the files are
// made plain first, so a stop before the commit leaves an encrypted
// database whose files the key still opens (and makes them sealed again
// at the next start).
func (db *DB) DisableEncryption(ctx context.Context, current []byte) error {
	l, k, err := db.unlockOn(ctx, current)
	if err != nil {
		return err
	}
	if db.vault.current() == nil {
		return errChanged
	}
	hasProofs, err := db.hasProofs(ctx)
	if err != nil {
		return err
	}
	sf, _ := db.files.(data.SealedProofFiles)
	if hasProofs && sf == nil {
		return internal("disable encryption", errors.New("no folder of proof files to open"))
	}
	// files_pending first, in its own commit: whatever stops the rest,
	// the next start puts every file back in the database's form.
	if _, err := db.sql.ExecContext(ctx, `UPDATE encryption SET files_pending = 1 WHERE id = 1`); err != nil {
		return internal("disable encryption", err)
	}
	err = db.tx(ctx, func(tx *txn) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM encryption WHERE id = 1 AND kid = ?`, l.KID)
		if err != nil {
			return internal("disable encryption", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return errChanged
		}
		db.vault.set(k, true)
		// Every file must be plain before the key goes: one that cannot be
		// read now stops it all.
		if failed, err := db.resealIn(ctx, tx, sf); err != nil || failed > 0 {
			if err == nil {
				err = internal("disable encryption", fmt.Errorf("%d proof files could not be made plain", failed))
			}
			return err
		}
		db.vault.set(nil, false)
		return db.convert(ctx, tx, k)
	})
	if err != nil {
		db.vault.set(k, false)
		if err := db.resealFiles(ctx); err != nil {
			log.Printf("encryption: seal the proof files again: %v", err)
		}
		return err
	}
	db.compact(ctx)
	return nil
}

func (db *DB) hasProofs(ctx context.Context) (bool, error) {
	var n bool
	if err := db.sql.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM proof_refs)`).Scan(&n); err != nil {
		return false, internal("list proofs", err)
	}
	return n, nil
}

// resealFiles writes every proof file in the database's form when a
// conversion left some in the other one (files_pending), under the write
// lock, and then clears the mark.
func (db *DB) resealFiles(ctx context.Context) error {
	sf, _ := db.files.(data.SealedProofFiles)
	if sf == nil {
		return nil // no folder: done once one is given (UseProofFiles)
	}
	return db.tx(ctx, func(tx *txn) error {
		l, on, err := readLock(ctx, tx)
		if err != nil || !on {
			return err
		}
		if k := db.vault.current(); k == nil || string(k.KID()) != string(l.KID) {
			return errChanged
		}
		failed, err := db.resealIn(ctx, tx, sf)
		if err != nil || failed > 0 {
			return err // the mark stays: tried again at the next start
		}
		_, err = tx.ExecContext(ctx, `UPDATE encryption SET files_pending = 0 WHERE id = 1`)
		return err
	})
}

// resealIn writes every proof file in the vault's present form. A file
// that cannot be (damaged, unreadable) is logged and counted, and the
// others go on.
func (db *DB) resealIn(ctx context.Context, tx *txn, sf data.SealedProofFiles) (failed int, err error) {
	if sf == nil {
		return 0, nil
	}
	hashes, err := column[string](ctx, tx, "list proofs", `SELECT DISTINCT sha256 FROM proof_refs`)
	if err != nil {
		return 0, err
	}
	for _, sha := range hashes {
		if err := sf.Reseal(sha); err != nil {
			log.Printf("encryption: proof file %s: %v", sha, err)
			failed++
		}
	}
	return failed, nil
}

// filesPending says whether proof files may still be in the other form.
func (db *DB) filesPending(ctx context.Context) bool {
	var p bool
	err := db.sql.QueryRowContext(ctx, `SELECT files_pending FROM encryption WHERE id = 1`).Scan(&p)
	return err == nil && p
}

// compact rewrites the file after a conversion (VACUUM) and empties the
// WAL: the old values are gone from free pages and from the log. A
// failure (another program reading) leaves them until the next VACUUM;
// the conversion stands.
func (db *DB) compact(ctx context.Context) {
	if _, err := db.sql.ExecContext(ctx, `VACUUM`); err != nil {
		log.Printf("encryption: vacuum: %v", err)
		return
	}
	if _, err := db.sql.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		log.Printf("encryption: checkpoint: %v", err)
	}
}

// SealFile and OpenFile seal the proof files (data.FileSealer).
func (v *vault) SealFile(name string, plain []byte) ([]byte, error) {
	v.mu.RLock()
	k, plainFiles := v.keys, v.plainFiles
	v.mu.RUnlock()
	if k == nil || plainFiles {
		return plain, nil
	}
	return k.Seal("proof:"+name, plain), nil
}

func (v *vault) OpenFile(name string, b []byte) ([]byte, error) {
	if !crypt.IsSealed(b) {
		return b, nil
	}
	k := v.current()
	if k == nil {
		return nil, errChanged
	}
	plain, err := k.Open("proof:"+name, b)
	if errors.Is(err, crypt.ErrOtherKey) {
		return nil, errChanged
	}
	return plain, err
}

// ProofSealer is what opens this database's proof files (to view one).
func (db *DB) ProofSealer() data.FileSealer { return db.vault }

// checkSealing refuses to keep a proof file when another program turned
// encryption on or off since this one opened: the file would be written
// in the wrong form. Called under the write lock.
func (db *DB) checkSealing(ctx context.Context, tx *txn) error {
	l, on, err := readLock(ctx, tx)
	if err != nil {
		return err
	}
	k := db.vault.current()
	if on != (k != nil) || on && string(k.KID()) != string(l.KID) {
		return errChanged
	}
	return nil
}

func unlockWith(db *sql.DB, path string, opts []Option) (*vault, error) {
	var o openOptions
	for _, f := range opts {
		f(&o)
	}
	return unlock(context.Background(), db, path, o)
}

// sealProofFiles gives a folder of proof files the database's key, and
// finishes a conversion of its files that was stopped.
func (db *DB) sealProofFiles(ctx context.Context, f data.ProofFiles) error {
	sf, ok := f.(data.SealedProofFiles)
	if !ok {
		return nil
	}
	sf.UseSealer(db.vault)
	if db.vault.current() != nil && db.filesPending(ctx) {
		return db.resealFiles(ctx)
	}
	return nil
}
