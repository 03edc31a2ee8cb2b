package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// ServiceTab is the Service records tab (服务记录): the projects an agency
// runs, searched on the left; on the right the project's form, who takes
// part with how many hours each (the per-project view), and the records
// of the participant picked (date, content, hours), with a form to add
// one. The holder selected on any tab can be added as a participant, or
// any other holder found by name.
type ServiceTab struct {
	svc Services
	win fyne.Window
	sel *Selection

	search   *widget.Entry
	count    *widget.Label
	list     *pickList
	n        int
	pages    map[int][]data.Project
	query    string
	newBtn   *widget.Button
	projects fyne.CanvasObject

	project *data.Project // the one shown (ID 0: a new one not saved yet)
	loaded  string        // the project form as last loaded (formState)

	heading   *widget.Label
	name      *field
	org       *pickField
	start     *field
	end       *field
	programme *widget.Select
	saveBtn   *widget.Button
	delBtn    *widget.Button
	exportBtn *widget.Button
	msg       *widget.Label

	people    *fyne.Container
	parts     []data.Participant
	joinSel   *widget.Button
	joinAny   *widget.Button
	partMsg   *widget.Label
	partHead  *widget.Label
	holderID  int64 // the participant whose records are shown (0: none)
	records   *fyne.Container
	recs      []data.ServiceRecord
	recDate   *field
	recText   *field
	recHours  *field
	recEditID int64
	recEditAt data.Stamp // the version of the record in the form
	recSave   *widget.Button
	recMsg    *widget.Label
	recLoaded string
	recPart   *fyne.Container

	orgChoices func(typed string) []string
	recBtns    []*widget.Button // each participant's Records, in s.parts' order
	lastPicker *holderList      // the holder search last opened (tests)

	detail  *fyne.Container
	content fyne.CanvasObject
}

// NewServiceTab builds the tab with a selection of its own.
func NewServiceTab(svc Services, win fyne.Window) *ServiceTab {
	return newServiceTab(svc, win, NewSelection())
}

