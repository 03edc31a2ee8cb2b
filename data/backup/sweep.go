package backup

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// staleAfter is how old a temporary backup or restore folder must be to
// be a crash's leftover rather than another program's work in progress
// (a backup of 100,000 holders takes seconds).
const staleAfter = time.Hour

// sweep removes what a backup or restore killed half way left in the
// database's folder and in its backups folder: copies of the database
// (full ID numbers) in hidden temporary folders and files. now is the
// store's clock (with --now fixed in the past nothing looks old enough,
// and nothing is removed).
func sweep(db string, now time.Time) {
	for _, dir := range []string{filepath.Dir(db), BackupsDir(db)} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			n := e.Name()
			if !strings.HasPrefix(n, ".swcert-backup-") && !strings.HasPrefix(n, ".swcert-restore-") {
				continue
			}
			if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > staleAfter {
				os.RemoveAll(filepath.Join(dir, n))
			}
		}
	}
}
