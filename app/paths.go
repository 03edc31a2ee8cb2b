package app

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/swcert/swcert/data/store"
)

// DefaultDBPath is the database in the user's data directory, created on
// first run: $XDG_DATA_HOME/swcert (~/.local/share/swcert) on Linux,
// ~/Library/Application Support/SWCert on macOS, %AppData%\SWCert on Windows.
func DefaultDBPath() string {
	return filepath.Join(dataDir(), "swcert.db")
}

func dataDir() string {
	if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" || runtime.GOOS == "openbsd" {
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			return filepath.Join(d, "swcert")
		}
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, ".local", "share", "swcert")
		}
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "SWCert")
	}
	return "."
}

// home is where this installation keeps the files that go with the
// database it opens: the log, the journal of temporary files, the proofs'
// folder and the signing key are named from it (logFile, proofDir,
// store.KeyPath). For a file they are beside it; for a shared server, in
// a folder of the user's data directory named for the server and the
// database, so that each server has its own key and proofs.
func (o *options) home() string {
	if !store.IsServer(o.db) {
		return o.db
	}
	return filepath.Join(dataDir(), "servers", serverFolder(o.db), "server")
}

// serverFolder is a folder name for the server and database of a URL: the
// host, port and database, in characters every file system takes.
func serverFolder(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "server"
	}
	host := u.Host
	if h := u.Query().Get("host"); host == "" && h != "" {
		host = h // a Unix socket's folder
	}
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			return r
		}
		return '_'
	}, strings.Trim(host+"_"+strings.TrimPrefix(u.Path, "/"), "/_"))
	if name == "" || len(name) > 100 {
		sum := sha256.Sum256([]byte(host + u.Path))
		return hex.EncodeToString(sum[:8])
	}
	return name
}

// shownDB is the database as messages name it: the file, or the server's
// URL without its password (which is never printed nor logged).
func (o *options) shownDB() string {
	if !store.IsServer(o.db) {
		return o.db
	}
	u, err := url.Parse(o.db)
	if err != nil {
		return "postgres://…"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	q.Del("password")
	u.RawQuery = q.Encode()
	return u.String()
}