func newServiceTab(svc Services, win fyne.Window, sel *Selection) *ServiceTab {
	s := &ServiceTab{svc: svc, win: win, sel: sel, pages: map[int][]data.Project{}}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(i18n.T("service.search"))
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(q string) { s.setQuery(q) }
	s.count = wrapped("")
	s.list = newPickList(func() int { return s.n }, func() fyne.CanvasObject {
		head := widget.NewLabel("社区养老服务项目")
		head.TextStyle.Bold = true
		head.Truncation = fyne.TextTruncateEllipsis
		detail := widget.NewLabel("阳光社工 · 2025-01-01 – 至今")
		detail.Truncation = fyne.TextTruncateEllipsis
		return container.NewVBox(head, detail)
	}, s.updateRow)
	s.list.OnSelected = func(i widget.ListItemID) {
		p := s.at(i)
		if p == nil || s.project != nil && s.project.ID == p.ID {
			return
		}
		guard(win, s.unsaved(), i18n.T("tab.service"), s.projectName(), s.saveForm, func() { s.open(p.ID) }, s.reselect)
	}
	s.newBtn = widget.NewButtonWithIcon(i18n.T("service.new"), theme.ContentAddIcon(), func() {
		guard(win, s.unsaved(), i18n.T("tab.service"), s.projectName(), s.saveForm, func() { s.edit(nil) }, func() {})
	})
	s.newBtn.Importance = widget.HighImportance
	s.projects = container.NewBorder(container.NewVBox(s.search, s.count), s.newBtn, nil, nil, s.list)

	s.heading = widget.NewLabelWithStyle(i18n.T("service.pick"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.name = newField("project_name", i18n.T("service.name_hint"), requiredTextRule("project_name"))
	s.org = newPickField("project_org", i18n.T("service.org_hint"), requiredTextRule("project_org"), func(t string) []string {
		if s.orgChoices == nil {
			return nil
		}
		return s.orgChoices(t)
	})
	s.start = newField("start_on", i18n.T("date.placeholder"), dateRule("start_on", true))
	s.end = newField("end_on", i18n.T("service.end_hint"), dateRule("end_on", false))
	s.programme = programmeChoice()
	s.saveBtn = widget.NewButtonWithIcon(i18n.T("service.save"), theme.DocumentSaveIcon(), s.onSave)
	s.saveBtn.Importance = widget.HighImportance
	s.delBtn = widget.NewButtonWithIcon(i18n.T("service.delete"), theme.DeleteIcon(), s.onDelete)
	s.delBtn.Importance = widget.DangerImportance
	s.msg = wrapped("")
	submitOnEnter(s.onSave, s.name, s.org.field, s.start, s.end)

	s.people = container.NewVBox()
	s.joinSel = widget.NewButtonWithIcon("", theme.ContentAddIcon(), s.onJoinSelected)
	s.joinAny = widget.NewButtonWithIcon(i18n.T("service.join_any"), theme.SearchIcon(), s.onJoinAny)
	s.partMsg = wrapped("")
	s.partHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.records = container.NewVBox()
	s.recDate = newField("date", i18n.T("date.placeholder"), dateRule("date", true))
	s.recText = newField("content", i18n.T("service.content_hint"), func(t string) error {
		return data.ValidateRequiredText("content", t)
	})
	s.recHours = newField("service_hours", i18n.T("service.hours_hint"), func(t string) error {
		_, err := data.ParseServiceHours(t)
		return err
	})
	s.recSave = widget.NewButtonWithIcon(i18n.T("service.record_save"), theme.DocumentSaveIcon(), s.onSaveRecord)
	newRec := widget.NewButtonWithIcon(i18n.T("service.record_new"), theme.ContentAddIcon(), func() { s.editRecord(nil) })
	s.recMsg = wrapped("")
	submitOnEnter(s.onSaveRecord, s.recDate, s.recText, s.recHours)
	s.recPart = container.NewVBox(
		widget.NewSeparator(),
		container.NewBorder(nil, nil, s.partHead, newRec),
		s.records,
		formGrid(
			label(i18n.Field("date")), s.recDate.object(),
			label(i18n.Field("content")), s.recText.object(),
			label(i18n.Field("service_hours")), s.recHours.object(),
		),
		container.NewHBox(s.recSave), s.recMsg,
	)

	s.detail = container.NewVBox(
		formGrid(
			label(i18n.Field("project_name")), s.name.object(),
			label(i18n.Field("project_org")), s.org.object(),
			label(i18n.Field("start_on")), s.start.object(),
			label(i18n.Field("end_on")), s.end.object(),
			label(i18n.Field("programme")), s.programme,
		),
		widget.NewSeparator(),
		section(i18n.T("service.participants"), s.joinSel, s.joinAny),
		s.people, s.partMsg,
		s.recPart,
	)
	s.exportBtn = widget.NewButtonWithIcon(i18n.T("service.export"), theme.DocumentSaveIcon(), s.onExportReport)
	s.content = listDetailBar(s.projects, buttonBar(s.msg, s.saveBtn, s.exportBtn, s.delBtn), s.heading, s.detail)
	s.reload()
	s.detail.Hide()
	return s
}

// Content is the tab's canvas object.
func (s *ServiceTab) Content() fyne.CanvasObject { return s.content }

// Refresh reloads the projects (and the one shown, unless it holds
// edits), and names the holder selected on the button that adds them.
func (s *ServiceTab) Refresh() {
	s.reload()
	switch {
	case s.project != nil && s.project.ID != 0 && !s.unsaved():
		s.open(s.project.ID)
	case s.project == nil && s.sel.Holder() != nil:
		// Nothing shown yet: the latest project of the holder selected,
		// with their records, marked in the list.
		h := s.sel.Holder()
		if ps, err := s.svc.Projects.HolderProjects(s.svc.ctx(), h.ID); err == nil && len(ps) > 0 {
			s.holderID = h.ID
			s.open(ps[0].Project.ID)
			s.at(0) // the first page, read if the list has not shown it yet
			s.reselect()
		}
	}
	s.showJoin()
}

func (s *ServiceTab) projectName() string {
	if s.project == nil {
		return ""
	}
	return s.project.Name
}

// setQuery lists the projects whose name or agency holds q.
func (s *ServiceTab) setQuery(q string) {
	if q == s.query {
		return
	}
	s.query = q
	s.reload()
}

func (s *ServiceTab) reload() {
	s.pages = map[int][]data.Project{}
	n, err := s.svc.Projects.CountProjects(s.svc.ctx(), data.ProjectFilter{Search: s.query})
	if err != nil {
		s.count.SetText(i18n.Message(err))
		return
	}
	s.n = n
	switch {
	case n == 0 && s.query != "":
		s.count.SetText(i18n.T("service.no_match", "Query", s.query))
	case n == 0:
		s.count.SetText(i18n.T("service.none"))
	default:
		s.count.SetText(i18n.T("service.count", "Count", n))
	}
	s.list.UnselectAll()
	s.list.Refresh()
}

// at is the i-th project found, read with its page.
func (s *ServiceTab) at(i int) *data.Project {
	if i < 0 || i >= s.n {
		return nil
	}
	size := data.DefaultPageSize
	p := i / size
	page, ok := s.pages[p]
	if !ok {
		var err error
		page, err = s.svc.Projects.FindProjects(s.svc.ctx(), data.ProjectFilter{Search: s.query, Offset: p * size, Limit: size})
		if err != nil {
			s.count.SetText(i18n.Message(err))
			return nil
		}
		if len(s.pages) >= maxCachedPages {
			s.pages = map[int][]data.Project{}
		}
		s.pages[p] = page
	}
	if j := i - p*size; j < len(page) {
		return &page[j]
	}
	return nil
}

func (s *ServiceTab) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	head, detail := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label)
	p := s.at(i)
	if p == nil {
		head.SetText("")
		detail.SetText("")
		return
	}
	head.SetText(p.Name)
	text := p.Org + " · " + period(p.StartOn, p.EndOn)
	if pr := programmeText(p.Programme); pr != "" {
		text += " · " + pr
	}
	detail.SetText(text)
}

