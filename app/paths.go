package app

import (
	"os"
	"path/filepath"
	"runtime"
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
