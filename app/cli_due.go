package app

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"slices"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// dueView is an attention item for scripts: with its message.
type dueView struct {
	data.Attention
	Message string `json:"message"`
}

// attentionFlags are the dashboard's filters and grouping as flags, the
// same for due and export ics; the function it returns reads them after
// parsing.
func attentionFlags(fs *flag.FlagSet) func() (data.AttentionFilter, error) {
	within := intFlag(fs, "within", 0, "only items due within this many days (overdue ones always)")
	kind := fs.String("kind", "", "annotation, registration, ce, paper or certificate")
	level := fs.String("level", "", "assistant, social_worker or senior (or the Chinese name)")
	search := fs.String("search", "", "in name, employer, region or management number")
	group := fs.String("group", "", "kind, org, region or level: grouped by it first")
	incomplete := fs.Bool("dossier-incomplete", false, "only registrations open or opening within 90 days whose holder's personal information is incomplete")
	return func() (data.AttentionFilter, error) {
		f := data.AttentionFilter{Within: *within, Kind: word(data.AttentionKinds, *kind), Search: *search, Group: data.AttentionGroup(*group),
			DossierIncomplete: *incomplete}
		if err := inRange("within", int64(*within), 0, data.MaxWithinDays); err != nil {
			return f, err
		}
		if *kind != "" && !slices.Contains(data.AttentionKinds, f.Kind) {
			return f, data.Invalid("kind", "cli.bad_flag", "Detail", "--kind: annotation, registration, ce, paper or certificate")
		}
		if *level != "" {
			l, ok := data.ParseLevel(*level)
			if !ok {
				return f, data.Invalid("level", "cli.bad_flag", "Detail", "--level: assistant, social_worker or senior")
			}
			f.Level = l
		}
		if *group != "" && (f.Group == data.GroupNone || !slices.Contains(data.AttentionGroups, f.Group)) {
			return f, data.Invalid("group", "cli.bad_flag", "Detail", "--group: kind, org, region or level")
		}
		return f, nil
	}
}

func dueCmd(c *cli, args []string) error {
	fs := flags("due")
	filter := attentionFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	f, err := filter()
	if err != nil {
		return err
	}
	items, err := c.db.Attention(c.ctx, f, c.o.now())
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
			m = i18n.AttentionText(it)
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
				d = i18n.DaysText(v.Attention)
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
	filter := attentionFlags(fs)
	out := fs.String("out", "", "the .ics file to write")
	remind := fs.String("remind", "30,7,1", "the alarms: days before each deadline (as in Settings)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	days, err := data.ParseReminderDays(*remind)
	if err != nil {
		return err
	}
	if err := checkOut(*out); err != nil {
		return err
	}
	f, err := filter()
	if err != nil {
		return err
	}
	items, err := c.db.Attention(c.ctx, f, c.o.now())
	if err != nil {
		return err
	}
	keys, err := c.db.Keys(c.ctx) // the public half names the database: no key file needed
	if err != nil {
		return err
	}
	o := i18n.ICSOptions{RemindDays: days, Sequences: c.db}
	if k := data.OwnKeyOf(keys); k != nil {
		o.DBID = k.KID
	}
	var b bytes.Buffer
	n, err := i18n.ICS(c.ctx, &b, items, c.o.now(), o)
	if err != nil {
		return err
	}
	if err := writeFile(*out, b.Bytes()); err != nil {
		return err
	}
	c.print(map[string]any{"path": *out, "events": n}, func(w io.Writer) {
		fmt.Fprintln(w, i18n.T("cli.ics_saved", "Path", *out, "Count", n))
	})
	return nil
}
