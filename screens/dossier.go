package screens

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/i18n"
)

// DossierTab is the Personal information tab (个人信息): the dossier the
// national system asks for before a registration. For the holder
// selected it shows what is still missing, the base fields (those of the
// holder, edited on Certificates, and those of the profile, edited here),
// the ID photo with its preview, the first registration time, the work
// history, honours, agency changes (机构变更) and the projects served in.
// The whole section is one read of the store (DossierService.Dossier).
type DossierTab struct {
	svc Services
	win fyne.Window

	sel  *Selection
	seen int // the Selection's Changes the tab shows
	list *holderList
	d    *data.Dossier // what the tab shows (nil: no holder)
	// loaded is the profile form as last shown (formState), to tell edits.
	loaded string

	// OnEditHolder shows the holder's own fields (Certificates tab);
	// OnOpenProject shows a project on the Service records tab. Set by Main.
	OnEditHolder  func()
	OnOpenProject func(projectID int64)

	heading *widget.Label
	missing *widget.Label

	nameV, idV, phoneV, orgV, regionV *widget.Label

	sex       *widget.Select
	birth     *field
	ethnicity *widget.Select
	education *widget.Select
	major     *field
	fromID    *widget.Label // "from the ID number", beside a date of birth read from it
	sexFromID *widget.Label
	firstKind *widget.Select
	firstOn   *field

	photo       *canvas.Image
	photoInfo   *widget.Label
	photoMsg    *widget.Label
	photoRemove *widget.Button

	work      *fyne.Container
	honours   *fyne.Container
	transfers *fyne.Container
	projects  *fyne.Container
	listMsg   *widget.Label // what a change to a list said

	// The forms last opened (tests fill them in).
	lastWork     *workForm
	lastHonour   *honourForm
	lastTransfer *transferForm
	lastDecide   *decideForm

	saveBtn      *widget.Button
	exportForm   *widget.Button
	exportReport *widget.Button
	msg          *widget.Label
	detail       *fyne.Container
	content      fyne.CanvasObject
}

// NewDossierTab builds the tab with a selection of its own.
func NewDossierTab(svc Services, win fyne.Window) *DossierTab {
	return newDossierTab(svc, win, NewSelection())
}

