package screens

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// Annotations is the Annotation tab (加注): pick a holder and one of their
// certificates, check its data, see its annotations with their states,
// apply for a new one, mark one completed or withdraw it, and export the
// sealed PDF when, and only when, the certificate may be downloaded.
type Annotations struct {
	svc Services
	win fyne.Window

	picker *certPicker
	cert   *data.Certificate
	anns   []data.Annotation

	summary *widget.Label
	history *widget.List
	empty   *widget.Label

	scene    *widget.Select
	days     *field
	preview  *widget.Label
	quota    *widget.Label
	applyBtn *widget.Button
	applying bool // an application is being confirmed or saved: taps are ignored
	applyMsg *widget.Label

	exportBtn *widget.Button
	exportMsg *widget.Label

	detail  *fyne.Container
	content fyne.CanvasObject
}

// NewAnnotations builds the tab with a selection of its own.
func NewAnnotations(svc Services, win fyne.Window) *Annotations {
	return newAnnotations(svc, win, NewSelection())
}

// newAnnotations builds the tab on the window's selection.
func newAnnotations(svc Services, win fyne.Window, sel *Selection) *Annotations {
	s := &Annotations{svc: svc, win: win}
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord

	s.empty = widget.NewLabel(i18n.T("ann.none"))
	s.history = widget.NewList(func() int { return len(s.anns) }, s.newHistoryRow, s.updateHistoryRow)

	s.scene = widget.NewSelect(labels("scene.", data.Scenes), func(string) { s.showPreview() })
	s.days = newField("days", "90", func(t string) error {
		_, err := parseDays(t)
		return err
	})
	s.days.entry.SetText(strconv.Itoa(data.MaxAnnotationDays))
	s.days.entry.OnChanged = func(string) {
		s.days.validate()
		s.showPreview()
	}
	s.days.entry.OnSubmitted = func(string) { s.onApply() } // asks first
	advice := widget.NewLabel(i18n.T("ann.days_advice"))
	advice.Importance = widget.LowImportance
	advice.Wrapping = fyne.TextWrapWord
	s.preview = widget.NewLabel("")
	s.preview.Wrapping = fyne.TextWrapWord
	s.scene.SetSelectedIndex(0)
	s.quota = widget.NewLabel("")
	s.quota.Wrapping = fyne.TextWrapWord
	s.applyBtn = widget.NewButtonWithIcon(i18n.T("ann.apply"), theme.ConfirmIcon(), s.onApply)
	s.applyBtn.Importance = widget.HighImportance
	s.applyMsg = widget.NewLabel("")
	s.applyMsg.Wrapping = fyne.TextWrapWord

	s.exportBtn = widget.NewButtonWithIcon(i18n.T("ann.export"), theme.DocumentSaveIcon(), s.onExport)
	s.exportMsg = widget.NewLabel("")
	s.exportMsg.Wrapping = fyne.TextWrapWord

	apply := container.NewVBox(
		widget.NewLabelWithStyle(i18n.T("ann.new"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		formGrid(
			label(i18n.Field("scene")), s.scene,
			label(i18n.Field("days")), container.NewVBox(s.days.object(), advice),
		),
		s.preview, s.quota,
		container.NewHBox(s.applyBtn), s.applyMsg,
	)
	export := container.NewVBox(
		widget.NewLabelWithStyle(i18n.T("ann.export_heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(s.exportBtn), s.exportMsg,
	)
	historyBox := container.NewStack(spacer(190), s.history, newListWheel(s.history))
	s.detail = container.NewVBox(
		s.summary,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(i18n.T("ann.history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.empty, historyBox,
		widget.NewSeparator(), apply,
		widget.NewSeparator(), export,
	)
	// Nothing typed here is lost on another holder: the validity asked
	// for stays as it is, and an application is confirmed when made.
	s.picker = newCertPicker(svc, win, sel, i18n.T("tab.annotation"), s.showCert)
	s.content = s.picker.layout(nil, s.detail)
	s.showCert(nil)
	return s
}

// Content is the tab's canvas object.
func (s *Annotations) Content() fyne.CanvasObject { return s.content }

// Refresh reloads holders and the certificate shown (another tab, or the
// command line beside the window, may have changed them), and shows the
// holder and certificate selected meanwhile.
func (s *Annotations) Refresh() { s.picker.refresh() }

// showCert shows c's data, annotations, the application form and export.
func (s *Annotations) showCert(c *data.Certificate) {
	s.cert = c
	s.applyMsg.SetText("")
	s.exportMsg.SetText("")
	if c == nil {
		s.detail.Hide()
		return
	}
	anns, err := s.svc.Anns.Annotations(s.svc.ctx(), c.ID)
	if err != nil {
		s.summary.SetText(i18n.Message(err))
		return
	}
	s.anns = anns
	s.detail.Show()
	s.summary.SetText(i18n.T("ann.summary",
		"Level", i18n.T("level."+string(c.Level)), "Title", i18n.T("title."+c.Level.Title()),
		"MNo", c.MNo, "Exam", c.ExamYear, "Issued", c.IssuedOn.String(), "Status", i18n.T("status."+string(c.Status)),
		"Issuer", c.Issuer) + "\n" + i18n.T("ann.check_first"))
	s.empty.Hidden = len(anns) > 0
	s.history.Refresh()
	s.showPreview()
	s.showState()
}

// showState enables apply and export by the rules, saying why not.
func (s *Annotations) showState() {
	now := s.svc.Now()
	s.quota.SetText(i18n.QuotaText(data.AnnotationQuotaOn(s.anns, data.DateOf(now))))
	if err := data.CanAnnotate(s.cert, s.anns, now); err != nil {
		s.applyBtn.Disable()
		s.applyMsg.Importance = widget.WarningImportance
		s.applyMsg.SetText(i18n.Message(err))
	} else {
		s.applyBtn.Enable()
	}
	if err := data.CanDownload(s.cert, s.anns, now); err != nil {
		s.exportBtn.Disable()
		s.exportMsg.Importance = widget.WarningImportance
		s.exportMsg.SetText(i18n.Message(err))
	} else {
		s.exportBtn.Enable()
		s.exportMsg.Importance = widget.MediumImportance
		s.exportMsg.SetText(i18n.T("ann.export_ready"))
	}
}

// showPreview says what validity the application would give.
func (s *Annotations) showPreview() {
	days, err := parseDays(s.days.entry.Text)
	if err != nil || s.cert == nil {
		s.preview.SetText("")
		return
	}
	now := s.svc.Now()
	a := data.Annotation{AppliedAt: now, Days: days}
	s.preview.SetText(i18n.T("ann.preview", "From", i18n.Time(a.ValidFrom()), "Until", i18n.Time(a.ValidUntil()), "Days", days))
}

func parseDays(t string) (int, error) {
	n, err := strconv.Atoi(t)
	if err != nil {
		return 0, data.Invalid("days", "err.annotation.days", "Max", data.MaxAnnotationDays)
	}
	return n, data.ValidateAnnotationRequest(data.SceneSelf, n)
}

// onApply asks before applying: an application costs one of the 3 allowed
// in 90 days, so it is confirmed, and one intent records one application
// however often the button is tapped (the button is off from the first tap
// until the dialog is answered).
func (s *Annotations) onApply() {
	if s.cert == nil || s.applying {
		return
	}
	days, err := parseDays(s.days.entry.Text)
	if err != nil {
		s.days.show(err)
		return
	}
	scene := pick("scene.", data.Scenes, s.scene.Selected)
	cert := s.cert
	q := data.AnnotationQuotaOn(s.anns, data.DateOf(s.svc.Now()))
	s.applying = true
	s.applyBtn.Disable()
	done := func() {
		s.applying = false
		s.showCert(s.cert)
	}
	msg := i18n.T("ann.apply_confirm", "MNo", cert.MNo, "Days", days, "Used", q.Used+1, "Max", q.Max)
	confirmOr(s.win, i18n.T("ann.apply_title"), msg, i18n.T("ann.apply"), func() {
		a, err := s.svc.Anns.ApplyAnnotation(s.svc.ctx(), cert.ID, scene, days)
		done()
		if err != nil {
			s.applyMsg.Importance = widget.DangerImportance
			s.applyMsg.SetText(i18n.Message(err))
			return
		}
		s.applyMsg.Importance = widget.SuccessImportance
		s.applyMsg.SetText(i18n.T("ann.applied", "Until", i18n.Time(a.ValidUntil())))
	}, done)
}

// newHistoryRow is an annotation on two lines: its state, then its dates;
// the actions it allows on the right.
func (s *Annotations) newHistoryRow() fyne.CanvasObject {
	state := widget.NewLabel("证书生成中…")
	state.TextStyle.Bold = true
	state.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("2026-11-22 10:00 至 2027-02-20 10:00")
	detail.Truncation = fyne.TextTruncateEllipsis
	complete := widget.NewButton(i18n.T("ann.complete"), nil)
	withdraw := widget.NewButton(i18n.T("ann.withdraw"), nil)
	return container.NewBorder(nil, nil, nil, container.NewHBox(complete, withdraw), container.NewVBox(state, detail))
}

func (s *Annotations) updateHistoryRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.anns) {
		return
	}
	a := s.anns[len(s.anns)-1-i] // newest first
	c := o.(*fyne.Container)
	texts, buttons := c.Objects[0].(*fyne.Container), c.Objects[1].(*fyne.Container)
	state, detail := texts.Objects[0].(*widget.Label), texts.Objects[1].(*widget.Label)
	complete, withdraw := buttons.Objects[0].(*widget.Button), buttons.Objects[1].(*widget.Button)
	now := s.svc.Now()
	st := a.State(now)
	text := i18n.T("annotation.state." + string(st))
	if st == data.AnnValid {
		text = i18n.T("ann.valid_days", "Days", a.DaysLeft(now))
	}
	state.SetText(text)
	state.Importance = map[data.AnnotationState]widget.Importance{
		data.AnnValid: widget.SuccessImportance, data.AnnGenerating: widget.WarningImportance,
		data.AnnExpired: widget.DangerImportance, data.AnnWithdrawn: widget.LowImportance,
	}[st]
	state.Refresh()
	detail.SetText(i18n.T("ann.row", "Applied", i18n.Time(a.AppliedAt), "From", i18n.Time(a.ValidFrom()), "Until", i18n.Time(a.ValidUntil()), "Days", a.Days))
	id := a.ID
	complete.OnTapped = func() { s.askComplete(id) }
	withdraw.OnTapped = func() { s.askWithdraw(id) }
	complete.Hidden = a.CompletedAt != nil || a.WithdrawnAt != nil || st != data.AnnGenerating
	withdraw.Hidden = st == data.AnnExpired || st == data.AnnWithdrawn
	buttons.Refresh()
}

// askComplete asks when the annotation was completed (now by default).
func (s *Annotations) askComplete(id int64) {
	at := widget.NewEntry()
	at.SetText(data.FormatTime(s.svc.Now()))
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	form := container.NewVBox(widget.NewLabel(i18n.T("ann.complete_when")), at, msg)
	var d *dialog.CustomDialog
	ok := widget.NewButton(i18n.T("ann.complete"), func() {
		when, err := data.ParseTime(at.Text)
		if err != nil {
			msg.SetText(i18n.T("err.time.format"))
			return
		}
		if _, err := s.svc.Anns.CompleteAnnotation(s.svc.ctx(), id, when); err != nil {
			msg.SetText(i18n.Message(err))
			return
		}
		d.Hide()
		s.showCert(s.cert)
	})
	ok.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(i18n.T("ann.complete_title"), container.NewVBox(form, container.NewHBox(widget.NewButton(i18n.T("cancel"), func() { d.Hide() }), ok)), s.win)
	d.Resize(fyne.NewSize(420, 220))
	d.Show()
}

func (s *Annotations) askWithdraw(id int64) {
	confirm(s.win, i18n.T("ann.withdraw_title"), i18n.T("ann.withdraw_confirm"), i18n.T("ann.withdraw"), func() {
		if _, err := s.svc.Anns.WithdrawAnnotation(s.svc.ctx(), id); err != nil {
			dialog.ShowError(fmt.Errorf("%s", i18n.Message(err)), s.win)
			return
		}
		s.showCert(s.cert)
	})
}

// onExport asks where to save the sealed PDF, then writes it.
func (s *Annotations) onExport() {
	if s.cert == nil {
		return
	}
	askSave(s.win, s.exportName(), []string{".pdf"}, s.exportTo)
}

// exportName is the PDF's suggested name: the holder and the number.
func (s *Annotations) exportName() string {
	name := ""
	if s.picker.holder != nil {
		name = s.picker.holder.Name
	}
	return data.ExportFileName(".pdf", name, s.cert.MNo, data.FileCertificate)
}

// exportTo writes the sealed PDF at path and says where it went.
func (s *Annotations) exportTo(path string) {
	b, doc, err := s.svc.Docs.ExportCertificate(s.svc.ctx(), s.cert.ID)
	where, err := writeOut(path, b, err)
	if err != nil {
		status(s.exportMsg, err, "")
		return
	}
	status(s.exportMsg, nil, i18n.T("ann.exported", "Path", where, "Until", i18n.Unix(doc.Claims().Expires)))
}
