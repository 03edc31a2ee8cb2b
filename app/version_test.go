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
	defer func(c, b string) { Commit, Built = c, b }(Commit, Built)
	Commit, Built = "0d68561a2b3c4d5e6f", "2026-12-03T09:10:11Z"
	if got := VersionLine(); got != Version+" (commit 0d68561, 2026-12-03)" {
		t.Errorf("stamped: %q", got)
	}
	Commit, Built = "0d68561-dirty", ""
	if got := VersionLine(); got != Version+" (commit 0d68561-dirty)" {
		t.Errorf("dirty: %q", got)
	}
}

// The command line speaks the system's language: the environment on
// Linux; on Windows, which sets no LANG, and on macOS, the system's
// setting (a Chinese Windows gets Chinese).
func TestSystemLanguage(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	zhCN := func() (string, error) { return "zh-CN", nil }
	for _, c := range []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"windows", nil, "zh-CN"},
		{"darwin", nil, "zh-CN"},
		{"windows", map[string]string{"LANG": "en_US.UTF-8"}, "en_US.UTF-8"},
		{"linux", nil, ""},
		{"linux", map[string]string{"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN.UTF-8"},
	} {
		if got := systemLanguage(c.goos, env(c.env), zhCN); got != c.want {
			t.Errorf("%s %v: %q, want %q", c.goos, c.env, got, c.want)
		}
	}
}
