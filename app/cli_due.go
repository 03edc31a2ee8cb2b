package app

import (
	"fmt"
	"io"
	"os"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/screens"
	"github.com/swcert/swcert/screens/i18n"
)

// dueView is an attention item for scripts: with its message.
type dueView struct {
	data.Attention
	Message string `json:"message"`
}

// attention computes what needs attention, filtered as the flags say.
func (c *cli) attention(within int, kind string) ([]data.Attention, error) {
	if within < 0 {
		return nil, data.Invalid("within", "cli.bad_flag", "Detail", "--within must be 0 (any time) or more days")
	}
	f := data.AttentionFilter{Within: within, Kind: data.AttentionKind(kind)}
	if kind != "" {
		known := false
		for _, k := range data.AttentionKinds {
			known = known || k == f.Kind
		}
		if !known {
			return nil, data.Invalid("kind", "cli.bad_flag", "Detail", "--kind: annotation, registration, ce, paper or certificate")
		}
	}
	return c.db.Attention(c.ctx, f, c.o.now(), 0, 0)
}

func dueCmd(c *cli, args []string) error {
	fs := flags("due")
	within := fs.Int("within", 0, "only items due within this many days (overdue ones always)")
	kind := fs.String("kind", "", "annotation, registration, ce, paper or certificate")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	items, err := c.attention(*within, *kind)
	if err != nil {
		return err
	}
	// Tens of thousands of items share a few thousand messages, and a
	// translation costs a template run: each message is made once.
	messages := map[string]string{}
	views := make([]dueView, len(items))
	for i, it := range items {
		k := fmt.Sprint(it.Key, it.DueOn, it.Level, it.Args)
		m, ok := messages[k]
		if !ok {
			m = screens.AttentionText(it)
			messages[k] = m
		}
		views[i] = dueView{Attention: it, Message: m}
	}
	c.print(views, func(w io.Writer) {
		if len(views) == 0 {
			fmt.Fprintln(w, i18n.T("cli.due_none"))
			return
		}
		var t table
		t.add(i18n.Field("due_on"), "", i18n.Field("name"), i18n.Field("mno"), i18n.T("cli.due_what"))
		days := map[int]string{}
		for _, v := range views {
			d, ok := days[v.DaysLeft]
			if !ok {
				d = screens.DaysText(v.Attention)
				days[v.DaysLeft] = d
			}
			t.add(v.DueOn.String(), d, v.Name, v.MNo, v.Message)
		}
		t.write(w)
	})
	return nil
}

func exportICS(c *cli, args []string) error {
	fs := flags("export ics")
	within := fs.Int("within", 0, "only deadlines within this many days")
	out := fs.String("out", "", "the .ics file to write")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return data.Invalid("out", "err.required")
	}
	items, err := c.attention(*within, "")
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return data.Invalid("out", "cli.write_failed", "Path", *out, "Reason", err.Error())
	}
	err = screens.ICS(f, items, c.o.now())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return data.Invalid("out", "cli.write_failed", "Path", *out, "Reason", err.Error())
	}
	c.print(map[string]any{"path": *out, "events": len(items)}, func(w io.Writer) {
		fmt.Fprintln(w, i18n.T("cli.ics_saved", "Path", *out, "Count", len(items)))
	})
	return nil
}
