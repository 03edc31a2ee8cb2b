package screens

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// CELog is the CE log tab (继续教育): a holder's continuing-education
// records, how they count toward each registration period (a bar of
// credited against required hours, pending and missing hours, days left),
// the sealed CE report, and a form to record one with its proof files.
type CELog struct {
	svc Services
	win fyne.Window

	sel    *Selection
	seen   int // the Selection's Changes the tab shows
	list   *holderList
	holder *data.Holder
	recs   []data.CERecord
	ceMNo  string // the certificate the progress (and the report) is against
	editID int64
	editAt data.Stamp // the version of the record in the form
	loaded string     // the form as edit filled it (state), to tell edits

	heading   *widget.Label
	progress  *fyne.Container
	exportBtn *widget.Button
	exportMsg *widget.Label
	records   *pickList
	empty     *widget.Label

	kind     *widget.Select
	title    *field
	provider *field
	date     *field
	hours    *field
	review   *widget.Select
	proof    *proofBox // the files attached, kept when the record is saved
	saveBtn  *widget.Button
	delBtn   *widget.Button
	msg      *widget.Label
	formHead *widget.Label

	detail  *fyne.Container
	content fyne.CanvasObject
}

// NewCELog builds the tab with a selection of its own.
func NewCELog(svc Services, win fyne.Window) *CELog {
	return newCELog(svc, win, NewSelection())
}

