// Package backup makes and restores a backup of an SWCert database: one
// ZIP file holding a consistent copy of the database, the proof files its
// records refer to and its signing key, with a manifest of SHA-256 hashes.
// A restore is all or nothing: every file of the backup is read within
// bounds and checked against the manifest, and the database checked whole
// and found SWCert's, before anything of the live files is touched; what is
// replaced is kept first as a backup of its own.
package backup

import (
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/proofs"
)

// Format is the version of the layout below; a backup of a later format
// is refused (it was made by a later SWCert).
const Format = 1

// App names SWCert in the manifest: a ZIP without it is not a backup.
const App = "SWCert"

// The names inside a backup. Nothing else may be in one.
const (
	ManifestName = "manifest.json"
	DBName       = "swcert.db"
	KeyName      = "swcert.key"
	proofsPrefix = "proofs/"
)

// Bounds on what a restore reads: a backup is a file anyone may hand over.
const (
	maxManifest = 32 << 20 // 200,000 files listed
	maxEntries  = 200_000
	maxDB       = 8 << 30
	maxKey      = 4 << 10
	maxProof    = 10 << 20 // proofs.MaxSize
	// Together the files may be at most this much more than the archive
	// (a database compresses some 6 times, the proofs hardly) plus a floor
	// for small databases of empty pages: more is a zip bomb.
	maxRatio = 50
	minTotal = 64 << 20
)

// Manifest describes a backup.
type Manifest struct {
	App        string `json:"app"`
	Format     int    `json:"format"`
	AppVersion string `json:"app_version"`
	// CreatedAt is Beijing time, as every time SWCert shows.
	CreatedAt time.Time `json:"created_at"`
	// KID is the database's own key: which installation it is.
	KID string `json:"kid"`
	// Schema is the database's migration version.
	Schema int64  `json:"schema"`
	Files  []File `json:"files"`
	// Missing lists the proof files the records refer to that were not
	// found when the backup was made (the backup holds what there was).
	Missing []string `json:"missing_proofs,omitempty"`
}

// File is one file of a backup.
type File struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// HasKey says whether the backup holds the signing key.
func (m *Manifest) HasKey() bool {
	for _, f := range m.Files {
		if f.Name == KeyName {
			return true
		}
	}
	return false
}

// Proofs counts the proof files of the backup.
func (m *Manifest) Proofs() int {
	n := 0
	for _, f := range m.Files {
		if strings.HasPrefix(f.Name, proofsPrefix) {
			n++
		}
	}
	return n
}

// limit is the most a file of the given name may hold; 0 when no file of
// that name belongs in a backup.
func limit(name string) int64 {
	switch name {
	case DBName:
		return maxDB
	case KeyName:
		return maxKey
	}
	if base, ok := strings.CutPrefix(name, proofsPrefix); ok && proofName(base) {
		return maxProof
	}
	return 0
}

// proofName is the name of a proof file as data/proofs keeps it: its
// SHA-256 in hex and the extension of its type. No folder, no "..".
func proofName(base string) bool {
	ext := path.Ext(base)
	if ext != ".pdf" && ext != ".png" && ext != ".jpg" {
		return false
	}
	return proofs.IsHash(strings.TrimSuffix(base, ext))
}

// Why a backup is refused; each says which in the message.
func refused(key string, args ...any) error {
	return data.Invalid("backup", key, args...)
}

// errKind tells what kind of refusal err is, for tests and callers: the
// key of its message, or "" for an internal error.
func errKind(err error) string {
	if e := data.AsError(err); e != nil {
		return e.Key
	}
	return ""
}

func internal(op string, err error) error { return fmt.Errorf("backup: %s: %w", op, err) }
