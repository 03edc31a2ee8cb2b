package files

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// A process killed while it writes an output (kill -9 during a ZIP batch
// or a roster export, a crash, a power cut) leaves its temporary file
// beside the output, hidden, and the roster's holds full ID numbers. So
// before a temporary file is created its path is written into a journal in
// the data folder, one small file an entry, and the entry goes when the
// temporary file has been renamed into place or removed. At the next start
// (UseJournal) what the entries of dead processes name is removed: only
// files that still carry a temporary file's name, never a folder or a link.
//
// Entries are not synced: a kill leaves them in the page cache, which
// survives the process; after a power cut an entry may be lost with the
// file it named still there, which is the one case left over.
var journal struct {
	sync.Mutex
	dir string
}

// JournalFolder is the journal's folder inside the data folder.
const JournalFolder = ".swcert-journal"

// tempName is the name of every temporary file CreateTemp makes (what the
// sweep may remove): .swcert-<digits>, .swcert-batch-<digits>.zip; and
// scratchName of the folders ScratchDir makes, removed with what is in them.
var (
	tempName    = regexp.MustCompile(`^\.swcert-(batch-)?[0-9]+(\.zip)?$`)
	scratchName = regexp.MustCompile(`^\.swcert-scratch-[0-9]+$`)
)

var seq atomic.Uint64

// UseJournal keeps the journal in dataDir from now on, after removing what
// earlier runs that were killed left behind; it returns the paths removed,
// for the log. A journal that cannot be read does not stop the start.
func UseJournal(dataDir string) (removed []string, err error) {
	dir := filepath.Join(dataDir, JournalFolder)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	journal.Lock()
	journal.dir = dir
	journal.Unlock()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		entry := filepath.Join(dir, e.Name())
		pid, path, ok := readEntry(entry)
		if !ok {
			os.Remove(entry) // not an entry of ours
			continue
		}
		if pid == os.Getpid() || alive(pid) {
			continue // still being written, by this process or another
		}
		base := filepath.Base(path)
		fi, err := os.Lstat(path)
		switch {
		case err != nil || !filepath.IsAbs(path):
		case fi.Mode().IsRegular() && tempName.MatchString(base):
			if err := os.Remove(path); err == nil {
				removed = append(removed, path)
			} else if !errors.Is(err, fs.ErrNotExist) {
				continue // try again next time
			}
		case fi.IsDir() && scratchName.MatchString(base):
			if err := os.RemoveAll(path); err == nil { // links inside are removed, not followed
				removed = append(removed, path)
			} else {
				continue
			}
		}
		os.Remove(entry)
	}
	return removed, nil
}

func readEntry(entry string) (pid int, path string, ok bool) {
	b, err := ReadFile(entry, 64<<10)
	if err != nil {
		return 0, "", false
	}
	first, rest, found := strings.Cut(strings.TrimSuffix(string(b), "\n"), "\n")
	pid, err = strconv.Atoi(first)
	if !found || err != nil || pid <= 0 || rest == "" {
		return 0, "", false
	}
	return pid, rest, true
}

// CreateTemp creates a new file in dir named prefix + digits + suffix,
// mode 0600, recorded in the journal first when there is one (UseJournal).
// done removes the record: call it once the file has been renamed into
// place or removed.
func CreateTemp(dir, prefix, suffix string) (f *os.File, done func(), err error) {
	// Absolute, as the OS finds it: the entry names the file wherever the
	// next run starts.
	dir, _ = split(resolve(dir + string(os.PathSeparator) + "x"))
	journal.Lock()
	jdir := journal.dir
	journal.Unlock()
	for try := 0; try < 100; try++ {
		n := seq.Add(1)
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10)+suffix)
		entry := ""
		if jdir != "" {
			entry = filepath.Join(jdir, fmt.Sprintf("%d-%d", os.Getpid(), n))
			if err := os.WriteFile(entry, []byte(fmt.Sprintf("%d\n%s\n", os.Getpid(), name)), 0o600); err != nil {
				entry = "" // no journal today: write all the same
			}
		}
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			return f, func() {
				if entry != "" {
					os.Remove(entry)
				}
			}, nil
		}
		if entry != "" {
			os.Remove(entry)
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, nil, err
		}
	}
	return nil, nil, &fs.PathError{Op: "createtemp", Path: filepath.Join(dir, prefix+"*"+suffix), Err: fs.ErrExist}
}

// ScratchDir makes a private folder for the temporary files a library
// writes on its own (excelize spills a large sheet to files while it is
// being written: the roster's hold full ID numbers), in the data folder
// when there is a journal (recorded in it, so that a killed run's is
// removed at the next start), else in the system's. done removes it with
// everything in it.
func ScratchDir() (dir string, done func(), err error) {
	return ScratchDirIn("")
}

// ScratchDirIn is ScratchDir in the folder parent (one on the same file
// system as where its files will be moved), or as ScratchDir when parent
// is "". It is in the journal when there is one, so a killed run's is
// removed at the next start.
func ScratchDirIn(parent string) (dir string, done func(), err error) {
	journal.Lock()
	jdir := journal.dir
	journal.Unlock()
	chosen := parent != ""
	if !chosen {
		parent = os.TempDir()
		if jdir != "" {
			parent = filepath.Dir(jdir)
		}
	}
	for try := 0; try < 100; try++ {
		n := seq.Add(1)
		dir = filepath.Join(parent, ".swcert-scratch-"+strconv.FormatUint(uint64(rand.Uint32()), 10))
		entry := ""
		if jdir != "" {
			entry = filepath.Join(jdir, fmt.Sprintf("%d-%d", os.Getpid(), n))
			if err := os.WriteFile(entry, []byte(fmt.Sprintf("%d\n%s\n", os.Getpid(), dir)), 0o600); err != nil {
				entry = ""
			}
		}
		err = os.Mkdir(dir, 0o700)
		if err == nil {
			return dir, func() {
				os.RemoveAll(dir)
				if entry != "" {
					os.Remove(entry)
				}
			}, nil
		}
		if entry != "" {
			os.Remove(entry)
		}
		if !errors.Is(err, fs.ErrExist) && jdir != "" && !chosen {
			parent, jdir = os.TempDir(), "" // the data folder is gone: as without a journal
			continue
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", nil, err
		}
	}
	return "", nil, &fs.PathError{Op: "mkdir", Path: filepath.Join(parent, ".swcert-scratch-*"), Err: fs.ErrExist}
}