func newDossierTab(svc Services, win fyne.Window, sel *Selection) *DossierTab {
	s := &DossierTab{svc: svc, win: win, sel: sel, seen: -1}
	s.list = newHolderList(svc, s.onPickHolder)
	s.list.shown = s.holderID
	s.list.newBtn.Hide()
	s.list.search.OnChanged = s.list.setQuery
	s.heading = widget.NewLabelWithStyle(i18n.T("dossier.pick"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.missing = wrapped("")

	value := func() *widget.Label {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	s.nameV, s.idV, s.phoneV, s.orgV, s.regionV = value(), value(), value(), value(), value()
	editHolder := widget.NewButtonWithIcon(i18n.T("dossier.edit_holder"), theme.DocumentCreateIcon(), func() {
		if s.OnEditHolder != nil {
			s.OnEditHolder()
		}
	})

	s.sex = widget.NewSelect(labels("sex.", data.Sexes), nil)
	s.sex.PlaceHolder = i18n.T("dossier.choose")
	s.fromID = widget.NewLabel(i18n.T("dossier.from_id"))
	s.fromID.Importance = widget.LowImportance
	s.sexFromID = widget.NewLabel(i18n.T("dossier.from_id"))
	s.sexFromID.Importance = widget.LowImportance
	s.birth = newField("birth_date", i18n.T("date.placeholder"), func(t string) error {
		if s.d == nil || s.birthFromID() {
			return nil
		}
		d, err := data.ParseDate(t)
		if err != nil {
			return data.Invalid("birth_date", "err.date.format")
		}
		p := data.Profile{BirthDate: d}
		return p.Validate(&s.d.Holder, svc.today())
	})
	s.ethnicity = widget.NewSelect(data.Ethnicities, nil)
	s.ethnicity.PlaceHolder = i18n.T("dossier.ethnicity_hint")
	s.education = widget.NewSelect(labels("education.", data.Educations), nil)
	s.education.PlaceHolder = i18n.T("dossier.choose")
	s.major = newField("major", i18n.T("dossier.major_hint"), textRule("major"))
	s.firstKind = widget.NewSelect(labels("first_reg_kind.", data.FirstRegKinds), func(string) { s.showFirstKind() })
	s.firstKind.PlaceHolder = i18n.T("dossier.first_reg_none")
	s.firstOn = newField("first_reg_on", i18n.T("date.placeholder"), func(t string) error {
		required := s.selectedFirstKind() == data.FirstRegCertificate
		d, err := data.ParseDate(t)
		if err != nil {
			return data.Invalid("first_reg_on", "err.date.format")
		}
		return data.ValidateDay("first_reg_on", d, required, svc.today())
	})

	s.photo = canvas.NewImageFromResource(nil)
	s.photo.FillMode = canvas.ImageFillContain
	s.photo.SetMinSize(fyne.NewSize(100, 140))
	s.photoInfo = wrapped("")
	s.photoMsg = wrapped("")
	choose := widget.NewButtonWithIcon(i18n.T("dossier.photo_choose"), theme.FolderOpenIcon(), s.onChoosePhoto)
	s.photoRemove = widget.NewButtonWithIcon(i18n.T("dossier.photo_remove"), theme.DeleteIcon(), s.onRemovePhoto)
	photoHint := wrapped(i18n.T("dossier.photo_rule"))
	photoHint.Importance = widget.LowImportance

	s.work = container.NewVBox()
	s.honours = container.NewVBox()
	s.transfers = container.NewVBox()
	s.projects = container.NewVBox()
	s.listMsg = wrapped("")
	addWork := widget.NewButtonWithIcon(i18n.T("dossier.work_add"), theme.ContentAddIcon(), func() { s.editWork(nil) })
	addHonour := widget.NewButtonWithIcon(i18n.T("dossier.honour_add"), theme.ContentAddIcon(), func() { s.editHonour(nil) })
	apply := widget.NewButtonWithIcon(i18n.T("transfer.apply"), theme.ContentAddIcon(), s.onApplyTransfer)

	s.saveBtn = widget.NewButtonWithIcon(i18n.T("dossier.save"), theme.DocumentSaveIcon(), s.onSave)
	s.saveBtn.Importance = widget.HighImportance
	s.msg = wrapped("")
	submitOnEnter(s.onSave, s.birth, s.major, s.firstOn)

	s.detail = container.NewVBox(
		s.missing,
		section(i18n.T("dossier.base"), editHolder),
		formGrid(
			label(i18n.Field("name")), s.nameV,
			label(i18n.Field("id_number")), s.idV,
			label(i18n.Field("phone")), s.phoneV,
			label(i18n.Field("org")), s.orgV,
			label(i18n.Field("region")), s.regionV,
			label(i18n.Field("sex")), container.NewBorder(nil, nil, nil, s.sexFromID, s.sex),
			label(i18n.Field("birth_date")), s.birth.object(s.fromID),
			label(i18n.Field("ethnicity")), s.ethnicity,
			label(i18n.Field("education")), s.education,
			label(i18n.Field("major")), s.major.object(),
			label(i18n.T("dossier.first_reg_kind")), s.firstKind,
			label(i18n.Field("first_reg_on")), s.firstOn.object(),
		),
		section(i18n.Field("photo")),
		container.NewBorder(nil, nil, s.photo, nil,
			container.NewVBox(s.photoInfo, container.NewHBox(choose, s.photoRemove), photoHint, s.photoMsg)),
		widget.NewSeparator(),
		section(i18n.Field("work_history"), addWork), s.work,
		section(i18n.Field("honours"), addHonour), s.honours,
		section(i18n.Field("transfers"), apply), s.transfers,
		section(i18n.Field("projects")), s.projects,
		s.listMsg,
	)
	s.exportForm = widget.NewButtonWithIcon(i18n.T("dossier.export_form"), theme.DocumentPrintIcon(), s.onExportForm)
	s.exportReport = widget.NewButtonWithIcon(i18n.T("dossier.export_report"), theme.DocumentSaveIcon(), s.onExportReport)
	s.content = listDetailBar(s.list.content, buttonBar(s.msg, s.saveBtn, s.exportForm, s.exportReport), s.heading, s.detail)
	s.list.reload()
	s.detail.Hide()
	return s
}

// section is a bold heading with buttons at its right.
func section(title string, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(nil, nil, head, container.NewHBox(buttons...))
}

// Content is the tab's canvas object.
func (s *DossierTab) Content() fyne.CanvasObject { return s.content }

// Refresh reloads what another tab or the command line may have changed,
// and shows the holder selected meanwhile (asking first about unsaved
// edits, as the other tabs do).
func (s *DossierTab) Refresh() {
	s.list.reload()
	if s.seen == s.sel.Changes() || s.sel.holderID() == s.holderID() {
		s.seen = s.sel.Changes()
		if s.d != nil && !s.unsaved() {
			s.show(s.d.Holder.ID)
		}
		return
	}
	h := s.sel.Holder()
	guard(s.win, s.unsaved(), i18n.T("tab.dossier"), s.name(), s.saveForm, func() {
		s.seen = s.sel.Changes()
		if h == nil {
			s.showNone()
			s.list.checkShown()
			return
		}
		s.show(h.ID)
		s.list.mark(h.ID)
	}, s.publish)
}

func (s *DossierTab) holderID() int64 {
	if s.d == nil {
		return 0
	}
	return s.d.Holder.ID
}

func (s *DossierTab) name() string {
	if s.d == nil {
		return ""
	}
	return s.d.Holder.Name
}

func (s *DossierTab) onPickHolder(h *data.Holder) {
	if s.holderID() == h.ID {
		return
	}
	guard(s.win, s.unsaved(), i18n.T("tab.dossier"), s.name(), s.saveForm, func() {
		s.show(h.ID)
		s.publish()
	}, func() { s.list.mark(s.holderID()) })
}

// publish makes the tab's holder the window's selection.
func (s *DossierTab) publish() {
	var h *data.Holder
	certID := int64(0)
	if s.d != nil {
		hh := s.d.Holder
		h = &hh
	}
	if s.sel.holderID() == s.holderID() {
		certID = s.sel.CertID()
	}
	s.sel.Set(h, certID)
	s.seen = s.sel.Changes()
}

func (s *DossierTab) showNone() {
	s.d = nil
	s.heading.SetText(i18n.T("dossier.pick"))
	s.detail.Hide()
}

// show reads the holder's dossier, in one read, and shows it.
func (s *DossierTab) show(holderID int64) {
	d, err := s.svc.Dossiers.Dossier(s.svc.ctx(), holderID)
	if err != nil {
		s.heading.SetText(i18n.Message(err))
		return
	}
	s.d = d
	h := &d.Holder
	s.heading.SetText(h.Name)
	s.showMissing()
	s.nameV.SetText(h.Name)
	s.idV.SetText(orNone(data.MaskIDNumber(h.IDNumber)))
	s.phoneV.SetText(orNone(data.MaskPhone(h.Phone)))
	s.orgV.SetText(orNone(h.Org))
	s.regionV.SetText(orNone(h.Region))
	s.msg.SetText("")
	s.listMsg.SetText("")
	s.fillProfile(&d.Profile)
	s.showPhoto()
	s.showWork()
	s.showHonours()
	s.showTransfers()
	s.showProjects()
	s.detail.Show()
}

// orNone shows an empty value as a dash.
func orNone(v string) string {
	if v == "" {
		return "—"
	}
	return v
}

// showMissing is the plain line of what the dossier still lacks.
func (s *DossierTab) showMissing() {
	if s.d.Complete() {
		s.missing.Importance = widget.SuccessImportance
		s.missing.SetText(i18n.T("dossier.complete"))
		return
	}
	s.missing.Importance = widget.WarningImportance
	s.missing.SetText(i18n.DossierIncomplete(s.d.Missing))
}

// birthFromID says the ID number gives the date of birth (never typed).
func (s *DossierTab) birthFromID() bool {
	_, ok := data.IDBirthDate(s.d.Holder.IDType, s.d.Holder.IDNumber)
	return ok
}

// fillProfile puts the profile in the form: what the ID number says is
// shown, read-only.
func (s *DossierTab) fillProfile(p *data.Profile) {
	h := &s.d.Holder
	s.sex.ClearSelected()
	if sex := data.SexOf(h, p); sex != "" {
		s.sex.SetSelected(i18n.T("sex." + string(sex)))
	}
	if data.IDSex(h.IDType, h.IDNumber) != "" {
		s.sex.Disable()
		s.sexFromID.Show()
	} else {
		s.sex.Enable()
		s.sexFromID.Hide()
	}
	s.birth.set(data.BirthDateOf(h, p).String())
	if s.birthFromID() {
		s.birth.entry.Disable()
		s.birth.entry.SetPlaceHolder("")
		s.fromID.Show()
	} else {
		s.fromID.Hide()
		s.birth.entry.Enable()
		s.birth.entry.SetPlaceHolder(i18n.T("date.placeholder"))
	}
	s.ethnicity.ClearSelected()
	if p.Ethnicity != "" {
		s.ethnicity.SetSelected(p.Ethnicity)
	}
	s.education.ClearSelected()
	if p.Education != "" {
		s.education.SetSelected(i18n.T("education." + string(p.Education)))
	}
	s.major.set(p.Major)
	s.firstKind.ClearSelected()
	if p.FirstRegKind != "" {
		s.firstKind.SetSelected(i18n.T("first_reg_kind." + string(p.FirstRegKind)))
	}
	s.firstOn.set(p.FirstRegOn.String())
	s.showFirstKind()
	s.loaded = s.state()
}

func (s *DossierTab) selectedFirstKind() data.FirstRegKind {
	return pick("first_reg_kind.", data.FirstRegKinds, s.firstKind.Selected)
}

// showFirstKind says what the date is: typed for a local registration
// certificate, recorded by the app for the day the form was first
// complete.
func (s *DossierTab) showFirstKind() {
	switch s.selectedFirstKind() {
	case data.FirstRegCertificate:
		s.firstOn.entry.SetPlaceHolder(i18n.T("dossier.first_reg_cert_hint"))
	default:
		s.firstOn.entry.SetPlaceHolder(i18n.T("dossier.first_reg_form_hint"))
	}
	if s.firstOn.entry.Text != "" {
		s.firstOn.validate()
	} else {
		s.firstOn.show(nil)
	}
}

// state is the profile form (formState).
func (s *DossierTab) state() string {
	return formState(s.sex.Selected, s.birth.entry.Text, s.ethnicity.Selected, s.education.Selected, s.major.entry.Text,
		s.firstKind.Selected, s.firstOn.entry.Text)
}

// unsaved says whether the profile form holds edits not saved yet.
func (s *DossierTab) unsaved() bool { return s.d != nil && s.state() != s.loaded }

// profile is the profile as the form shows it.
func (s *DossierTab) profile() (*data.Profile, error) {
	if err := firstError(s.birth, s.major, s.firstOn); err != nil {
		return nil, err
	}
	h := &s.d.Holder
	p := &data.Profile{HolderID: h.ID, Ethnicity: s.ethnicity.Selected, Major: s.major.entry.Text,
		Education: pick("education.", data.Educations, s.education.Selected), FirstRegKind: s.selectedFirstKind(),
		Stamp: s.d.Profile.Stamp} // saved over the version shown
	if !s.sex.Disabled() {
		p.Sex = pick("sex.", data.Sexes, s.sex.Selected)
	}
	if !s.birthFromID() {
		p.BirthDate, _ = data.ParseDate(s.birth.entry.Text)
	}
	p.FirstRegOn, _ = data.ParseDate(s.firstOn.entry.Text)
	if p.FirstRegKind == "" {
		p.FirstRegOn = data.Date{} // no kind: the app records the day the form is first complete
	}
	return p, nil
}

func (s *DossierTab) onSave() { s.saveForm() }

// saveForm saves the profile (Ctrl+S, or the question about unsaved
// edits), and says whether it was saved.
func (s *DossierTab) saveForm() bool {
	if s.d == nil {
		return false
	}
	p, err := s.profile()
	if err == nil {
		err = s.svc.Dossiers.SetProfile(s.svc.ctx(), p)
	}
	if err != nil {
		saveFailed(s.msg, err, s.birth, s.major, s.firstOn)
		id := s.d.Holder.ID
		offerReload(s.win, err, func() { s.show(id) })
		return false
	}
	s.show(s.d.Holder.ID)
	status(s.msg, nil, i18n.T("dossier.saved"))
	return true
}

// showPhoto shows the saved photo, or says there is none.
func (s *DossierTab) showPhoto() {
	s.photoMsg.SetText("")
	ph := s.d.Profile.Photo
	if ph == nil {
		s.photo.Resource = nil
		s.photo.Refresh()
		s.photoInfo.SetText(i18n.T("dossier.photo_none"))
		s.photoRemove.Disable()
		return
	}
	s.photoRemove.Enable()
	s.photoInfo.SetText(ph.Name + "  " + proofs.FormatSize(ph.Size))
	b, err := s.svc.Proofs.Open(*ph)
	if err != nil {
		s.photo.Resource = nil
		status(s.photoMsg, err, "")
	} else {
		s.photo.Resource = fyne.NewStaticResource(ph.SHA256+photoExt(ph.Type), b)
	}
	s.photo.Refresh()
}

func photoExt(mime string) string {
	if mime == "image/png" {
		return ".png"
	}
	return ".jpg"
}

func (s *DossierTab) onChoosePhoto() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		if r.URI().Scheme() == "file" {
			s.takePhoto(proofs.ReadPhotoFile(r.URI().Path())) // bounded before it is read
			return
		}
		b, err := io.ReadAll(io.LimitReader(r, data.MaxPhotoBytes+1))
		if err != nil {
			status(s.photoMsg, err, "")
			return
		}
		s.setPhoto(r.URI().Name(), b)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".jpg", ".jpeg", ".png"}))
	showFileDialog(d, s.win)
}

