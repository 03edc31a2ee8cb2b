package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"

	"github.com/swcert/swcert/data"
)

// ApplicationID marks a SQLite file as SWCert's (PRAGMA application_id,
// bytes 68-71 of the file's header): "SWCT".
const ApplicationID = 0x53574354

// What inspect found at the path given to Open.
type fileState int

const (
	newFile    fileState = iota // none, or empty: a new database
	ownFile                     // stamped with ApplicationID
	legacyFile                  // SWCert's, from a release before the stamp: stamped now
)

// inspect looks at the file at path before anything writes to it: opening
// another application's SQLite file used to add SWCert's tables and a key
// to it and switch it to WAL. A file that is not SQLite, is damaged, or is
// not SWCert's is refused untouched (read, never written: no -wal appears).
// No file, or an empty one, is a new database: created here, private to
// the user (SQLite gives its -wal and -shm the database file's mode).
func inspect(path string) (fileState, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil && !errors.Is(err, fs.ErrExist) { // made meanwhile: SQLite opens it
			return 0, fmt.Errorf("create %s: %w", path, err)
		}
		if f != nil {
			err = f.Chmod(0o600) // exactly, whatever the umask
			f.Close()
			if err != nil {
				return 0, fmt.Errorf("create %s: %w", path, err)
			}
		}
		return newFile, nil
	}
	if err != nil {
		return 0, fmt.Errorf("stat %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return 0, data.Invalid("db", "err.db.not_sqlite", "Path", path)
	}
	if fi.Size() == 0 {
		tighten(path)
		return newFile, nil
	}
	header := make([]byte, 100)
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("open %s: %w", path, err)
	}
	_, err = io.ReadFull(f, header)
	f.Close()
	if err != nil || !bytes.HasPrefix(header, []byte("SQLite format 3\x00")) {
		return 0, data.Invalid("db", "err.db.not_sqlite", "Path", path)
	}
	appID := binary.BigEndian.Uint32(header[68:72])
	if appID != 0 && appID != ApplicationID {
		return 0, data.Invalid("db", "err.db.foreign", "Path", path)
	}
	if appID == ApplicationID {
		// SWCert's own: its header is checked, not every page. A quick_check
		// reads the whole file, 200 ms at every start and every command with
		// 100,000 holders (4 ms without); a damaged page is reported by SQLite
		// when it is read (err.db.damaged_now), and `swcert check` reads all.
		// A file shorter than its header says is cut short, unless a -wal
		// beside it holds the rest: a checkpoint killed midway (a crash
		// during VACUUM, a close) has written the new first page before
		// the pages after it, and the WAL still has them all.
		if !wholeHeader(header, fi.Size()) && !hasFrames(path+"-wal") {
			return 0, data.Invalid("db", "err.db.damaged", "Path", path)
		}
		return ownFile, nil
	}
	if emptySchema(header, path) {
		// One page and no table in it: what a first run killed while it
		// switched the new file to WAL leaves, maybe with a hot -journal
		// that a read-only look cannot roll back (it said "damaged").
		tighten(path)
		return newFile, nil
	}
	state, err := readOnlyCheck(path)
	if err != nil {
		return 0, err
	}
	if state == legacyFile || state == newFile {
		tighten(path) // once: from now on it carries the stamp
	}
	return state, nil
}

// readOnlyCheck opens a file that is not stamped read-only (no pragma that
// writes: no WAL, no foreign keys) and checks it is whole (quick_check:
// once, before the stamp) and SWCert's: made by an earlier release
// (goose's table and SWCert's), or with no tables at all (an empty
// database someone made: nothing of another's).
func readOnlyCheck(path string) (fileState, error) {
	// With no -wal or -journal beside it the file alone is the whole
	// database, and immutable keeps SQLite from making a -wal and -shm
	// (which a read of a database in WAL mode does); with them, SQLite must
	// read them too.
	dsn := "file:" + path + "?mode=ro&_pragma=busy_timeout(5000)"
	if !exists(path+"-wal") && !exists(path+"-journal") {
		dsn += "&immutable=1"
	}
	ro, err := sql.Open("sqlite", dsn)
	if err != nil {
		return 0, fmt.Errorf("open %s: %w", path, err)
	}
	defer ro.Close()
	ctx := context.Background()
	var result string
	if err := ro.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&result); err != nil {
		if isBusy(err) {
			return 0, busyError()
		}
		return 0, data.Invalid("db", "err.db.damaged", "Path", path)
	}
	if result != "ok" {
		return 0, data.Invalid("db", "err.db.damaged", "Path", path)
	}
	var tables, ours, goose int
	err = ro.QueryRowContext(ctx, `SELECT count(*), count(CASE WHEN name IN ('goose_db_version', 'holders', 'certificates') THEN 1 END),
		count(CASE WHEN name IN ('goose_db_version', 'sqlite_sequence') THEN 1 END)
		FROM sqlite_master WHERE type = 'table'`).Scan(&tables, &ours, &goose)
	switch {
	case err != nil:
		return 0, data.Invalid("db", "err.db.damaged", "Path", path)
	case ours == 3:
		return legacyFile, nil
	case tables == 0:
		return newFile, nil
	case tables == goose:
		// Goose's table and nothing else: an earlier release's first run,
		// killed before its first migration was done. Nothing is in it.
		return newFile, nil
	}
	return 0, data.Invalid("db", "err.db.foreign", "Path", path)
}

// emptySchema reports a database file of one page whose schema table
// (the b-tree on page 1, after the 100-byte header) is a leaf with no
// cell: no table, index or trigger at all.
func emptySchema(h []byte, path string) bool {
	page := make([]byte, 108)
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() != int64(pageSizeOf(h)) {
		return false
	}
	if _, err := io.ReadFull(f, page); err != nil {
		return false
	}
	return page[100] == 0x0d && page[103] == 0 && page[104] == 0
}

func pageSizeOf(h []byte) int {
	n := int(binary.BigEndian.Uint16(h[16:18]))
	if n == 1 {
		return 65536
	}
	return n
}

// wholeHeader checks what the header of a SQLite file says of the file: a
// page size SQLite can have, and (where the header's page count is valid,
// as SQLite keeps it since 3.7.0) a file no shorter than that many pages:
// a file cut short by a full disk or a copy that stopped.
func wholeHeader(h []byte, size int64) bool {
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return false
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	if binary.BigEndian.Uint32(h[92:96]) == binary.BigEndian.Uint32(h[24:28]) && pages > 0 && size < pages*pageSize {
		return false
	}
	return true
}

// stamp marks the database as SWCert's, once it has SWCert's schema.
func stamp(ctx context.Context, db *sql.DB, state fileState) error {
	if state == ownFile {
		return nil
	}
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return internal("stamp", err)
	}
	return nil
}

// tighten makes a database of an earlier release (created 0644, readable
// by anyone on the machine, with the private signing key inside) private,
// with the -wal and -shm it may have left, and says so in the log. It runs
// once, before the stamp: a mode the user sets afterwards is kept.
func tighten(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm()&0o077 == 0 {
			continue
		}
		if err := os.Chmod(p, fi.Mode().Perm()&0o700); err != nil {
			log.Printf("could not make %s private (mode %04o): %v", p, fi.Mode().Perm(), err)
			continue
		}
		log.Printf("%s was readable by other users of this computer (mode %04o); made private (%04o)", p, fi.Mode().Perm(), fi.Mode().Perm()&0o700)
	}
}

// hasFrames says whether the WAL at path holds any frame (more than its
// 32-byte header).
func hasFrames(path string) bool {
	fi, err := os.Lstat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Size() > 32
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
