package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// Registrations is the Registration tab (登记): for the picked certificate,
// what is due (first registration within a year of passing, renewal in the
// 3 months before expiry), the registrations so far, and a form to record
// one. A record past its first review is read-only except for the status
// and the valid-from date the registration certificate gives; the form
// says so.
type Registrations struct {
	svc Services
	win fyne.Window

	picker *certPicker
	cert   *data.Certificate
	regs   []data.Registration
	editID int64      // 0: a new record
	editAt data.Stamp // the version of the record in the form
	loaded string     // the form as edit filled it (formState), to tell edits

	due     *widget.Label
	history *pickList
	empty   *widget.Label

	kind      *widget.Select
	status    *widget.Select
	applied   *field
	validFrom *field
	region    *field
	org       *field
	readOnly  *widget.Label
	saveBtn   *widget.Button
	deleteBtn *widget.Button
	msg       *widget.Label
	formTitle *widget.Label

	detail  *fyne.Container
	content fyne.CanvasObject
}

// NewRegistrations builds the tab with a selection of its own.
func NewRegistrations(svc Services, win fyne.Window) *Registrations {
	return newRegistrations(svc, win, NewSelection())
}

// newRegistrations builds the tab on the window's selection.
func newRegistrations(svc Services, win fyne.Window, sel *Selection) *Registrations {
	s := &Registrations{svc: svc, win: win}
	s.due = wrapped("")
	s.due.TextStyle.Bold = true
	s.empty = widget.NewLabel(i18n.T("reg.none"))
	s.history = newPickList(func() int { return len(s.regs) }, s.newRow, s.updateRow)
	s.history.OnSelected = func(i widget.ListItemID) {
		if i >= len(s.regs) || s.regs[i].ID == s.editID {
			return
		}
		r := &s.regs[i]
		guard(win, s.unsaved(), i18n.T("tab.registration"), s.picker.name(), s.saveForm, func() { s.edit(r) }, s.reselect)
	}

	s.kind = widget.NewSelect(labels("reg.kind.", data.RegKinds), nil)
	s.status = widget.NewSelect(labels("reg.status.", data.RegStatuses), nil)
	s.applied = newField("applied_on", i18n.T("date.placeholder"), dayRule("applied_on", false, svc))
	s.validFrom = newField("valid_from", i18n.T("date.placeholder"), dayRule("valid_from", false, svc))
	s.region = newField("region", i18n.T("reg.region_hint"), textRule("region"))
	s.org = newField("org", "", textRule("org"))
	s.readOnly = wrapped("")
	s.readOnly.Importance = widget.WarningImportance
	s.saveBtn = widget.NewButtonWithIcon(i18n.T("reg.save"), theme.DocumentSaveIcon(), s.onSave)
	s.saveBtn.Importance = widget.HighImportance
	s.deleteBtn = widget.NewButtonWithIcon(i18n.T("reg.delete"), theme.DeleteIcon(), s.onDelete)
	s.deleteBtn.Importance = widget.DangerImportance
	newBtn := widget.NewButtonWithIcon(i18n.T("reg.new"), theme.ContentAddIcon(), func() {
		guard(win, s.unsaved(), i18n.T("tab.registration"), s.picker.name(), s.saveForm, func() { s.edit(nil) }, func() {})
	})
	s.msg = wrapped("")
	s.formTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})

	minHeight := spacer(160)
	s.detail = container.NewVBox(
		s.due,
		widget.NewSeparator(),
		container.NewBorder(nil, nil, widget.NewLabelWithStyle(i18n.T("reg.history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), newBtn),
		s.empty, overList(s.history, minHeight),
		widget.NewSeparator(),
		s.formTitle, s.readOnly,
		formGrid(
			label(i18n.Field("kind")), s.kind,
			label(i18n.T("reg.status_label")), s.status,
			label(i18n.Field("applied_on")), s.applied.object(),
			label(i18n.Field("valid_from")), s.validFrom.object(),
			label(i18n.Field("region")), s.region.object(),
			label(i18n.Field("org")), s.org.object(),
		),
	)
	submitOnEnter(s.onSave, s.applied, s.validFrom, s.region, s.org)
	s.picker = newCertPicker(svc, win, sel, i18n.T("tab.registration"), s.showCert)
	s.picker.unsaved, s.picker.save = s.unsaved, s.saveForm
	s.content = s.picker.layout(buttonBar(s.msg, s.saveBtn, s.deleteBtn), s.detail)
	s.showCert(nil)
	return s
}

// Content is the tab's canvas object.
func (s *Registrations) Content() fyne.CanvasObject { return s.content }

// Refresh reloads what another tab or the command line may have changed,
// and shows the holder and certificate selected meanwhile.
func (s *Registrations) Refresh() { s.picker.refresh() }

// state is what the form shows (formState).
func (s *Registrations) state() string {
	return formState(s.kind.Selected, s.status.Selected, s.applied.entry.Text, s.validFrom.entry.Text, s.region.entry.Text, s.org.entry.Text)
}

// unsaved says whether the form holds edits not saved yet.
func (s *Registrations) unsaved() bool { return s.cert != nil && s.state() != s.loaded }

// reselect marks the record being edited in the list again (after a
// click on another one was answered with "keep editing").
func (s *Registrations) reselect() {
	s.history.UnselectAll()
	for i := range s.regs {
		if s.regs[i].ID == s.editID {
			s.history.Select(i)
		}
	}
}

func (s *Registrations) showCert(c *data.Certificate) {
	s.cert = c
	s.msg.SetText("")
	if c == nil {
		s.detail.Hide()
		return
	}
	regs, err := s.svc.Regs.Registrations(s.svc.ctx(), c.ID)
	if err != nil {
		s.due.SetText(i18n.Message(err))
		return
	}
	s.regs = regs
	s.detail.Show()
	s.empty.Hidden = len(regs) > 0
	s.history.UnselectAll()
	s.history.Refresh()
	s.showDue()
	s.edit(nil)
}

// showDue says what is due, coloured by how urgent it is.
func (s *Registrations) showDue() {
	items := data.RegistrationDue(s.cert, s.regs, s.svc.today())
	// Until the personal information is complete the due says what it
	// lacks (as `reg due` and the dashboard do).
	if s.svc.Dossiers != nil && len(items) > 0 {
		if d, err := s.svc.Dossiers.Dossier(s.svc.ctx(), s.cert.HolderID); err == nil {
			items = data.DossierDue(items, d.Missing)
		}
	}
	if len(items) == 0 {
		s.due.Importance = widget.MediumImportance
		s.due.SetText(i18n.T("reg.due.none"))
		return
	}
	it := items[0]
	s.due.Importance = map[data.DueState]widget.Importance{
		data.DueOpen: widget.WarningImportance, data.DueMissed: widget.DangerImportance, data.DueLapsed: widget.DangerImportance,
		data.DueUpcoming: widget.MediumImportance, data.DueApplied: widget.SuccessImportance,
	}[it.State]
	s.due.SetText(i18n.DueText(it))
}

func (s *Registrations) newRow() fyne.CanvasObject {
	head := widget.NewLabel("首次登记 · 已出证")
	head.TextStyle.Bold = true
	head.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("2024-09-02 至 2027-09-01 · 北京市")
	detail.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(head, detail)
}

func (s *Registrations) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.regs) {
		return
	}
	r := s.regs[i]
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(i18n.T("reg.kind."+string(r.Kind)) + " · " + i18n.T("reg.status."+string(r.Status)))
	c.Objects[1].(*widget.Label).SetText(i18n.T("reg.row", "Applied", r.AppliedOn.String(), "From", r.ValidFrom.String(), "To", r.ValidTo().String(), "Region", r.Region, "Org", r.Org))
}

