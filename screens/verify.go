package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/data/files"
	"github.com/swcert/swcert/data/seal"
	"github.com/swcert/swcert/i18n"
)

// Verify is the Verify tab: open an exported PDF or a photo or scan of a
// printed page, or paste a seal's text, and see whether the seal is valid,
// by which key, whether it expired, what it states and whether that
// matches this database. Below, the keys: this installation's, to hand to
// others, and those of other installations it trusts.
type Verify struct {
	svc Services
	win fyne.Window

	paste   *widget.Entry
	verdict *widget.Label
	reason  *widget.Label
	checks  *fyne.Container // one row per check (i18n.CheckLines)
	fields  *fyne.Container // what the seal states
	// fieldsRule separates the checks from what the seal states, when it
	// states anything.
	fieldsRule *widget.Separator

	keys    []*data.SealKey
	keyList *widget.List
	keyMsg  *widget.Label

	left    *fyne.Container // the column the result rows are in
	scroll  *container.Scroll
	content fyne.CanvasObject
}

// NewVerify builds the tab.
func NewVerify(svc Services, win fyne.Window) *Verify {
	s := &Verify{svc: svc, win: win}
	open := widget.NewButtonWithIcon(i18n.T("verify.open"), theme.FolderOpenIcon(), s.onOpen)
	open.Importance = widget.HighImportance
	s.paste = widget.NewMultiLineEntry()
	s.paste.SetPlaceHolder(i18n.T("verify.paste"))
	s.paste.Wrapping = fyne.TextWrapBreak
	s.paste.SetMinRowsVisible(3)
	check := widget.NewButtonWithIcon(i18n.T("verify.check"), theme.ConfirmIcon(), func() { s.verify([]byte(s.paste.Text)) })

	s.verdict = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.verdict.SizeName = theme.SizeNameSubHeadingText
	s.reason = widget.NewLabel("")
	s.reason.Wrapping = fyne.TextWrapWord
	s.checks = formGrid()
	s.fields = formGrid()
	s.fieldsRule = widget.NewSeparator()

	s.keyList = widget.NewList(func() int { return len(s.keys) }, s.newKeyRow, s.updateKeyRow)
	s.keyMsg = widget.NewLabel("")
	s.keyMsg.Wrapping = fyne.TextWrapWord
	exportKey := widget.NewButtonWithIcon(i18n.T("keys.export"), theme.DocumentSaveIcon(), s.onExportKey)
	trustKey := widget.NewButtonWithIcon(i18n.T("keys.trust"), theme.ContentAddIcon(), s.onTrustKey)

	s.left = container.NewVBox(
		widget.NewLabelWithStyle(i18n.T("verify.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(open),
		s.paste, container.NewHBox(check),
		widget.NewSeparator(),
		s.verdict, s.reason, s.checks, s.fieldsRule, s.fields,
	)
	keys := container.NewBorder(
		container.NewVBox(
			widget.NewLabelWithStyle(i18n.T("keys.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			wrapped(i18n.T("keys.explain")),
			container.NewHBox(exportKey, trustKey), s.keyMsg,
		), nil, nil, nil, s.keyList)
	s.scroll = container.NewVScroll(s.left)
	split := container.NewHSplit(s.scroll, keys)
	split.Offset = 0.58
	s.content = split
	s.reloadKeys()
	return s
}

// Content is the tab's canvas object.
func (s *Verify) Content() fyne.CanvasObject { return s.content }

// Refresh reloads the keys.
func (s *Verify) Refresh() { s.reloadKeys() }

func (s *Verify) onOpen() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		// Read to the cap and a byte more: Verify refuses what is larger.
		b, err := files.ReadAtMost(r, data.MaxInputBytes)
		if err != nil {
			s.showError(files.ReadError("input", r.URI().Path(), err))
			return
		}
		s.verify(b)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf", ".png", ".jpg", ".jpeg"}))
	showFileDialog(d, s.win)
}

// verify checks the seal in b (a PDF, an image or text) and shows the
// verdict. Reading a photo may take a second; the window stays live.
func (s *Verify) verify(b []byte) {
	s.verdict.Importance = widget.MediumImportance
	s.verdict.SetText(i18n.T("verify.working"))
	s.reason.SetText("")
	s.setRows(nil, nil)
	var v *docs.Verdict
	var err error
	s.svc.background(func() { v, err = s.svc.Docs.Verify(s.svc.ctx(), b) }, func() {
		if err != nil {
			s.showError(err)
			return
		}
		s.show(v)
	})
}

func (s *Verify) showError(err error) {
	s.verdict.Importance = widget.WarningImportance
	s.verdict.SetText(i18n.T("verify.no_seal"))
	s.reason.SetText(i18n.Message(err))
	s.setRows(nil, nil)
}

// setRows replaces the rows of the result. The column they are in is laid
// out again, and the scroll around it: refreshing only the containers whose
// rows changed left them at their old height, so the rows overlapped what
// followed after one check and left a gap after the next, until a resize.
func (s *Verify) setRows(checks, fields []fyne.CanvasObject) {
	s.checks.Objects = checks
	s.fields.Objects = fields
	s.fieldsRule.Hidden = len(fields) == 0
	s.reason.Hidden = s.reason.Text == "" // an empty line would read as a gap
	s.checks.Refresh()
	s.fields.Refresh()
	s.left.Refresh()
	s.scroll.Refresh()
}

// show puts a verdict on screen: a headline, one line per check (the same
// words as the command line's, from i18n), then what the seal states.
func (s *Verify) show(v *docs.Verdict) {
	switch v.Outcome() {
	case docs.OutcomeValid:
		s.verdict.Importance = widget.SuccessImportance
	case docs.OutcomeUnknownKey:
		s.verdict.Importance = widget.WarningImportance
	default:
		s.verdict.Importance = widget.DangerImportance
	}
	s.verdict.SetText(i18n.VerdictHeadline(v))
	s.reason.SetText(i18n.VerdictAdvice(v))
	var checks []fyne.CanvasObject
	for _, l := range i18n.CheckLines(v) {
		val := widget.NewLabel(l.Mark() + "  " + l.Text)
		val.Wrapping = fyne.TextWrapWord
		switch l.State {
		case docs.CheckPassed:
			val.Importance = widget.SuccessImportance
		case docs.CheckFailed:
			val.Importance = widget.DangerImportance
		case docs.CheckUnknown:
			val.Importance = widget.WarningImportance
		}
		checks = append(checks, label(l.Label), val)
	}
	var rows []fyne.CanvasObject
	add := func(name, value string) {
		val := widget.NewLabel(value)
		val.Wrapping = fyne.TextWrapWord
		rows = append(rows, label(name), val)
	}
	if v.Stated() && !v.SignatureOK {
		add("", i18n.T("verify.unchecked"))
	}
	for _, l := range i18n.StatedLines(v) {
		add(l[0], l[1])
	}
	s.setRows(checks, rows)
}

func (s *Verify) reloadKeys() {
	keys, err := s.svc.Keys.Keys(s.svc.ctx())
	if err != nil {
		s.keyMsg.SetText(i18n.Message(err))
		return
	}
	s.keys = keys
	s.keyList.Refresh()
}

func (s *Verify) newKeyRow() fyne.CanvasObject {
	name := widget.NewLabel("阳光社工中心 (trusted)")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis // a narrow pane cuts a line with "…", never mid-letter
	kid := widget.NewLabel("0C14uoZQo3_yTpLEwmh2N0")
	kid.Importance = widget.LowImportance
	kid.Truncation = fyne.TextTruncateEllipsis
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	return container.NewBorder(nil, nil, nil, remove, container.NewVBox(name, kid))
}

func (s *Verify) updateKeyRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.keys) {
		return
	}
	k := s.keys[i]
	c := o.(*fyne.Container)
	texts := c.Objects[0].(*fyne.Container)
	remove := c.Objects[1].(*widget.Button)
	kind := i18n.T("keys.trusted")
	if k.Own {
		kind = i18n.T("keys.own")
	}
	texts.Objects[0].(*widget.Label).SetText(i18n.KeyName(k) + "  ·  " + kind)
	texts.Objects[1].(*widget.Label).SetText(i18n.Field("kid") + " " + k.KID + "  ·  " + i18n.Time(k.CreatedAt))
	remove.Hidden = k.Own
	kid := k.KID
	remove.OnTapped = func() { s.askUntrust(kid) }
	remove.Refresh()
}

func (s *Verify) askUntrust(kid string) {
	confirm(s.win, i18n.T("keys.untrust_title"), i18n.T("keys.untrust_confirm", "KID", kid), i18n.T("keys.untrust"), func() {
		if err := s.svc.Keys.UntrustKey(s.svc.ctx(), kid); err != nil {
			s.keyMsg.SetText(i18n.Message(err))
			return
		}
		s.keyMsg.SetText(i18n.T("cli.key_untrusted", "KID", kid))
		s.reloadKeys()
	})
}

func (s *Verify) onExportKey() {
	askSave(s.win, s.keyFileName(), nil, s.exportKeyTo)
}

// keyFileName is the public key file's suggested name: whose key it is.
func (s *Verify) keyFileName() string {
	name := ""
	if k := ownKey(s.svc); k != nil && k.Named() {
		name = k.Name
	}
	return data.ExportFileName(".jwk", i18n.T("keys.file"), name)
}

// exportKeyTo writes this installation's public key at path.
func (s *Verify) exportKeyTo(path string) {
	b, err := s.svc.Docs.PublicKey(s.svc.ctx())
	where, err := writeOut(path, b, err)
	if err != nil {
		s.keyMsg.SetText(i18n.Message(err))
		return
	}
	k, err := s.svc.Keys.OwnKey(s.svc.ctx())
	if err != nil {
		s.keyMsg.SetText(i18n.Message(err))
		return
	}
	s.keyMsg.SetText(i18n.T("cli.key_exported", "Path", where, "KID", k.KID))
}

// onTrustKey opens a JWK file, asks for a name, and trusts the key.
func (s *Verify) onTrustKey() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		b, err := files.ReadAtMost(r, seal.MaxJWKBytes)
		r.Close()
		if err != nil {
			s.keyMsg.SetText(i18n.Message(files.ReadError("key", r.URI().Path(), err)))
			return
		}
		s.askKeyName(b)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".jwk", ".json"}))
	showFileDialog(d, s.win)
}

