package app

import (
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/swcert/swcert"
)

// The application's identity, read from FyneApp.toml (embedded by the root
// package): the one place it is written. `fyne package` reads the same
// file for the installer and the Windows file properties.
var (
	AppID       string // "cn.swcert.app"
	Version     string // "0.1.0": three numbers, as Windows needs
	DisplayName string // "SWCert · 社工证书助手"
	Build       int    // FyneApp.toml's Build: the fourth number on Windows
)

// Commit and Built (RFC 3339) are set by the build: make build and make
// release pass -ldflags "-X github.com/swcert/swcert/app.Commit=… -X
// …Built=…"; the Windows build of scripts/release.sh sets them from a
// file of its own, since fyne package drops GOFLAGS' -ldflags when it
// rebuilds with the icon. Without either, a `go build` in a git checkout
// finds the commit in the binary's build information.
var Commit, Built string

func init() {
	var m fyneApp
	if err := parseFyneApp(swcert.FyneApp, &m); err != nil {
		panic(err) // a broken FyneApp.toml fails every test, never a user
	}
	AppID, Version, DisplayName, Build = m.Details.ID, m.Details.Version, m.Details.Name, m.Details.Build
}

type fyneApp struct {
	Details struct {
		ID, Name, Version, Icon string
		Build                   int
	}
}

// threeNumbers is the version Windows file properties accept (with Build
// as the fourth), and what the installer's version says.
var threeNumbers = regexp.MustCompile(`^[0-9]{1,5}\.[0-9]{1,5}\.[0-9]{1,5}$`)

func parseFyneApp(b []byte, m *fyneApp) error {
	if _, err := toml.Decode(string(b), m); err != nil {
		return fmt.Errorf("FyneApp.toml: %w", err)
	}
	d := m.Details
	switch {
	case d.ID == "" || d.Name == "":
		return fmt.Errorf("FyneApp.toml: [Details] needs ID and Name")
	case !threeNumbers.MatchString(d.Version):
		return fmt.Errorf("FyneApp.toml: Version %q is not three numbers like 1.2.3 (Windows needs that)", d.Version)
	case d.Build < 1:
		return fmt.Errorf("FyneApp.toml: Build %d must be 1 or more", d.Build)
	}
	return nil
}

// VersionLine is what `swcert version` and the About box say: the version,
// and which commit it was built from when:
// "0.1.0 (commit 0d68561, 2026-12-03)". A build from a changed checkout
// says so ("0d68561-dirty"); one with no commit known says "development
// build".
func VersionLine() string {
	c, d := Commit, Built
	if info, ok := debug.ReadBuildInfo(); ok && c == "" {
		var modified bool
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				c = s.Value
			case "vcs.time":
				if d == "" {
					d = s.Value
				}
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if c != "" && modified {
			c = shortCommit(c) + "-dirty"
		}
	}
	if c == "" {
		return Version + " (development build)"
	}
	if d == "" {
		return fmt.Sprintf("%s (commit %s)", Version, shortCommit(c))
	}
	return fmt.Sprintf("%s (commit %s, %s)", Version, shortCommit(c), strings.SplitN(d, "T", 2)[0])
}

func shortCommit(c string) string {
	if len(c) > 7 && !strings.Contains(c, "-") {
		return c[:7]
	}
	return c
}