// reselect marks the project shown in the list again (after a click on
// another one was answered with "keep editing").
func (s *ServiceTab) reselect() {
	s.list.UnselectAll()
	if s.project == nil {
		return
	}
	for p, page := range s.pages {
		for j := range page {
			if page[j].ID == s.project.ID {
				s.list.Select(p*data.DefaultPageSize + j)
			}
		}
	}
}

// Open shows project id (the Personal information tab's projects open
// here), asking first about unsaved edits.
func (s *ServiceTab) Open(id int64) {
	guard(s.win, s.unsaved(), i18n.T("tab.service"), s.projectName(), s.saveForm, func() { s.open(id) }, func() {})
}

func (s *ServiceTab) open(id int64) {
	p, err := s.svc.Projects.Project(s.svc.ctx(), id)
	if err != nil {
		status(s.msg, err, "")
		return
	}
	s.edit(p)
}

// edit shows project p (nil: an empty form for a new one).
func (s *ServiceTab) edit(p *data.Project) {
	s.msg.SetText("")
	s.partMsg.SetText("")
	s.orgChoices = s.svc.employerChoices() // read again: another tab may have added one
	s.org.pick.SetOptions(s.orgChoices(""))
	if p == nil {
		p = &data.Project{}
		s.heading.SetText(i18n.T("service.new"))
		s.delBtn.Hide()
		s.exportBtn.Hide()
	} else {
		s.heading.SetText(p.Name)
		s.delBtn.Show()
		s.exportBtn.Show()
	}
	s.project = p
	s.name.set(p.Name)
	s.org.set(p.Org)
	s.start.set(p.StartOn.String())
	s.end.set(p.EndOn.String())
	setProgramme(s.programme, p.Programme)
	s.loaded = s.state()
	s.detail.Show()
	s.showParticipants()
}

