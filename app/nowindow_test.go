//go:build !nowindow

package app

import (
	"bytes"
	"debug/elf"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The command line without the window (swcert-cli, `-tags nowindow`) links
// no Fyne, no OpenGL and no C: `go list -deps` of it names none of them
// with cgo off, and it builds with CGO_ENABLED=0 (a package needing C would
// not). `go test -tags nowindow ./app` runs every CLI test on that build.
func TestCommandLineWithoutWindowLinksNoGraphics(t *testing.T) {
	goCmd := goTool(t)
	list := exec.Command(goCmd, "list", "-deps", "-tags", "nowindow", "-f", "{{.ImportPath}} {{.CgoFiles}}", "../cmd/swcert")
	list.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := list.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 50 {
		t.Fatalf("go list named only %d packages:\n%s", len(lines), out)
	}
	for _, l := range lines {
		pkg, cgo, _ := strings.Cut(l, " ")
		for _, bad := range []string{"fyne.io/", "github.com/go-gl/", "github.com/fyne-io/", "runtime/cgo"} {
			if strings.HasPrefix(pkg, bad) {
				t.Errorf("swcert-cli depends on %s", pkg)
			}
		}
		if cgo != "[]" {
			t.Errorf("%s has C files: %s", pkg, cgo)
		}
	}
	// The window build does have the window (so the test above tests a
	// difference, not an accident of go list).
	list = exec.Command(goCmd, "list", "-deps", "../cmd/swcert")
	out, err = list.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "fyne.io/fyne/v2/app\n") {
		t.Errorf("the window build does not link Fyne's app: %v", err)
	}
}

// Built as a user builds it (CGO_ENABLED=0), swcert-cli is one static
// file that runs the commands: a demo database, what is due, the version;
// started without a command it says it has no window, exit 2.
func TestCommandLineWithoutWindowRuns(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("checks an ELF file")
	}
	bin := filepath.Join(t.TempDir(), "swcert-cli")
	// The commit and date as the release build stamps them.
	stamp := "-X github.com/swcert/swcert/app.Commit=0123456789abcdef -X github.com/swcert/swcert/app.Built=2026-12-03T09:00:00Z"
	build := exec.Command(goTool(t), "build", "-tags", "nowindow", "-ldflags", stamp, "-o", bin, "../cmd/swcert")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 go build -tags nowindow: %v\n%s", err, out)
	}
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	libs, _ := f.ImportedLibraries()
	interp := f.Section(".interp")
	f.Close()
	if len(libs) > 0 || interp != nil {
		t.Errorf("swcert-cli is linked dynamically: %v", libs)
	}

	db := filepath.Join(t.TempDir(), "cli.db")
	run := func(args ...string) (int, string, string) {
		cmd := exec.Command(bin, append([]string{"--db", db, "--now", "2026-11-22", "--lang", "en"}, args...)...)
		cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=/usr/bin:/bin"} // no DISPLAY, no Go
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		if e, ok := err.(*exec.ExitError); ok {
			code = e.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, out.String(), errb.String()
	}
	if code, out, errs := run("version"); code != 0 || out != DisplayName+" "+Version+" (commit 0123456, 2026-12-03)\n" {
		t.Errorf("version: exit %d, %q %q", code, out, errs)
	}
	if code, _, errs := run("demo", "--holders", "5"); code != 0 {
		t.Fatalf("demo: exit %d, %q", code, errs)
	}
	code, out, errs := run("--json", "holder", "list")
	var holders []holderJSON
	if code != 0 || json.Unmarshal([]byte(out), &holders) != nil || len(holders) != 5 || !holders[0].Demo {
		t.Errorf("holder list after demo: exit %d, %d holders, %q", code, len(holders), errs)
	}
	if code, out, errs := run("due", "--within", "3650"); code != 0 || !strings.Contains(out, "Management no.") || strings.Count(out, "\n") < 3 {
		t.Errorf("due: exit %d, %q %q", code, out, errs)
	}
	code, out, errs = run()
	if code != ExitInvalid || out != "" || !strings.Contains(errs, "without the window (swcert-cli)") {
		t.Errorf("no command: exit %d, %q %q", code, out, errs)
	}
}

// goTool is the go command that runs this test.
func goTool(t *testing.T) string {
	g, err := exec.LookPath("go")
	if err != nil {
		g = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
		if _, err := os.Stat(g); err != nil {
			t.Fatal("no go command to build with on PATH")
		}
	}
	return g
}
