package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// The lists of the Personal information tab: the work history, honours,
// agency changes and projects. An entry is added or edited in a form of
// its own (formDialog), saved on its own: the lists change at once, the
// profile form above keeps what is typed in it.

// formDialog is a record's form in a dialog: Save (which says whether it
// went through: a refusal keeps the dialog open, its message in it),
// Delete when del is set, and Cancel.
type formDialog struct {
	d    *dialog.CustomDialog
	msg  *widget.Label
	save *widget.Button
}

func showFormDialog(win fyne.Window, title string, form fyne.CanvasObject, save func(msg *widget.Label) bool, del func()) *formDialog {
	f := &formDialog{msg: wrapped("")}
	f.save = widget.NewButtonWithIcon(i18n.T("dossier.save_entry"), theme.DocumentSaveIcon(), func() {
		if save(f.msg) {
			f.d.Hide()
		}
	})
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton(i18n.T("cancel"), func() { f.d.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), cancel, f.save)
	if del != nil {
		delBtn := widget.NewButtonWithIcon(i18n.T("dossier.delete_entry"), theme.DeleteIcon(), func() { f.d.Hide(); del() })
		delBtn.Importance = widget.DangerImportance
		buttons = container.NewHBox(delBtn, layout.NewSpacer(), cancel, f.save)
	}
	body := container.NewBorder(nil, container.NewVBox(f.msg, buttons), nil, nil, container.NewVScroll(form))
	f.d = dialog.NewCustomWithoutButtons(title, body, win)
	f.d.Resize(fyne.NewSize(620, 520))
	f.d.Show()
	return f
}

// period is "2019-03-01 – now".
func period(start, end data.Date) string {
	e := i18n.T("work.current")
	if !end.IsZero() {
		e = end.String()
	}
	return start.String() + " – " + e
}

// programmeText names a programme ("" for none).
func programmeText(p data.Programme) string {
	if p == data.ProgrammeNone {
		return ""
	}
	return i18n.T("programme." + string(p))
}

// programmeChoice is a choice of none, 三区计划 or 牵手计划: a drop-down,
// since the English names are long (a row of radio buttons widened the
// window past 1024 px).
func programmeChoice() *widget.Select {
	return widget.NewSelect(labels("programme.", append([]data.Programme{"none"}, data.Programmes...)), nil)
}

func selectedProgramme(g *widget.Select) data.Programme {
	return pick("programme.", data.Programmes, g.Selected) // none: ""
}

func setProgramme(g *widget.Select, p data.Programme) {
	if p == data.ProgrammeNone {
		p = "none"
	}
	g.SetSelected(i18n.T("programme." + string(p)))
}

// dateRule reads a typed date, required or not; the range is the store's
// to say (the work history's days go back to 1950).
func dateRule(name string, required bool) func(string) error {
	return func(t string) error {
		d, err := data.ParseDate(t)
		if err != nil {
			return data.Invalid(name, "err.date.format")
		}
		if required && d.IsZero() {
			return data.Invalid(name, "err.required")
		}
		return nil
	}
}

func dateOf(f *field) data.Date { d, _ := data.ParseDate(f.entry.Text); return d }

// showWork lists the work history, the current entry last.
func (s *DossierTab) showWork() {
	s.work.Objects = nil
	for i := range s.d.Work {
		w := s.d.Work[i]
		text := period(w.StartOn, w.EndOn) + " · " + w.Org
		if w.Position != "" {
			text += " · " + w.Position
		}
		if p := programmeText(w.Programme); p != "" {
			text += " · " + p
			if len(w.Proofs) == 0 {
				text += " · " + i18n.T("dossier.work_no_proof")
			} else {
				text += " · " + i18n.T("ce.proof_count", "Count", len(w.Proofs))
			}
		}
		s.work.Add(rowLine(text, widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { s.editWork(&w) })))
	}
	if len(s.d.Work) == 0 {
		s.work.Add(emptyLine(i18n.T("dossier.work_none")))
	}
	s.work.Refresh()
}

