package app

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/i18n"
)

// proofDir is where proof files are kept: beside the database.
func proofDir(db string) string { return filepath.Join(filepath.Dir(db), "proofs") }

// fileList is a flag given once per file.
type fileList []string

func (f *fileList) String() string     { return strings.Join(*f, ",") }
func (f *fileList) Set(s string) error { *f = append(*f, s); return nil }

type ceFlags struct {
	holder                             *int64
	kind, title, provider, date, hours *string
	review                             *string
	proofs                             *fileList
}

func newCEFlags(fs *flag.FlagSet) ceFlags {
	f := ceFlags{
		holder:   int64Flag(fs, "holder", 0, "holder ID"),
		kind:     fs.String("kind", "", "training, online, degree or courses"),
		title:    fs.String("title", "", "title"),
		provider: fs.String("provider", "", "provider"),
		date:     fs.String("date", "", "date"),
		hours:    fs.String("hours", "", "hours, in tenths at most (7.5)"),
		review:   fs.String("review", "", "pending, approved or rejected (none for online courses)"),
		proofs:   &fileList{},
	}
	fs.Var(f.proofs, "proof", "a proof file (PDF or image); repeat for more")
	return f
}

// apply copies the flags given onto r, with the proof files read: they
// are kept when the record is saved, so a refused one keeps no file.
func (f ceFlags) apply(c *cli, r *data.CERecord, g *given) error {
	if g.has("holder") {
		r.HolderID = *f.holder
	}
	if g.has("kind") {
		r.SetKind(word(data.CEKinds(), *f.kind)) // to online courses: the old review status goes
	}
	g.str("title", &r.Title, f.title)
	g.str("provider", &r.Provider, f.provider)
	if err := g.date("date", &r.Date, f.date); err != nil {
		return err
	}
	if g.has("hours") && strings.TrimSpace(*f.hours) != "" {
		h, err := data.ParseHours("hours", *f.hours)
		if err != nil {
			return err
		}
		r.Hours = h
	}
	if g.has("review") {
		r.Review = word(data.Reviews, *f.review)
	}
	for _, path := range *f.proofs {
		g.n++
		p, err := proofs.ReadFile(path) // bounded: no device, pipe or folder, at most proofs.MaxSize
		if err != nil {
			return err
		}
		r.Proofs = append(r.Proofs, p)
	}
	return nil
}

func (c *cli) printCE(r *data.CERecord) {
	c.print(r, func(w io.Writer) {
		var t table
		row := func(field string, value any) { t.add(i18n.Field(field)+":", value) }
		row("id", r.ID)
		row("holder_id", c.holderRef(r.HolderID, nil))
		row("kind", i18n.T("ce.kind."+string(r.Kind)))
		row("title", r.Title)
		row("provider", r.Provider)
		row("date", r.Date.String())
		row("hours", r.Hours)
		row("review", i18n.T(r.Review.Key()))
		for _, p := range r.Proofs {
			row("proof", p.Name+"  "+proofs.FormatSize(p.Size))
		}
		t.write(w)
	})
}

func ceList(c *cli, args []string) error {
	return listOfHolder(c, args, "ce list", c.db.CERecords, func(w io.Writer, recs []data.CERecord) {
		var t table
		t.add(i18n.Field("id"), i18n.Field("date"), i18n.Field("kind"), i18n.Field("title"), i18n.Field("hours"), i18n.Field("review"))
		for _, r := range recs {
			t.add(r.ID, r.Date.String(), i18n.T("ce.kind."+string(r.Kind)), r.Title, r.Hours, i18n.T(r.Review.Key()))
		}
		t.write(w)
	})
}

func ceProgress(c *cli, args []string) error {
	fs := flags("ce progress")
	holder := int64Flag(fs, "holder", 0, "holder ID")
	cert := int64Flag(fs, "cert", 0, "certificate ID (default: the holder's highest level)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := c.docs().CEProgress(c.ctx, *holder, *cert)
	if err != nil {
		return err
	}
	if c.o.json {
		writeJSON(c.stdout, st.Periods) // the contract: per period
		return nil
	}
	w := c.stdout
	if len(st.Periods) == 0 {
		fmt.Fprintln(w, i18n.T("ce.no_period"))
	}
	var t table
	t.add(i18n.Field("period_start"), i18n.Field("period_end"), i18n.T("ce.required"), i18n.T("ce.credited"), i18n.T("ce.pending"), i18n.T("ce.missing"))
	for _, p := range st.Periods {
		t.add(p.Start.String(), p.End.String(), i18n.HoursText(p.Required), i18n.HoursText(p.Credited), i18n.HoursText(p.Pending), i18n.HoursText(p.Missing))
	}
	t.write(w)
	if len(st.Outside) > 0 {
		fmt.Fprintln(w, i18n.T("ce.outside", "Count", len(st.Outside)))
	}
	return nil
}

func exportCEReport(c *cli, args []string) error {
	fs := flags("export ce-report")
	holder := int64Flag(fs, "holder", 0, "holder ID")
	cert := int64Flag(fs, "cert", 0, "certificate ID")
	start := fs.String("period-start", "", "the period's first day (default: the current one)")
	out := fs.String("out", "", "the PDF to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkOut(*out); err != nil {
		return err
	}
	ps, err := data.ParseDate(*start)
	if err != nil {
		return data.Invalid("period_start", "err.date.format")
	}
	b, r, err := c.docs().ExportCEReport(c.ctx, *holder, *cert, ps)
	if err != nil {
		return err
	}
	if err := writeFile(*out, b); err != nil {
		return err
	}
	c.print(map[string]any{"path": *out, "bytes": len(b), "claims": r.Claims()}, func(w io.Writer) {
		fmt.Fprintln(w, i18n.T("cli.ce_exported", "Path", *out, "Credited", i18n.HoursText(r.Progress.Credited), "Required", i18n.HoursText(r.Progress.Required)))
	})
	return nil
}
