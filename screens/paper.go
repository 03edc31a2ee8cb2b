package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// PaperTab is the Paper certificate tab (纸质证书): a paper certificate
// not collected in time is never reissued, so the tab counts down to the
// locality's window and says, in red, when it closed. Collection on site
// records the place, a proxy and the date; by mail, the application, the
// courier and the date received, and the application form itself, which it
// exports as a sealed PDF to print and sign.
type PaperTab struct {
	svc Services
	win fyne.Window

	picker *certPicker
	cert   *data.Certificate
	holder *data.Holder
	saved  *data.Paper
	// loadedPaper and loadedForm are the two parts of the form as last
	// loaded or saved (formState), to tell edits.
	loadedPaper, loadedForm string
	formSaved               bool       // a form of this certificate is in the store
	formAt                  data.Stamp // the version of the form read (saved over it)

	state     *widget.Label
	method    *widget.RadioGroup
	winStart  *field
	winEnd    *field
	status    *widget.Select
	collected *field

	onsite     *fyne.Container
	place      *field
	proxyName  *field
	proxyID    *field
	revealID   *widget.Button
	proxyShown bool

	mail     *fyne.Container
	sentOn   *field
	sentTo   *field
	courier  *field
	tracking *field

	sex       *widget.Select
	recipient *field
	phone     *field
	province  *field
	city      *field
	district  *field
	address   *field
	postcode  *field
	fee       *widget.RadioGroup
	formMsg   *widget.Label
	exportMsg *widget.Label

	msg     *widget.Label
	detail  *fyne.Container
	content fyne.CanvasObject
}

// NewPaperTab builds the tab with a selection of its own.
func NewPaperTab(svc Services, win fyne.Window) *PaperTab {
	return newPaperTab(svc, win, NewSelection())
}