// workForm is the form of one work history entry.
type workForm struct {
	org       *pickField
	position  *field
	start     *field
	end       *field
	programme *widget.Select
	proofs    *proofBox
	dialog    *formDialog
}

// editWork opens the form of entry w (nil: a new one).
func (s *DossierTab) editWork(w *data.WorkEntry) {
	if s.d == nil {
		return
	}
	f := &workForm{}
	f.org = newPickField("org", i18n.T("dossier.org_hint"), requiredTextRule("org"), s.svc.employerChoices())
	f.position = newField("position", i18n.T("dossier.position_hint"), textRule("position"))
	f.start = newField("start_on", i18n.T("date.placeholder"), dateRule("start_on", true))
	f.end = newField("end_on", i18n.T("dossier.end_hint"), dateRule("end_on", false))
	f.programme = programmeChoice()
	f.proofs = newProofBox(s.svc, s.win, 0)
	title := i18n.T("dossier.work_new")
	var del func()
	id := int64(0)
	var at data.Stamp // the version of the entry in the form
	if w != nil {
		id, at = w.ID, w.Stamp
		title = i18n.T("dossier.work_editing", "Org", w.Org)
		f.org.set(w.Org)
		f.position.set(w.Position)
		f.start.set(w.StartOn.String())
		f.end.set(w.EndOn.String())
		setProgramme(f.programme, w.Programme)
		f.proofs.set(w.Proofs)
		del = func() {
			confirm(s.win, i18n.T("dossier.work_delete_title"), i18n.T("dossier.work_delete_confirm", "Org", w.Org), i18n.T("dossier.delete_entry"), func() {
				s.listChanged(s.svc.Dossiers.DeleteWorkEntry(s.svc.ctx(), id), i18n.T("dossier.work_deleted"))
			})
		}
	} else {
		setProgramme(f.programme, data.ProgrammeNone)
		f.proofs.set(nil)
	}
	proofHint := wrapped(i18n.T("dossier.work_proof_hint"))
	proofHint.Importance = widget.LowImportance
	form := formGrid(
		label(i18n.Field("org")), f.org.object(),
		label(i18n.Field("position")), f.position.object(),
		label(i18n.Field("start_on")), f.start.object(),
		label(i18n.Field("end_on")), f.end.object(),
		label(i18n.Field("programme")), f.programme,
		label(i18n.Field("proof")), container.NewVBox(proofHint, f.proofs.content),
	)
	fields := []*field{f.org.field, f.position, f.start, f.end}
	save := func(msg *widget.Label) bool {
		if err := firstError(fields...); err != nil {
			return false
		}
		e := &data.WorkEntry{ID: id, HolderID: s.d.Holder.ID, Org: f.org.entry.Text, Position: f.position.entry.Text,
			StartOn: dateOf(f.start), EndOn: dateOf(f.end), Programme: selectedProgramme(f.programme), Proofs: f.proofs.proofs, Stamp: at}
		err := createOrUpdate(s.svc.ctx(), id, e, s.svc.Dossiers.CreateWorkEntry, s.svc.Dossiers.UpdateWorkEntry)
		if err != nil {
			saveFailed(msg, err, fields...)
			offerReload(s.win, err, func() {
				f.dialog.d.Hide()
				s.reloadKeepingForm()
				if now := s.workEntry(id); now != nil {
					s.editWork(now)
				}
			})
			return false
		}
		s.listChanged(nil, i18n.T("dossier.work_saved"))
		return true
	}
	f.dialog = showFormDialog(s.win, title, form, save, del)
	for _, fl := range []*field{f.org.field, f.position, f.start, f.end} {
		fl.entry.OnSubmitted = func(string) { f.dialog.save.OnTapped() }
	}
	s.lastWork = f
	s.win.Canvas().Focus(f.org.entry)
}

// workEntry is the entry id of the dossier shown (nil: gone).
func (s *DossierTab) workEntry(id int64) *data.WorkEntry {
	for i := range s.d.Work {
		if s.d.Work[i].ID == id {
			return &s.d.Work[i]
		}
	}
	return nil
}

