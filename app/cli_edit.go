package app

import (
	"context"
	"flag"
	"strings"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/store"
)

// record describes the "… add" and "… edit ID" commands of one kind of
// record: its flags, how to create, load and save it, how to print it.
type record[T any] struct {
	what string // "holder", as in the messages (cli.holder)
	// flags defines the fields as flags and returns what copies the ones
	// given onto a record.
	flags  func(fs *flag.FlagSet) func(c *cli, r *T, g *given) error
	create func(*store.DB, context.Context, *T) error
	load   func(*store.DB, context.Context, int64) (*T, error)
	save   func(*store.DB, context.Context, *T) error
	show   func(c *cli, r *T)
	// fixed are flags edit ignores (a record stays with its holder).
	fixed []string
}

// add is the "… add --field value…" command.
func (e record[T]) add(cmd string) command {
	return func(c *cli, args []string) error {
		fs := flags(cmd)
		apply := e.flags(fs)
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		r := new(T)
		if err := apply(c, r, &given{}); err != nil {
			return err
		}
		if err := e.create(c.db, c.ctx, r); err != nil {
			return err
		}
		e.show(c, r)
		return nil
	}
}

// edit is the "… edit ID --field value…" command: only the flags given
// change the record.
func (e record[T]) edit(cmd string) command {
	return func(c *cli, args []string) error {
		fs := flags(cmd)
		apply := e.flags(fs)
		pos, err := parse(fs, args)
		if err != nil {
			return err
		}
		id, err := parseID(pos, e.what, cmd)
		if err != nil {
			return err
		}
		r, err := e.load(c.db, c.ctx, id)
		if err != nil {
			return err
		}
		g := &given{names: set(fs)}
		for _, f := range e.fixed {
			delete(g.names, f)
		}
		if err := apply(c, r, g); err != nil {
			return err
		}
		if g.n == 0 {
			return data.Invalid("", "cli.nothing_to_edit")
		}
		if err := e.save(c.db, c.ctx, r); err != nil {
			return err
		}
		e.show(c, r)
		return nil
	}
}

// given is what an add or an edit sets: every flag for add, the flags typed
// for edit. It counts the flags it lets through, so that an edit which
// sets nothing is refused.
type given struct {
	names map[string]bool // nil: every flag (add)
	n     int
}

// has says whether the flag is set, and counts it.
func (g *given) has(name string) bool {
	if g.names == nil || g.names[name] {
		g.n++
		return true
	}
	return false
}

// str copies a text flag onto its field when it is set.
func (g *given) str(name string, dst, v *string) {
	if g.has(name) {
		*dst = *v
	}
}

// date parses a date flag onto its field when it is set.
func (g *given) date(name string, dst *data.Date, v *string) error {
	if !g.has(name) {
		return nil
	}
	d, err := data.ParseDate(*v)
	if err != nil {
		return data.Invalid(flagField(name), "err.date.format")
	}
	*dst = d
	return nil
}

// flagField is the data-model field a --flag-name sets.
func flagField(flag string) string { return strings.ReplaceAll(flag, "-", "_") }
