package app

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/data/store"
	"github.com/swcert/swcert/i18n"
)

// The personal information (个人信息) on the command line: `profile`,
// `work` and `honour`, over data.DossierService.

var (
	workEntries = record[data.WorkEntry]{what: "work_entry", create: (*store.DB).CreateWorkEntry, load: (*store.DB).WorkEntry,
		save: (*store.DB).UpdateWorkEntry, show: (*cli).printWork, fixed: []string{"holder"},
		flags: func(fs *flag.FlagSet) func(*cli, *data.WorkEntry, *given) error { return newWorkFlags(fs).apply }}
	honours = record[data.Honour]{what: "honour", create: (*store.DB).CreateHonour, load: (*store.DB).Honour,
		save: (*store.DB).UpdateHonour, show: (*cli).printHonour, fixed: []string{"holder"},
		flags: func(fs *flag.FlagSet) func(*cli, *data.Honour, *given) error { return newHonourFlags(fs).apply }}
)

// dossierView is a dossier as printed: the holder's numbers masked unless
// --reveal, as everywhere.
type dossierView struct {
	data.Dossier
	Holder holderView `json:"holder"`
}

func profileShow(c *cli, args []string) error {
	fs := flags("profile show")
	holder := int64Flag(fs, "holder", 0, "holder ID")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	d, err := c.db.Dossier(c.ctx, *holder)
	if err != nil {
		return err
	}
	c.printDossier(d)
	return nil
}

func (c *cli) printDossier(d *data.Dossier) {
	v := dossierView{Dossier: *d, Holder: c.holderView(&d.Holder)}
	c.print(v, func(w io.Writer) {
		var t table
		row := func(field string, value any) { t.add(i18n.Field(field)+":", value) }
		p := &v.Profile
		row("id", v.Holder.ID)
		row("name", v.Holder.Name)
		row("sex", wordText("sex.", v.Sex))
		row("id_type", i18n.T("id_type."+string(v.Holder.IDType)))
		row("id_number", v.Holder.IDNumber)
		row("birth_date", v.BirthDate.String())
		row("ethnicity", p.Ethnicity)
		row("education", wordText("education.", p.Education))
		row("major", p.Major)
		row("phone", v.Holder.Phone)
		row("org", v.Holder.Org)
		row("region", v.Holder.Region)
		if p.Photo != nil {
			row("photo", p.Photo.Name+"  "+proofs.FormatSize(p.Photo.Size))
		} else {
			row("photo", "")
		}
		first := p.FirstRegOn.String()
		if p.FirstRegKind != "" {
			first += "  (" + i18n.T("first_reg_kind."+string(p.FirstRegKind)) + ")"
		}
		row("first_reg_on", first)
		t.write(w)
		fmt.Fprintln(w)
		if len(v.Missing) == 0 {
			fmt.Fprintln(w, i18n.T("dossier.complete"))
		} else {
			fmt.Fprintln(w, i18n.DossierIncomplete(v.Missing))
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, i18n.Field("work_history")+":")
		writeWork(w, v.Work)
		if len(v.Honours) > 0 {
			fmt.Fprintln(w)
			fmt.Fprintln(w, i18n.Field("honours")+":")
			writeHonours(w, v.Honours)
		}
		if len(v.Transfers) > 0 {
			fmt.Fprintln(w)
			fmt.Fprintln(w, i18n.Field("transfers")+":")
			writeTransfers(w, v.Transfers)
		}
		if len(v.Projects) > 0 {
			fmt.Fprintln(w)
			fmt.Fprintln(w, i18n.Field("projects")+":")
			var pt table
			pt.add(i18n.Field("id"), i18n.Field("project_name"), i18n.Field("project_org"), i18n.Field("start_on"), i18n.Field("end_on"), i18n.Field("programme"), i18n.Field("records"), i18n.Field("service_hours"))
			for _, hp := range v.Projects {
				pt.add(hp.Project.ID, hp.Project.Name, hp.Project.Org, hp.Project.StartOn.String(), hp.Project.EndOn.String(), programmeText(hp.Project.Programme), hp.Records, hp.Hours)
			}
			pt.write(w)
		}
	})
}

// wordText is a coded value in words ("" for none).
func wordText[T ~string](prefix string, v T) string {
	if v == "" {
		return ""
	}
	return i18n.T(prefix + string(v))
}

func programmeText(p data.Programme) string {
	if p == data.ProgrammeNone {
		return i18n.T("programme.none")
	}
	return i18n.T("programme." + string(p))
}

