package app

import (
	"context"
	"flag"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/sqlite"
)

// record describes the "… add" and "… edit ID" commands of one kind of
// record: its flags, how to create, load and save it, how to print it.
type record[T any] struct {
	what string // "holder", as in the messages (cli.holder)
	// flags defines the fields as flags and returns what copies the ones
	// given onto a record, counting them.
	flags  func(fs *flag.FlagSet) func(c *cli, r *T, given map[string]bool) (int, error)
	create func(*sqlite.DB, context.Context, *T) error
	load   func(*sqlite.DB, context.Context, int64) (*T, error)
	save   func(*sqlite.DB, context.Context, *T) error
	show   func(c *cli, r *T)
	// fixed are flags edit ignores (a record stays with its holder).
	fixed []string
}

// add is the "… add --field value…" command.
func (e record[T]) add(cmd string) command {
	return func(c *cli, args []string) error {
		fs := flags(cmd)
		apply := e.flags(fs)
		if _, err := parse(fs, args); err != nil {
			return err
		}
		r := new(T)
		if _, err := apply(c, r, nil); err != nil {
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
		given := set(fs)
		for _, f := range e.fixed {
			delete(given, f)
		}
		n, err := apply(c, r, given)
		if err != nil {
			return err
		}
		if n == 0 {
			return data.Invalid("", "cli.nothing_to_edit")
		}
		if err := e.save(c.db, c.ctx, r); err != nil {
			return err
		}
		e.show(c, r)
		return nil
	}
}
