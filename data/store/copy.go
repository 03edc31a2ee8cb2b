package store

import (
	"context"
	"fmt"
	"log"
	"slices"
	"strings"

	"github.com/swcert/swcert/data"
)

// Copying a whole store into another (`swcert migrate`): a SQLite file to
// the agency's shared server, or the server to a file. Every record's row
// is copied as it is, under its own id (so every reference stays), in one
// transaction of the target, with the source read in one snapshot; the
// proof files go with them, and the counts of both sides are compared
// before the commit.

// copyTables are the tables copied, in the order their foreign keys
// need (a row's parent is copied before it).
var copyTables = []string{
	"holders", "certificates", "annotations", "seal_keys", "registrations", "ce_records", "ce_proofs",
	"paper", "mail_forms", "calendar_events", "reminders", "profiles", "photos", "transfers",
	"work_history", "work_proofs", "honours", "honour_proofs", "projects", "participants", "service_records",
}

// notCopied are the tables left out, and why: a table of the schema in
// neither list fails TestCopyKnowsEveryTable, so a new one is decided on.
var notCopied = map[string]string{
	"attention":        "worked out again from the records (their triggers mark the holders)",
	"attention_fresh":  "worked out again from the records",
	"proof_drops":      "files whose last reference went: none is copied",
	"encryption":       "the target is plain (a server keeps no encryption at rest of its own)",
	"store_meta":       "the server's own: the rules version, set when the store opens",
	"proof_files":      "the files, copied with the proofs that refer to them",
	"goose_db_version": "the target is migrated to the same version first",
	"staff_offices":    "the server's logins and their offices: each server's own (swcert admin)",
	"holder_search":    "the server's search keys, kept by the holders' triggers",
	// The log's chain is the target's: its entries are the copy's writes,
	// by who ran the migration, from the first (the source's log stays
	// with the source, which migrate leaves as it was).
	"audit":      "the target's own log records the copy's writes as its first entries",
	"audit_head": "the end of the target's own log",
}

// CopyCount is one table's rows on both sides of a copy (the proof files
// as "proof files": the distinct files the records refer to).
type CopyCount struct {
	Table  string `json:"table"`
	Source int64  `json:"source"`
	Target int64  `json:"target"`
}

// ProofReader reads the plain content of a kept proof file (proofs.Store).
type ProofReader interface {
	Open(p data.Proof) ([]byte, error)
}

// ProofFileCount names the proof files in CopyFrom's counts.
const ProofFileCount = "proof files"

