package i18n

import (
	"errors"
	"fmt"
	"log"
	"path"
	"runtime"
	"strings"
	"sync"

	"github.com/swcert/swcert/data"
)

// logger receives the detail of internal errors; nil is the standard
// logger, which app/ points at swcert.log beside the database.
var (
	logMu  sync.Mutex
	logger *log.Logger
)

// SetLogger sends the detail of internal errors to l (nil: the standard
// logger) and returns a function that puts the previous one back. Tests
// use it to read what support would read.
func SetLogger(l *log.Logger) (restore func()) {
	logMu.Lock()
	prev := logger
	logger = l
	logMu.Unlock()
	return func() {
		logMu.Lock()
		logger = prev
		logMu.Unlock()
	}
}

// Internal is the one path of an error that is not an application error,
// in every face (a screen, the command line, a line of a batch summary):
// the detail goes to the log for support, and the person reads a plain
// sentence in their language, never Go or SQL text. What is logged is the
// error chain (each error's text and Go type) and where it was shown, with
// every word that could be an ID or phone number masked (data.Redact): an
// error of the store can quote the value it could not read.
func Internal(err error) string {
	logInternal(err)
	return T("err.internal")
}

func logInternal(err error) {
	if err == nil {
		return
	}
	line := fmt.Sprintf("internal error (shown at %s): %s [%s]", caller(), data.Redact(err.Error()), chainTypes(err))
	logMu.Lock()
	l := logger
	logMu.Unlock()
	if l == nil {
		l = log.Default()
	}
	_ = l.Output(1, line)
}

// chainTypes names the Go type of each error in err's chain, outermost
// first: "*fmt.wrapError > *errors.errorString".
func chainTypes(err error) string {
	var types []string
	for e := err; e != nil && len(types) < 16; {
		types = append(types, fmt.Sprintf("%T", e))
		switch x := e.(type) {
		case interface{ Unwrap() []error }:
			if errs := x.Unwrap(); len(errs) > 0 {
				e = errs[0]
				continue
			}
			e = nil
		default:
			e = errors.Unwrap(e)
		}
	}
	return strings.Join(types, " > ")
}

// caller is the first function on the stack that is not one of the
// messages' own: the screen or command that showed the error.
func caller() string {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !ownFrames[strings.TrimPrefix(f.Function, "github.com/swcert/swcert/i18n.")] {
			return fmt.Sprintf("%s/%s:%d", path.Base(path.Dir(f.File)), path.Base(f.File), f.Line)
		}
		if !more {
			return "?"
		}
	}
}

var ownFrames = map[string]bool{"logInternal": true, "Internal": true, "Message": true, "FieldMessage": true}
