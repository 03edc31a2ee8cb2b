package screens

import (
	"context"
	"errors"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// field is an entry of a form with its rule: every keystroke runs the rule
// from data/ and puts its message, in the user's language, right under the
// entry (Fyne's Form only shows it after focus leaves, which is too late).
type field struct {
	name  string // the data-model field ("id_number"), to match store errors
	entry *widget.Entry
	msg   *widget.Label
	check func(text string) error // a rule of data/; nil accepts anything
	// cleared runs when the field's message goes: the form's "correct the
	// marked fields" under its button goes with the last marked field.
	cleared func()
}

func newField(name, placeholder string, check func(string) error) *field {
	f := &field{name: name, entry: widget.NewEntry(), msg: widget.NewLabel(""), check: check}
	f.entry.SetPlaceHolder(placeholder)
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.Hide()
	f.entry.OnChanged = func(string) { f.validate() }
	return f
}

// validate runs the rule on the text and shows its message (or clears it).
func (f *field) validate() error {
	var err error
	if f.check != nil && !f.entry.Disabled() {
		err = f.check(f.entry.Text)
	}
	f.show(err)
	return err
}

// show puts err's message under the entry; nil clears it.
func (f *field) show(err error) {
	if err == nil {
		f.msg.SetText("")
		f.msg.Hide()
		f.entry.SetValidationError(nil)
		if f.cleared != nil {
			f.cleared()
		}
		return
	}
	m := i18n.Message(err)
	f.msg.SetText(m)
	f.msg.Show()
	f.entry.SetValidationError(errors.New(m))
}

// set replaces the text without leaving a stale message behind.
func (f *field) set(text string) {
	f.entry.SetText(text)
	f.show(nil)
}

// Message is the text currently shown under the entry ("" when none).
func (f *field) Message() string { return f.msg.Text }

// object is the entry with its message under it. The mouse wheel over the
// entry scrolls the form it is in (newWheelPass): Fyne's entry would take
// the wheel for its own one-line text.
func (f *field) object(extra ...fyne.CanvasObject) fyne.CanvasObject {
	row := fyne.CanvasObject(container.NewStack(f.entry, newWheelPass()))
	if len(extra) > 0 {
		row = container.NewBorder(nil, nil, nil, container.NewHBox(extra...), row)
	}
	return container.NewVBox(row, f.msg)
}

// textRule bounds an optional free-text field.
func textRule(name string) func(string) error {
	return func(t string) error { return data.ValidateText(name, t) }
}

// requiredTextRule requires a free-text field and bounds it.
func requiredTextRule(name string) func(string) error {
	return func(t string) error { return data.ValidateRequiredText(name, t) }
}

// dayRule reads a typed date; required, it must be there, and it must be
// inside the field's range (data.DayRange), as the save will say.
func dayRule(name string, required bool, svc Services) func(string) error {
	return func(t string) error {
		d, err := data.ParseDate(t)
		if err != nil {
			return data.Invalid(name, "err.date.format")
		}
		return data.ValidateDay(name, d, required, svc.today())
	}
}

// formGrid lays label/object pairs out as a two-column form.
func formGrid(pairs ...fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewFormLayout(), pairs...)
}

// label is a right-aligned form label.
func label(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Alignment = fyne.TextAlignTrailing
	return l
}

// firstError validates fields in order and returns the first failure,
// showing every field's message on the way.
func firstError(fields ...*field) error {
	var first error
	for _, f := range fields {
		if err := f.validate(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// showStoreError puts an error from the store beside the field it names,
// and returns whether one of fields took it.
func showStoreError(err error, fields ...*field) bool {
	de := data.AsError(err)
	if de == nil {
		return false
	}
	for _, f := range fields {
		if f.name == de.Field {
			f.show(err)
			return true
		}
	}
	return false
}

// saveFailed says why a save did not happen: beside the field the error
// names, when it is one of fields, with a pointer to it under the button
// (the field may be scrolled out of sight); otherwise in full under the
// button.
func saveFailed(msg *widget.Label, err error, fields ...*field) {
	if showStoreError(err, fields...) {
		msg.Importance = widget.DangerImportance
		msg.SetText(i18n.T("fix_fields"))
		clearWhenFixed(msg, fields)
		return
	}
	status(msg, err, "")
}

// clearWhenFixed takes the form's "correct the marked fields" away once no
// field of it is marked any more: a pointer to nothing would send the
// person looking for a mistake they have already fixed.
func clearWhenFixed(msg *widget.Label, fields []*field) {
	fixFields := msg.Text
	clear := func() {
		if msg.Text != fixFields {
			return // a later save said something else
		}
		for _, f := range fields {
			if f.msg.Text != "" {
				return
			}
		}
		msg.SetText("")
	}
	for _, f := range fields {
		f.cleared = clear
	}
}

// createOrUpdate saves a record a form has built: a new one (id 0) is
// created, one being edited is updated.
func createOrUpdate[T any](ctx context.Context, id int64, r *T, create, update func(context.Context, *T) error) error {
	if id == 0 {
		return create(ctx, r)
	}
	return update(ctx, r)
}

// listDetailBar is the layout of the tabs that list holders on the left
// and show, scrolling on the right, what belongs to the one picked, with a
// bar under the scrolling part (nil: none) holding the tab's Save buttons
// and what a save said, so they are at hand however long the form, in a
// window of 1024×700 too.
func listDetailBar(list, bar fyne.CanvasObject, detail ...fyne.CanvasObject) fyne.CanvasObject {
	// The form keeps clear of the scroll bar, which Fyne draws over the
	// content's right edge (the fields' ends and the CE figures lay under it).
	inset := layout.NewCustomPaddedLayout(0, 0, 0, theme.Size(theme.SizeNameScrollBar))
	scroll := container.NewVScroll(container.New(inset, container.NewVBox(detail...)))
	passWheelTo(scroll, scroll.Content)
	right := fyne.CanvasObject(scroll)
	if bar != nil {
		right = container.NewBorder(nil, bar, nil, nil, scroll)
	}
	split := container.NewHSplit(list, right)
	split.Offset = 0.34
	return split
}

// buttonBar is the bar of listDetailBar: the buttons, then the message of
// the last save beside them.
func buttonBar(msg *widget.Label, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, container.NewHBox(buttons...), nil, msg))
}

// spacer gives a list inside a scroll a height of its own (a list has
// none of its own there).
func spacer(height float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(0, height))
	return r
}

// offerReload asks, when a save was refused because someone changed the
// record since the form showed it, whether to show it as it is now: the
// person's typing stays in the form until they say so (to copy from it).
func offerReload(win fyne.Window, err error, reload func()) {
	if e := data.AsError(err); e == nil || e.Key != "err.changed_meanwhile" {
		return
	}
	confirmOr(win, i18n.T("changed.title"), i18n.Message(err), i18n.T("changed.reload"), reload, func() {})
}
