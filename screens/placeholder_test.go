package screens

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/i18n"
)

// looksLikeData is a greyed text a person could take for a saved value: a
// date, a year, a phone or a postcode (four digits or more in a row).
var looksLikeData = regexp.MustCompile(`[0-9]{4,}`)

// A placeholder says what to type ("11 位手机号", "YYYY-MM-DD"); an example
// value (a greyed 13800138000 for a holder with no phone, 2026-01-01 in an
// empty date) reads as data. Only a hint marked as an example may show one.
func TestNoPlaceholderLooksLikeAValue(t *testing.T) {
	for _, lang := range []string{i18n.Chinese, i18n.English} {
		f := newFixture(t, lang)
		m := NewMain(f.app, f.win, f.svc, "test", "en-US")
		seen := 0
		for _, tab := range m.Tabs.Items {
			walkEntries(tab.Content, func(e *widget.Entry) {
				seen++
				p := e.PlaceHolder
				if strings.HasPrefix(p, "例如") || strings.HasPrefix(p, "e.g.") {
					return
				}
				if looksLikeData.MatchString(p) {
					t.Errorf("%s, tab %q: placeholder %q looks like a saved value", lang, tab.Text, p)
				}
			})
		}
		if seen < 20 {
			t.Fatalf("%s: only %d entries found: the walk misses the forms", lang, seen)
		}
	}
	want := map[string]string{i18n.Chinese: "11 位手机号", i18n.English: "11-digit mobile number"}
	for lang, w := range want {
		f := newFixture(t, lang)
		c := f.certificates()
		if got := c.holder.phone.entry.PlaceHolder; got != w {
			t.Errorf("%s: the phone of a holder with none shows %q, want %q", lang, got, w)
		}
	}
}

// walkEntries calls fn for every entry under o, hidden ones included.
func walkEntries(o fyne.CanvasObject, fn func(*widget.Entry)) {
	switch x := o.(type) {
	case *widget.Entry:
		fn(x)
		return
	case *fyne.Container:
		for _, c := range x.Objects {
			walkEntries(c, fn)
		}
		return
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			walkEntries(c, fn)
		}
	}
}
