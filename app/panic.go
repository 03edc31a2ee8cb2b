package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// ExitPanic is the status of a run that stopped on a panic: a fault of
// SWCert's own, not of what it was given (that is ExitInvalid), told apart
// by scripts and support.
const ExitPanic = 3

// exit ends the program when a goroutine panics (tests replace it).
var exit = os.Exit

// panicked is what a panic does, wherever it is caught: the value and the
// stack go to swcert.log beside the database (ID and phone numbers masked,
// as every line of the log), the person reads a plain sentence that says
// where the details are, never the stack; the status is ExitPanic.
func panicked(stderr io.Writer, logPath string, v any, stack []byte) int {
	where := logPath
	if f, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600); err == nil {
		fmt.Fprintf(redacting{f}, "%s panic: %v\n%s\n", time.Now().Format(time.RFC3339), v, stack)
		f.Close()
	} else {
		where = ""
	}
	if where == "" {
		fmt.Fprintln(stderr, "swcert: "+i18n.T("cli.panic_unlogged"))
	} else {
		fmt.Fprintln(stderr, "swcert: "+i18n.T("cli.panic", "Log", where))
	}
	return ExitPanic
}

// catchPanics makes a panic of the run (Main's own, deferred) and of every
// goroutine it starts through data.Go end as panicked says; it returns the
// function Main defers.
func catchPanics(stderr io.Writer, logPath *string) func(code *int) {
	data.OnPanic(func(v any, stack []byte) {
		exit(panicked(stderr, *logPath, v, stack))
		runtime.Goexit() // when exit returns (a test's)
	})
	return func(code *int) {
		if v := recover(); v != nil {
			buf := make([]byte, 64<<10)
			*code = panicked(stderr, *logPath, v, buf[:runtime.Stack(buf, false)])
		}
	}
}

// logFile is swcert.log beside the database at db.
func logFile(db string) string { return filepath.Join(filepath.Dir(db), "swcert.log") }
