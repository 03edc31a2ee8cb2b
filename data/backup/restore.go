package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/files"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/data/store"
	lib "modernc.org/sqlite"
)

// Target is where a backup is restored to: the database at DB (there or
// not), the folder of proof files beside it, and its key file.
type Target struct {
	DB         string
	Proofs     string
	AppVersion string
	Now        time.Time
}

// Restored says what a restore did.
type Restored struct {
	Manifest *Manifest
	// Kept is the backup of the database that was replaced, made just
	// before ("" when there was none): a mistyped restore loses nothing.
	Kept string
}

// BackupsDir is the folder of backups beside the database at db: the
// automatic ones and those kept before a restore.
func BackupsDir(db string) string { return filepath.Join(filepath.Dir(db), "backups") }

// Restore replaces the database of t, its key and proofs with the backup
// at file. Nothing is touched until the backup was read and checked
// whole (stage). The database there now, if any, is first backed up into
// BackupsDir; one that cannot be (damaged, not SWCert's) is refused,
// left as it is, with a message that says to move it away first.
//
// Then: the proof files are added (files already there of the same
// content stay; they are named by their hash), the database replaced in
// one transaction through SQLite's backup interface (programs that have
// it open see the restored records at their next read; none sees half),
// and the key file replaced. A crash between the last two leaves the
// restored records with the previous key file, which signing refuses as
// not the database's: restoring again finishes it.
func Restore(ctx context.Context, file string, t Target) (*Restored, error) {
	dir := filepath.Dir(t.DB)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, internal("folder", err)
	}
	sweep(t.DB, t.Now)
	// Beside the database (its files are moved from there), and in the
	// journal: a restore killed halfway leaves no copy at the next start.
	tmp, done, err := files.ScratchDirIn(dir)
	if err != nil {
		return nil, internal("temporary folder", err)
	}
	defer done()
	st, err := stage(ctx, file, tmp)
	if err != nil {
		return nil, err
	}
	res := &Restored{Manifest: st.m}
	replaced := "" // the key ID of the database replaced
	// An empty file is no database (SQLite leaves one when it could not
	// make its first table): nothing to keep.
	fi, err := os.Stat(t.DB)
	live := err == nil && fi.Size() > 0
	if live {
		if res.Kept, replaced, err = keepCurrent(ctx, t); err != nil {
			return nil, err
		}
	}
	if err := restoreProofs(st, t.Proofs); err != nil {
		return nil, err
	}
	staged := filepath.Join(st.dir, DBName)
	if live {
		err = copyInto(ctx, t.DB, staged)
	} else {
		err = os.Rename(staged, t.DB)
		files.SyncDir(dir)
	}
	if err != nil {
		return nil, internal("replace the database", err)
	}
	keyPath := store.KeyPath(t.DB)
	if st.key != nil {
		err = store.WriteKeyFile(keyPath, st.key, true)
	} else if err = os.Remove(keyPath); errors.Is(err, fs.ErrNotExist) {
		err = nil // a backup without its key: no other key may stand for it
	}
	if err != nil {
		return nil, internal("replace the key", err)
	}
	// The folder of proofs goes on being the restored database's to clean
	// when it was the replaced one's (another installation's backup has
	// another key ID; the folder would count as shared, never cleaned).
	if replaced != "" {
		if err := (&proofs.Store{Dir: t.Proofs}).Hand(replaced, st.m.KID); err != nil {
			return nil, internal("hand the proofs folder", err)
		}
	}
	return res, nil
}

// keepCurrent backs up the database about to be replaced; it returns
// the backup's path and the database's key ID.
func keepCurrent(ctx context.Context, t Target) (string, string, error) {
	dir := BackupsDir(t.DB)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", "", internal("backups folder", err)
	}
	name := fmt.Sprintf("%s-before-restore-%s.zip", strings.TrimSuffix(filepath.Base(t.DB), filepath.Ext(t.DB)), t.Now.In(data.Beijing).Format("20060102-150405"))
	path := filepath.Join(dir, name)
	for i := 2; exists(path); i++ {
		path = filepath.Join(dir, fmt.Sprintf("%s-%d.zip", strings.TrimSuffix(name, ".zip"), i))
	}
	m, err := CreateFile(ctx, Source(t), path)
	if err != nil {
		if e := data.AsError(err); e != nil {
			return "", "", refused("err.restore.current_unreadable", "Path", t.DB)
		}
		return "", "", err
	}
	return path, m.KID, nil
}

// restoreProofs moves the backup's proof files into the folder of proofs,
// where a whole file of that content is not kept already.
func restoreProofs(st *staged, dir string) error {
	for _, mf := range st.m.Files {
		base, ok := strings.CutPrefix(mf.Name, proofsPrefix)
		if !ok {
			continue
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return internal("proofs folder", err)
		}
		dest := filepath.Join(dir, base)
		if _, ok := readProof(dest, strings.TrimSuffix(base, filepath.Ext(base))); ok {
			continue
		}
		if err := os.Rename(filepath.Join(st.dir, filepath.FromSlash(mf.Name)), dest); err != nil {
			return internal("restore a proof", err)
		}
	}
	files.SyncDir(dir)
	return nil
}

// copyInto replaces the content of the database at db with the database
// at from, in one write transaction of db (SQLite's backup interface).
func copyInto(ctx context.Context, db, from string) error {
	dst, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer dst.Close()
	conn, err := dst.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*lib.Backup, error)
		})
		if !ok {
			return errors.New("the driver has no backup interface")
		}
		b, err := r.NewRestore(from)
		if err != nil {
			return err
		}
		_, err = b.Step(-1)
		if ferr := b.Finish(); err == nil {
			err = ferr
		}
		return err
	})
}