// newCELog builds the tab on the window's selection.
func newCELog(svc Services, win fyne.Window, sel *Selection) *CELog {
	s := &CELog{svc: svc, win: win, sel: sel, seen: -1}
	s.list = newHolderList(svc, s.onPickHolder)
	s.list.shown = s.holderID
	s.list.newBtn.Hide()
	s.list.search.OnChanged = s.list.setQuery
	s.heading = widget.NewLabelWithStyle(i18n.T("ce.pick"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.progress = container.NewVBox()
	s.exportBtn = widget.NewButtonWithIcon(i18n.T("ce.export"), theme.DocumentSaveIcon(), s.onExport)
	s.exportMsg = wrapped("")
	s.empty = widget.NewLabel(i18n.T("ce.none"))
	s.records = newPickList(func() int { return len(s.recs) }, s.newRow, s.updateRow)
	s.records.OnSelected = func(i widget.ListItemID) {
		if i >= len(s.recs) || s.recs[i].ID == s.editID {
			return
		}
		r := &s.recs[i]
		guard(win, s.unsaved(), i18n.T("tab.ce"), s.name(), s.saveForm, func() { s.edit(r) }, s.reselect)
	}

	s.kind = widget.NewSelect(labels("ce.kind.", data.CEKinds()), func(string) { s.showKindHint() })
	s.title = newField("title", i18n.T("ce.title_hint"), requiredTextRule("title"))
	s.provider = newField("provider", i18n.T("ce.provider_hint"), textRule("provider"))
	s.date = newField("date", i18n.T("date.placeholder"), dayRule("date", true, svc))
	s.hours = newField("hours", i18n.T("hours.placeholder"), func(t string) error {
		if strings.TrimSpace(t) == "" && s.selectedKindFixed() {
			return nil // a degree counts its fixed hours
		}
		_, err := data.ParseCEHours(t)
		return err
	})
	s.review = widget.NewSelect(labels("ce.review.", data.Reviews), nil)
	s.msg = wrapped("")
	s.proof = newProofBoxSaying(svc, win, 0, s.msg)
	s.saveBtn = widget.NewButtonWithIcon(i18n.T("ce.save"), theme.DocumentSaveIcon(), s.onSave)
	s.saveBtn.Importance = widget.HighImportance
	s.delBtn = widget.NewButtonWithIcon(i18n.T("ce.delete"), theme.DeleteIcon(), s.onDelete)
	s.delBtn.Importance = widget.DangerImportance
	newBtn := widget.NewButtonWithIcon(i18n.T("ce.new"), theme.ContentAddIcon(), func() {
		guard(win, s.unsaved(), i18n.T("tab.ce"), s.name(), s.saveForm, func() { s.edit(nil) }, func() {})
	})
	s.formHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})

	s.detail = container.NewVBox(
		s.progress,
		container.NewHBox(s.exportBtn), s.exportMsg,
		widget.NewSeparator(),
		container.NewBorder(nil, nil, widget.NewLabelWithStyle(i18n.T("ce.records"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), newBtn),
		s.empty, overList(s.records, spacer(200)),
		widget.NewSeparator(),
		s.formHead,
		formGrid(
			label(i18n.Field("kind")), s.kind,
			label(i18n.Field("title")), s.title.object(),
			label(i18n.Field("provider")), s.provider.object(),
			label(i18n.Field("date")), s.date.object(),
			label(i18n.Field("hours")), s.hours.object(),
			label(i18n.Field("review")), s.review,
			label(i18n.Field("proof")), s.proof.content,
		),
	)
	submitOnEnter(s.onSave, s.title, s.provider, s.date, s.hours)
	s.content = listDetailBar(s.list.content, buttonBar(s.msg, s.saveBtn, s.delBtn), s.heading, s.detail)
	s.list.reload()
	s.detail.Hide()
	return s
}

// Content is the tab's canvas object.
func (s *CELog) Content() fyne.CanvasObject { return s.content }

// Refresh reloads what another tab or the command line may have changed,
// and shows the holder selected meanwhile (asking first when the form
// holds unsaved edits; keeping them makes this tab's holder the selection
// again). Unsaved edits of the same holder are left as typed.
func (s *CELog) Refresh() {
	s.list.reload()
	if s.seen == s.sel.Changes() || s.sel.holderID() == s.holderID() {
		s.seen = s.sel.Changes()
		if s.holder != nil && !s.unsaved() {
			s.showHolder(s.holder)
		}
		return
	}
	h := s.sel.Holder()
	guard(s.win, s.unsaved(), i18n.T("tab.ce"), s.name(), s.saveForm, func() {
		s.seen = s.sel.Changes()
		if h == nil {
			s.showNone()
			s.list.checkShown()
			return
		}
		s.showHolder(h)
		s.list.mark(h.ID)
	}, s.publish)
}

func (s *CELog) holderID() int64 {
	if s.holder == nil {
		return 0
	}
	return s.holder.ID
}

// name is the holder whose records the tab shows.
func (s *CELog) name() string {
	if s.holder == nil {
		return ""
	}
	return s.holder.Name
}

// onPickHolder is a click (or arrow key) on a holder of the list.
func (s *CELog) onPickHolder(h *data.Holder) {
	if s.holderID() == h.ID {
		return
	}
	guard(s.win, s.unsaved(), i18n.T("tab.ce"), s.name(), s.saveForm, func() {
		s.showHolder(h)
		s.publish()
	}, func() { s.list.mark(s.holderID()) }) // kept: the row of the holder shown again
}

// publish makes the tab's holder the window's selection (with the
// certificate selected, when it is theirs: the tab picks none).
func (s *CELog) publish() {
	certID := int64(0)
	if s.sel.holderID() == s.holderID() {
		certID = s.sel.CertID()
	}
	s.sel.Set(s.holder, certID)
	s.seen = s.sel.Changes()
}

// showNone shows no holder (the one selected was deleted).
func (s *CELog) showNone() {
	s.holder = nil
	s.recs = nil
	s.heading.SetText(i18n.T("ce.pick"))
	s.detail.Hide()
}

// state is what the form shows (formState), the files attached with it.
func (s *CELog) state() string {
	v := []string{s.kind.Selected, s.title.entry.Text, s.provider.entry.Text, s.date.entry.Text, s.hours.entry.Text, s.review.Selected}
	for _, p := range s.proof.proofs {
		v = append(v, p.Name+"\x00"+strconv.FormatInt(p.Size, 10)+"\x00"+strconv.FormatBool(p.Data != nil))
	}
	return formState(v...)
}

// unsaved says whether the form holds edits not saved yet.
func (s *CELog) unsaved() bool { return s.holder != nil && s.state() != s.loaded }

// reselect marks the record being edited in the list again (after a
// click on another one was answered with "keep editing").
func (s *CELog) reselect() {
	s.records.UnselectAll()
	for i := range s.recs {
		if s.recs[i].ID == s.editID {
			s.records.Select(i)
		}
	}
}

func (s *CELog) showHolder(h *data.Holder) {
	s.holder = h
	recs, err := s.svc.CE.CERecords(s.svc.ctx(), h.ID)
	if err != nil {
		s.heading.SetText(i18n.Message(err))
		return
	}
	s.recs = recs
	s.heading.SetText(h.Name)
	s.detail.Show()
	s.empty.Hidden = len(recs) > 0
	s.records.UnselectAll()
	s.records.Refresh()
	s.showProgress()
	s.edit(nil)
}

// showProgress draws one bar per registration period of the holder's
// binding certificate.
func (s *CELog) showProgress() {
	s.progress.Objects = nil
	s.ceMNo = ""
	s.exportMsg.SetText("")
	st, err := s.svc.Docs.CEProgressOf(s.svc.ctx(), s.holder.ID, 0, s.recs)
	if err != nil {
		s.progress.Add(wrapped(i18n.Message(err)))
		s.exportBtn.Disable()
		s.progress.Refresh()
		return
	}
	c := st.Certificate
	s.ceMNo = c.MNo
	s.progress.Add(wrapped(i18n.T("ce.against", "Level", i18n.T("level."+string(c.Level)), "MNo", c.MNo, "Hours", c.Level.CEHours())))
	if len(st.Periods) == 0 {
		s.progress.Add(wrapped(i18n.T("ce.no_period")))
	}
	for _, p := range st.Periods {
		bar := newHoursBar(p.Credited.Float(), p.Required.Float(),
			i18n.T("ce.bar", "Credited", i18n.HoursText(p.Credited), "Required", i18n.HoursText(p.Required)))
		s.progress.Add(widget.NewLabelWithStyle(i18n.T("ce.period", "Start", p.Start.String(), "End", p.End.String()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		s.progress.Add(bar)
		days := i18n.T("ce.days_left", "Days", p.DaysLeft)
		if p.DaysLeft < 0 {
			days = i18n.T("ce.period_over")
		}
		s.progress.Add(wrapped(i18n.T("ce.summary", "Pending", i18n.HoursText(p.Pending), "Missing", i18n.HoursText(p.Missing)) + " · " + days))
	}
	if len(st.Outside) > 0 {
		l := wrapped(i18n.T("ce.outside", "Count", len(st.Outside)))
		l.Importance = widget.WarningImportance
		s.progress.Add(l)
	}
	s.exportBtn.Disable()
	if len(st.Periods) > 0 {
		s.exportBtn.Enable()
	}
	s.progress.Refresh()
}

func (s *CELog) newRow() fyne.CanvasObject {
	head := widget.NewLabel("2025-03-01 · 培训 · 24")
	head.TextStyle.Bold = true
	head.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("社区治理能力提升培训 · 某某培训中心 · 待审核")
	detail.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(head, detail)
}

func (s *CELog) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.recs) {
		return
	}
	r := s.recs[i]
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(i18n.T("ce.row_head", "Date", r.Date.String(), "Kind", i18n.T("ce.kind."+string(r.Kind)), "Hours", i18n.HoursText(r.Hours)))
	detail := r.Title
	if r.Provider != "" {
		detail += " · " + r.Provider
	}
	detail += " · " + i18n.T(r.Review.Key())
	if n := len(r.Proofs); n > 0 {
		detail += " · " + i18n.T("ce.proof_count", "Count", n)
	}
	c.Objects[1].(*widget.Label).SetText(detail)
}

func (s *CELog) selectedKind() data.CEKind { return pick("ce.kind.", data.CEKinds(), s.kind.Selected) }

func (s *CELog) selectedKindFixed() bool {
	rule, ok := data.RuleFor(s.selectedKind())
	return ok && rule.Credit == data.CreditFixed
}

// showKindHint fills in what the kind implies: a degree counts its fixed
// hours, and online courses take no review status (the choice is emptied
// and disabled; a kind that needs review starts pending).
func (s *CELog) showKindHint() {
	rule, ok := data.RuleFor(s.selectedKind())
	if !ok {
		return
	}
	if rule.Credit == data.CreditFixed {
		s.hours.entry.SetPlaceHolder(i18n.HoursText(rule.FixedHours))
	} else {
		s.hours.entry.SetPlaceHolder(i18n.T("hours.placeholder"))
	}
	if !rule.NeedsReview {
		s.review.ClearSelected()
		s.review.PlaceHolder = i18n.T(data.Review("").Key())
		s.review.Disable()
	} else {
		s.review.PlaceHolder = ""
		s.review.Enable()
		if s.editID == 0 || s.review.Selected == "" {
			s.review.SetSelected(i18n.T(data.ReviewPending.Key()))
		}
	}
	s.review.Refresh()
	// What is typed is checked against the new kind; an empty field is
	// not wrong before Save (a new form would open with an error).
	if s.hours.entry.Text != "" {
		s.hours.validate()
	} else {
		s.hours.show(nil)
	}
}

func (s *CELog) edit(r *data.CERecord) {
	s.msg.SetText("")
	if r == nil {
		s.editID, s.editAt = 0, data.Stamp{}
		s.formHead.SetText(i18n.T("ce.new"))
		s.kind.SetSelected(i18n.T("ce.kind." + string(data.CETraining)))
		for _, f := range []*field{s.title, s.provider, s.date, s.hours} {
			f.set("")
		}
		s.review.ClearSelected()
		s.proof.set(nil) // a file attached and not saved is dropped, never kept
		s.delBtn.Hide()
	} else {
		s.editID, s.editAt = r.ID, r.Stamp
		s.formHead.SetText(i18n.T("ce.editing", "Date", r.Date.String(), "Title", r.Title)) // its date and title, never the row's internal ID
		s.kind.SetSelected(i18n.T("ce.kind." + string(r.Kind)))
		s.title.set(r.Title)
		s.provider.set(r.Provider)
		s.date.set(r.Date.String())
		s.hours.set(i18n.HoursText(r.Hours))
		s.review.ClearSelected()
		if r.Review != "" {
			s.review.SetSelected(i18n.T(r.Review.Key()))
		}
		s.proof.set(r.Proofs)
		s.delBtn.Show()
	}
	s.showKindHint() // the kind may not have changed, and SetSelected says so only when it did
	s.loaded = s.state()
}

// attach adds a proof file to the record being edited (refused: too
// large, not a PDF or image). The file is kept only when the record is
// saved: a form left unsaved keeps nothing.
func (s *CELog) attach(name string, b []byte) { s.proof.attachData(name, b) }

func (s *CELog) form() (*data.CERecord, error) {
	if err := firstError(s.title, s.provider, s.date, s.hours); err != nil {
		return nil, err
	}
	d, _ := data.ParseDate(s.date.entry.Text)
	var h data.Hours // empty: a fixed-credit kind's own hours
	if t := strings.TrimSpace(s.hours.entry.Text); t != "" {
		h, _ = data.ParseCEHours(t)
	}
	var review data.Review // none for a kind that needs none
	if !s.review.Disabled() {
		review = pick("ce.review.", data.Reviews, s.review.Selected)
	}
	return &data.CERecord{
		ID: s.editID, HolderID: s.holder.ID, Kind: s.selectedKind(),
		Title: s.title.entry.Text, Provider: s.provider.entry.Text, Date: d, Hours: h,
		Review: review, Proofs: s.proof.proofs, Stamp: s.editAt,
	}, nil
}

func (s *CELog) onSave() { s.saveForm() }

// saveForm saves the record, and says whether it was saved.
func (s *CELog) saveForm() bool {
	if s.holder == nil {
		return false
	}
	r, err := s.form()
	if err == nil {
		err = createOrUpdate(s.svc.ctx(), r.ID, r, s.svc.CE.CreateCERecord, s.svc.CE.UpdateCERecord)
	}
	if err != nil {
		saveFailed(s.msg, err, s.title, s.provider, s.date, s.hours)
		offerReload(s.win, err, func() { s.showHolder(s.holder) })
		return false
	}
	s.showHolder(s.holder)
	status(s.msg, nil, i18n.T("ce.saved"))
	return true
}

func (s *CELog) onDelete() {
	id := s.editID
	if id == 0 {
		return
	}
	confirm(s.win, i18n.T("ce.delete_title"), i18n.T("ce.delete_confirm"), i18n.T("ce.delete"), func() {
		if err := s.svc.CE.DeleteCERecord(s.svc.ctx(), id); err != nil {
			status(s.msg, err, "")
			return
		}
		s.showHolder(s.holder)
	})
}

func (s *CELog) onExport() {
	askSave(s.win, s.exportName(), []string{".pdf"}, s.exportTo)
}

// exportName is the report's suggested name: the holder, the number of
// the certificate the report is against, and what it is.
func (s *CELog) exportName() string {
	return data.ExportFileName(".pdf", s.holder.Name, s.ceMNo, data.FileCEReport)
}

// exportTo writes the sealed CE report of the current period at path.
func (s *CELog) exportTo(path string) {
	b, r, err := s.svc.Docs.ExportCEReport(s.svc.ctx(), s.holder.ID, 0, data.Date{})
	where, err := writeOut(path, b, err)
	if err != nil {
		status(s.exportMsg, err, "")
		return
	}
	status(s.exportMsg, nil, i18n.T("ce.exported", "Path", where, "Credited", i18n.HoursText(r.Progress.Credited), "Required", i18n.HoursText(r.Progress.Required)))
}
