package app

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/store"
	"github.com/swcert/swcert/i18n"
)

// Projects and service records (服务记录) on the command line: `project`
// and `service`, over data.ProjectService.

var (
	projects = record[data.Project]{what: "project", create: (*store.DB).CreateProject, load: (*store.DB).Project,
		save: (*store.DB).UpdateProject, show: (*cli).printProject,
		flags: func(fs *flag.FlagSet) func(*cli, *data.Project, *given) error { return newProjectFlags(fs).apply }}
	services = record[data.ServiceRecord]{what: "service_record", create: (*store.DB).CreateServiceRecord, load: (*store.DB).ServiceRecord,
		save: (*store.DB).UpdateServiceRecord, show: (*cli).printService, fixed: []string{"project", "holder"},
		flags: func(fs *flag.FlagSet) func(*cli, *data.ServiceRecord, *given) error { return newServiceFlags(fs).apply }}
)

type projectFlags struct {
	name, org, start, end, programme *string
}

func newProjectFlags(fs *flag.FlagSet) projectFlags {
	return projectFlags{
		name:      fs.String("name", "", "the project's name"),
		org:       fs.String("org", "", "the agency that runs it"),
		start:     fs.String("start-on", "", "first day"),
		end:       fs.String("end-on", "", "last day (empty: open)"),
		programme: fs.String("programme", "", "sanqu (三区计划), qianshou (牵手计划) or none"),
	}
}

func (f projectFlags) apply(_ *cli, p *data.Project, g *given) error {
	g.str("name", &p.Name, f.name)
	g.str("org", &p.Org, f.org)
	if err := g.date("start-on", &p.StartOn, f.start); err != nil {
		return err
	}
	if err := g.date("end-on", &p.EndOn, f.end); err != nil {
		return err
	}
	if g.has("programme") {
		v, ok := data.ParseProgramme(*f.programme)
		if !ok {
			v = data.Programme(*f.programme)
		}
		p.Programme = v
	}
	return nil
}

func (c *cli) printProject(p *data.Project) {
	c.print(p, func(w io.Writer) {
		var t table
		row := func(field string, value any) { t.add(i18n.Field(field)+":", value) }
		row("id", p.ID)
		row("project_name", p.Name)
		row("project_org", p.Org)
		row("start_on", p.StartOn.String())
		row("end_on", p.EndOn.String())
		row("programme", programmeText(p.Programme))
		row("participants", p.Participants)
		row("service_hours", p.Hours)
		t.write(w)
	})
}

func projectList(c *cli, args []string) error {
	fs := flags("project list")
	search := fs.String("search", "", "in the name or the agency")
	org := fs.String("org", "", "only this agency's")
	programme := fs.String("programme", "", "only sanqu, qianshou or none")
	limit := intFlag(fs, "limit", data.DefaultPageSize, "at most this many")
	offset := intFlag(fs, "offset", 0, "skip this many")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := inRange("limit", int64(*limit), 1, data.MaxPageSize); err != nil {
		return err
	}
	if err := inRange("offset", int64(*offset), 0, data.MaxOffset); err != nil {
		return err
	}
	f := data.ProjectFilter{Search: *search, Org: *org, Limit: *limit, Offset: *offset}
	if set(fs)["programme"] {
		p, ok := data.ParseProgramme(*programme)
		if !ok {
			return data.Invalid("programme", "err.value.unknown", "Value", *programme, "Values", "sanqu (三区计划), qianshou (牵手计划), none")
		}
		f.Programme = &p
	}
	ps, err := c.db.FindProjects(c.ctx, f)
	if err != nil {
		return err
	}
	c.print(ps, func(w io.Writer) {
		var t table
		t.add(i18n.Field("id"), i18n.Field("project_name"), i18n.Field("project_org"), i18n.Field("start_on"), i18n.Field("end_on"), i18n.Field("programme"), i18n.Field("participants"), i18n.Field("service_hours"))
		for _, p := range ps {
			t.add(p.ID, p.Name, p.Org, p.StartOn.String(), p.EndOn.String(), programmeText(p.Programme), p.Participants, p.Hours)
		}
		t.write(w)
	})
	return nil
}

// projectView is a project with who served in it.
type projectView struct {
	data.Project
	ParticipantList []data.Participant `json:"participant_list"`
}

