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

// holderForm creates and edits one holder. For a saved holder the ID and
// phone numbers are shown masked and read-only until the user reveals them.
type holderForm struct {
	svc       Services
	win       fyne.Window
	onSaved   func(*data.Holder)
	onDeleted func()

	h      *data.Holder // nil while creating a new one
	loaded string       // the form as edit filled it (state), to tell edits

	heading *widget.Label
	badge   *widget.Label
	name    *field
	idType  *widget.Select
	idNo    *field
	phone   *field
	org     *field
	region  *field
	office  *field // shown on a shared database only (Services.Offices)

	revealID    *widget.Button
	revealPhone *widget.Button
	idShown     bool
	phoneShown  bool

	save    *widget.Button
	delete  *widget.Button
	history *widget.Button // the holder's entries of the audit log
	status  *widget.Label

	content fyne.CanvasObject
}

func newHolderForm(svc Services, win fyne.Window, onSaved func(*data.Holder), onDeleted func()) *holderForm {
	f := &holderForm{svc: svc, win: win, onSaved: onSaved, onDeleted: onDeleted}
	f.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.badge = widget.NewLabel(i18n.T("holder.demo_badge"))
	f.badge.Importance = widget.WarningImportance
	f.badge.Hide()

	f.name = newField("name", "", func(s string) error { return data.ValidateName("name", s) })
	f.idType = widget.NewSelect(labels("id_type.", data.IDTypes), func(string) { f.idNo.validate() })
	f.idNo = newField("id_number", "", func(s string) error {
		return data.ValidateIDNumber(f.selectedIDType(), data.NormalizeIDNumber(s), svc.today())
	})
	f.phone = newField("phone", i18n.T("phone.placeholder"), func(s string) error {
		return data.ValidateMobile("phone", data.NormalizePhone(s))
	})
	f.org = newField("org", "", textRule("org"))
	f.region = newField("region", "", textRule("region"))
	f.office = newField("office", i18n.T("holder.office_hint"), func(s string) error {
		h := data.Holder{Office: s}
		h.Normalize()
		return data.ValidateOffice(h.Office)
	})

	f.revealID = widget.NewButtonWithIcon(i18n.T("reveal.show"), theme.VisibilityIcon(), func() { f.setIDShown(!f.idShown) })
	f.revealPhone = widget.NewButtonWithIcon(i18n.T("reveal.show"), theme.VisibilityIcon(), func() { f.setPhoneShown(!f.phoneShown) })

	f.save = widget.NewButtonWithIcon(i18n.T("holder.save"), theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	f.delete = widget.NewButtonWithIcon(i18n.T("holder.delete"), theme.DeleteIcon(), f.onDelete)
	f.delete.Importance = widget.DangerImportance
	f.history = widget.NewButtonWithIcon(i18n.T("audit.history"), theme.HistoryIcon(), func() {
		if f.h != nil {
			showHistory(svc, win, f.h)
		}
	})
	if svc.Audit == nil {
		f.history.Hide()
	}
	f.status = widget.NewLabel("")
	f.status.Wrapping = fyne.TextWrapWord

	submitOnEnter(f.onSave, f.name, f.idNo, f.phone, f.org, f.region, f.office)
	rows := []fyne.CanvasObject{
		label(i18n.Field("name")), f.name.object(),
		label(i18n.Field("id_type")), f.idType,
		label(i18n.Field("id_number")), f.idNo.object(f.revealID),
		label(i18n.Field("phone")), f.phone.object(f.revealPhone),
		label(i18n.Field("org")), f.org.object(),
		label(i18n.Field("region")), f.region.object(),
	}
	if svc.Offices { // a shared database: the office whose staff see the holder
		rows = append(rows, label(i18n.Field("office")), f.office.object())
	}
	grid := formGrid(rows...)
	f.content = container.NewVBox(
		container.NewHBox(f.heading, f.badge),
		grid,
		container.NewHBox(f.save, f.delete, f.history),
		f.status,
	)
	return f
}

// labels translates the codes of a choice list under a key prefix.
func labels[T ~string](prefix string, codes []T) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = i18n.T(prefix + string(c))
	}
	return out
}

// pick returns the code whose translated label is shown, or "".
func pick[T ~string](prefix string, codes []T, shown string) T {
	for _, c := range codes {
		if i18n.T(prefix+string(c)) == shown {
			return c
		}
	}
	return ""
}

func (f *holderForm) selectedIDType() data.IDType {
	return pick("id_type.", data.IDTypes, f.idType.Selected)
}

// edit shows h in the form, or an empty form for a new holder when h is nil.
func (f *holderForm) edit(h *data.Holder) {
	f.h = h
	f.status.SetText("")
	if h == nil {
		h = &data.Holder{IDType: data.IDResident}
		f.heading.SetText(i18n.T("holder.heading_new"))
		f.delete.Disable()
		f.history.Disable()
	} else {
		f.heading.SetText(i18n.T("holder.heading") + " · " + h.Name)
		f.delete.Enable()
		f.history.Enable()
	}
	if h.Demo {
		f.badge.Show()
	} else {
		f.badge.Hide()
	}
	f.name.set(h.Name)
	f.idType.SetSelected(i18n.T("id_type." + string(h.IDType)))
	f.org.set(h.Org)
	f.region.set(h.Region)
	f.office.set(h.Office)
	// A new holder's numbers are typed in the clear; a saved one's are masked.
	saved := f.h != nil
	f.setIDShown(!saved)
	f.setPhoneShown(!saved)
	f.revealID.Hidden = !saved
	f.revealPhone.Hidden = !saved
	f.loaded = f.state()
}

