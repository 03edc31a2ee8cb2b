package app

import (
	"fmt"
	"io"

	"github.com/swcert/swcert/data/demo"
	"github.com/swcert/swcert/i18n"
)

func demoCmd(c *cli, args []string) error {
	fs := flags("demo")
	n := intFlag(fs, "holders", demo.DefaultHolders, "how many fake holders")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := inRange("holders", int64(*n), 1, demo.MaxHolders); err != nil {
		return err
	}
	added, err := demo.Load(c.ctx, c.db, *n, c.o.now())
	if err != nil {
		return err
	}
	// Work out what needs attention now, rather than at the first look at
	// the dashboard (seconds, with 100,000 new holders).
	if err := c.db.RefreshAttention(c.ctx, c.o.now()); err != nil {
		return err
	}
	c.print(map[string]any{"holders": added, "db": c.o.shownDB()}, func(w io.Writer) {
		fmt.Fprintln(w, i18n.T("cli.demo_done", "Count", added, "Path", c.o.shownDB()))
	})
	return nil
}