// honour is the honour id of the dossier shown (nil: gone).
func (s *DossierTab) honour(id int64) *data.Honour {
	for i := range s.d.Honours {
		if s.d.Honours[i].ID == id {
			return &s.d.Honours[i]
		}
	}
	return nil
}

// listChanged reads the dossier again after a list changed (err nil) and
// says so, or says why it did not.
func (s *DossierTab) listChanged(err error, done string) {
	if err != nil {
		status(s.listMsg, err, "")
		return
	}
	s.reloadKeepingForm()
	status(s.listMsg, nil, done)
}

// showHonours lists the honours, by date.
func (s *DossierTab) showHonours() {
	s.honours.Objects = nil
	for i := range s.d.Honours {
		h := s.d.Honours[i]
		text := h.Date.String() + " · " + h.Title + " · " + i18n.T("honour.level."+string(h.Level))
		if h.Proof != nil {
			text += " · " + i18n.T("ce.proof_count", "Count", 1)
		}
		s.honours.Add(rowLine(text, widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { s.editHonour(&h) })))
	}
	if len(s.d.Honours) == 0 {
		s.honours.Add(emptyLine(i18n.T("dossier.honours_none")))
	}
	s.honours.Refresh()
}

// honourForm is the form of one honour.
type honourForm struct {
	title  *field
	date   *field
	level  *widget.Select
	proof  *proofBox
	dialog *formDialog
}

// editHonour opens the form of honour h (nil: a new one).
func (s *DossierTab) editHonour(h *data.Honour) {
	if s.d == nil {
		return
	}
	f := &honourForm{}
	f.title = newField("title", i18n.T("dossier.honour_hint"), requiredTextRule("title"))
	f.date = newField("date", i18n.T("date.placeholder"), dateRule("date", true))
	f.level = widget.NewSelect(labels("honour.level.", data.HonourLevels), nil)
	f.level.PlaceHolder = i18n.T("dossier.choose")
	f.proof = newProofBox(s.svc, s.win, 1)
	title := i18n.T("dossier.honour_new")
	id := int64(0)
	var at data.Stamp // the version of the honour in the form
	var del func()
	if h != nil {
		id, at = h.ID, h.Stamp
		title = i18n.T("dossier.honour_editing", "Title", h.Title)
		f.title.set(h.Title)
		f.date.set(h.Date.String())
		f.level.SetSelected(i18n.T("honour.level." + string(h.Level)))
		if h.Proof != nil {
			f.proof.set([]data.Proof{*h.Proof})
		}
		del = func() {
			confirm(s.win, i18n.T("dossier.honour_delete_title"), i18n.T("dossier.honour_delete_confirm", "Title", h.Title), i18n.T("dossier.delete_entry"), func() {
				s.listChanged(s.svc.Dossiers.DeleteHonour(s.svc.ctx(), id), i18n.T("dossier.honour_deleted"))
			})
		}
	}
	levelMsg := wrapped("")
	levelMsg.Importance = widget.DangerImportance
	form := formGrid(
		label(i18n.Field("title")), f.title.object(),
		label(i18n.Field("date")), f.date.object(),
		label(i18n.Field("honour_level")), container.NewVBox(f.level, levelMsg),
		label(i18n.Field("proof")), f.proof.content,
	)
	fields := []*field{f.title, f.date}
	save := func(msg *widget.Label) bool {
		if err := firstError(fields...); err != nil {
			return false
		}
		r := &data.Honour{ID: id, HolderID: s.d.Holder.ID, Title: f.title.entry.Text, Date: dateOf(f.date),
			Level: pick("honour.level.", data.HonourLevels, f.level.Selected), Stamp: at}
		if len(f.proof.proofs) > 0 {
			p := f.proof.proofs[0]
			r.Proof = &p
		}
		err := createOrUpdate(s.svc.ctx(), id, r, s.svc.Dossiers.CreateHonour, s.svc.Dossiers.UpdateHonour)
		if err != nil {
			if e := data.AsError(err); e != nil && e.Field == "honour_level" {
				levelMsg.SetText(i18n.Message(err))
				msg.SetText(i18n.T("fix_fields"))
				return false
			}
			saveFailed(msg, err, fields...)
			offerReload(s.win, err, func() {
				f.dialog.d.Hide()
				s.reloadKeepingForm()
				if now := s.honour(id); now != nil {
					s.editHonour(now)
				}
			})
			return false
		}
		s.listChanged(nil, i18n.T("dossier.honour_saved"))
		return true
	}
	f.dialog = showFormDialog(s.win, title, form, save, del)
	for _, fl := range fields {
		fl.entry.OnSubmitted = func(string) { f.dialog.save.OnTapped() }
	}
	s.lastHonour = f
	s.win.Canvas().Focus(f.title.entry)
}