// CopyFrom copies every record of src, and the proof files they refer to
// (read through files), into db, which must hold none: all in one
// transaction of db, committed only when every table's count is the
// source's. Sealed values of an encrypted source are copied plain (db is
// plain: an encrypted file is refused). The source's seal keys are copied
// as trusted public keys; db's own key stays its own (app puts the
// source's key file in place first, when db has none). On a server the
// identity sequences continue after the copied ids.
func (db *DB) CopyFrom(ctx context.Context, src *DB, files ProofReader) ([]CopyCount, error) {
	if db.vault.current() != nil {
		return nil, data.Invalid("to", "err.migrate.target_encrypted")
	}
	if !db.KeepsProofFiles() {
		return nil, internal("copy", fmt.Errorf("the target has no folder for proof files"))
	}
	if src.onServer() {
		// An office's login sees its office's records only (row-level
		// security): its copy would be part of the database.
		office, err := src.loginOffice(ctx)
		if err != nil {
			return nil, err
		}
		if office != "" {
			return nil, data.Invalid("from", "err.migrate.office_login", "Office", office)
		}
	}
	var counts []CopyCount
	err := db.bulkTx(ctx, func(tx *txn) error {
		if err := db.checkEmpty(ctx, tx); err != nil {
			return err
		}
		from, err := src.readTx(ctx)
		if err != nil {
			return internal("copy: read the source", err)
		}
		defer from.Rollback()
		counts = counts[:0]
		for _, table := range copyTables {
			n, err := db.copyTable(ctx, tx, src, from, table)
			if err != nil {
				return err
			}
			c := CopyCount{Table: table}
			if err := from.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&c.Source); err != nil {
				return internal("copy: count "+table, err)
			}
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&c.Target); err != nil {
				return internal("copy: count "+table, err)
			}
			if table == "seal_keys" {
				// The target's own key may be there already (published when
				// it opened, or made for a new file): what counts is that
				// every source key is there.
				c.Target = n
			}
			counts = append(counts, c)
		}
		c, err := db.copyFiles(ctx, tx, from, files)
		if err != nil {
			return err
		}
		counts = append(counts, c)
		var wrong []string
		for _, c := range counts {
			if c.Source != c.Target {
				wrong = append(wrong, fmt.Sprintf("%s %d → %d", c.Table, c.Source, c.Target))
			}
		}
		if len(wrong) > 0 {
			return &data.Error{Code: data.EINTERNAL, Key: "err.migrate.counts", Args: map[string]any{"Tables": strings.Join(wrong, ", ")}}
		}
		if db.onServer() {
			return continueSequences(ctx, tx)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return counts, nil
}

// checkEmpty refuses a target that holds any record (its own key, and
// keys published by installations that opened it, are no records).
func (db *DB) checkEmpty(ctx context.Context, tx *txn) error {
	for _, table := range copyTables {
		if table == "seal_keys" {
			continue
		}
		var n int64
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			return internal("copy: count "+table, err)
		}
		if n > 0 {
			if table == "holders" {
				return data.Invalid("to", "err.migrate.target_has_holders", "Count", n)
			}
			return data.Invalid("to", "err.migrate.target_not_empty", "Table", table, "Count", n)
		}
	}
	return nil
}

// copyTable copies the rows of one table, and returns how many of the
// source's are in the target after it.
func (db *DB) copyTable(ctx context.Context, tx *txn, src *DB, from *txn, table string) (int64, error) {
	rows, err := from.QueryContext(ctx, `SELECT * FROM `+table)
	if err != nil {
		return 0, internal("copy: read "+table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, internal("copy: read "+table, err)
	}
	sealed := sealedColumns(table)
	key := slices.Index(cols, sealed.key)
	place := make([]string, len(cols))
	for i := range cols {
		place[i] = "?"
	}
	insert := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES (` + strings.Join(place, ", ") + `)`
	if table == "seal_keys" {
		insert += ` ON CONFLICT (kid) DO NOTHING`
	}
	var n int64
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return 0, internal("copy: read "+table, err)
		}
		for i, col := range cols {
			switch {
			case sealed.hashes[col]:
				vals[i] = nil // the keyed hashes of a sealed value: a plain database has none
			case sealed.values[col]:
				if vals[i], err = revealed(src, table+"/"+col, vals[key], vals[i]); err != nil {
					return 0, err
				}
			case table == "seal_keys" && col == "own":
				vals[i] = 0 // the target's own key is its own (copyFrom)
			case table == "seal_keys" && col == "private_key":
				vals[i] = nil // never in a database since 00010
			}
		}
		if _, err := tx.ExecContext(ctx, insert, vals...); err != nil {
			return 0, copyError(table, err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return 0, internal("copy: read "+table, err)
	}
	if table == "seal_keys" {
		// Those already there count: a conflict skipped their insert.
		return countKeys(ctx, tx, from)
	}
	return n, nil
}

// countKeys counts the source's keys that the target holds.
func countKeys(ctx context.Context, tx, from *txn) (int64, error) {
	kids, err := column[string](ctx, from, "copy: read seal_keys", `SELECT kid FROM seal_keys`)
	if err != nil {
		return 0, err
	}
	var n int64
	for _, kid := range kids {
		var there bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM seal_keys WHERE kid = ?)`, kid).Scan(&there); err != nil {
			return 0, internal("copy: count seal_keys", err)
		}
		if there {
			n++
		}
	}
	return n, nil
}

