package files

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/swcert/swcert/data"
)

// Kinds of the files an output may never replace; each names its message,
// err.file.protected.<kind>, which says what would be lost.
const (
	Database = "database" // the SQLite file and its -wal, -shm, -journal
	Log      = "log"      // swcert.log
	Proofs   = "proofs"   // the proof files' folder, and everything in it
	Key      = "key"      // the private signing key
)

// The files SWCert keeps, registered when they are opened (Protect,
// ProtectFolder) and consulted by every writer of an output (CheckOutput,
// through Write and the batch export). An export whose --out was the
// database's own path used to replace the database: all data and the
// signing key gone, exit 0.
var guard struct {
	sync.Mutex
	next    int
	entries map[int]protected
}

type protected struct {
	kind   string
	path   string // the path as the OS resolves it when registered
	folder bool   // the folder and everything in it
}

// Protect registers files no output may replace: an output is refused when
// it is one of them (the same file by identity: through a symbolic or hard
// link, a path with "..", another case on a file system that ignores case)
// or would take the place of one that is not there yet (a -wal, a
// -journal). The paths need not exist. release takes them off again, as
// closing the store does.
func Protect(kind string, paths ...string) (release func()) {
	return register(kind, false, paths)
}

// ProtectFolder is Protect for a folder: no output goes into it, at any
// depth, nor in its place.
func ProtectFolder(kind, dir string) (release func()) {
	return register(kind, true, []string{dir})
}

// ProtectDatabase protects the SQLite file at path with the files SQLite
// keeps beside it, under the name given and under the file a symbolic link
// points to (SQLite keeps its -wal beside the real file).
func ProtectDatabase(path string) (release func()) {
	paths := []string{}
	names := []string{path}
	if real, err := filepath.EvalSymlinks(path); err == nil && real != path {
		names = append(names, real)
	}
	for _, p := range names {
		paths = append(paths, p, p+"-wal", p+"-shm", p+"-journal")
	}
	return Protect(Database, paths...)
}

func register(kind string, folder bool, paths []string) func() {
	guard.Lock()
	defer guard.Unlock()
	if guard.entries == nil {
		guard.entries = map[int]protected{}
	}
	var ids []int
	for _, p := range paths {
		if p == "" {
			continue
		}
		guard.next++
		guard.entries[guard.next] = protected{kind: kind, path: resolve(p), folder: folder}
		ids = append(ids, guard.next)
	}
	return func() {
		guard.Lock()
		defer guard.Unlock()
		for _, id := range ids {
			delete(guard.entries, id)
		}
	}
}

// CheckOutput refuses (data.Invalid on "out") an output at path that would
// replace a protected file or go into a protected folder, naming the file.
// Every output goes through it before anything is created or truncated.
func CheckOutput(path string) error {
	guard.Lock()
	list := make([]protected, 0, len(guard.entries))
	for _, p := range guard.entries {
		list = append(list, p)
	}
	guard.Unlock()
	if len(list) == 0 || path == "" {
		return nil
	}
	out := resolve(path)
	outInfo, _ := os.Stat(path) // the file the OS would open, links followed
	outDir, outBase := split(out)
	outDirInfo, _ := os.Stat(outDir)
	for _, p := range list {
		if p.folder {
			if inside(out, outInfo, p.path) {
				return refused(path, p)
			}
			continue
		}
		if outInfo != nil {
			if fi, err := os.Stat(p.path); err == nil && os.SameFile(outInfo, fi) {
				return refused(path, p)
			}
		}
		// Not there yet (a -wal between sessions), or a link to be
		// replaced: the same name in the same folder. Names are compared
		// ignoring case, as Windows and macOS do; a name that differs only
		// in case is no loss to refuse where case matters.
		pDir, pBase := split(p.path)
		if !strings.EqualFold(outBase, pBase) {
			continue
		}
		if pdi, err := os.Stat(pDir); err == nil && outDirInfo != nil && os.SameFile(outDirInfo, pdi) {
			return refused(path, p)
		}
		if outDirInfo == nil && samePath(outDir, pDir) {
			return refused(path, p)
		}
	}
	return nil
}

func refused(path string, p protected) error {
	return data.Invalid("out", "err.file.protected."+p.kind, "Path", path, "File", p.path)
}

// inside reports whether the output (resolved to out, its file info when
// it exists) is the folder dir or anything in it.
func inside(out string, outInfo os.FileInfo, dir string) bool {
	di, err := os.Stat(dir)
	if err != nil {
		return false
	}
	if outInfo != nil && os.SameFile(outInfo, di) {
		return true
	}
	for p := out; ; {
		parent, _ := split(p)
		if parent == p || parent == "" {
			return false
		}
		if fi, err := os.Stat(parent); err == nil && os.SameFile(fi, di) {
			return true
		}
		p = parent
	}
}

// resolve is path as the OS finds it: absolute, with the symbolic links of
// the part that exists followed, so that "x/../swcert.db" is what the OS
// makes of it when x is a link (filepath.Clean would drop "x/.." as text).
// The last element stays as named: a link there is the file it names to
// os.Stat, and the link itself to a rename.
func resolve(path string) string {
	dir, base := split(path)
	var rest []string
	for {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			dir = real
			break
		}
		parent, b := split(dir)
		if parent == dir || parent == "" {
			break
		}
		rest = append([]string{b}, rest...)
		dir = parent
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Join(append(append([]string{dir}, rest...), base)...)
}

// split is the folder and the name of path as the OS reads it: the text up
// to the last separator, not filepath.Dir's cleaned version of it.
func split(path string) (dir, base string) {
	i := len(path) - 1
	for i >= 0 && !os.IsPathSeparator(path[i]) {
		i--
	}
	switch {
	case i < 0:
		dir = "."
	case i == len(filepath.VolumeName(path)):
		dir = path[:i+1] // the root
	default:
		dir = path[:i]
	}
	return dir, path[i+1:]
}

func samePath(a, b string) bool {
	a, b = filepath.Clean(a), filepath.Clean(b)
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return strings.EqualFold(a, b)
	}
	return a == b
}
