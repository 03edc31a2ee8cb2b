package app

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

// A panic that escapes (in the command or in a goroutine it starts) ends
// the run with a status of its own (3, not 2: it is no fault of the
// input), a plain sentence naming the log, no stack trace; the log has the
// stack, with the ID number the panic carried masked.
func TestAPanicEndsWithItsOwnStatusAndIsLoggedMasked(t *testing.T) {
	exited := make(chan int, 1)
	var exitCode int
	commands["test-panic"] = func(*cli, []string) error { panic("boom on 11010519491231002X") }
	commands["test-goroutine-panic"] = func(*cli, []string) error {
		data.Go(func() { panic("boom in a goroutine on 11010519491231002X") })
		exitCode = <-exited // as os.Exit would have
		return nil
	}
	exit = func(code int) { exited <- code }
	defer func() {
		delete(commands, "test-panic")
		delete(commands, "test-goroutine-panic")
		exit = os.Exit
		data.OnPanic(nil)
	}()
	for _, cmd := range []string{"test-panic", "test-goroutine-panic"} {
		r := newRun(t)
		code, out, errs := r.do(cmd)
		if cmd == "test-goroutine-panic" {
			code = exitCode
		}
		logPath := filepath.Join(filepath.Dir(r.db), "swcert.log")
		if code != ExitPanic || out != "" || errs != "swcert: SWCert stopped on a fault of its own, not of anything you gave it. The details are in "+logPath+": please send that file to whoever supports SWCert.\n" {
			t.Errorf("%s: exit %d, %q %q", cmd, code, out, errs)
		}
		if strings.Contains(errs, "goroutine") || strings.Contains(errs, ".go:") {
			t.Errorf("%s: a stack trace on stderr: %q", cmd, errs)
		}
		logged, _ := os.ReadFile(logPath)
		if !strings.Contains(string(logged), "panic: boom") || !strings.Contains(string(logged), "panic_test.go") {
			t.Errorf("%s: log %q", cmd, logged)
		}
		if strings.Contains(string(logged), "11010519491231002X") {
			t.Errorf("%s: the ID number is in the log", cmd)
		}
	}
}

// Started with no command and no display, SWCert says so and how to go on
// (it panicked inside the window library), exit 1.
func TestNoDisplayIsSaidInWords(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, c := range []struct {
		goos string
		env  map[string]string
		want bool
	}{
		{"linux", nil, true},
		{"linux", map[string]string{"DISPLAY": ":0"}, false},
		{"linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, false},
		{"freebsd", nil, true},
		{"windows", nil, false},
		{"darwin", nil, false},
	} {
		if got := noDisplay(c.goos, env(c.env)); got != c.want {
			t.Errorf("%s %v: %v", c.goos, c.env, got)
		}
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	if windowBuilt && noDisplay(runtime.GOOS, os.Getenv) {
		r := newRun(t)
		code, out, errs := r.do()
		if code != ExitFailure || out != "" || errs != "swcert: There is no display to open the window on. Start SWCert from a desktop, or give it a command (see swcert --help).\n" {
			t.Errorf("no display: exit %d, %q %q", code, out, errs)
		}
	}
}
