package backup

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"

	"github.com/swcert/swcert/data/files"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/data/store"
)

// staged is a backup read and checked whole, its files in a folder of
// their own (the database as DBName, the key as KeyName, the proofs
// under their names).
type staged struct {
	dir  string
	m    *Manifest
	info *dbInfo
	key  ed25519.PrivateKey // nil when the backup holds none
}

// Inspect reads the backup at file and checks it whole, as a restore does
// before it touches anything, without restoring it. tmp is a folder for
// the files while they are checked (removed after).
func Inspect(ctx context.Context, file, tmp string) (*Manifest, error) {
	dir, done, err := files.ScratchDirIn(tmp)
	if err != nil {
		return nil, internal("temporary folder", err)
	}
	defer done()
	st, err := stage(ctx, file, dir)
	if err != nil {
		return nil, err
	}
	return st.m, nil
}

// stage reads the backup at file into dir and checks everything a restore
// depends on: that it is a complete SWCert backup of a format this build
// reads, every file present with the size and hash the manifest gives and
// nothing else in it, the database sound and SWCert's, of a schema this
// build knows, its key the database's. Every read is bounded: a backup is
// anybody's file.
func stage(ctx context.Context, file, dir string) (*staged, error) {
	f, err := os.Open(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, refused("err.backup.not_found", "Path", file)
		}
		return nil, refused("err.backup.unreadable", "Path", file)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return nil, refused("err.backup.not_file", "Path", file)
	}
	zr, err := zip.NewReader(f, fi.Size())
	if err != nil {
		// A ZIP is read from its end: a truncated one has none.
		return nil, refused("err.backup.not_zip", "Path", file)
	}
	if len(zr.File) > maxEntries+1 {
		return nil, refused("err.backup.foreign", "Path", file)
	}
	entries := map[string]*zip.File{}
	var manifest *zip.File
	for _, e := range zr.File {
		if _, dup := entries[e.Name]; dup || e.Name == "" {
			return nil, refused("err.backup.foreign", "Path", file)
		}
		if e.Name != ManifestName && limit(e.Name) == 0 {
			// A folder, a path with "..", an absolute path, anything that
			// is not one of a backup's names.
			return nil, refused("err.backup.foreign", "Path", file)
		}
		if !e.Mode().IsRegular() { // a symbolic link, a device
			return nil, refused("err.backup.foreign", "Path", file)
		}
		entries[e.Name] = e
		if e.Name == ManifestName {
			manifest = e
		}
	}
	if manifest == nil {
		return nil, refused("err.backup.foreign", "Path", file)
	}
	m, err := readManifest(manifest)
	if err != nil {
		return nil, err
	}
	if len(m.Files) != len(entries)-1 {
		return nil, refused("err.backup.damaged", "Path", file, "Name", ManifestName)
	}
	var total int64
	listed := map[string]bool{}
	for _, mf := range m.Files {
		e := entries[mf.Name]
		if e == nil || listed[mf.Name] || mf.Size < 0 || mf.Size > limit(mf.Name) || !proofs.IsHash(mf.SHA256) {
			return nil, refused("err.backup.damaged", "Path", file, "Name", mf.Name)
		}
		listed[mf.Name] = true
		total += mf.Size
	}
	if !listed[DBName] {
		return nil, refused("err.backup.damaged", "Path", file, "Name", DBName)
	}
	if total > minTotal+maxRatio*fi.Size() {
		return nil, refused("err.backup.too_large", "Path", file)
	}
	for _, mf := range m.Files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := extract(entries[mf.Name], mf, filepath.Join(dir, filepath.FromSlash(mf.Name))); err != nil {
			if errors.Is(err, errDamaged) {
				return nil, refused("err.backup.damaged", "Path", file, "Name", mf.Name)
			}
			return nil, internal("extract", err)
		}
	}
	st := &staged{dir: dir, m: m}
	if err := st.check(ctx, file); err != nil {
		return nil, err
	}
	return st, nil
}

func readManifest(e *zip.File) (*Manifest, error) {
	r, err := e.Open()
	if err != nil {
		return nil, refused("err.backup.foreign", "Path", e.Name)
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, maxManifest+1))
	if err != nil || len(b) > maxManifest {
		return nil, refused("err.backup.foreign", "Path", e.Name)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil || m.App != App || m.Format < 1 {
		return nil, refused("err.backup.foreign", "Path", e.Name)
	}
	if m.Format > Format {
		return nil, refused("err.backup.newer", "Version", m.AppVersion)
	}
	return &m, nil
}

var errDamaged = errors.New("damaged")

// extract writes the entry e to path (0600), reading no more than the
// manifest's size and one byte, and checks its size and hash.
func extract(e *zip.File, mf File, path string) error {
	if e.UncompressedSize64 != uint64(mf.Size) {
		return errDamaged
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	r, err := e.Open()
	if err != nil {
		return errDamaged
	}
	defer r.Close()
	out, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(out, h), io.LimitReader(r, mf.Size+1))
	if cerr := out.Close(); err == nil && cerr != nil {
		return cerr
	}
	if err != nil {
		// The ZIP's own checksum, or a stream cut short.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return err // the disk, not the backup
		}
		return errDamaged
	}
	if n != mf.Size || hex.EncodeToString(h.Sum(nil)) != mf.SHA256 {
		return errDamaged
	}
	return nil
}

// check looks into the staged database: sound, SWCert's, of a schema this
// build knows, the manifest's, with its key, and every proof it refers to
// in the backup (or listed as missing when it was made).
func (st *staged) check(ctx context.Context, file string) error {
	path := filepath.Join(st.dir, DBName)
	db, err := openRead(path)
	if err != nil {
		return err
	}
	defer db.Close()
	problems, err := integrity(ctx, db)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return refused("err.backup.db_damaged", "Path", file)
	}
	info, err := inspectDB(ctx, db, file)
	if err != nil {
		return err
	}
	if info.schema > store.SchemaVersion() {
		return refused("err.backup.newer", "Version", st.m.AppVersion)
	}
	// The tables, indexes and triggers exactly as SWCert's migrations
	// made them at that version: a trigger slipped into a backup would
	// run in every write of the app after the restore.
	want, err := store.SchemaAt(ctx, info.schema)
	if err != nil {
		return internal("schema", err)
	}
	got, err := store.ReadSchema(ctx, db)
	if err != nil {
		return internal("schema", err)
	}
	if !maps.Equal(want, got) {
		return refused("err.backup.db_foreign", "Path", file)
	}
	if info.kid != st.m.KID {
		return refused("err.backup.damaged", "Path", file, "Name", ManifestName)
	}
	if st.m.HasKey() {
		b, err := os.ReadFile(filepath.Join(st.dir, KeyName))
		if err != nil {
			return internal("read key", err)
		}
		priv, err := store.ParseKey(b)
		if err != nil || !bytes.Equal(priv.Public().(ed25519.PublicKey), info.public) {
			return refused("err.backup.key_mismatch", "Path", file)
		}
		st.key = priv
	}
	have := map[string]bool{}
	for _, mf := range st.m.Files {
		have[mf.Name] = true
	}
	for _, sha := range st.m.Missing {
		have["missing:"+sha] = true
	}
	for _, p := range info.proofs {
		if !have[proofsPrefix+proofBase(p)] && !have["missing:"+p.SHA256] {
			return refused("err.backup.damaged", "Path", file, "Name", proofsPrefix+proofBase(p))
		}
	}
	st.info = info
	return nil
}