func (s *ServiceTab) state() string {
	return formState(s.name.entry.Text, s.org.entry.Text, s.start.entry.Text, s.end.entry.Text, s.programme.Selected)
}

// unsaved says whether the project form, or the record form, holds edits
// not saved yet.
func (s *ServiceTab) unsaved() bool {
	return s.project != nil && (s.state() != s.loaded || s.holderID != 0 && s.recState() != s.recLoaded)
}

func (s *ServiceTab) onSave() { s.saveForm() }

// saveForm saves the project, and the record being typed when there is
// one (Ctrl+S, the question about unsaved edits); it says whether all was
// saved.
func (s *ServiceTab) saveForm() bool {
	if s.project == nil {
		return false
	}
	if s.state() != s.loaded || s.project.ID == 0 {
		if !s.saveProject() {
			return false
		}
	}
	if s.holderID != 0 && s.recState() != s.recLoaded {
		return s.saveRecord()
	}
	return true
}

func (s *ServiceTab) saveProject() bool {
	fields := []*field{s.name, s.org.field, s.start, s.end}
	if err := firstError(fields...); err != nil {
		saveFailed(s.msg, err, fields...)
		return false
	}
	p := &data.Project{ID: s.project.ID, Name: s.name.entry.Text, Org: s.org.entry.Text, StartOn: dateOf(s.start), EndOn: dateOf(s.end),
		Programme: selectedProgramme(s.programme), Stamp: s.project.Stamp} // saved over the version shown
	err := createOrUpdate(s.svc.ctx(), p.ID, p, s.svc.Projects.CreateProject, s.svc.Projects.UpdateProject)
	if err != nil {
		saveFailed(s.msg, err, fields...)
		offerReload(s.win, err, func() {
			s.reload()
			s.open(p.ID)
		})
		return false
	}
	s.reload()
	s.open(p.ID)
	status(s.msg, nil, i18n.T("service.saved"))
	return true
}

func (s *ServiceTab) onDelete() {
	if s.project == nil || s.project.ID == 0 {
		return
	}
	p := *s.project
	confirm(s.win, i18n.T("service.delete_title"), i18n.T("service.delete_confirm", "Name", p.Name, "Count", len(s.parts)), i18n.T("service.delete"), func() {
		if err := s.svc.Projects.DeleteProject(s.svc.ctx(), p.ID); err != nil {
			status(s.msg, err, "")
			return
		}
		s.project = nil
		s.detail.Hide()
		s.heading.SetText(i18n.T("service.pick"))
		s.reload()
		status(s.msg, nil, i18n.T("service.deleted", "Name", p.Name))
	})
}

// showJoin names the holder selected on the button that adds them.
func (s *ServiceTab) showJoin() {
	h := s.sel.Holder()
	if h == nil {
		s.joinSel.SetText(i18n.T("service.join_none"))
		s.joinSel.Disable()
		return
	}
	s.joinSel.SetText(i18n.T("service.join", "Name", h.Name))
	s.joinSel.Enable()
	for _, p := range s.parts {
		if p.HolderID == h.ID {
			s.joinSel.Disable()
		}
	}
	if s.project == nil || s.project.ID == 0 {
		s.joinSel.Disable()
	}
}

