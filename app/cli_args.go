package app

import (
	"context"
	"errors"
	"flag"
	"io"
	"strconv"
	"strings"

	"github.com/swcert/swcert/data"
)

// decimal is an integer flag read as decimal digits only. Go's own integer
// flags read number prefixes (--holder 010 is 8, --days 0x10 is 16, 1_0 is
// 10), which nobody typing a holder's ID means.
type decimal[T int | int64] struct{ p *T }

func (d decimal[T]) String() string {
	if d.p == nil {
		return "0"
	}
	return strconv.FormatInt(int64(*d.p), 10)
}

func (d decimal[T]) Set(s string) error {
	n, ok := parseDecimal(s)
	if !ok || int64(T(n)) != n {
		return errNotDecimal
	}
	*d.p = T(n)
	return nil
}

var errNotDecimal = errors.New("not a whole number in decimal digits")

// parseDecimal reads 1 to 18 decimal digits (no sign, no prefix, no
// separators); more digits than that is no ID or count anyone types.
func parseDecimal(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// intFlag and int64Flag define decimal integer flags on fs.
func intFlag(fs *flag.FlagSet, name string, value int, usage string) *int {
	p := &value
	fs.Var(decimal[int]{p}, name, usage)
	return p
}

func int64Flag(fs *flag.FlagSet, name string, value int64, usage string) *int64 {
	p := &value
	fs.Var(decimal[int64]{p}, name, usage)
	return p
}

// inRange refuses the value v of --flag outside min..max, naming the flag
// and its range: a count or a number of days beyond it is no one's
// intent, and would overflow the arithmetic it goes into.
func inRange(flag string, v, min, max int64) error {
	if v < min || v > max {
		return data.Invalid(flag, "cli.flag_range", "Flag", "--"+flag, "Value", v, "Min", data.Grouped(min), "Max", data.Grouped(max))
	}
	return nil
}

// parseError turns a flag package error into an invalid-input error that
// names the flag (the flag package keeps only the text of a Set error, so
// the decimal flags given are looked at again).
func parseError(fs *flag.FlagSet, args []string, err error) error {
	for i, a := range args {
		name, value, hasValue := splitFlag(a)
		f := fs.Lookup(name)
		if f == nil {
			continue
		}
		if _, ok := f.Value.(interface{ isDecimal() }); !ok {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		if _, ok := parseDecimal(value); !ok {
			if value != "" && strings.Trim(value, "0123456789") == "" {
				// Decimal digits, too many of them: no flag's range is near.
				return data.Invalid(name, "cli.number_too_large", "Flag", "--"+name, "Value", value)
			}
			return data.Invalid(name, "cli.bad_number", "Flag", "--"+name, "Value", value)
		}
	}
	return flagError(err)
}

func (decimal[T]) isDecimal() {}

// splitFlag reads "--name=value", "-name value" and the like.
func splitFlag(a string) (name, value string, hasValue bool) {
	if len(a) < 2 || a[0] != '-' {
		return "", "", false
	}
	a = a[1:]
	if a[0] == '-' {
		a = a[1:]
	}
	for i := 0; i < len(a); i++ {
		if a[i] == '=' {
			return a[:i], a[i+1:], true
		}
	}
	return a, "", false
}

// parseFlags reads the flags of a command that takes no positional
// argument: a stray word is refused rather than ignored.
func parseFlags(fs *flag.FlagSet, args []string) error {
	pos, err := parse(fs, args)
	if err == nil && pos != "" {
		err = data.Invalid("", "cli.extra_args", "Args", pos)
	}
	return err
}

// listOfHolder runs a "VERB list --holder ID" command: what read gives of
// the holder, as JSON or as write's table.
func listOfHolder[T any](c *cli, args []string, name string, read func(context.Context, int64) ([]T, error), write func(io.Writer, []T)) error {
	fs := flags(name)
	holder := int64Flag(fs, "holder", 0, "holder ID")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	items, err := read(c.ctx, *holder)
	if err != nil {
		return err
	}
	c.print(items, func(w io.Writer) { write(w, items) })
	return nil
}
