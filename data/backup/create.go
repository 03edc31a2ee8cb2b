package backup

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/files"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/data/store"
)

// Source is what a backup copies: the database at DB, the folder of proof
// files beside it and the key file (store.KeyPath).
type Source struct {
	DB         string
	Proofs     string
	AppVersion string
	Now        time.Time
}

// Create writes a backup of src to w. The database is copied with VACUUM
// INTO: one consistent snapshot, taken while other programs may be reading
// and writing it (they are not held up), without its free pages. The
// proof files are those the snapshot's records refer to.
func Create(ctx context.Context, src Source, w io.Writer) (*Manifest, error) {
	if _, err := os.Stat(src.DB); err != nil {
		return nil, refused("err.backup.no_database", "Path", src.DB)
	}
	sweep(src.DB, src.Now)
	// The snapshot holds full ID numbers: in the journal, so that a backup
	// killed halfway leaves none at the next start.
	tmp, done, err := files.ScratchDirIn(filepath.Dir(src.DB)) // 0700
	if err != nil {
		return nil, internal("temporary folder", err)
	}
	defer done()
	snap := filepath.Join(tmp, DBName)
	if err := snapshot(ctx, src.DB, snap); err != nil {
		return nil, err
	}
	info, err := inspect(ctx, snap)
	if err != nil {
		return nil, err
	}
	m := &Manifest{App: App, Format: Format, AppVersion: src.AppVersion, CreatedAt: src.Now.In(data.Beijing).Truncate(time.Second),
		KID: info.kid, Schema: info.schema}
	z := zip.NewWriter(w)
	add := func(name string, r io.Reader) error {
		zw, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: m.CreatedAt})
		if err != nil {
			return err
		}
		h := sha256.New()
		n, err := io.Copy(io.MultiWriter(zw, h), r)
		if err != nil {
			return err
		}
		m.Files = append(m.Files, File{Name: name, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))})
		return nil
	}
	f, err := os.Open(snap)
	if err != nil {
		return nil, internal("read the snapshot", err)
	}
	err = add(DBName, f)
	f.Close()
	if err != nil {
		return nil, internal("write the backup", err)
	}
	// The key goes in when it is this database's; a backup of a database
	// that lost its key still keeps its records.
	if b, ok := readSmall(store.KeyPath(src.DB), maxKey); ok {
		if priv, err := store.ParseKey(b); err == nil && bytes.Equal(priv.Public().(ed25519.PublicKey), info.public) {
			if err := add(KeyName, bytes.NewReader(b)); err != nil {
				return nil, internal("write the backup", err)
			}
		}
	}
	kept := &proofs.Store{Dir: src.Proofs}
	for _, p := range info.proofs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, ok := readProof(kept.Path(p), p.SHA256)
		if !ok || !proofName(proofBase(p)) {
			m.Missing = append(m.Missing, p.SHA256)
			continue
		}
		if err := add(proofsPrefix+proofBase(p), bytes.NewReader(b)); err != nil {
			return nil, internal("write the backup", err)
		}
	}
	mb, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, internal("manifest", err)
	}
	zw, err := z.CreateHeader(&zip.FileHeader{Name: ManifestName, Method: zip.Deflate, Modified: m.CreatedAt})
	if err == nil {
		_, err = zw.Write(mb)
	}
	if err == nil {
		err = z.Close()
	}
	if err != nil {
		return nil, internal("write the backup", err)
	}
	return m, nil
}

// CreateFile writes a backup of src to the file out (0600), whole or not
// at all: into a temporary file beside it, synced, then renamed.
func CreateFile(ctx context.Context, src Source, out string) (*Manifest, error) {
	// In the journal: a backup killed halfway, wherever it was going, is
	// removed at the next start (it holds full ID numbers).
	tmp, done, err := files.CreateTemp(filepath.Dir(out), ".swcert-", ".zip")
	if err != nil {
		return nil, err
	}
	defer done()
	defer os.Remove(tmp.Name()) // gone once renamed
	m, err := Create(ctx, src, tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		return nil, err
	}
	files.SyncDir(filepath.Dir(out))
	return m, nil
}

// snapshot copies the database at db into the new file at to (0600).
func snapshot(ctx context.Context, db, to string) error {
	// VACUUM INTO wants the file not there or empty; made here so that
	// it is private from the start.
	f, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return internal("snapshot file", err)
	}
	f.Close()
	src, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return internal("open", err)
	}
	defer src.Close()
	if _, err := src.ExecContext(ctx, `VACUUM INTO ?`, to); err != nil {
		if isNotDatabase(err) {
			return refused("err.backup.source_damaged", "Path", db)
		}
		return internal("snapshot", err)
	}
	return nil
}

// readProof reads a kept proof file, if it is there whole: a regular
// file, within bounds, whose content is its hash.
func readProof(path, sha string) ([]byte, bool) {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxProof {
		return nil, false
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxProof+1))
	if err != nil || len(b) > maxProof {
		return nil, false
	}
	sum := sha256.Sum256(b)
	return b, hex.EncodeToString(sum[:]) == sha
}

// readSmall reads the regular file at path if it holds at most max bytes.
func readSmall(path string, max int64) ([]byte, bool) {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > max {
		return nil, false
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	return b, err == nil && int64(len(b)) <= max
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}
