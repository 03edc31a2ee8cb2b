package app

import (
	"fmt"
	"io"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// paperView is the collection record with where it stands today.
type paperView struct {
	data.Paper
	State    data.PaperStatus `json:"state"`
	DaysLeft *int             `json:"days_left"` // nil without a window
}

func (c *cli) paperView(p *data.Paper) paperView {
	v := paperView{Paper: *p, State: data.PaperState(p, c.today())}
	if d, ok := data.PaperDaysLeft(p, c.today()); ok {
		v.DaysLeft = &d
	}
	if !c.o.reveal {
		v.ProxyIDNumber = data.MaskIDNumber(p.ProxyIDNumber)
	}
	return v
}

func (c *cli) printPaper(p *data.Paper) {
	v := c.paperView(p)
	c.print(v, func(w io.Writer) {
		fmt.Fprintln(w, i18n.PaperStateText(p, c.today()))
		var t table
		row := func(field string, value any) { t.add(i18n.Field(field)+":", value) }
		row("method", i18n.T("paper.method."+string(v.Method)))
		row("status", i18n.T("paper.status."+string(v.Status)))
		row("window_start", v.WindowStart.String())
		row("window_end", v.WindowEnd.String())
		if v.Method == data.PaperOnsite {
			row("place", v.Place)
			if v.ProxyName != "" {
				row("proxy_name", v.ProxyName+"  "+v.ProxyIDNumber)
			}
		} else {
			row("sent_on", v.SentOn.String())
			row("sent_to", v.SentTo)
			row("courier", v.Courier)
			row("tracking", v.Tracking)
		}
		row("collected_on", v.CollectedOn.String())
		t.write(w)
	})
}

// paperUpdate changes the collection record of --cert with the flags
// given; `paper set` may also choose the method and the window.
func paperUpdate(create bool) command {
	name := "paper update"
	if create {
		name = "paper set"
	}
	return func(c *cli, args []string) error {
		fs := flags(name)
		cert := int64Flag(fs, "cert", 0, "certificate ID")
		method := fs.String("method", "", "onsite or mail")
		ws := fs.String("window-start", "", "first day of the locality's window")
		we := fs.String("window-end", "", "last day of the window")
		place := fs.String("place", "", "where to collect it")
		status := fs.String("status", "", "not_collected, applied, under_review, shipped or collected")
		sent := fs.String("sent-on", "", "date the mail application was sent")
		sentTo := fs.String("sent-to", "", "the designated address it was sent to")
		courier := fs.String("courier", "", "courier")
		tracking := fs.String("tracking", "", "tracking number")
		collected := fs.String("collected-on", "", "date collected or received")
		proxyName := fs.String("proxy-name", "", "who collected it for the holder")
		proxyID := fs.String("proxy-id-number", "", "the proxy's ID number")
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		if *cert <= 0 {
			return data.Invalid("cert_id", "err.required")
		}
		p, err := c.db.Paper(c.ctx, *cert)
		if err != nil {
			return err
		}
		if p == nil {
			if !create {
				return data.Invalid("cert_id", "err.paper.none")
			}
			p = &data.Paper{CertID: *cert}
		}
		g := &given{names: set(fs)}
		delete(g.names, "cert")
		if !create && (g.names["method"] || g.names["window-start"] || g.names["window-end"]) {
			return data.Invalid("method", "cli.paper_set_only")
		}
		if g.has("method") {
			p.Method = word(data.PaperMethods, *method)
		}
		if g.has("status") {
			p.Status = word(data.PaperStatuses, *status)
		}
		for _, d := range []struct {
			flag string
			dst  *data.Date
			v    *string
		}{{"window-start", &p.WindowStart, ws}, {"window-end", &p.WindowEnd, we}, {"sent-on", &p.SentOn, sent}, {"collected-on", &p.CollectedOn, collected}} {
			if err := g.date(d.flag, d.dst, d.v); err != nil {
				return err
			}
		}
		g.str("place", &p.Place, place)
		g.str("sent-to", &p.SentTo, sentTo)
		g.str("courier", &p.Courier, courier)
		g.str("tracking", &p.Tracking, tracking)
		g.str("proxy-name", &p.ProxyName, proxyName)
		g.str("proxy-id-number", &p.ProxyIDNumber, proxyID)
		if !create && g.n == 0 {
			return data.Invalid("", "cli.nothing_to_edit")
		}
		if err := c.db.SetPaper(c.ctx, p); err != nil {
			return err
		}
		c.printPaper(p)
		return nil
	}
}

func paperShow(c *cli, args []string) error {
	fs := flags("paper show")
	cert := int64Flag(fs, "cert", 0, "certificate ID")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	p, err := c.db.Paper(c.ctx, *cert)
	if err != nil {
		return err
	}
	if p == nil {
		return data.Invalid("cert_id", "err.paper.none")
	}
	c.printPaper(p)
	return nil
}

func mailForm(c *cli, args []string) error {
	fs := flags("mail form")
	cert := int64Flag(fs, "cert", 0, "certificate ID")
	sex := fs.String("sex", "", "male or female (default: from the ID number)")
	recipient := fs.String("recipient", "", "who receives it (default: the holder)")
	phone := fs.String("phone", "", "the recipient's mobile (default: the holder's, when the holder receives it)")
	province := fs.String("province", "", "province")
	city := fs.String("city", "", "city")
	district := fs.String("district", "", "district")
	address := fs.String("address", "", "street address")
	postcode := fs.String("postcode", "", "postal code")
	fee := fs.String("fee", string(data.FeeOnDelivery), "prepaid or on_delivery")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	crt, err := c.db.Certificate(c.ctx, *cert)
	if err != nil {
		return err
	}
	h, err := c.db.Holder(c.ctx, crt.HolderID)
	if err != nil {
		return err
	}
	f := &data.MailForm{CertID: crt.ID, Sex: word(data.Sexes, *sex), Recipient: *recipient, Phone: *phone, Province: *province, City: *city,
		District: *district, Address: *address, Postcode: *postcode, Fee: word(data.Fees, *fee)}
	f.FillFromHolder(h)
	if err := c.db.SaveMailForm(c.ctx, f); err != nil {
		return err
	}
	view := *f
	if !c.o.reveal {
		view.Phone = data.MaskPhone(f.Phone)
	}
	c.print(view, func(w io.Writer) {
		fmt.Fprintln(w, i18n.T("cli.mail_saved", "Recipient", view.Recipient, "Address", f.FullAddress(), "Postcode", f.Postcode))
	})
	return nil
}

func exportMailForm(c *cli, args []string) error {
	fs := flags("export mailform")
	cert := int64Flag(fs, "cert", 0, "certificate ID")
	out := fs.String("out", "", "the PDF to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkOut(*out); err != nil {
		return err
	}
	b, d, err := c.docs().ExportMailForm(c.ctx, *cert)
	if err != nil {
		return err
	}
	if err := writeFile(*out, b); err != nil {
		return err
	}
	c.print(map[string]any{"path": *out, "bytes": len(b), "claims": d.Claims()}, func(w io.Writer) {
		fmt.Fprintln(w, i18n.T("cli.mail_exported", "Path", *out))
	})
	return nil
}