// showTransfers lists the agency changes, the latest first; one under
// review can be given its outcome.
func (s *DossierTab) showTransfers() {
	s.transfers.Objects = nil
	for i := range s.d.Transfers {
		t := s.d.Transfers[i]
		text := i18n.T("transfer.row", "Applied", t.AppliedOn.String(), "From", orNone(t.FromOrg), "To", t.ToOrg)
		if t.RegionChange() {
			text += " · " + i18n.T("transfer.row_region", "From", orNone(t.FromRegion), "To", t.ToRegion)
		}
		text += " · " + i18n.T(t.Status.Key())
		if !t.DecidedOn.IsZero() {
			text += " " + t.DecidedOn.String()
		}
		var buttons []fyne.CanvasObject
		if t.Status == data.ReviewPending {
			buttons = append(buttons, widget.NewButton(i18n.T("transfer.decide"), func() { s.decideTransfer(&t) }))
		}
		s.transfers.Add(rowLine(text, buttons...))
	}
	if len(s.d.Transfers) == 0 {
		s.transfers.Add(emptyLine(i18n.T("transfer.none")))
	}
	s.transfers.Refresh()
}

// transferForm is the application for an agency change.
type transferForm struct {
	toOrg    *pickField
	toRegion *field
	position *field
	applied  *field
	dialog   *formDialog
}

// onApplyTransfer opens the application, unless one is under review (the
// Decision: no second while one is; it says which).
func (s *DossierTab) onApplyTransfer() {
	if s.d == nil {
		return
	}
	if err := data.CanApplyTransfer(s.d.Transfers); err != nil {
		status(s.listMsg, err, "")
		return
	}
	f := &transferForm{}
	f.toOrg = newPickField("to_org", i18n.T("transfer.to_org_hint"), requiredTextRule("to_org"), s.svc.employerChoices())
	f.toRegion = newField("to_region", i18n.T("transfer.to_region_hint", "Region", orNone(s.d.Holder.Region)), textRule("to_region"))
	f.position = newField("position", i18n.T("dossier.position_hint"), textRule("position"))
	f.applied = newField("applied_on", i18n.T("date.placeholder"), dayRule("applied_on", true, s.svc))
	f.applied.set(s.svc.today().String())
	now := wrapped(i18n.T("transfer.now", "Org", orNone(s.d.Holder.Org), "Region", orNone(s.d.Holder.Region)))
	form := container.NewVBox(now, formGrid(
		label(i18n.Field("to_org")), f.toOrg.object(),
		label(i18n.Field("to_region")), f.toRegion.object(),
		label(i18n.Field("position")), f.position.object(),
		label(i18n.Field("applied_on")), f.applied.object(),
	))
	fields := []*field{f.toOrg.field, f.toRegion, f.position, f.applied}
	save := func(msg *widget.Label) bool {
		if err := firstError(fields...); err != nil {
			return false
		}
		t := &data.Transfer{HolderID: s.d.Holder.ID, ToOrg: f.toOrg.entry.Text, ToRegion: f.toRegion.entry.Text,
			Position: f.position.entry.Text, AppliedOn: dateOf(f.applied)}
		if err := s.svc.Transfers.ApplyTransfer(s.svc.ctx(), t); err != nil {
			saveFailed(msg, err, fields...)
			return false
		}
		s.listChanged(nil, i18n.T("transfer.applied"))
		return true
	}
	f.dialog = showFormDialog(s.win, i18n.T("transfer.apply"), form, save, nil)
	for _, fl := range fields {
		fl.entry.OnSubmitted = func(string) { f.dialog.save.OnTapped() }
	}
	s.lastTransfer = f
	s.win.Canvas().Focus(f.toOrg.entry)
}