func projectShow(c *cli, args []string) error {
	fs := flags("project show")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	id, err := parseID(pos, "project", "project show")
	if err != nil {
		return err
	}
	p, err := c.db.Project(c.ctx, id)
	if err != nil {
		return err
	}
	people, err := c.db.Participants(c.ctx, id)
	if err != nil {
		return err
	}
	v := projectView{Project: *p, ParticipantList: people}
	if c.o.json {
		writeJSON(c.stdout, v)
		return nil
	}
	c.printProject(p)
	fmt.Fprintln(c.stdout)
	var t table
	t.add(i18n.Field("holder_id"), i18n.Field("name"), i18n.Field("org"), i18n.Field("records"), i18n.Field("service_hours"))
	for _, x := range people {
		t.add(x.HolderID, x.Name, x.Org, x.Records, x.Hours)
	}
	t.write(c.stdout)
	return nil
}

// projectMember is `project join` and `project leave`.
func projectMember(join bool) command {
	name := "project leave"
	if join {
		name = "project join"
	}
	return func(c *cli, args []string) error {
		fs := flags(name)
		project := int64Flag(fs, "project", 0, "project ID")
		holder := int64Flag(fs, "holder", 0, "holder ID")
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		var err error
		if join {
			err = c.db.JoinProject(c.ctx, *project, *holder)
		} else {
			err = c.db.LeaveProject(c.ctx, *project, *holder)
		}
		if err != nil {
			return err
		}
		key := "cli.project_left"
		if join {
			key = "cli.project_joined"
		}
		c.print(map[string]any{"project_id": *project, "holder_id": *holder, "participant": join}, func(w io.Writer) {
			fmt.Fprintln(w, i18n.T(key, "Holder", c.holderRef(*holder, nil), "Project", *project))
		})
		return nil
	}
}

type serviceFlags struct {
	project, holder      *int64
	date, content, hours *string
}

func newServiceFlags(fs *flag.FlagSet) serviceFlags {
	return serviceFlags{
		project: int64Flag(fs, "project", 0, "project ID"),
		holder:  int64Flag(fs, "holder", 0, "holder ID (a participant of the project)"),
		date:    fs.String("date", "", "the day served"),
		content: fs.String("content", "", "what was done"),
		hours:   fs.String("hours", "", "hours, in tenths at most (2.5)"),
	}
}

func (f serviceFlags) apply(_ *cli, r *data.ServiceRecord, g *given) error {
	if g.has("project") {
		r.ProjectID = *f.project
	}
	if g.has("holder") {
		r.HolderID = *f.holder
	}
	if err := g.date("date", &r.Date, f.date); err != nil {
		return err
	}
	g.str("content", &r.Content, f.content)
	if g.has("hours") && strings.TrimSpace(*f.hours) != "" {
		h, err := data.ParseServiceHours(*f.hours)
		if err != nil {
			return err
		}
		r.Hours = h
	}
	return nil
}

func (c *cli) printService(r *data.ServiceRecord) {
	c.print(r, func(w io.Writer) {
		var t table
		row := func(field string, value any) { t.add(i18n.Field(field)+":", value) }
		row("id", r.ID)
		row("project_id", r.ProjectID)
		row("holder_id", c.holderRef(r.HolderID, nil))
		row("date", r.Date.String())
		row("content", r.Content)
		row("service_hours", r.Hours)
		t.write(w)
	})
}

func serviceList(c *cli, args []string) error {
	fs := flags("service list")
	project := int64Flag(fs, "project", 0, "project ID")
	holder := int64Flag(fs, "holder", 0, "holder ID")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	recs, err := c.db.ServiceRecords(c.ctx, data.ServiceFilter{ProjectID: *project, HolderID: *holder})
	if err != nil {
		return err
	}
	c.print(recs, func(w io.Writer) {
		names := map[int64]string{}
		var t table
		t.add(i18n.Field("id"), i18n.Field("date"), i18n.Field("project_id"), i18n.Field("holder_id"), i18n.Field("service_hours"), i18n.Field("content"))
		total := data.Hours{}
		for _, r := range recs {
			t.add(r.ID, r.Date.String(), r.ProjectID, c.holderRef(r.HolderID, names), r.Hours, r.Content)
			total = total.Add(r.Hours)
		}
		t.write(w)
		fmt.Fprintln(w, i18n.T("cli.service_total", "Count", len(recs), "Hours", total.String()))
	})
	return nil
}