// setPhoto checks a photo by its name and content and, when it passes,
// saves it at once (what the file dialog hands over; tests call it).
func (s *DossierTab) setPhoto(name string, b []byte) { s.takePhoto(proofs.NewPhoto(name, b)) }

func (s *DossierTab) takePhoto(p data.Proof, info data.PhotoInfo, err error) {
	if s.d == nil {
		return
	}
	if err == nil {
		err = s.svc.Dossiers.SetPhoto(s.svc.ctx(), s.d.Holder.ID, &p)
	}
	if err != nil {
		status(s.photoMsg, err, "")
		return
	}
	s.reloadKeepingForm()
	status(s.photoMsg, nil, i18n.T("dossier.photo_saved", "Width", info.Width, "Height", info.Height))
}

func (s *DossierTab) onRemovePhoto() {
	if s.d == nil || s.d.Profile.Photo == nil {
		return
	}
	confirm(s.win, i18n.T("dossier.photo_remove_title"), i18n.T("dossier.photo_remove_confirm"), i18n.T("dossier.photo_remove"), func() {
		if err := s.svc.Dossiers.SetPhoto(s.svc.ctx(), s.d.Holder.ID, nil); err != nil {
			status(s.photoMsg, err, "")
			return
		}
		s.reloadKeepingForm()
		status(s.photoMsg, nil, i18n.T("dossier.photo_removed"))
	})
}

