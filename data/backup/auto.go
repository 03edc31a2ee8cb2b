package backup

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/swcert/swcert/data"
)

// DefaultKeep is how many automatic backups are kept unless Settings say
// otherwise: a week of days the window was opened.
const DefaultKeep = 7

// MaxKeep bounds the setting: a year of days.
const MaxKeep = 365

// ParseKeep reads the number of automatic backups to keep: whole decimal
// digits, 0 (no automatic backups) to MaxKeep.
func ParseKeep(s string) (int, error) {
	s = strings.TrimSpace(s)
	n := 0
	if s == "" || len(s) > 3 {
		return 0, data.Invalid("backup_keep", "err.backup.keep", "Max", MaxKeep)
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, data.Invalid("backup_keep", "err.backup.keep", "Max", MaxKeep)
		}
		n = n*10 + int(c-'0')
	}
	if n > MaxKeep {
		return 0, data.Invalid("backup_keep", "err.backup.keep", "Max", MaxKeep)
	}
	return n, nil
}

// autoPrefix names the automatic backups of the database at db; the
// database's own name is in it, so two databases in one folder keep their
// own.
func autoPrefix(db string) string {
	return strings.TrimSuffix(filepath.Base(db), filepath.Ext(db)) + "-auto-"
}

// Auto makes the day's automatic backup of src in BackupsDir, unless one
// was made that day (Beijing time) already or keep is 0, and then keeps
// only the keep newest automatic ones. It returns the path written, or ""
// when there was nothing to do. Backups kept before a restore are never
// removed here.
func Auto(ctx context.Context, src Source, keep int) (string, error) {
	if keep <= 0 {
		return "", nil
	}
	dir := BackupsDir(src.DB)
	prefix := autoPrefix(src.DB)
	path := filepath.Join(dir, prefix+src.Now.In(data.Beijing).Format("20060102")+".zip")
	written := ""
	if !exists(path) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", internal("backups folder", err)
		}
		if _, err := CreateFile(ctx, src, path); err != nil {
			return "", err
		}
		written = path
	}
	return written, prune(dir, prefix, keep)
}

// prune removes all but the keep newest automatic backups (their names
// sort by date).
func prune(dir, prefix string, keep int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return internal("backups folder", err)
	}
	var autos []string
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && strings.HasPrefix(n, prefix) && strings.HasSuffix(n, ".zip") && len(n) == len(prefix)+len("20060102.zip") {
			autos = append(autos, n)
		}
	}
	sort.Strings(autos)
	for len(autos) > keep {
		if err := os.Remove(filepath.Join(dir, autos[0])); err != nil {
			return internal("remove an old backup", err)
		}
		autos = autos[1:]
	}
	return nil
}