// profileSet changes the profile fields given; the others stay.
func profileSet(c *cli, args []string) error {
	fs := flags("profile set")
	holder := int64Flag(fs, "holder", 0, "holder ID")
	sex := fs.String("sex", "", "male or female (read from a resident ID number when empty)")
	birth := fs.String("birth-date", "", "date of birth, for ID types that do not encode it")
	ethnicity := fs.String("ethnicity", "", "民族, e.g. 汉族")
	education := fs.String("education", "", "high_school, college, bachelor, master or doctorate (高中及以下, 大专, 本科, 硕士研究生, 博士研究生)")
	major := fs.String("major", "", "专业")
	firstOn := fs.String("first-reg-on", "", "the day a local registration certificate was first received")
	firstKind := fs.String("first-reg-kind", "", "certificate or form")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	p, err := c.db.Profile(c.ctx, *holder)
	if err != nil {
		return err
	}
	g := &given{names: set(fs)}
	delete(g.names, "holder")
	if g.has("sex") {
		p.Sex = word(data.Sexes, *sex)
	}
	if err := g.date("birth-date", &p.BirthDate, birth); err != nil {
		return err
	}
	g.str("ethnicity", &p.Ethnicity, ethnicity)
	if g.has("education") {
		p.Education = word(data.Educations, *education)
	}
	g.str("major", &p.Major, major)
	if g.has("first-reg-kind") {
		p.FirstRegKind = word(data.FirstRegKinds, *firstKind)
	}
	if err := g.date("first-reg-on", &p.FirstRegOn, firstOn); err != nil {
		return err
	}
	if g.names["first-reg-on"] && !g.names["first-reg-kind"] && !p.FirstRegOn.IsZero() {
		p.FirstRegKind = data.FirstRegCertificate // a day typed is the certificate's: the form's is recorded
	}
	if g.n == 0 {
		return data.Invalid("", "cli.nothing_to_edit")
	}
	if err := c.db.SetProfile(c.ctx, p); err != nil {
		return err
	}
	d, err := c.db.Dossier(c.ctx, p.HolderID)
	if err != nil {
		return err
	}
	c.printDossier(d)
	return nil
}

// profilePhoto sets the photo from a file (checked before it is kept), or
// removes it.
func profilePhoto(c *cli, args []string) error {
	fs := flags("profile photo")
	holder := int64Flag(fs, "holder", 0, "holder ID")
	remove := fs.Bool("remove", false, "remove the photo")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	var photo *data.Proof
	switch {
	case *remove && pos != "":
		return data.Invalid("photo", "cli.photo_or_remove")
	case *remove:
	case pos == "":
		return data.Invalid("photo", "cli.photo_file")
	default:
		p, _, err := proofs.ReadPhotoFile(pos) // bounded before reading; only the header decoded
		if err != nil {
			return err
		}
		photo = &p
	}
	if err := c.db.SetPhoto(c.ctx, *holder, photo); err != nil {
		return err
	}
	d, err := c.db.Dossier(c.ctx, *holder)
	if err != nil {
		return err
	}
	c.printDossier(d)
	return nil
}

type workFlags struct {
	holder                               *int64
	org, position, start, end, programme *string
	proofs                               *fileList
	noProofs                             *bool
}

func newWorkFlags(fs *flag.FlagSet) workFlags {
	f := workFlags{
		holder:    int64Flag(fs, "holder", 0, "holder ID"),
		org:       fs.String("org", "", "employer"),
		position:  fs.String("position", "", "position"),
		start:     fs.String("start-on", "", "first day"),
		end:       fs.String("end-on", "", "last day (empty: current)"),
		programme: fs.String("programme", "", "sanqu (三区计划), qianshou (牵手计划) or none"),
		proofs:    &fileList{},
		noProofs:  fs.Bool("no-proofs", false, "remove the entry's proof files"),
	}
	fs.Var(f.proofs, "proof", "a proof file (PDF or image); repeat for more")
	return f
}

func (f workFlags) apply(_ *cli, e *data.WorkEntry, g *given) error {
	if g.has("holder") {
		e.HolderID = *f.holder
	}
	g.str("org", &e.Org, f.org)
	g.str("position", &e.Position, f.position)
	if err := g.date("start-on", &e.StartOn, f.start); err != nil {
		return err
	}
	if g.has("end-on") {
		e.EndOn = data.Date{}
		if strings.TrimSpace(*f.end) != "" {
			d, err := data.ParseDate(*f.end)
			if err != nil {
				return data.Invalid("end_on", "err.date.format")
			}
			e.EndOn = d
		}
	}
	if g.has("programme") {
		p, ok := data.ParseProgramme(*f.programme)
		if !ok {
			p = data.Programme(*f.programme) // refused by Validate, naming the field
		}
		e.Programme = p
	}
	if *f.noProofs && g.has("no-proofs") {
		e.Proofs = nil
	}
	return readProofs(g, *f.proofs, &e.Proofs)
}

