package store

import (
	"context"
	"errors"
	"log"

	"github.com/swcert/swcert/data"
)

// The files of proofs follow the records that refer to them: a record's
// new files are written inside the transaction that saves it, just before
// the commit (a save refused or failed removes them again), and a file is
// removed once the last proof referring to its hash is gone, after the
// delete was committed (a failed commit must not lose a file the record
// still names). Both happen under the database's write lock, which every
// process writing to this database takes: a removal checks that nothing
// refers to the hash and removes the file in one locked step, so no writer
// can find the file kept, skip writing it, and refer to it in between.

// UseProofFiles makes f keep the files of proofs, and removes the files
// no record refers to: those a crash left between a delete and the
// removal of its files, and those earlier versions left (they kept a file
// the moment it was attached, saved or not, and never removed one).
//
// On a server the database keeps the files itself (proof_blobs.go): f
// (a proofs.Store reading them there) is not written to, and the sweep
// is of the rows of proof_files.
func (db *DB) UseProofFiles(ctx context.Context, f data.ProofFiles) error {
	db.files = f
	if db.onServer() {
		unused, err := db.unreferencedBlobs(ctx)
		if err != nil {
			return err
		}
		return db.removeUnreferenced(ctx, unused)
	}
	if err := db.sealProofFiles(ctx, f); err != nil {
		return err
	}
	// Claimed at once: a second database beside the first makes the folder
	// shared before it keeps a file there.
	if _, err := f.Claim(db.ownID(ctx), db.path); err != nil {
		return internal("claim proof files", err)
	}
	kept, err := f.Kept()
	if err != nil {
		return internal("list proof files", err)
	}
	refs, err := column[string](ctx, db.sql, "list proofs", `SELECT DISTINCT sha256 FROM proof_refs`)
	if err != nil {
		return err
	}
	used := map[string]bool{}
	for _, sha := range refs {
		used[sha] = true
	}
	var unused []string
	for _, sha := range kept {
		if !used[sha] {
			unused = append(unused, sha) // checked again under the lock
		}
	}
	return db.removeUnreferenced(ctx, unused)
}

// KeepsProofFiles says whether the store has a folder of proof files
// (UseProofFiles): records with files can be saved.
// A server always can: it keeps them itself.
func (db *DB) KeepsProofFiles() bool { return db.files != nil || db.onServer() }

// removeUnreferenced removes the files of the hashes given and of those
// whose references were dropped (proof_drops) that no proof refers to.
// A file that cannot be removed now is tried again at the next start; the
// write that made it unreferenced stands.
func (db *DB) removeUnreferenced(ctx context.Context, hashes []string) error {
	if db.files == nil && !db.onServer() {
		return nil // no folder of files: the drops wait for one
	}
	if len(hashes) == 0 {
		var pending bool
		if err := db.sql.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM proof_drops)`).Scan(&pending); err != nil || !pending {
			return err
		}
	}
	// Only the one database that uses the folder removes files from it:
	// another database beside this one may refer to the same file.
	// Asked each time: another database may have started using it.
	mine := true // a server's files are its own
	if !db.onServer() {
		var err error
		if mine, err = db.files.Claim(db.ownID(ctx), db.path); err != nil {
			log.Printf("proofs: claim the folder: %v", err)
			return err
		}
	}
	err := db.tx(ctx, func(tx *txn) error {
		if !mine {
			_, err := tx.ExecContext(ctx, `DELETE FROM proof_drops`)
			return err
		}
		drops, err := column[string](ctx, tx, "list dropped proofs", `SELECT sha256 FROM proof_drops`)
		if err != nil {
			return err
		}
		hashes = append(hashes, drops...)
		done := map[string]bool{}
		for _, sha := range hashes {
			if done[sha] {
				continue
			}
			done[sha] = true
			used, err := proofUsed(ctx, tx, sha)
			if err != nil {
				return err
			}
			if !used && db.onServer() {
				// In this transaction: committed with the check.
				// With the owner's rights: an office's login no longer sees
				// a file none of its records refers to (00023).
				if _, err := tx.ExecContext(ctx, `SELECT swcert_proof_drop(?)`, sha); err != nil {
					return err
				}
			} else if !used {
				if err := db.files.Remove(sha); err != nil {
					log.Printf("proofs: remove a file no record refers to: %v", err)
					if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO proof_drops (sha256) VALUES (?)`, sha); err != nil {
						return err
					}
					continue
				}
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM proof_drops WHERE sha256 = ?`, sha); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && data.AsError(err) == nil {
		log.Printf("proofs: %v", err)
	}
	return err
}

// proofUsed says whether any record refers to the file of sha. On a
// server every office's records count, whatever the login may see (an
// office's staff see their office's records only, 00016, and no login
// but the owner reads the view proof_refs).
func proofUsed(ctx context.Context, tx *txn, sha string) (bool, error) {
	q := `SELECT EXISTS (SELECT 1 FROM proof_refs WHERE sha256 = ?)`
	if tx.dialect == postgresSQL {
		q = `SELECT swcert_proof_used(?)`
	}
	var used bool
	err := tx.QueryRowContext(ctx, q, sha).Scan(&used)
	return used, err
}

// checkProofs refuses a proof that carries no file and that no record
// refers to: it would name a file that is not kept.
func (db *DB) checkProofs(ctx context.Context, tx *txn, r *data.CERecord) error {
	return db.checkFiles(ctx, tx, r.Proofs)
}

// checkFiles is checkProofs for the proofs of any record (proof_refs
// names every file a record refers to).
func (db *DB) checkFiles(ctx context.Context, tx *txn, proofs []data.Proof) error {
	for _, p := range proofs {
		if p.Data != nil && tx.keptNow[p.SHA256] {
			continue // kept by this transaction, which checked the sealing then
		}
		if p.Data != nil {
			if db.files == nil && !db.onServer() {
				return internal("keep proof", errors.New("no folder for proof files"))
			}
			if err := db.checkSealing(ctx, tx); err != nil {
				return err
			}
			continue
		}
		known, err := proofUsed(ctx, tx, p.SHA256)
		if err != nil {
			return internal("check proofs", err)
		}
		if !known {
			return internal("check proofs", errors.New("a proof without its file"))
		}
	}
	return nil
}

// keepProof writes the file of a proof attached to a record being saved.
func (db *DB) keepProof(tx *txn, p *data.Proof) error {
	if p.Data == nil || tx.keptNow[p.SHA256] {
		return nil
	}
	if db.onServer() {
		// The transaction's own context is the statement's: a cancelled
		// one has failed the transaction already.
		if err := db.keepBlob(context.Background(), tx, p); err != nil {
			return internal("keep proof", err)
		}
	} else {
		if err := db.files.Keep(*p); err != nil {
			return internal("keep proof", err)
		}
		tx.kept = append(tx.kept, p.SHA256) // a rollback leaves the file: removed after it
	}
	if tx.keptNow == nil {
		tx.keptNow = map[string]bool{}
	}
	tx.keptNow[p.SHA256] = true
	return nil
}

// savedProofs forgets the content of proofs whose files are kept now.
func savedProofs(r *data.CERecord) { savedFiles(r.Proofs) }

func savedFiles(proofs []data.Proof) {
	for i := range proofs {
		proofs[i].Data = nil
	}
}
