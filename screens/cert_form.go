package screens

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// certPanel lists the selected holder's certificates and edits one.
type certPanel struct {
	svc Services
	win fyne.Window

	h     *data.Holder
	certs []*data.Certificate
	c     *data.Certificate // nil while creating a new one
	// onPicked is told the certificate the user picked, made or deleted
	// (nil: none), for the window's selection.
	onPicked func(*data.Certificate)
	loading  bool   // the list's selection is the panel's doing, not a click
	loaded   string // the form as edit filled it (state), to tell edits

	heading  *widget.Label
	list     *pickList
	empty    *widget.Label
	newBtn   *widget.Button
	formHead *widget.Label

	level    *widget.Select
	title    *widget.Label
	mno      *field
	examYear *field
	passedOn *field
	issuedOn *field
	issuer   *field
	status   *widget.Select
	annot    *widget.Label

	save    *widget.Button
	delete  *widget.Button
	outcome *widget.Label

	form    fyne.CanvasObject
	buttons fyne.CanvasObject // Save and Delete, in bar
	bar     fyne.CanvasObject // under the tab's scrolling part
	content fyne.CanvasObject
}

func newCertPanel(svc Services, win fyne.Window) *certPanel {
	p := &certPanel{svc: svc, win: win}
	p.heading = widget.NewLabelWithStyle(i18n.T("certs.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.empty = widget.NewLabel("")
	p.onPicked = func(*data.Certificate) {}
	p.newBtn = widget.NewButtonWithIcon(i18n.T("certs.new"), theme.ContentAddIcon(), func() {
		guard(win, p.unsaved(), i18n.T("tab.certificates"), p.holderName(), p.saveForm, func() { p.edit(nil) }, func() {})
	})
	p.list = newPickList(
		func() int { return len(p.certs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("高级社会工作师 · 2021000000000000 · 有效")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(certSummary(p.certs[i])) },
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i >= len(p.certs) {
			return
		}
		c := p.certs[i]
		if p.loading {
			p.edit(c)
			return
		}
		if p.c != nil && p.c.ID == c.ID {
			return
		}
		guard(win, p.unsaved(), i18n.T("tab.certificates"), p.holderName(), p.saveForm, func() {
			p.edit(c)
			p.onPicked(c)
		}, func() { p.selectCert(p.certID()) })
	}

	p.formHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title = widget.NewLabel("")
	p.level = widget.NewSelect(labels("level.", data.Levels), func(string) { p.showDerived() })
	p.mno = newField("mno", "", func(s string) error { return data.ValidateMNo(normMNo(s)) })
	p.examYear = newField("exam_year", i18n.T("year.placeholder"), func(s string) error {
		y, err := data.ParseExamYear(s)
		if err != nil {
			return err
		}
		return data.ValidateExamYear(y, svc.today())
	})
	p.passedOn = newField("passed_on", i18n.T("date.placeholder"), p.checkDate("passed_on"))
	p.issuedOn = newField("issued_on", i18n.T("date.placeholder"), p.checkDate("issued_on"))
	// Either date changes whether the other is in order.
	p.passedOn.entry.OnChanged = func(string) { p.passedOn.validate(); p.revalidateIfTyped(p.issuedOn) }
	p.issuedOn.entry.OnChanged = func(string) { p.issuedOn.validate(); p.showDerived() }
	p.issuer = newField("issuer", "", textRule("issuer"))
	p.status = widget.NewSelect(labels("status.", data.CertStatuses), nil)
	p.annot = widget.NewLabel("")
	p.annot.Wrapping = fyne.TextWrapWord

	p.save = widget.NewButtonWithIcon(i18n.T("cert.save"), theme.DocumentSaveIcon(), p.onSave)
	p.save.Importance = widget.HighImportance
	p.delete = widget.NewButtonWithIcon(i18n.T("cert.delete"), theme.DeleteIcon(), p.onDelete)
	p.delete.Importance = widget.DangerImportance
	p.outcome = widget.NewLabel("")
	p.outcome.Wrapping = fyne.TextWrapWord
	submitOnEnter(p.onSave, p.fields()...)

	p.form = container.NewVBox(
		p.formHead,
		formGrid(
			label(i18n.Field("level")), p.level,
			label(i18n.T("field.prof_title")), p.title,
			label(i18n.Field("mno")), p.mno.object(),
			label(i18n.Field("exam_year")), p.examYear.object(),
			label(i18n.Field("passed_on")), p.passedOn.object(),
			label(i18n.Field("issued_on")), p.issuedOn.object(),
			label(i18n.Field("issuer")), p.issuer.object(),
			label(i18n.Field("status")), p.status,
			label(i18n.Field("annotation")), p.annot,
		),
	)
	// As wide as the pane (a fixed 520 cut the line at a wide window and
	// ran past a narrow one), three rows high.
	listBox := overList(p.list, spacer(130))
	p.content = container.NewVBox(
		container.NewHBox(p.heading, p.newBtn),
		p.empty,
		listBox,
		p.form,
	)
	// The form runs below the window's edge at 1024×700: its buttons and
	// what a save said stay in the tab's bar.
	p.buttons = container.NewHBox(p.save, p.delete)
	p.bar = buttonBar(p.outcome, p.buttons)
	p.setHolder(nil)
	return p
}

func normMNo(s string) string {
	c := data.Certificate{MNo: s}
	c.Normalize()
	return c.MNo
}

// certSummary is a row of the certificate list.
func certSummary(c *data.Certificate) string {
	return fmt.Sprintf("%s · %s · %s · %s", i18n.T("level."+string(c.Level)), c.MNo, c.IssuedOn, i18n.T("status."+string(c.Status)))
}

// checkDate is the rule for one of the two dates: a real date, not in the
// future, and in order with the other date and the exam year.
func (p *certPanel) checkDate(name string) func(string) error {
	return func(string) error {
		passed, errP := data.ParseDate(p.passedOn.entry.Text)
		issued, errI := data.ParseDate(p.issuedOn.entry.Text)
		if name == "passed_on" && errP != nil || name == "issued_on" && errI != nil {
			return data.Invalid(name, "err.date.format")
		}
		year, _ := data.ParseExamYear(p.examYear.entry.Text)
		if errP != nil {
			passed = data.Date{}
		}
		if errI != nil {
			issued = data.Date{}
		}
		err := data.ValidateCertDates(year, passed, issued, p.svc.today())
		if e := data.AsError(err); e != nil && e.Field == name {
			return err
		}
		return nil
	}
}

func (p *certPanel) revalidateIfTyped(f *field) {
	if f.entry.Text != "" {
		f.validate()
	}
}

// showDerived updates what follows from the level and issue date: the
// professional title and whether downloading needs an annotation.
func (p *certPanel) showDerived() {
	lv := pick("level.", data.Levels, p.level.Selected)
	if lv != "" {
		p.title.SetText(i18n.T("title." + lv.Title()))
	} else {
		p.title.SetText("")
	}
	issued, err := data.ParseDate(p.issuedOn.entry.Text)
	switch {
	case err != nil || issued.IsZero():
		p.annot.SetText("")
	case (&data.Certificate{IssuedOn: issued}).NeedsAnnotation():
		p.annot.Importance = widget.WarningImportance
		p.annot.SetText(i18n.T("annotation.needed"))
	default:
		p.annot.Importance = widget.MediumImportance
		p.annot.SetText(i18n.T("annotation.not_needed"))
	}
}

// setHolder shows the certificates of h; nil (a holder not yet saved)
// hides the form.
func (p *certPanel) setHolder(h *data.Holder) {
	p.h = h
	p.certs = nil
	p.outcome.SetText("")
	if h == nil || h.ID == 0 {
		p.empty.SetText(i18n.T("cert.save_holder_first"))
		p.newBtn.Disable()
		p.form.Hide()
		p.buttons.Hide()
		p.list.Refresh()
		return
	}
	p.newBtn.Enable()
	p.form.Show()
	p.buttons.Show()
	p.reload()
	p.c = nil
	if len(p.certs) > 0 {
		// The newest, as on the other tabs: the one that usually needs attention.
		p.selectCert(p.certs[len(p.certs)-1].ID)
	} else {
		p.edit(nil)
	}
}

// holderName is the holder whose certificate the form edits.
func (p *certPanel) holderName() string {
	if p.h == nil {
		return ""
	}
	return p.h.Name
}

// certID is the certificate in the form (0: a new one).
func (p *certPanel) certID() int64 {
	if p.c == nil {
		return 0
	}
	return p.c.ID
}

// state is what the form shows (formState).
func (p *certPanel) state() string {
	return formState(p.level.Selected, p.mno.entry.Text, p.examYear.entry.Text, p.passedOn.entry.Text,
		p.issuedOn.entry.Text, p.issuer.entry.Text, p.status.Selected)
}

// unsaved says whether the form holds edits not saved yet.
func (p *certPanel) unsaved() bool { return p.h != nil && p.h.ID != 0 && p.state() != p.loaded }

func (p *certPanel) reload() {
	certs, err := p.svc.Certs.Certificates(p.svc.ctx(), p.h.ID)
	if err != nil {
		status(p.outcome, err, "")
	}
	p.certs = certs
	if len(certs) == 0 {
		p.empty.SetText(i18n.T("certs.none"))
		p.empty.Show()
	} else {
		p.empty.Hide()
	}
	p.list.UnselectAll()
	p.list.Refresh()
}

// edit shows c in the form, or an empty form for a new certificate.
func (p *certPanel) edit(c *data.Certificate) {
	p.c = c
	if c == nil {
		p.list.UnselectAll()
		c = &data.Certificate{Level: data.LevelAssistant, Issuer: data.DefaultIssuer, Status: data.StatusValid}
		p.formHead.SetText(i18n.T("cert.heading_new"))
		p.delete.Disable()
	} else {
		p.formHead.SetText(i18n.T("cert.heading") + " · " + c.MNo)
		p.delete.Enable()
	}
	p.level.SetSelected(i18n.T("level." + string(c.Level)))
	p.mno.set(c.MNo)
	year := ""
	if c.ExamYear != 0 {
		year = strconv.Itoa(c.ExamYear)
	}
	p.examYear.set(year)
	p.passedOn.set(c.PassedOn.String())
	p.issuedOn.set(c.IssuedOn.String())
	p.issuer.set(c.Issuer)
	p.status.SetSelected(i18n.T("status." + string(c.Status)))
	p.showDerived()
	p.loaded = p.state()
}

// certificate reads the form; a field that does not parse returns its error.
func (p *certPanel) certificate() (*data.Certificate, error) {
	c := &data.Certificate{}
	if p.c != nil {
		*c = *p.c
	}
	c.HolderID = p.h.ID
	c.Level = pick("level.", data.Levels, p.level.Selected)
	c.MNo = p.mno.entry.Text
	var err error
	if c.ExamYear, err = data.ParseExamYear(p.examYear.entry.Text); err != nil {
		return nil, err
	}
	if c.PassedOn, err = data.ParseDate(p.passedOn.entry.Text); err != nil {
		return nil, data.Invalid("passed_on", "err.date.format")
	}
	if c.IssuedOn, err = data.ParseDate(p.issuedOn.entry.Text); err != nil {
		return nil, data.Invalid("issued_on", "err.date.format")
	}
	c.Issuer = p.issuer.entry.Text
	c.Status = pick("status.", data.CertStatuses, p.status.Selected)
	return c, nil
}

func (p *certPanel) fields() []*field {
	return []*field{p.mno, p.examYear, p.passedOn, p.issuedOn, p.issuer}
}

func (p *certPanel) onSave() { p.saveForm() }

// saveForm saves the certificate, and says whether it was saved.
func (p *certPanel) saveForm() bool {
	if p.h == nil || p.h.ID == 0 {
		return false
	}
	if err := firstError(p.fields()...); err != nil {
		saveFailed(p.outcome, err, p.fields()...)
		return false
	}
	c, err := p.certificate()
	if err == nil {
		err = createOrUpdate(p.svc.ctx(), c.ID, c, p.svc.Certs.CreateCertificate, p.svc.Certs.UpdateCertificate)
	}
	if err != nil {
		saveFailed(p.outcome, err, p.fields()...)
		offerReload(p.win, err, func() {
			p.reload()
			p.selectCert(c.ID)
			p.onPicked(p.c)
		})
		return false
	}
	created := p.c == nil
	p.reload()
	p.selectCert(c.ID)
	p.onPicked(p.c)
	if created {
		status(p.outcome, nil, i18n.T("cert.created", "MNo", c.MNo))
	} else {
		status(p.outcome, nil, i18n.T("cert.saved", "MNo", c.MNo))
	}
	return true
}

// selectCert shows certificate id in the form and marks it in the list
// (the panel's doing: no question, nothing published).
func (p *certPanel) selectCert(id int64) {
	p.loading = true
	defer func() { p.loading = false }()
	p.list.UnselectAll()
	for i, c := range p.certs {
		if c.ID == id {
			p.list.Select(i)
			return
		}
	}
}

func (p *certPanel) onDelete() {
	if p.c == nil {
		return
	}
	c := p.c
	msg, err := certDeleteConfirm(p.svc, c)
	if err != nil {
		status(p.outcome, err, "") // the question would count nothing
		return
	}
	confirm(p.win, i18n.T("cert.delete_title"), msg, i18n.T("delete"), func() {
		if err := p.svc.Certs.DeleteCertificate(p.svc.ctx(), c.ID); err != nil {
			status(p.outcome, err, "")
			return
		}
		p.reload()
		p.edit(nil)
		p.onPicked(nil)
		status(p.outcome, nil, i18n.T("cert.deleted", "MNo", c.MNo))
	})
}
