// Package data is the domain of SWCert: the types, the rules of DOMAIN.md as
// pure functions of their inputs (and an explicit now), the service
// interfaces the store implements, and the application errors. It imports
// nothing of the outside world: no Fyne, no SQL, no files.
package data

import (
	"errors"
	"fmt"
)

// Error codes. The CLI maps EINVALID, ECONFLICT and ENOTFOUND to exit status
// 2 and everything else to 1; both faces show the translated message of an
// application error, and anything that is not one goes through
// i18n.Internal: logged in detail, shown as a plain sentence.
const (
	EINVALID  = "invalid"   // bad input: names the field and what is wrong
	ENOTFOUND = "not_found" // the record asked for does not exist
	ECONFLICT = "conflict"  // the input collides with a saved record (duplicates)
	EBUSY     = "busy"      // another program holds the database: try again (exit 1)
	EINTERNAL = "internal"  // anything else; never shown in detail to a person
)

// Error is an application error. Key names a message in the translation
// files (assets/translations); Args fill its template. Field is the
// snake_case name of the offending field, as in the JSON of the data model,
// so the CLI can name it and a form can put the message beside it.
type Error struct {
	Code  string
	Field string
	Key   string
	Args  map[string]any
}

// Error is for logs and tests only; people see the translated message.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s %v", e.Code, e.Field, e.Key, e.Args)
	}
	return fmt.Sprintf("%s: %s %v", e.Code, e.Key, e.Args)
}

// Invalid reports bad input in one field. args are key, value pairs.
func Invalid(field, key string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Key: key, Args: pairs(args)}
}

// Conflict reports input that collides with a saved record.
func Conflict(field, key string, args ...any) *Error {
	return &Error{Code: ECONFLICT, Field: field, Key: key, Args: pairs(args)}
}

// NotFound reports a missing record of the named kind ("holder", "certificate").
func NotFound(kind string, id int64) *Error {
	return &Error{Code: ENOTFOUND, Field: "id", Key: "err.not_found." + kind, Args: map[string]any{"ID": id}}
}

func pairs(args []any) map[string]any {
	if len(args) == 0 {
		return nil
	}
	m := make(map[string]any, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		m[fmt.Sprint(args[i])] = args[i+1]
	}
	return m
}

// ErrorCode returns the code of an application error, EINTERNAL otherwise.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EINTERNAL
}

// AsError returns the application error inside err, or nil.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}
