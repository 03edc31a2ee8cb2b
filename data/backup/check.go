package backup

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"io/fs"
	"os"
	"runtime"
	"sort"
	"strconv"

	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/data/store"
)

// What check can find wrong.
const (
	ProblemIntegrity    = "integrity"     // SQLite finds the file damaged, or a reference points nowhere
	ProblemSchema       = "schema"        // tables, indexes or triggers are not those SWCert made
	ProblemProofMissing = "proof_missing" // a record refers to a proof file that is not there
	ProblemProofDamaged = "proof_damaged" // the file is there but not whole (its hash differs)
	ProblemKeyMissing   = "key_missing"   // no key file: no seal can be made
	ProblemKeyMismatch  = "key_mismatch"  // the key file holds another key, or no key
	ProblemKeyOpen      = "key_open"      // others than the owner may read the key file
	ProblemKeyInside    = "key_inside"    // the private key is still in the database file
	// The audit log's chain is broken (Detail: the entry's number):
	// ProblemAudit + data.AuditAltered, AuditMissing or AuditOutOfOrder.
	ProblemAudit = "audit_"
)

// auditSchema is the migration that made the audit log (00014).
const auditSchema = 14

// Problem is one thing check found wrong. Detail is the file or SQLite's
// line about it.
type Problem struct {
	Kind   string `json:"kind"`
	Detail string `json:"detail"`
}

// Report is what check found: nothing in Problems when all is sound.
type Report struct {
	DB       string    `json:"db"`
	KID      string    `json:"kid"`
	Proofs   int       `json:"proofs"`
	Problems []Problem `json:"problems"`
}

// Check looks at the database at db without changing it: SQLite's
// integrity and foreign-key checks, every proof file its records refer to
// present in proofDir with its hash, and the key file present, private to
// its owner and the database's. A database that is not there, damaged
// past reading or not SWCert's is an error that says which.
func Check(ctx context.Context, db, proofDir string) (*Report, error) {
	if !exists(db) {
		return nil, refused("err.backup.no_database", "Path", db)
	}
	conn, err := openRead(db)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	r := &Report{DB: db, Problems: []Problem{}}
	lines, err := integrity(ctx, conn)
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		r.Problems = append(r.Problems, Problem{ProblemIntegrity, l})
	}
	info, err := inspectDB(ctx, conn, db)
	if err != nil {
		if len(lines) > 0 && errKind(err) == "" {
			return r, nil // damaged past reading the records: what SQLite said
		}
		return nil, err
	}
	r.KID, r.Proofs = info.kid, len(info.proofs)
	if want, err := store.SchemaAt(ctx, info.schema); err != nil {
		return nil, internal("schema", err)
	} else if got, err := store.ReadSchema(ctx, conn); err != nil {
		return nil, internal("schema", err)
	} else {
		var differ []string
		for k, v := range got {
			if w, ok := want[k]; !ok || w != v {
				differ = append(differ, k)
			}
		}
		for k := range want {
			if _, ok := got[k]; !ok {
				differ = append(differ, k)
			}
		}
		sort.Strings(differ)
		for _, k := range differ {
			r.Problems = append(r.Problems, Problem{ProblemSchema, k})
		}
	}
	if info.schema >= auditSchema && len(lines) == 0 {
		_, br, err := store.VerifyAuditFile(ctx, conn)
		if err != nil {
			return nil, err
		}
		if br != nil {
			r.Problems = append(r.Problems, Problem{ProblemAudit + br.Reason, strconv.FormatInt(br.ID, 10)})
		}
	}
	kept := &proofs.Store{Dir: proofDir}
	for _, p := range info.proofs {
		path := kept.Path(p)
		if _, ok := readProof(path, p.SHA256); ok {
			continue
		}
		kind := ProblemProofDamaged
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			kind = ProblemProofMissing
		}
		r.Problems = append(r.Problems, Problem{kind, path})
	}
	keyPath := store.KeyPath(db)
	fi, err := os.Lstat(keyPath)
	switch {
	case info.keyInside: // a database an older SWCert left: the next start moves it
		r.Problems = append(r.Problems, Problem{ProblemKeyInside, db})
	case errors.Is(err, fs.ErrNotExist):
		r.Problems = append(r.Problems, Problem{ProblemKeyMissing, keyPath})
	case err != nil || !fi.Mode().IsRegular() || fi.Size() > maxKey:
		r.Problems = append(r.Problems, Problem{ProblemKeyMismatch, keyPath})
	default:
		b, ok := readSmall(keyPath, maxKey)
		priv, perr := store.ParseKey(b)
		if !ok || perr != nil || !bytes.Equal(priv.Public().(ed25519.PublicKey), info.public) {
			r.Problems = append(r.Problems, Problem{ProblemKeyMismatch, keyPath})
		} else if runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0 { // Windows has no such bits
			r.Problems = append(r.Problems, Problem{ProblemKeyOpen, keyPath})
		}
	}
	return r, nil
}
