package app

import (
	"errors"
	"flag"
	"fmt"
	"regexp"

	"github.com/swcert/swcert/data"
)

// The flag package says what is wrong in English sentences of its own;
// these take them apart so the person reads it in their language.
var (
	flagUnknown  = regexp.MustCompile(`^flag provided but not defined: -(.*)$`)
	flagBadValue = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-([^:]*): `)
	flagNoValue  = regexp.MustCompile(`^flag needs an argument: -(.*)$`)
	flagSyntax   = regexp.MustCompile(`^bad flag syntax: (.*)$`)
	flagBoolean  = regexp.MustCompile(`^invalid boolean flag ([^:]*): `)
)

// flagError is what a person reads when the flags of a command do not
// parse. Anything the flag package may say one day that is not known here
// stays an internal error (logged), never its English text.
func flagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return data.Invalid("", "cli.flag_help")
	}
	msg := err.Error()
	if m := flagUnknown.FindStringSubmatch(msg); m != nil {
		return data.Invalid("", "cli.unknown_flag", "Flag", "--"+m[1])
	}
	if m := flagBadValue.FindStringSubmatch(msg); m != nil {
		return data.Invalid("", "cli.bad_flag_value", "Flag", "--"+m[2], "Value", m[1])
	}
	if m := flagNoValue.FindStringSubmatch(msg); m != nil {
		return data.Invalid("", "cli.flag_needs_value", "Flag", "--"+m[1])
	}
	if m := flagSyntax.FindStringSubmatch(msg); m != nil {
		return data.Invalid("", "cli.bad_flag_syntax", "Flag", m[1])
	}
	if m := flagBoolean.FindStringSubmatch(msg); m != nil {
		return data.Invalid("", "cli.bad_flag_value", "Flag", "--"+m[1], "Value", "")
	}
	return fmt.Errorf("flags: %w", err)
}