// edit puts r in the form (nil: a new record), locking what review locked.
func (s *Registrations) edit(r *data.Registration) {
	s.msg.SetText("")
	if r == nil {
		s.editID, s.editAt = 0, data.Stamp{}
		s.formTitle.SetText(i18n.T("reg.new"))
		kind := data.RegFirst
		for _, x := range s.regs {
			if x.Status.InForce() {
				kind = data.RegRenewal
			}
		}
		s.kind.SetSelected(i18n.T("reg.kind." + string(kind)))
		s.status.SetSelected(i18n.T("reg.status." + string(data.RegNotApplied)))
		for _, f := range []*field{s.applied, s.validFrom, s.region, s.org} {
			f.set("")
		}
		s.lock(false)
		s.deleteBtn.Hide()
		s.loaded = s.state()
		return
	}
	s.editID, s.editAt = r.ID, r.Stamp
	s.formTitle.SetText(regHeading(r))
	s.kind.SetSelected(i18n.T("reg.kind." + string(r.Kind)))
	s.status.SetSelected(i18n.T("reg.status." + string(r.Status)))
	s.applied.set(r.AppliedOn.String())
	s.validFrom.set(r.ValidFrom.String())
	s.region.set(r.Region)
	s.org.set(r.Org)
	s.lock(!r.Status.Editable())
	s.deleteBtn.Hidden = !r.Status.Editable()
	s.deleteBtn.Refresh()
	s.loaded = s.state()
}