// copyError is a row the target refused, in words naming its table: the
// detail (which may hold a person's data) goes to the log only. A race
// with another office stays what it is, to be run again.
func copyError(table string, err error) error {
	if raced(err) || data.AsError(err) != nil {
		return err
	}
	log.Printf("copy %s: %v", table, err)
	return &data.Error{Code: data.EINTERNAL, Key: "err.migrate.row", Args: map[string]any{"Table": table}}
}

type sealedSet struct {
	key            string
	values, hashes map[string]bool
}

// sealedColumns are the columns of table sealed while a file is
// encrypted (sealedTables), and their keyed hashes.
func sealedColumns(table string) sealedSet {
	s := sealedSet{values: map[string]bool{}, hashes: map[string]bool{}}
	for _, t := range sealedTables {
		if t.table != table {
			continue
		}
		s.key = t.key
		for _, c := range t.columns {
			s.values[c.name] = true
			if c.hash != "" {
				s.hashes[c.hash] = true
			}
		}
	}
	return s
}

// revealed is a sealed column's value as plain text.
func revealed(src *DB, column string, key, v any) (any, error) {
	var stored string
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		stored = x
	case []byte:
		stored = string(x)
	default:
		return v, nil
	}
	row, _ := key.(int64)
	return src.reveal(column, row, stored)
}

// copyFiles copies the file of every hash the source's records refer to.
func (db *DB) copyFiles(ctx context.Context, tx, from *txn, files ProofReader) (CopyCount, error) {
	c := CopyCount{Table: ProofFileCount}
	rows, err := from.QueryContext(ctx, `SELECT sha256, min(type) FROM proof_refs GROUP BY sha256 ORDER BY sha256`)
	if err != nil {
		return c, internal("copy: list proofs", err)
	}
	var refs []data.Proof
	for rows.Next() {
		var p data.Proof
		if err := rows.Scan(&p.SHA256, &p.Type); err != nil {
			rows.Close()
			return c, internal("copy: list proofs", err)
		}
		refs = append(refs, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return c, internal("copy: list proofs", err)
	}
	c.Source = int64(len(refs))
	for _, p := range refs {
		b, err := files.Open(p)
		if err != nil {
			log.Printf("copy: the proof file %s: %v", p.SHA256, err)
			return c, &data.Error{Code: data.EINTERNAL, Key: "err.migrate.proof_missing", Args: map[string]any{"Hash": p.SHA256}}
		}
		p.Data, p.Size = b, int64(len(b))
		if err := db.keepProof(tx, &p); err != nil {
			return c, err
		}
		p.Data = nil
	}
	// What the target holds now, counted where it keeps them.
	if db.onServer() {
		err = tx.QueryRowContext(ctx, `SELECT count(*) FROM proof_files`).Scan(&c.Target)
		return c, err
	}
	kept, err := db.files.Kept()
	if err != nil {
		return c, internal("copy: list proof files", err)
	}
	have := map[string]bool{}
	for _, sha := range kept {
		have[sha] = true
	}
	for _, p := range refs {
		if have[p.SHA256] {
			c.Target++
		}
	}
	return c, nil
}

// continueSequences sets every identity column's sequence after the
// largest id copied: the next row a server numbers gets a new id.
func continueSequences(ctx context.Context, tx *txn) error {
	rows, err := tx.QueryContext(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND is_identity = 'YES'`)
	if err != nil {
		return internal("copy: sequences", err)
	}
	type ident struct{ table, column string }
	var all []ident
	for rows.Next() {
		var i ident
		if err := rows.Scan(&i.table, &i.column); err != nil {
			rows.Close()
			return internal("copy: sequences", err)
		}
		all = append(all, i)
	}
	rows.Close()
	for _, i := range all {
		// max + 1, not yet called: also right for an empty table (1).
		q := fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', '%s'), coalesce(max(%s), 0) + 1, false) FROM %s`,
			i.table, i.column, i.column, i.table)
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return internal("copy: sequence of "+i.table, err)
		}
	}
	return nil
}
