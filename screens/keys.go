package screens

import (
	"image/color"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/i18n"
)

// The window's keys. Ctrl+S, Ctrl+N and Ctrl+F are menu shortcuts: Fyne
// looks at the main menu before the focused widget, so they work while
// the cursor is in an entry (a shortcut of the canvas reaches only a window
// with nothing focused; an entry swallows it). Enter in an entry submits
// its form (submitOnEnter); Esc and Enter answer a message box
// (dialogKey); the arrow keys pick rows (pickList, searchEntry).

var (
	shortcutSave   = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNew    = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSearch = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
)

// submitOnEnter makes Enter in any of fields do what the form's Save does.
func submitOnEnter(submit func(), fields ...*field) {
	for _, f := range fields {
		f.entry.OnSubmitted = func(string) { submit() }
	}
}

// dialogKey answers the message box on top with the keyboard: Esc closes
// it (the button that cancels or closes, or its only button), Enter
// presses its only button (unless that cancels work under way). A question
// with a choice (delete? save?) is never answered yes by Enter. It says
// whether the key was used.
func dialogKey(top fyne.CanvasObject, key fyne.KeyName) bool {
	pop := popUpOf(top)
	if pop == nil {
		return false
	}
	var buttons []*widget.Button
	collectButtons(pop.Content, &buttons)
	press := func(b *widget.Button) bool {
		if b == nil || b.OnTapped == nil {
			return false
		}
		b.OnTapped()
		return true
	}
	switch key {
	case fyne.KeyEscape:
		if len(buttons) == 1 {
			return press(buttons[0])
		}
		for _, b := range buttons {
			switch b.Text {
			case i18n.T("cancel"), i18n.T("batch.cancel"), i18n.T("close"), i18n.T("unsaved.keep"):
				return press(b)
			}
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		// The only button of a progress dialog is Cancel: Enter, which
		// may be left over from starting the work, never stops it.
		if len(buttons) == 1 && buttons[0].Text != i18n.T("cancel") && buttons[0].Text != i18n.T("batch.cancel") {
			return press(buttons[0])
		}
	}
	return false
}

// popUpOf is the dialog's pop-up in an overlay of the canvas. Fyne wraps
// it in an overlay container of an internal package, whose exported field
// Content holds it; reflection reads the field (nil when the layout is
// another: the keys then do nothing, they never panic).
func popUpOf(o fyne.CanvasObject) *widget.PopUp {
	for i := 0; i < 3 && o != nil; i++ {
		if p, ok := o.(*widget.PopUp); ok {
			return p
		}
		v := reflect.ValueOf(o)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return nil
		}
		f := v.Elem().FieldByName("Content")
		if !f.IsValid() || !f.CanInterface() {
			return nil
		}
		o, _ = f.Interface().(fyne.CanvasObject)
	}
	return nil
}

// collectButtons gathers the buttons a person could press in o, through
// containers (a dialog's own buttons and the ones in its content).
func collectButtons(o fyne.CanvasObject, out *[]*widget.Button) {
	if o == nil || !o.Visible() {
		return
	}
	switch x := o.(type) {
	case *widget.Button:
		if !x.Disabled() {
			*out = append(*out, x)
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			collectButtons(c, out)
		}
	}
}

// pickList is a list whose rows the arrow keys pick: Fyne's list only
// moves a highlight with them, and picks on Space. Enter picks the row
// highlighted, as Space does.
type pickList struct {
	widget.List
	// moveOnly leaves the arrow keys moving the highlight (a row that
	// opens another tab, on the dashboard, is opened by Enter or Space).
	moveOnly bool
}

func newPickList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *pickList {
	l := &pickList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey picks the row the arrow moved to, or the one highlighted on
// Enter.
func (l *pickList) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		return
	}
	if l.moveOnly || ev.Name != fyne.KeyUp && ev.Name != fyne.KeyDown {
		l.List.TypedKey(ev)
		return
	}
	moved := -1
	was := l.OnHighlighted
	l.OnHighlighted = func(id widget.ListItemID) { moved = id }
	l.List.TypedKey(ev)
	l.OnHighlighted = was
	if moved >= 0 {
		l.Select(moved)
	}
}

// searchEntry is a search box from which the down arrow goes to the rows
// found (onDown).
type searchEntry struct {
	widget.Entry
	onDown func()
}

func newSearchEntry() *searchEntry {
	e := &searchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey hands the down arrow to onDown.
func (e *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyDown && e.onDown != nil {
		e.onDown()
		return
	}
	e.Entry.TypedKey(ev)
}

// wheelPass lies over an entry of a form and hands the mouse wheel to the
// form's scroll. Fyne gives a wheel event to the innermost scrollable
// under the pointer, and a one-line entry holds a scroller of its own, so
// the form would stop scrolling wherever the pointer met an entry; taps,
// typing and the text cursor still go to the entry (wheelPass takes
// nothing but the wheel).
type wheelPass struct {
	widget.BaseWidget
	target *container.Scroll // nil: not in a scrolling form, the wheel does nothing
	// list, when set, is a list under the pointer: it scrolls first, and
	// the form once the list has nothing more to scroll that way (or is
	// short, or empty: it would take the wheel for nothing).
	list *widget.List
}

func newWheelPass() *wheelPass {
	w := &wheelPass{}
	w.ExtendBaseWidget(w)
	return w
}

// CreateRenderer draws nothing.
func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// newListWheel lies over list, in a form (wheelPass).
func newListWheel(list *widget.List) *wheelPass {
	w := newWheelPass()
	w.list = list
	return w
}

// overList is a pickList with a newListWheel over it (under: what goes
// beneath, a spacer giving it a height).
func overList(list *pickList, under ...fyne.CanvasObject) *fyne.Container {
	return container.NewStack(append(under, list, newListWheel(&list.List))...)
}

// Scrolled scrolls the list under the pointer, if any, else the form.
func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if w.list != nil {
		before := w.list.GetScrollOffset()
		w.list.ScrollToOffset(before - ev.Scrolled.DY)
		if w.list.GetScrollOffset() != before {
			return
		}
	}
	if w.target != nil {
		w.target.Scrolled(ev)
	}
}

// passWheelTo points every wheelPass in o (through containers) at scroll.
func passWheelTo(scroll *container.Scroll, o fyne.CanvasObject) {
	switch x := o.(type) {
	case *wheelPass:
		x.target = scroll
	case *fyne.Container:
		for _, c := range x.Objects {
			passWheelTo(scroll, c)
		}
	}
}