// lock makes the application's fields read-only and says why.
func (s *Registrations) lock(locked bool) {
	for _, d := range []fyne.Disableable{s.kind, s.applied.entry, s.region.entry, s.org.entry} {
		if locked {
			d.Disable()
		} else {
			d.Enable()
		}
	}
	s.readOnly.Hidden = !locked
	if locked {
		s.readOnly.SetText(i18n.T("reg.read_only_note"))
	}
}

func (s *Registrations) form() (*data.Registration, error) {
	if err := firstError(s.applied, s.validFrom, s.region, s.org); err != nil {
		return nil, err
	}
	applied, _ := data.ParseDate(s.applied.entry.Text)
	from, _ := data.ParseDate(s.validFrom.entry.Text)
	return &data.Registration{
		ID: s.editID, CertID: s.cert.ID,
		Kind:      pick("reg.kind.", data.RegKinds, s.kind.Selected),
		Status:    pick("reg.status.", data.RegStatuses, s.status.Selected),
		AppliedOn: applied, ValidFrom: from,
		Region: s.region.entry.Text, Org: s.org.entry.Text,
		Stamp: s.editAt,
	}, nil
}

func (s *Registrations) onSave() { s.saveForm() }

// saveForm saves the form, and says whether it was saved.
func (s *Registrations) saveForm() bool {
	if s.cert == nil {
		return false
	}
	r, err := s.form()
	if err == nil {
		err = createOrUpdate(s.svc.ctx(), r.ID, r, s.svc.Regs.CreateRegistration, s.svc.Regs.UpdateRegistration)
	}
	if err != nil {
		saveFailed(s.msg, err, s.applied, s.validFrom, s.region, s.org)
		offerReload(s.win, err, func() { s.showCert(s.cert) })
		return false
	}
	id := r.ID
	s.showCert(s.cert)
	for i := range s.regs {
		if s.regs[i].ID == id {
			s.history.Select(i)
		}
	}
	status(s.msg, nil, i18n.T("reg.saved"))
	return true
}

func (s *Registrations) onDelete() {
	id := s.editID
	if id == 0 {
		return
	}
	confirm(s.win, i18n.T("reg.delete_title"), i18n.T("reg.delete_confirm"), i18n.T("reg.delete"), func() {
		if err := s.svc.Regs.DeleteRegistration(s.svc.ctx(), id); err != nil {
			status(s.msg, err, "")
			return
		}
		s.showCert(s.cert)
	})
}

// regHeading names the registration being edited as its holder knows it
// (the kind and the day applied), never by the row's internal ID.
func regHeading(r *data.Registration) string {
	kind := i18n.T("reg.kind." + string(r.Kind))
	if r.AppliedOn.IsZero() {
		return i18n.T("reg.editing_unapplied", "Kind", kind)
	}
	return i18n.T("reg.editing", "Kind", kind, "Date", r.AppliedOn.String())
}
