package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// walkShown calls fn for every label shown under o (hidden ones and what
// is under them are skipped).
func walkShown(o fyne.CanvasObject, fn func(*widget.Label)) {
	if !o.Visible() {
		return
	}
	switch x := o.(type) {
	case *widget.Label:
		fn(x)
		return
	case *fyne.Container:
		for _, c := range x.Objects {
			walkShown(c, fn)
		}
		return
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			walkShown(c, fn)
		}
	}
}

// A form nobody has typed in shows no error: every tab, on a holder with
// a certificate picked, in both languages. The CE tab's new record said
// "enter 0.1 to 1000 hours" under its empty hours before anything was
// typed.
func TestNoErrorBeforeTyping(t *testing.T) {
	for _, lang := range []string{i18n.Chinese, i18n.English} {
		f := newFixture(t, lang)
		h := f.addHolder("张伟", validID)
		c := f.certOf(h, data.NewDate(2026, 5, 20)) // its first registration open: no status in red
		m := NewMain(f.app, f.win, f.svc, "test", "en-US")
		m.Install()
		m.Sel.Set(h, c.ID)
		for _, tab := range m.Tabs.Items {
			m.Tabs.Select(tab)
			walkShown(tab.Content, func(l *widget.Label) {
				if l.Importance == widget.DangerImportance && l.Text != "" {
					t.Errorf("%s, tab %q, untouched: %q", lang, tab.Text, l.Text)
				}
			})
		}
	}
}

// The Verify tab lists an unnamed own key in the window's language (it
// said "未署名导出者（密钥 …）" in the English window: the documents'
// Chinese wording), and cuts a long line with "…".
func TestUnnamedKeyInTheWindowsLanguage(t *testing.T) {
	for lang, want := range map[string]string{i18n.English: "Unnamed exporter (key ", i18n.Chinese: "未署名导出者（密钥 "} {
		f := newFixture(t, lang)
		s := NewVerify(f.svc, f.win)
		f.win.SetContent(s.Content())
		row := s.newKeyRow()
		s.updateKeyRow(0, row)
		name := row.(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*widget.Label)
		if !strings.HasPrefix(name.Text, want) || name.Truncation != fyne.TextTruncateEllipsis {
			t.Errorf("%s: the own key is listed as %q", lang, name.Text)
		}
	}
}

// walkLists calls fn for every list under o, hidden ones included.
func walkLists(o fyne.CanvasObject, fn func(*widget.List)) {
	switch x := o.(type) {
	case *widget.List:
		fn(x)
		return
	case *pickList:
		fn(&x.List)
		return
	case *fyne.Container:
		for _, c := range x.Objects {
			walkLists(c, fn)
		}
		return
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			walkLists(c, fn)
		}
	}
}

// walkLabels calls fn for every label under o.
func walkLabels(o fyne.CanvasObject, fn func(*widget.Label)) {
	switch x := o.(type) {
	case *widget.Label:
		fn(x)
	case *fyne.Container:
		for _, c := range x.Objects {
			walkLabels(c, fn)
		}
	}
}

// No list row cuts its text mid-letter at the pane's edge: each label of
// every list on every tab ends with "…" or wraps (the certificates of a
// holder were cut at "· Vali").
func TestListRowsNeverCutMidLetter(t *testing.T) {
	f := newFixture(t, i18n.English)
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	lists := 0
	for _, tab := range m.Tabs.Items {
		walkLists(tab.Content, func(l *widget.List) {
			lists++
			walkLabels(l.CreateItem(), func(lb *widget.Label) {
				if lb.Truncation == fyne.TextTruncateOff && lb.Wrapping == fyne.TextWrapOff {
					t.Errorf("tab %q: a list's label %q is cut at the edge", tab.Text, lb.Text)
				}
			})
		})
	}
	if lists < 8 {
		t.Fatalf("only %d lists found", lists)
	}
}