// askKeyName asks what to call the installation whose key jwk is.
func (s *Verify) askKeyName(jwk []byte) {
	k, err := s.svc.Docs.ReadKeyFile(jwk)
	if err != nil {
		s.keyMsg.SetText(i18n.Message(err))
		return
	}
	name := widget.NewEntry()
	name.SetPlaceHolder(i18n.T("keys.name_hint"))
	name.SetText(k.Name) // what the other installation calls itself
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	ok := widget.NewButton(i18n.T("keys.trust"), func() {
		n := strings.TrimSpace(name.Text)
		if err := data.ValidateKeyName(n); err != nil {
			msg.SetText(i18n.FieldMessage(err))
			return
		}
		k, err := s.svc.Docs.TrustKeyFile(s.svc.ctx(), jwk, n)
		if err != nil {
			msg.SetText(i18n.FieldMessage(err))
			return
		}
		d.Hide()
		s.keyMsg.SetText(i18n.T("cli.key_trusted", "Name", k.Name, "KID", k.KID))
		s.reloadKeys()
	})
	ok.Importance = widget.HighImportance
	body := container.NewVBox(widget.NewLabel(i18n.T("keys.name_ask")), name,
		widget.NewLabel(i18n.Field("kid")+" "+k.KID), msg,
		container.NewHBox(widget.NewButton(i18n.T("cancel"), func() { d.Hide() }), ok))
	d = dialog.NewCustomWithoutButtons(i18n.T("keys.trust"), body, s.win)
	d.Resize(fyne.NewSize(440, 240))
	d.Show()
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
