package app

import (
	"fmt"
	"io"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// annotationView is an annotation as the CLI prints it: with its state and
// validity window at the CLI's clock.
type annotationView struct {
	data.Annotation
	State      data.AnnotationState `json:"state"`
	ValidFrom  time.Time            `json:"valid_from"`
	ValidUntil time.Time            `json:"valid_until"`
	DaysLeft   *int                 `json:"days_left,omitempty"` // while valid
}

func (c *cli) annotationView(a *data.Annotation) annotationView {
	now := c.o.now()
	v := annotationView{Annotation: *a, State: a.State(now), ValidFrom: a.ValidFrom(), ValidUntil: a.ValidUntil()}
	if v.State == data.AnnValid {
		d := a.DaysLeft(now)
		v.DaysLeft = &d
	}
	return v
}

func (c *cli) printAnnotation(a *data.Annotation) {
	v := c.annotationView(a)
	c.print(v, func(w io.Writer) {
		var t table
		row := func(field string, value any) { t.add(i18n.Field(field)+":", value) }
		row("id", v.ID)
		row("cert_id", c.certRef(v.CertID))
		row("scene", i18n.T("scene."+string(v.Scene)))
		row("days", v.Days)
		row("state", i18n.T("annotation.state."+string(v.State)))
		row("applied_at", i18n.Time(v.AppliedAt))
		if v.CompletedAt != nil {
			row("completed_at", i18n.Time(*v.CompletedAt))
		}
		if v.WithdrawnAt != nil {
			row("withdrawn_at", i18n.Time(*v.WithdrawnAt))
		}
		row("valid_from", i18n.Time(v.ValidFrom))
		row("valid_until", i18n.Time(v.ValidUntil))
		if v.DaysLeft != nil {
			row("days_left", *v.DaysLeft)
		}
		t.write(w)
	})
}

func annotateApply(c *cli, args []string) error {
	fs := flags("annotate apply")
	cert := int64Flag(fs, "cert", 0, "certificate ID")
	days := intFlag(fs, "days", data.MaxAnnotationDays, "validity in days")
	sceneText := fs.String("scene", string(data.SceneSelf), "usage scenario")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cert <= 0 {
		return data.Invalid("cert_id", "err.required")
	}
	a, err := c.db.ApplyAnnotation(c.ctx, *cert, word(data.Scenes, *sceneText), *days)
	if err != nil {
		return err
	}
	c.printAnnotation(a)
	return nil
}

// annotationsJSON is `annotate list --json`: the history and the limit.
type annotationsJSON struct {
	CertID      int64            `json:"cert_id"`
	Annotations []annotationView `json:"annotations"`
	Quota       data.Quota       `json:"quota"`
}

func annotateList(c *cli, args []string) error {
	fs := flags("annotate list")
	cert := int64Flag(fs, "cert", 0, "certificate ID")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cert <= 0 {
		return data.Invalid("cert_id", "err.required")
	}
	anns, err := c.db.Annotations(c.ctx, *cert)
	if err != nil {
		return err
	}
	out := annotationsJSON{CertID: *cert, Annotations: []annotationView{}, Quota: data.AnnotationQuotaOn(anns, c.today())}
	for i := range anns {
		out.Annotations = append(out.Annotations, c.annotationView(&anns[i]))
	}
	c.print(out, func(w io.Writer) {
		var t table
		t.add(i18n.Field("id"), i18n.Field("state"), i18n.Field("applied_at"), i18n.Field("valid_from"), i18n.Field("valid_until"), i18n.Field("days"))
		for _, v := range out.Annotations {
			t.add(v.ID, i18n.T("annotation.state."+string(v.State)), i18n.Time(v.AppliedAt), i18n.Time(v.ValidFrom), i18n.Time(v.ValidUntil), v.Days)
		}
		t.write(w)
		fmt.Fprintln(w, i18n.QuotaText(out.Quota))
	})
	return nil
}

func annotateComplete(c *cli, args []string) error {
	fs := flags("annotate complete")
	at := fs.String("at", "", "when it was completed (default: now)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	id, err := parseID(pos, "annotation", "annotate complete")
	if err != nil {
		return err
	}
	when := c.o.now()
	if *at != "" {
		if when, err = parseTime(*at); err != nil {
			return data.Invalid("at", "cli.bad_time", "Value", *at)
		}
	}
	a, err := c.db.CompleteAnnotation(c.ctx, id, when)
	if err != nil {
		return err
	}
	c.printAnnotation(a)
	return nil
}

func annotateWithdraw(c *cli, args []string) error {
	pos, err := parse(flags("annotate withdraw"), args)
	if err != nil {
		return err
	}
	id, err := parseID(pos, "annotation", "annotate withdraw")
	if err != nil {
		return err
	}
	a, err := c.db.WithdrawAnnotation(c.ctx, id)
	if err != nil {
		return err
	}
	c.printAnnotation(a)
	return nil
}