// reloadKeepingForm reads the dossier again after a list or the photo
// changed, leaving what is typed in the profile form as it is.
func (s *DossierTab) reloadKeepingForm() {
	if s.d == nil {
		return
	}
	typed, loaded := s.snapshotForm(), s.loaded
	s.show(s.d.Holder.ID)
	if typed.state != loaded { // edits not saved: put them back
		typed.restore(s)
		s.loaded = loaded
	}
}

// formValues is what the profile form holds, to put back.
type formValues struct {
	state                                string
	sex, ethnicity, education, firstKind string
	birth, major, firstOn                string
}

func (s *DossierTab) snapshotForm() formValues {
	return formValues{state: s.state(), sex: s.sex.Selected, ethnicity: s.ethnicity.Selected, education: s.education.Selected,
		firstKind: s.firstKind.Selected, birth: s.birth.entry.Text, major: s.major.entry.Text, firstOn: s.firstOn.entry.Text}
}

func (v formValues) restore(s *DossierTab) {
	setSelect := func(sel *widget.Select, text string) {
		if text == "" {
			sel.ClearSelected()
		} else {
			sel.SetSelected(text)
		}
	}
	setSelect(s.sex, v.sex)
	setSelect(s.ethnicity, v.ethnicity)
	setSelect(s.education, v.education)
	setSelect(s.firstKind, v.firstKind)
	s.birth.entry.SetText(v.birth)
	s.major.entry.SetText(v.major)
	s.firstOn.entry.SetText(v.firstOn)
}

// rowLine is a line of a section's list: the text, and buttons at its end.
func rowLine(text string, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), l)
}

// emptyLine says a section's list has nothing yet.
func emptyLine(text string) fyne.CanvasObject {
	l := wrapped(text)
	l.Importance = widget.LowImportance
	return l
}