// state is the holder the form shows (masked numbers count as the saved
// ones: revealing them is no edit).
func (f *holderForm) state() string {
	h := f.holder()
	return formState(h.Name, string(h.IDType), h.IDNumber, h.Phone, h.Org, h.Region, h.Office)
}

// unsaved says whether the form holds edits not saved yet.
func (f *holderForm) unsaved() bool { return f.state() != f.loaded }

// setIDShown shows the full ID number (editable) or the masked one (read-only).
func (f *holderForm) setIDShown(shown bool) {
	f.idShown = shown
	full := ""
	if f.h != nil {
		full = f.h.IDNumber
	}
	showSecret(f.idNo, f.revealID, shown, full, data.MaskIDNumber(full))
}

func (f *holderForm) setPhoneShown(shown bool) {
	f.phoneShown = shown
	full := ""
	if f.h != nil {
		full = f.h.Phone
	}
	showSecret(f.phone, f.revealPhone, shown, full, data.MaskPhone(full))
}

func showSecret(fl *field, btn *widget.Button, shown bool, full, masked string) {
	if shown {
		fl.entry.Enable()
		fl.set(full)
		btn.SetText(i18n.T("reveal.hide"))
		btn.SetIcon(theme.VisibilityOffIcon())
		return
	}
	fl.set(masked)
	fl.entry.Disable()
	btn.SetText(i18n.T("reveal.show"))
	btn.SetIcon(theme.VisibilityIcon())
}

// holder is the holder as the form shows it; numbers still masked keep
// their saved values.
func (f *holderForm) holder() *data.Holder {
	h := &data.Holder{}
	if f.h != nil {
		*h = *f.h
	}
	h.Name = f.name.entry.Text
	h.IDType = f.selectedIDType()
	if f.idShown {
		h.IDNumber = f.idNo.entry.Text
	}
	if f.phoneShown {
		h.Phone = f.phone.entry.Text
	}
	h.Org = f.org.entry.Text
	h.Region = f.region.entry.Text
	if f.svc.Offices {
		h.Office = f.office.entry.Text
	}
	return h
}

func (f *holderForm) onSave() { f.saveForm() }

// saveForm saves the holder, and says whether it was saved.
func (f *holderForm) saveForm() bool {
	if err := firstError(f.name, f.idNo, f.phone, f.org, f.region, f.office); err != nil {
		saveFailed(f.status, err, f.name, f.idNo, f.phone, f.org, f.region, f.office)
		return false
	}
	h := f.holder()
	if err := createOrUpdate(f.svc.ctx(), h.ID, h, f.svc.Holders.CreateHolder, f.svc.Holders.UpdateHolder); err != nil {
		saveFailed(f.status, err, f.name, f.idNo, f.phone, f.org, f.region, f.office)
		offerReload(f.win, err, func() {
			if now, err := f.svc.Holders.Holder(f.svc.ctx(), h.ID); err != nil {
				status(f.status, err, "")
			} else {
				f.edit(now)
				f.onSaved(now) // the list shows it as it is now
			}
		})
		return false
	}
	created := f.h == nil
	f.edit(h)
	if created {
		status(f.status, nil, i18n.T("holder.created", "Name", h.Name))
	} else {
		status(f.status, nil, i18n.T("holder.saved", "Name", h.Name))
	}
	f.onSaved(h)
	return true
}

func (f *holderForm) onDelete() {
	if f.h == nil {
		return
	}
	h := f.h
	msg, err := holderDeleteConfirm(f.svc, h)
	if err != nil {
		status(f.status, err, "") // the question would count nothing
		return
	}
	confirm(f.win, i18n.T("holder.delete_title"), msg, i18n.T("delete"), func() {
		if err := f.svc.Holders.DeleteHolder(f.svc.ctx(), h.ID); err != nil {
			status(f.status, err, "")
			return
		}
		f.onDeleted()
		status(f.status, nil, i18n.T("holder.deleted", "Name", h.Name))
	})
}

// confirm asks before something that cannot be undone.
func confirm(win fyne.Window, title, msg, okText string, ok func()) {
	confirmOr(win, title, msg, okText, ok, func() {})
}

// confirmOr is confirm with what to do when the answer is no. A dialog is
// answered once: a second click on its button does nothing.
func confirmOr(win fyne.Window, title, msg, okText string, ok, no func()) {
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	answered := false
	d := dialog.NewCustomConfirm(title, okText, i18n.T("cancel"), text, func(yes bool) {
		if answered {
			return
		}
		answered = true
		if yes {
			ok()
		} else {
			no()
		}
	}, win)
	d.Resize(fyne.NewSize(440, 200))
	d.Show()
}
