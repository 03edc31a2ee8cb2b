package app

import (
	"flag"
	"fmt"
	"io"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// regView is a registration with its last day.
type regView struct {
	data.Registration
	ValidTo data.Date `json:"valid_to"`
}

func (c *cli) printReg(r *data.Registration) {
	v := regView{Registration: *r, ValidTo: r.ValidTo()}
	c.print(v, func(w io.Writer) {
		var t table
		row := func(field string, value any) { t.add(i18n.Field(field)+":", value) }
		row("id", v.ID)
		row("cert_id", c.certRef(v.CertID))
		row("kind", i18n.T("reg.kind."+string(v.Kind)))
		row("status", i18n.T("reg.status."+string(v.Status)))
		row("applied_on", v.AppliedOn.String())
		row("valid_from", v.ValidFrom.String())
		row("valid_to", v.ValidTo.String())
		row("region", v.Region)
		row("org", v.Org)
		t.write(w)
	})
}

type regFlags struct {
	cert                                       *int64
	kind, status, applied, validFrom, reg, org *string
}

func newRegFlags(fs *flag.FlagSet) regFlags {
	return regFlags{
		cert:      int64Flag(fs, "cert", 0, "certificate ID"),
		kind:      fs.String("kind", "", "first or renewal"),
		status:    fs.String("status", "", "not_applied, pending, first_passed, first_failed, final_passed, final_failed, completed, issued"),
		applied:   fs.String("applied-on", "", "date applied"),
		validFrom: fs.String("valid-from", "", "first day in force"),
		reg:       fs.String("region", "", "registration region"),
		org:       fs.String("org", "", "agency"),
	}
}

// apply copies the flags given onto r.
func (f regFlags) apply(r *data.Registration, g *given) error {
	if g.has("cert") {
		r.CertID = *f.cert
	}
	if g.has("kind") {
		r.Kind = word(data.RegKinds, *f.kind)
	}
	if g.has("status") {
		r.Status = word(data.RegStatuses, *f.status)
	}
	if err := g.date("applied-on", &r.AppliedOn, f.applied); err != nil {
		return err
	}
	if err := g.date("valid-from", &r.ValidFrom, f.validFrom); err != nil {
		return err
	}
	g.str("region", &r.Region, f.reg)
	g.str("org", &r.Org, f.org)
	return nil
}

func regList(c *cli, args []string) error {
	fs := flags("reg list")
	cert := int64Flag(fs, "cert", 0, "certificate ID")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	regs, err := c.db.Registrations(c.ctx, *cert)
	if err != nil {
		return err
	}
	views := make([]regView, len(regs))
	for i := range regs {
		views[i] = regView{Registration: regs[i], ValidTo: regs[i].ValidTo()}
	}
	c.print(views, func(w io.Writer) {
		var t table
		t.add(i18n.Field("id"), i18n.Field("kind"), i18n.Field("status"), i18n.Field("applied_on"), i18n.Field("valid_from"), i18n.Field("valid_to"), i18n.Field("region"))
		for _, v := range views {
			t.add(v.ID, i18n.T("reg.kind."+string(v.Kind)), i18n.T("reg.status."+string(v.Status)), v.AppliedOn.String(), v.ValidFrom.String(), v.ValidTo.String(), v.Region)
		}
		t.write(w)
	})
	return nil
}

func regDue(c *cli, args []string) error {
	fs := flags("reg due")
	certID := int64Flag(fs, "cert", 0, "certificate ID")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cert, err := c.db.Certificate(c.ctx, *certID)
	if err != nil {
		return err
	}
	regs, err := c.db.Registrations(c.ctx, cert.ID)
	if err != nil {
		return err
	}
	d, err := c.db.Dossier(c.ctx, cert.HolderID)
	if err != nil {
		return err
	}
	items := data.DossierDue(data.RegistrationDue(cert, regs, c.today()), d.Missing)
	if items == nil {
		items = []data.DueItem{}
	}
	c.print(items, func(w io.Writer) {
		if len(items) == 0 {
			fmt.Fprintln(w, i18n.T("reg.due.none"))
		}
		for _, it := range items {
			fmt.Fprintln(w, i18n.DueText(it))
		}
	})
	return nil
}
