package app

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// holderView is a holder as printed: numbers masked unless --reveal.
type holderView struct {
	data.Holder
}

func (c *cli) holderView(h *data.Holder) holderView {
	v := holderView{Holder: *h}
	if !c.o.reveal {
		v.IDNumber = data.MaskIDNumber(h.IDNumber)
		v.Phone = data.MaskPhone(h.Phone)
	}
	return v
}

func (c *cli) printHolder(h *data.Holder) {
	v := c.holderView(h)
	c.print(v, func(w io.Writer) {
		var t table
		row := func(field, value string) { t.add(i18n.Field(field)+":", value) }
		row("id", fmt.Sprint(v.ID))
		row("name", v.Name)
		row("id_type", i18n.T("id_type."+string(v.IDType)))
		row("id_number", v.IDNumber)
		row("phone", v.Phone)
		row("org", v.Org)
		row("region", v.Region)
		if v.Office != "" {
			row("office", v.Office)
		}
		if v.Demo {
			row("demo", i18n.T("holder.demo_badge"))
		}
		t.write(w)
	})
}

// holderFlags are the fields of a holder as flags; add and edit share them.
type holderFlags struct {
	name, idNumber, idType, phone, org, region, office *string
}

func newHolderFlags(fs *flag.FlagSet) holderFlags {
	return holderFlags{
		name:     fs.String("name", "", "name"),
		idNumber: fs.String("id-number", "", "ID number"),
		idType:   fs.String("id-type", string(data.IDResident), "resident|permit|passport|other"),
		phone:    fs.String("phone", "", "mobile number"),
		org:      fs.String("org", "", "employer"),
		region:   fs.String("region", "", "region"),
		office:   fs.String("office", "", "the agency's office (shared database)"),
	}
}

// apply copies the flags given onto h.
func (f holderFlags) apply(h *data.Holder, g *given) {
	g.str("name", &h.Name, f.name)
	g.str("id-number", &h.IDNumber, f.idNumber)
	if g.has("id-type") {
		h.IDType = word(data.IDTypes, *f.idType)
	}
	g.str("phone", &h.Phone, f.phone)
	g.str("org", &h.Org, f.org)
	g.str("region", &h.Region, f.region)
	g.str("office", &h.Office, f.office)
}

func holderList(c *cli, args []string) error {
	fs := flags("holder list")
	search := fs.String("search", "", "name, ID number, management number or employer")
	limit := intFlag(fs, "limit", data.DefaultPageSize, "at most this many")
	offset := intFlag(fs, "offset", 0, "skip this many")
	programme := fs.String("programme", "", "only holders with experience under sanqu (三区计划), qianshou (牵手计划) or any of the two")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var programmes []data.Programme
	switch p, ok := data.ParseProgramme(*programme); {
	case *programme == "":
	case strings.EqualFold(strings.TrimSpace(*programme), "any"):
		programmes = data.Programmes
	case !ok || p == data.ProgrammeNone:
		return data.Invalid("programme", "err.value.unknown", "Value", *programme, "Values", "sanqu (三区计划), qianshou (牵手计划), any")
	default:
		programmes = []data.Programme{p}
	}
	if err := inRange("limit", int64(*limit), 1, data.MaxPageSize); err != nil {
		return err
	}
	if err := inRange("offset", int64(*offset), 0, data.MaxOffset); err != nil {
		return err
	}
	hs, err := c.db.FindHolders(c.ctx, data.HolderFilter{Search: *search, Offset: *offset, Limit: *limit, Programmes: programmes})
	if err != nil {
		return err
	}
	views := make([]holderView, len(hs))
	for i, h := range hs {
		views[i] = c.holderView(h)
	}
	c.print(views, func(w io.Writer) {
		var t table
		t.add(i18n.Field("id"), i18n.Field("name"), i18n.Field("id_number"), i18n.Field("org"))
		for _, v := range views {
			t.add(v.ID, v.Name, v.IDNumber, v.Org)
		}
		t.write(w)
	})
	return nil
}

func holderShow(c *cli, args []string) error {
	fs := flags("holder show")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	id, err := parseID(pos, "holder", "holder show")
	if err != nil {
		return err
	}
	h, err := c.db.Holder(c.ctx, id)
	if err != nil {
		return err
	}
	c.printHolder(h)
	return nil
}
