package app

import (
	"flag"
	"fmt"
	"io"
	"strconv"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// certView is a certificate as printed, with what follows from it.
type certView struct {
	data.Certificate
	LevelName       string `json:"level_name"` // as printed on the certificate
	Title           string `json:"title"`      // junior, intermediate, senior
	NeedsAnnotation bool   `json:"needs_annotation"`
}

func newCertView(c *data.Certificate) certView {
	return certView{Certificate: *c, LevelName: c.Level.ChineseName(), Title: c.Level.Title(), NeedsAnnotation: c.NeedsAnnotation()}
}

func (c *cli) printCert(cert *data.Certificate) {
	v := newCertView(cert)
	c.print(v, func(w io.Writer) {
		var t table
		row := func(field, value string) { t.add(i18n.Field(field)+":", value) }
		row("id", fmt.Sprint(v.ID))
		row("holder_id", c.holderRef(v.HolderID, nil))
		row("level", i18n.T("level."+string(v.Level)))
		t.add(i18n.T("field.prof_title")+":", i18n.T("title."+v.Title))
		row("mno", v.MNo)
		row("exam_year", fmt.Sprint(v.ExamYear))
		row("passed_on", v.PassedOn.String())
		row("issued_on", v.IssuedOn.String())
		row("issuer", v.Issuer)
		row("status", i18n.T("status."+string(v.Status)))
		if v.NeedsAnnotation {
			row("annotation", i18n.T("annotation.needed"))
		} else {
			row("annotation", i18n.T("annotation.not_needed"))
		}
		t.write(w)
	})
}

// certFlags are the fields of a certificate as flags; add and edit share them.
type certFlags struct {
	holder                               *int64
	level, mno, examYear, passed, issued *string
	issuer, status                       *string
}

func newCertFlags(fs *flag.FlagSet) certFlags {
	return certFlags{
		holder:   int64Flag(fs, "holder", 0, "holder ID"),
		level:    fs.String("level", "", "assistant|social_worker|senior"),
		mno:      fs.String("mno", "", "management number"),
		examYear: fs.String("exam-year", "", "YYYY"),
		passed:   fs.String("passed-on", "", "YYYY-MM-DD"),
		issued:   fs.String("issued-on", "", "YYYY-MM-DD"),
		issuer:   fs.String("issuer", data.DefaultIssuer, "issuing body"),
		status:   fs.String("status", string(data.StatusValid), "valid|revoked"),
	}
}

// apply copies the flags given onto cert, parsing numbers and dates; the
// rules themselves are checked by the store.
func (f certFlags) apply(cert *data.Certificate, g *given) error {
	if g.has("holder") {
		cert.HolderID = *f.holder
	}
	if g.has("level") {
		lv, ok := data.ParseLevel(*f.level)
		if !ok {
			if *f.level == "" {
				return data.Invalid("level", "err.required")
			}
			return data.Invalid("level", "err.level.unknown", "Value", *f.level)
		}
		cert.Level = lv
	}
	g.str("mno", &cert.MNo, f.mno)
	if g.has("exam-year") {
		y, err := data.ParseExamYear(*f.examYear)
		if err != nil {
			return err
		}
		cert.ExamYear = y
	}
	if err := g.date("passed-on", &cert.PassedOn, f.passed); err != nil {
		return err
	}
	if err := g.date("issued-on", &cert.IssuedOn, f.issued); err != nil {
		return err
	}
	g.str("issuer", &cert.Issuer, f.issuer)
	if g.has("status") {
		cert.Status = word(data.CertStatuses, *f.status)
	}
	return nil
}

func certList(c *cli, args []string) error {
	fs := flags("cert list")
	holder := int64Flag(fs, "holder", 0, "only this holder's certificates")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *holder < 0 {
		return data.Invalid("holder_id", "cli.bad_id", "Value", strconv.FormatInt(*holder, 10))
	}
	if *holder > 0 {
		if _, err := c.db.Holder(c.ctx, *holder); err != nil {
			return err
		}
	}
	certs, err := c.db.Certificates(c.ctx, *holder)
	if err != nil {
		return err
	}
	views := make([]certView, len(certs))
	for i, cert := range certs {
		views[i] = newCertView(cert)
	}
	c.print(views, func(w io.Writer) {
		var t table
		t.add(i18n.Field("id"), i18n.Field("holder_id"), i18n.Field("level"), i18n.Field("mno"), i18n.Field("issued_on"), i18n.Field("status"))
		names := map[int64]string{}
		for _, v := range views {
			t.add(v.ID, c.holderRef(v.HolderID, names), v.LevelName, v.MNo, v.IssuedOn, i18n.T("status."+string(v.Status)))
		}
		t.write(w)
	})
	return nil
}

func certShow(c *cli, args []string) error {
	fs := flags("cert show")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	id, err := parseID(pos, "certificate", "cert show")
	if err != nil {
		return err
	}
	cert, err := c.db.Certificate(c.ctx, id)
	if err != nil {
		return err
	}
	c.printCert(cert)
	return nil
}

// holderRef is a holder as the text output names them: the ID, which the
// commands take, and the name beside it, which a person recognises
// ("1 张伟", not "1"). names, when not nil, keeps the names read already.
func (c *cli) holderRef(id int64, names map[int64]string) string {
	name, ok := names[id]
	if !ok {
		// A holder that cannot be read is still named by their ID.
		if h, err := c.db.Holder(c.ctx, id); err == nil {
			name = h.Name
		}
		if names != nil {
			names[id] = name
		}
	}
	if name == "" {
		return strconv.FormatInt(id, 10)
	}
	return strconv.FormatInt(id, 10) + " " + name
}

// certRef is a certificate as the text output names it: the ID the
// commands take, and the management number printed on it beside it.
func (c *cli) certRef(id int64) string {
	if crt, err := c.db.Certificate(c.ctx, id); err == nil {
		return strconv.FormatInt(id, 10) + " " + crt.MNo
	}
	return strconv.FormatInt(id, 10)
}