// readProofs reads the proof files given, bounded (no device, pipe or
// folder; at most proofs.MaxSize each), to be kept when the record is.
func readProofs(g *given, paths []string, dst *[]data.Proof) error {
	for _, path := range paths {
		g.n++
		p, err := proofs.ReadFile(path)
		if err != nil {
			return err
		}
		*dst = append(*dst, p)
	}
	return nil
}

func (c *cli) printWork(e *data.WorkEntry) {
	c.print(e, func(w io.Writer) {
		var t table
		row := func(field string, value any) { t.add(i18n.Field(field)+":", value) }
		row("id", e.ID)
		row("holder_id", c.holderRef(e.HolderID, nil))
		row("org", e.Org)
		row("position", e.Position)
		row("start_on", e.StartOn.String())
		row("end_on", endOrCurrent(e.EndOn))
		row("programme", programmeText(e.Programme))
		for _, p := range e.Proofs {
			row("proof", p.Name+"  "+proofs.FormatSize(p.Size))
		}
		t.write(w)
	})
}

func endOrCurrent(d data.Date) string {
	if d.IsZero() {
		return i18n.T("work.current")
	}
	return d.String()
}

func writeWork(w io.Writer, work []data.WorkEntry) {
	var t table
	t.add(i18n.Field("id"), i18n.Field("start_on"), i18n.Field("end_on"), i18n.Field("org"), i18n.Field("position"), i18n.Field("programme"), i18n.Field("proof"))
	for _, e := range work {
		t.add(e.ID, e.StartOn.String(), endOrCurrent(e.EndOn), e.Org, e.Position, programmeText(e.Programme), len(e.Proofs))
	}
	t.write(w)
}

func workList(c *cli, args []string) error {
	return listOfHolder(c, args, "work list", c.db.WorkHistory, writeWork)
}

type honourFlags struct {
	holder             *int64
	title, date, level *string
	proof              *string
}

func newHonourFlags(fs *flag.FlagSet) honourFlags {
	return honourFlags{
		holder: int64Flag(fs, "holder", 0, "holder ID"),
		title:  fs.String("title", "", "the honour"),
		date:   fs.String("date", "", "the day it was awarded"),
		level:  fs.String("level", "", "village, street, district, city, province or ministerial (村(居), 街道(乡镇), 区(县), 地市, 省, 部)"),
		proof:  fs.String("proof", "", "a proof file (PDF or image)"),
	}
}

func (f honourFlags) apply(_ *cli, h *data.Honour, g *given) error {
	if g.has("holder") {
		h.HolderID = *f.holder
	}
	g.str("title", &h.Title, f.title)
	if err := g.date("date", &h.Date, f.date); err != nil {
		return err
	}
	if g.has("level") {
		h.Level = word(data.HonourLevels, *f.level)
	}
	if *f.proof != "" && g.has("proof") {
		var ps []data.Proof
		if err := readProofs(g, []string{*f.proof}, &ps); err != nil {
			return err
		}
		h.Proof = &ps[0]
	}
	return nil
}

func (c *cli) printHonour(h *data.Honour) {
	c.print(h, func(w io.Writer) {
		var t table
		row := func(field string, value any) { t.add(i18n.Field(field)+":", value) }
		row("id", h.ID)
		row("holder_id", c.holderRef(h.HolderID, nil))
		row("title", h.Title)
		row("date", h.Date.String())
		row("honour_level", i18n.T("honour.level."+string(h.Level)))
		if h.Proof != nil {
			row("proof", h.Proof.Name+"  "+proofs.FormatSize(h.Proof.Size))
		}
		t.write(w)
	})
}

func writeHonours(w io.Writer, hs []data.Honour) {
	var t table
	t.add(i18n.Field("id"), i18n.Field("date"), i18n.Field("title"), i18n.Field("honour_level"), i18n.Field("proof"))
	for _, h := range hs {
		proof := ""
		if h.Proof != nil {
			proof = h.Proof.Name
		}
		t.add(h.ID, h.Date.String(), h.Title, i18n.T("honour.level."+string(h.Level)), proof)
	}
	t.write(w)
}

func honourList(c *cli, args []string) error {
	return listOfHolder(c, args, "honour list", c.db.Honours, writeHonours)
}