// showParticipants lists who takes part, with their records and hours:
// who served in the project and how much.
func (s *ServiceTab) showParticipants() {
	s.people.Objects = nil
	s.parts = nil
	s.recBtns = nil
	if s.project.ID != 0 {
		parts, err := s.svc.Projects.Participants(s.svc.ctx(), s.project.ID)
		if err != nil {
			status(s.partMsg, err, "")
		}
		s.parts = parts
	}
	total := data.Hours{}
	for i := range s.parts {
		p := s.parts[i]
		total = total.Add(p.Hours)
		text := p.Name + " · " + i18n.T("service.holder_hours", "Count", p.Records, "Hours", i18n.HoursText(p.Hours))
		recs := widget.NewButtonWithIcon(i18n.T("service.records"), theme.ListIcon(), func() { s.showRecordsOf(p.HolderID) })
		s.recBtns = append(s.recBtns, recs)
		leave := widget.NewButtonWithIcon(i18n.T("service.leave"), theme.ContentRemoveIcon(), func() { s.onLeave(p) })
		s.people.Add(rowLine(text, recs, leave))
	}
	switch {
	case s.project.ID == 0:
		s.people.Add(emptyLine(i18n.T("service.save_first")))
	case len(s.parts) == 0:
		s.people.Add(emptyLine(i18n.T("service.no_participants")))
	default:
		s.people.Add(widget.NewLabelWithStyle(i18n.T("service.project_total", "Count", len(s.parts), "Hours", i18n.HoursText(total)), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
	}
	s.people.Refresh()
	s.showJoin()
	if s.holderID != 0 && !s.takesPart(s.holderID) {
		s.holderID = 0
	}
	if s.holderID == 0 && len(s.parts) > 0 {
		s.holderID = s.parts[0].HolderID
	}
	s.showRecords()
}

func (s *ServiceTab) takesPart(id int64) bool {
	for _, p := range s.parts {
		if p.HolderID == id {
			return true
		}
	}
	return false
}

func (s *ServiceTab) onJoinSelected() {
	if h := s.sel.Holder(); h != nil {
		s.join(h)
	}
}

func (s *ServiceTab) join(h *data.Holder) {
	if s.project == nil || s.project.ID == 0 {
		return
	}
	if err := s.svc.Projects.JoinProject(s.svc.ctx(), s.project.ID, h.ID); err != nil {
		status(s.partMsg, err, "")
		return
	}
	s.holderID = h.ID
	s.showParticipants()
	status(s.partMsg, nil, i18n.T("service.joined", "Name", h.Name))
}

// onJoinAny finds a holder by name, ID number or employer, and adds them.
func (s *ServiceTab) onJoinAny() {
	if s.project == nil || s.project.ID == 0 {
		return
	}
	var d dialog.Dialog
	l := newHolderList(s.svc, func(h *data.Holder) {
		d.Hide()
		s.join(h)
	})
	l.newBtn.Hide()
	l.search.OnChanged = l.setQuery
	l.reload()
	d = dialog.NewCustom(i18n.T("service.join_any"), i18n.T("cancel"), l.content, s.win)
	d.Resize(fyne.NewSize(520, 560))
	d.Show()
	s.win.Canvas().Focus(l.searchBox)
	s.lastPicker = l
}

// onLeave takes a participant out; one with records stays (the Decision),
// and the message says so.
func (s *ServiceTab) onLeave(p data.Participant) {
	if err := data.CanLeaveProject(p.Records); err != nil {
		status(s.partMsg, err, "")
		return
	}
	confirm(s.win, i18n.T("service.leave_title"), i18n.T("service.leave_confirm", "Name", p.Name, "Project", s.project.Name), i18n.T("service.leave"), func() {
		if err := s.svc.Projects.LeaveProject(s.svc.ctx(), p.ProjectID, p.HolderID); err != nil {
			status(s.partMsg, err, "")
			return
		}
		s.showParticipants()
		status(s.partMsg, nil, i18n.T("service.left", "Name", p.Name))
	})
}

// showRecordsOf shows one participant's records, asking first about a
// record being typed for another.
func (s *ServiceTab) showRecordsOf(holderID int64) {
	if holderID == s.holderID {
		return
	}
	guard(s.win, s.recState() != s.recLoaded, i18n.T("tab.service"), s.projectName(), s.saveRecord, func() {
		s.holderID = holderID
		s.showRecords()
	}, func() {})
}

func (s *ServiceTab) participant() *data.Participant {
	for i := range s.parts {
		if s.parts[i].HolderID == s.holderID {
			return &s.parts[i]
		}
	}
	return nil
}

// showRecords lists the records of the participant picked, and empties
// the record form.
func (s *ServiceTab) showRecords() {
	s.records.Objects = nil
	p := s.participant()
	if p == nil {
		s.recPart.Hide()
		s.recs = nil
		s.recLoaded = s.recState()
		return
	}
	s.recPart.Show()
	s.partHead.SetText(i18n.T("service.records_of", "Name", p.Name))
	for i, b := range s.recBtns { // the participant whose records these are stands out
		if s.parts[i].HolderID == p.HolderID {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
	recs, err := s.svc.Projects.ServiceRecords(s.svc.ctx(), data.ServiceFilter{ProjectID: s.project.ID, HolderID: p.HolderID})
	if err != nil {
		status(s.recMsg, err, "")
	}
	s.recs = recs
	for i := range recs {
		r := recs[i]
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { s.editRecord(&r) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.deleteRecord(r) })
		s.records.Add(rowLine(i18n.T("service.record_row", "Date", r.Date.String(), "Hours", i18n.HoursText(r.Hours), "Content", r.Content), edit, del))
	}
	if len(recs) == 0 {
		s.records.Add(emptyLine(i18n.T("service.no_records")))
	}
	s.records.Refresh()
	s.editRecord(nil)
}

func (s *ServiceTab) recState() string {
	return formState(s.recDate.entry.Text, s.recText.entry.Text, s.recHours.entry.Text)
}

// editRecord fills the record form with r (nil: an empty one for a new
// record).
func (s *ServiceTab) editRecord(r *data.ServiceRecord) {
	s.recMsg.SetText("")
	if r == nil {
		s.recEditID, s.recEditAt = 0, data.Stamp{}
		s.recDate.set("")
		s.recText.set("")
		s.recHours.set("")
		s.recSave.SetText(i18n.T("service.record_save"))
	} else {
		s.recEditID, s.recEditAt = r.ID, r.Stamp
		s.recDate.set(r.Date.String())
		s.recText.set(r.Content)
		s.recHours.set(i18n.HoursText(r.Hours))
		s.recSave.SetText(i18n.T("service.record_update"))
	}
	s.recLoaded = s.recState()
}

func (s *ServiceTab) onSaveRecord() { s.saveRecord() }

// saveRecord saves the record typed; the 24 hours a day across projects
// are the store's to check, and its refusal shows at the hours.
func (s *ServiceTab) saveRecord() bool {
	fields := []*field{s.recDate, s.recText, s.recHours}
	if s.project == nil || s.holderID == 0 {
		return false
	}
	if err := firstError(fields...); err != nil {
		saveFailed(s.recMsg, err, fields...)
		return false
	}
	h, _ := data.ParseServiceHours(s.recHours.entry.Text)
	r := &data.ServiceRecord{ID: s.recEditID, ProjectID: s.project.ID, HolderID: s.holderID, Date: dateOf(s.recDate), Content: s.recText.entry.Text, Hours: h,
		Stamp: s.recEditAt}
	err := createOrUpdate(s.svc.ctx(), r.ID, r, s.svc.Projects.CreateServiceRecord, s.svc.Projects.UpdateServiceRecord)
	if err != nil {
		saveFailed(s.recMsg, err, fields...)
		offerReload(s.win, err, func() {
			s.showParticipants()
			if now, err := s.svc.Projects.ServiceRecord(s.svc.ctx(), r.ID); err != nil {
				status(s.recMsg, err, "")
			} else {
				s.editRecord(now)
			}
		})
		return false
	}
	s.showParticipants()
	status(s.recMsg, nil, i18n.T("service.record_saved"))
	return true
}

func (s *ServiceTab) deleteRecord(r data.ServiceRecord) {
	confirm(s.win, i18n.T("service.record_delete_title"), i18n.T("service.record_delete_confirm", "Date", r.Date.String(), "Hours", i18n.HoursText(r.Hours)), i18n.T("dossier.delete_entry"), func() {
		if err := s.svc.Projects.DeleteServiceRecord(s.svc.ctx(), r.ID); err != nil {
			status(s.recMsg, err, "")
			return
		}
		s.showParticipants()
		status(s.recMsg, nil, i18n.T("service.record_deleted"))
	})
}