// newPaperTab builds the tab on the window's selection.
func newPaperTab(svc Services, win fyne.Window, sel *Selection) *PaperTab {
	s := &PaperTab{svc: svc, win: win}
	s.state = wrapped("")
	s.state.TextStyle.Bold = true
	s.method = widget.NewRadioGroup(labels("paper.method.", data.PaperMethods), func(string) { s.showMethod() })
	s.method.Horizontal = true
	s.winStart = newField("window_start", i18n.T("date.placeholder"), dayRule("window_start", false, svc))
	s.winEnd = newField("window_end", i18n.T("date.placeholder"), dayRule("window_end", false, svc))
	s.status = widget.NewSelect(labels("paper.status.", data.PaperStatuses), nil)
	s.collected = newField("collected_on", i18n.T("date.placeholder"), dayRule("collected_on", false, svc))

	s.place = newField("place", i18n.T("paper.place_hint"), textRule("place"))
	s.proxyName = newField("proxy_name", "", textRule("proxy_name"))
	s.proxyID = newField("proxy_id_number", "", func(t string) error {
		if !s.proxyShown {
			return nil // the masked number on screen is not what is saved
		}
		return data.ValidateProxyIDNumber(data.NormalizeIDNumber(t), svc.today())
	})
	s.revealID = widget.NewButton("", func() { s.setProxyShown(!s.proxyShown) })
	bring := wrapped(i18n.T("paper.bring"))
	bring.Importance = widget.LowImportance
	s.onsite = container.NewVBox(
		widget.NewLabelWithStyle(i18n.T("paper.method.onsite"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		bring,
		formGrid(
			label(i18n.Field("place")), s.place.object(),
			label(i18n.Field("proxy_name")), s.proxyName.object(),
			label(i18n.Field("proxy_id_number")), s.proxyID.object(s.revealID),
		),
	)

	s.sentOn = newField("sent_on", i18n.T("date.placeholder"), dayRule("sent_on", false, svc))
	s.sentTo = newField("sent_to", i18n.T("paper.sent_to_hint"), textRule("sent_to"))
	s.courier = newField("courier", i18n.T("paper.courier_hint"), textRule("courier"))
	s.tracking = newField("tracking", i18n.T("tracking.placeholder"), data.ValidateTracking)
	s.sex = widget.NewSelect(labels("sex.", data.Sexes), nil)
	s.recipient = newField("recipient", "", func(t string) error { return data.ValidateName("recipient", t) })
	s.phone = newField("phone", i18n.T("phone.placeholder"), func(t string) error {
		return data.ValidateRequiredMobile("phone", data.NormalizePhone(t))
	})
	s.province = newField("province", i18n.T("province.placeholder"), requiredTextRule("province"))
	s.city = newField("city", i18n.T("city.placeholder"), requiredTextRule("city"))
	s.district = newField("district", i18n.T("district.placeholder"), requiredTextRule("district"))
	s.address = newField("address", i18n.T("paper.address_hint"), requiredTextRule("address"))
	s.postcode = newField("postcode", i18n.T("postcode.placeholder"), func(t string) error { return data.ValidatePostcode(t) })
	s.fee = widget.NewRadioGroup(labels("fee.", data.Fees), nil)
	s.fee.Horizontal = true
	s.formMsg = wrapped("")
	s.exportMsg = wrapped("")
	exportForm := widget.NewButtonWithIcon(i18n.T("paper.export_form"), theme.DocumentPrintIcon(), s.onExport)
	exportForm.Importance = widget.HighImportance
	checklist := wrapped(i18n.T("paper.checklist"))
	s.mail = container.NewVBox(
		widget.NewLabelWithStyle(i18n.T("paper.method.mail"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		checklist,
		formGrid(
			label(i18n.Field("sent_on")), s.sentOn.object(),
			label(i18n.Field("sent_to")), s.sentTo.object(),
			label(i18n.Field("courier")), s.courier.object(),
			label(i18n.Field("tracking")), s.tracking.object(),
		),
		widget.NewSeparator(),
		widget.NewLabelWithStyle(i18n.T("paper.form"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		formGrid(
			label(i18n.Field("sex")), s.sex,
			label(i18n.Field("recipient")), s.recipient.object(),
			label(i18n.Field("phone")), s.phone.object(),
			label(i18n.Field("province")), s.province.object(),
			label(i18n.Field("city")), s.city.object(),
			label(i18n.Field("district")), s.district.object(),
			label(i18n.Field("address")), s.address.object(),
			label(i18n.Field("postcode")), s.postcode.object(),
			label(i18n.Field("fee")), s.fee,
		),
		container.NewHBox(exportForm), s.formMsg, s.exportMsg,
	)

	// One Save for the collection record and the mail form.
	save := widget.NewButtonWithIcon(i18n.T("paper.save"), theme.DocumentSaveIcon(), s.onSave)
	save.Importance = widget.HighImportance
	s.msg = wrapped("")
	s.detail = container.NewVBox(
		s.state,
		formGrid(
			label(i18n.Field("method")), s.method,
			label(i18n.Field("window_start")), s.winStart.object(),
			label(i18n.Field("window_end")), s.winEnd.object(),
			label(i18n.T("paper.status_label")), s.status,
			label(i18n.Field("collected_on")), s.collected.object(),
		),
		s.onsite, s.mail,
	)
	submitOnEnter(s.onSave, s.winStart, s.winEnd, s.collected, s.place, s.proxyName, s.proxyID, s.sentOn, s.sentTo, s.courier, s.tracking,
		s.recipient, s.phone, s.province, s.city, s.district, s.address, s.postcode)
	s.picker = newCertPicker(svc, win, sel, i18n.T("tab.paper"), s.showCert)
	s.picker.unsaved, s.picker.save = s.unsaved, s.saveForm
	s.content = s.picker.layout(buttonBar(s.msg, save), s.detail)
	s.showCert(nil)
	return s
}

// Content is the tab's canvas object.
func (s *PaperTab) Content() fyne.CanvasObject { return s.content }

// Refresh reloads what another tab or the command line may have changed,
// and shows the holder and certificate selected meanwhile.
func (s *PaperTab) Refresh() { s.picker.refresh() }

// paperState is the collection part of the form (formState); a proxy ID
// number still masked counts as the saved one.
func (s *PaperTab) paperState() string {
	proxy := s.proxyID.entry.Text
	if !s.proxyShown && s.saved != nil {
		proxy = s.saved.ProxyIDNumber
	}
	return formState(s.method.Selected, s.winStart.entry.Text, s.winEnd.entry.Text, s.status.Selected, s.collected.entry.Text,
		s.place.entry.Text, s.proxyName.entry.Text, proxy, s.sentOn.entry.Text, s.sentTo.entry.Text, s.courier.entry.Text, s.tracking.entry.Text)
}

// mailFormState is the mail application form part (formState).
func (s *PaperTab) mailFormState() string {
	return formState(s.sex.Selected, s.recipient.entry.Text, s.phone.entry.Text, s.province.entry.Text, s.city.entry.Text,
		s.district.entry.Text, s.address.entry.Text, s.postcode.entry.Text, s.fee.Selected)
}

// unsaved says whether the form holds edits not saved yet.
func (s *PaperTab) unsaved() bool {
	return s.cert != nil && (s.paperState() != s.loadedPaper || s.mailFormState() != s.loadedForm)
}

// saveForm saves the tab (Ctrl+S, or the question about unsaved edits),
// and says whether it was saved.
func (s *PaperTab) saveForm() bool { return s.savePaper() }

func (s *PaperTab) showCert(c *data.Certificate) {
	s.cert = c
	s.msg.SetText("")
	s.formMsg.SetText("")
	s.exportMsg.SetText("")
	if c == nil {
		s.detail.Hide()
		return
	}
	h, err := s.svc.Holders.Holder(s.svc.ctx(), c.HolderID)
	if err == nil {
		s.holder = h
		s.saved, err = s.svc.Paper.Paper(s.svc.ctx(), c.ID)
	}
	var form *data.MailForm
	if err == nil {
		form, err = s.svc.Paper.MailForm(s.svc.ctx(), c.ID)
	}
	s.formSaved, s.formAt = form != nil, data.Stamp{Version: data.NoneSaved}
	if form != nil {
		s.formAt = form.Stamp
	}
	if err != nil {
		s.state.SetText(i18n.Message(err))
		return
	}
	s.detail.Show()
	p := s.saved
	if p == nil {
		p = &data.Paper{CertID: c.ID, Method: data.PaperOnsite, Status: data.PaperNotCollected}
	}
	s.showPaper(p)
	if form == nil { // what the app knows already
		form = &data.MailForm{}
		form.FillFromHolder(h)
	}
	s.showForm(form)
	s.loadedPaper, s.loadedForm = s.paperState(), s.mailFormState()
}

// showPaper puts a collection record in the fields: the saved one, or what
// was just saved, as the store normalised it (trimmed, data.NormalizeText).
func (s *PaperTab) showPaper(p *data.Paper) {
	s.method.SetSelected(i18n.T("paper.method." + string(p.Method)))
	s.winStart.set(p.WindowStart.String())
	s.winEnd.set(p.WindowEnd.String())
	s.status.SetSelected(i18n.T("paper.status." + string(p.Status)))
	s.collected.set(p.CollectedOn.String())
	s.place.set(p.Place)
	s.proxyName.set(p.ProxyName)
	s.setProxyShown(p.ProxyIDNumber == "")
	s.sentOn.set(p.SentOn.String())
	s.sentTo.set(p.SentTo)
	s.courier.set(p.Courier)
	s.tracking.set(p.Tracking)
	s.showState(p)
}

// showForm puts a mail application form in the fields, as showPaper.
func (s *PaperTab) showForm(form *data.MailForm) {
	s.sex.SetSelected(i18n.T("sex." + string(form.Sex)))
	s.recipient.set(form.Recipient)
	s.phone.set(form.Phone)
	s.province.set(form.Province)
	s.city.set(form.City)
	s.district.set(form.District)
	s.address.set(form.Address)
	s.postcode.set(form.Postcode)
	s.fee.SetSelected(i18n.T("fee." + string(form.Fee)))
}

// showState puts the countdown on top, in red once it is too late.
func (s *PaperTab) showState(p *data.Paper) {
	today := s.svc.today()
	st := data.PaperState(p, today)
	days, ok := data.PaperDaysLeft(p, today)
	s.state.Importance = widget.MediumImportance
	switch {
	case st == data.PaperOverdue:
		s.state.Importance = widget.DangerImportance
	case st == data.PaperCollected:
		s.state.Importance = widget.SuccessImportance
	case ok && days <= 14:
		s.state.Importance = widget.WarningImportance
	}
	s.state.SetText(i18n.PaperStateText(p, today))
}

func (s *PaperTab) selectedMethod() data.PaperMethod {
	return pick("paper.method.", data.PaperMethods, s.method.Selected)
}

func (s *PaperTab) showMethod() {
	mail := s.selectedMethod() == data.PaperMail
	s.mail.Hidden = !mail
	s.onsite.Hidden = mail
	s.mail.Refresh()
	s.onsite.Refresh()
}

func (s *PaperTab) setProxyShown(shown bool) {
	s.proxyShown = shown
	full := ""
	if s.saved != nil {
		full = s.saved.ProxyIDNumber
	}
	showSecret(s.proxyID, s.revealID, shown, full, data.MaskIDNumber(full))
}

// paper is the collection record as the form shows it.
func (s *PaperTab) paper() (*data.Paper, error) {
	fields := []*field{s.winStart, s.winEnd, s.collected, s.place, s.proxyName, s.proxyID, s.sentOn, s.sentTo, s.courier, s.tracking}
	if err := firstError(fields...); err != nil {
		return nil, err
	}
	date := func(f *field) data.Date { d, _ := data.ParseDate(f.entry.Text); return d }
	p := &data.Paper{
		CertID: s.cert.ID, Method: s.selectedMethod(), Status: pick("paper.status.", data.PaperStatuses, s.status.Selected),
		WindowStart: date(s.winStart), WindowEnd: date(s.winEnd), CollectedOn: date(s.collected),
		Place: s.place.entry.Text, ProxyName: s.proxyName.entry.Text, ProxyIDNumber: s.proxyID.entry.Text,
		SentOn: date(s.sentOn), SentTo: s.sentTo.entry.Text, Courier: s.courier.entry.Text, Tracking: s.tracking.entry.Text,
	}
	p.Stamp = data.Stamp{Version: data.NoneSaved} // none was: not one saved meanwhile either
	if s.saved != nil {
		p.Stamp = s.saved.Stamp // saved over the version shown
		if !s.proxyShown {      // still masked: keep what was saved
			p.ProxyIDNumber = s.saved.ProxyIDNumber
		}
	}
	return p, nil
}

func (s *PaperTab) onSave() { s.savePaper() }

// savePaper is the tab's one Save: the collection record and, by mail, the
// application form, together or not at all (Paper.SavePaper), and says
// whether it was saved. A form the person has not touched and that is not
// complete yet (filled from the holder only) does not stop the record from
// being saved.
func (s *PaperTab) savePaper() bool {
	if s.cert == nil {
		return false
	}
	s.formMsg.SetText("")
	p, err := s.paper()
	var f *data.MailForm
	if err == nil && p.Method == data.PaperMail {
		var ferr error
		f, ferr = s.form()
		if ferr != nil && s.mailFormState() == s.loadedForm && !s.formSaved {
			f, ferr = nil, nil
		}
		err = ferr
	}
	if err == nil {
		err = s.svc.Paper.SavePaper(s.svc.ctx(), p, f)
	}
	if err != nil {
		saveFailed(s.msg, err, s.winStart, s.winEnd, s.collected, s.place, s.proxyName, s.proxyID, s.sentOn, s.sentTo, s.courier, s.tracking,
			s.recipient, s.phone, s.province, s.city, s.district, s.address, s.postcode)
		offerReload(s.win, err, func() { s.showCert(s.cert) })
		return false
	}
	s.saved = p
	s.showPaper(p)
	if f != nil {
		s.formSaved, s.formAt = true, f.Stamp
		s.showForm(f)
	}
	// What the tab shows now is what it holds saved: a form left aside
	// (collection on site) is no edit to ask about.
	s.loadedPaper, s.loadedForm = s.paperState(), s.mailFormState()
	status(s.msg, nil, i18n.T("paper.saved"))
	return true
}

// form is the mail application form as typed.
func (s *PaperTab) form() (*data.MailForm, error) {
	if err := firstError(s.recipient, s.phone, s.province, s.city, s.district, s.address, s.postcode); err != nil {
		return nil, err
	}
	return &data.MailForm{
		CertID: s.cert.ID, Sex: pick("sex.", data.Sexes, s.sex.Selected), Recipient: s.recipient.entry.Text,
		Phone: s.phone.entry.Text, Province: s.province.entry.Text, City: s.city.entry.Text, District: s.district.entry.Text,
		Address: s.address.entry.Text, Postcode: s.postcode.entry.Text, Fee: pick("fee.", data.Fees, s.fee.Selected),
		Stamp: s.formAt,
	}, nil
}

// onExport saves the tab (so what is printed is what is kept, the method
// and the window with it), then asks where to write the PDF.
func (s *PaperTab) onExport() {
	if s.cert == nil {
		return
	}
	if _, err := s.form(); err != nil { // the form is what is printed: it must be complete
		saveFailed(s.formMsg, err, s.recipient, s.phone, s.province, s.city, s.district, s.address, s.postcode)
		return
	}
	if s.selectedMethod() != data.PaperMail {
		s.method.SetSelected(i18n.T("paper.method." + string(data.PaperMail)))
	}
	if !s.savePaper() {
		return
	}
	askSave(s.win, s.exportName(), []string{".pdf"}, s.exportTo)
}

// exportName is the form's suggested name: the holder, the number, what it is.
func (s *PaperTab) exportName() string {
	name := ""
	if s.holder != nil {
		name = s.holder.Name
	}
	return data.ExportFileName(".pdf", name, s.cert.MNo, data.FileMailForm)
}

// exportTo writes the sealed form at path.
func (s *PaperTab) exportTo(path string) {
	b, _, err := s.svc.Docs.ExportMailForm(s.svc.ctx(), s.cert.ID)
	where, err := writeOut(path, b, err)
	if err != nil {
		status(s.exportMsg, err, "")
		return
	}
	status(s.exportMsg, nil, i18n.T("paper.exported", "Path", where))
}