// decideForm records the outcome of a change under review.
type decideForm struct {
	outcome *widget.RadioGroup
	on      *field
	dialog  *formDialog
}

func (s *DossierTab) decideTransfer(t *data.Transfer) {
	f := &decideForm{}
	f.outcome = widget.NewRadioGroup([]string{i18n.T(data.ReviewApproved.Key()), i18n.T(data.ReviewRejected.Key())}, nil)
	f.outcome.Horizontal = true
	f.on = newField("decided_on", i18n.T("date.placeholder"), dayRule("decided_on", true, s.svc))
	f.on.set(s.svc.today().String())
	what := wrapped(i18n.T("transfer.decide_what", "To", t.ToOrg, "Applied", t.AppliedOn.String()))
	hint := wrapped(i18n.T("transfer.decide_hint"))
	hint.Importance = widget.LowImportance
	outMsg := wrapped("")
	outMsg.Importance = widget.DangerImportance
	form := container.NewVBox(what, formGrid(
		label(i18n.Field("transfer_status")), container.NewVBox(f.outcome, outMsg),
		label(i18n.Field("decided_on")), f.on.object(),
	), hint)
	id, at := t.ID, t.Version // decided over the change as the list showed it
	save := func(msg *widget.Label) bool {
		if err := f.on.validate(); err != nil {
			return false
		}
		status := data.Review("")
		switch f.outcome.Selected {
		case i18n.T(data.ReviewApproved.Key()):
			status = data.ReviewApproved
		case i18n.T(data.ReviewRejected.Key()):
			status = data.ReviewRejected
		}
		if _, err := s.svc.Transfers.DecideTransfer(s.svc.ctx(), id, at, status, dateOf(f.on)); err != nil {
			if e := data.AsError(err); e != nil && e.Field == "transfer_status" {
				outMsg.SetText(i18n.Message(err))
				msg.SetText(i18n.T("fix_fields"))
				return false
			}
			saveFailed(msg, err, f.on)
			// Reloaded, the list shows the outcome the other office gave it.
			offerReload(s.win, err, func() {
				f.dialog.d.Hide()
				s.reloadKeepingForm()
			})
			return false
		}
		s.listChanged(nil, i18n.T("transfer.decided"))
		return true
	}
	f.dialog = showFormDialog(s.win, i18n.T("transfer.decide"), form, save, nil)
	f.on.entry.OnSubmitted = func(string) { f.dialog.save.OnTapped() }
	s.lastDecide = f
}

// showProjects lists the projects the holder serves in with their hours
// (the per-holder view of the service records); a row opens the project.
func (s *DossierTab) showProjects() {
	s.projects.Objects = nil
	total := data.Hours{}
	for i := range s.d.Projects {
		hp := s.d.Projects[i]
		total = total.Add(hp.Hours)
		text := hp.Project.Name + " · " + period(hp.Project.StartOn, hp.Project.EndOn)
		if p := programmeText(hp.Project.Programme); p != "" {
			text += " · " + p
		}
		text += " · " + i18n.T("service.holder_hours", "Count", hp.Records, "Hours", i18n.HoursText(hp.Hours))
		id := hp.Project.ID
		s.projects.Add(rowLine(text, widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() {
			if s.OnOpenProject != nil {
				s.OnOpenProject(id)
			}
		})))
	}
	if len(s.d.Projects) == 0 {
		s.projects.Add(emptyLine(i18n.T("dossier.projects_none")))
	} else {
		s.projects.Add(widget.NewLabelWithStyle(i18n.T("service.holder_total", "Count", len(s.d.Projects), "Hours", i18n.HoursText(total)), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
	}
	s.projects.Refresh()
}
