package screens

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// showFileDialog shows one of Fyne's file or folder dialogs with its
// places (Home, Computer, Documents, ...) in the language chosen: Fyne
// v2.8.1 translates the dialog's title and buttons but shows the places'
// English names as they are. The places' list is found in the dialog and
// its rows are given the words of assets/fyne ("place.Home"); a Fyne whose
// dialog is built otherwise just keeps its own names.
func showFileDialog(d interface{ Show() }, win fyne.Window) {
	d.Show()
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	first := true // the places come first (the files, on the right, may be named "Music")
	eachList(top, func(l *widget.List) {
		update := l.UpdateItem
		if !first || update == nil {
			return
		}
		first = false
		l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			if c, ok := item.(*fyne.Container); ok && len(c.Objects) == 2 {
				if name, ok := c.Objects[1].(*widget.Label); ok {
					if t := lang.X("place."+name.Text, name.Text); t != name.Text {
						name.SetText(t)
					}
				}
			}
		}
		l.Refresh()
	})
}

// eachList calls f with every list under o: through containers and the
// exported parts of Fyne's widgets (a pop-up's or an overlay's Content, a
// split's Leading and Trailing), which is how a dialog is made.
func eachList(o fyne.CanvasObject, f func(*widget.List)) {
	switch x := o.(type) {
	case nil:
		return
	case *widget.List:
		f(x)
		return
	case *fyne.Container:
		for _, c := range x.Objects {
			eachList(c, f)
		}
		return
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return
	}
	for _, name := range []string{"Content", "Leading", "Trailing"} {
		if fv := v.Elem().FieldByName(name); fv.IsValid() && fv.CanInterface() {
			if c, ok := fv.Interface().(fyne.CanvasObject); ok && c != nil {
				eachList(c, f)
			}
		}
	}
}
