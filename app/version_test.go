package app

import (
	"os"
	"strings"
	"testing"
)

// What the program says it is, is what FyneApp.toml says, the file `fyne
// package` puts in the installer and the Windows file properties.
func TestVersionIsFyneAppToml(t *testing.T) {
	b, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	var m fyneApp
	if err := parseFyneApp(b, &m); err != nil {
		t.Fatal(err)
	}
	if m.Details.Version != Version || m.Details.ID != AppID || m.Details.Name != DisplayName || m.Details.Build != Build || m.Details.Icon != "assets/icon.png" {
		t.Errorf("FyneApp.toml says %+v; the program %s %s %s %d", m.Details, Version, AppID, DisplayName, Build)
	}
	code, out, _ := newRun(t).do("version")
	if code != 0 || !strings.HasPrefix(out, DisplayName+" "+Version+" (") {
		t.Errorf("swcert version: exit %d, %q", code, out)
	}
}

// A version Windows cannot take (it needs three numbers, FyneApp.toml's
// Build the fourth) is refused when the file is read, in every test.
func TestFyneAppVersionIsThreeNumbers(t *testing.T) {
	for _, c := range []struct {
		version string
		build   int
		ok      bool
	}{
		{"0.1.0", 1, true},
		{"12.345.6789", 7, true},
		{"0.1", 1, false},
		{"1.2.3.4", 1, false},
		{"v1.2.3", 1, false},
		{"1.2.3-beta", 1, false},
		{"1.2.3", 0, false},
	} {
		toml := "[Details]\nID = \"cn.swcert.app\"\nName = \"SWCert\"\nVersion = \"" + c.version + "\"\nBuild = " + string(rune('0'+c.build)) + "\n"
		err := parseFyneApp([]byte(toml), &fyneApp{})
		if (err == nil) != c.ok {
			t.Errorf("Version %q Build %d: %v", c.version, c.build, err)
		}
	}
}

// The line of `swcert version` and the About box: the release build's
// stamp, shortened; a dirty checkout says so.
func TestVersionLine(t *testing.T) {
	defer func(c, b string) { commit, built = c, b }(commit, built)
	commit, built = "0d68561a2b3c4d5e6f", "2026-12-03T09:10:11Z"
	if got := VersionLine(); got != Version+" (commit 0d68561, 2026-12-03)" {
		t.Errorf("stamped: %q", got)
	}
	commit, built = "0d68561-dirty", ""
	if got := VersionLine(); got != Version+" (commit 0d68561-dirty)" {
		t.Errorf("dirty: %q", got)
	}
}
