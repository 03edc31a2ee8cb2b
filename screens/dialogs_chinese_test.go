package screens

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// shownTexts gathers every text a dialog shows: labels, buttons, choices,
// hints, check boxes.
func shownTexts(o fyne.CanvasObject, out *[]string) {
	switch x := o.(type) {
	case *widget.Label:
		*out = append(*out, x.Text)
		return
	case *widget.Button:
		*out = append(*out, x.Text)
	case *widget.Check:
		*out = append(*out, x.Text)
	case *widget.Select:
		*out = append(*out, x.PlaceHolder)
		*out = append(*out, x.Options...)
	case *widget.Entry:
		*out = append(*out, x.PlaceHolder)
		return // what is typed is the person's
	case *widget.RichText:
		*out = append(*out, x.String())
		return
	case *canvas.Text:
		*out = append(*out, x.Text)
		return
	case *fyne.Container:
		for _, c := range x.Objects {
			shownTexts(c, out)
		}
		return
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			shownTexts(c, out)
		}
	}
}

// latinWord is a word of the English UI; values (IDs, dates, paths, key
// IDs, 'PDF') are not words people read as the interface's language.
var latinWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// englishIn lists the texts of the dialog on top that are English: Latin
// words and no Chinese at all.
func englishIn(f *fixture) []string {
	top := f.win.Canvas().Overlays().Top()
	if top == nil {
		f.t.Fatal("no dialog open")
	}
	var texts, bad []string
	shownTexts(top, &texts)
	for _, t := range texts {
		hasHan := strings.IndexFunc(t, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
		if hasHan || !latinWord.MatchString(t) || strings.ContainsAny(t, `/\`) {
			continue
		}
		switch t {
		case "English", "SWCert", "PDF":
			continue // names, the same in either language
		}
		bad = append(bad, t)
	}
	return bad
}

// Found by using it: in the Chinese window a key's row and the question
// naming a trusted key said "kid …". Every dialog the Chinese window opens
// (the demo, Settings, About, deleting a holder, completing an annotation,
// naming a key, a refused withdrawal in Fyne's error box) is Chinese.
func TestChineseDialogsHaveNoEnglish(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	other := newFixture(t, i18n.Chinese)
	i18n.SetLanguage(i18n.Chinese)
	m := NewMain(f.app, f.win, f.svc, "test", "zh-CN")
	m.Install()
	h := f.addHolder("张伟", validID)
	c := f.certOf(h, data.NewDate(2023, 9, 20))
	ann, err := f.db.ApplyAnnotation(context.Background(), c.ID, data.SceneSelf, 90)
	if err != nil {
		t.Fatal(err)
	}
	m.reloadLists()
	m.Certificates.list.list.Select(0)

	path := filepath.Join(t.TempDir(), "other.jwk")
	NewVerify(other.svc, other.win).exportKeyTo(path)
	jwk, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []struct {
		name string
		open func()
	}{
		{"demo", m.ShowDemo},
		{"settings", m.ShowSettings},
		{"about", m.ShowAbout},
		{"delete holder", func() { test.Tap(m.Certificates.holder.delete) }},
		{"complete annotation", func() { m.Annotations.askComplete(ann.ID) }},
		{"trust key", func() { m.Verify.askKeyName(jwk) }},
		{"withdraw refused", func() {
			if _, err := f.db.WithdrawAnnotation(context.Background(), ann.ID); err != nil {
				t.Fatal(err)
			}
			m.Annotations.askWithdraw(ann.ID)
			f.tapDialogButton(i18n.T("ann.withdraw")) // already withdrawn: refused
		}},
	} {
		d.open()
		if bad := englishIn(f); len(bad) > 0 {
			t.Errorf("%s dialog: English %q", d.name, bad)
		}
		for f.win.Canvas().Overlays().Top() != nil {
			f.win.Canvas().Overlays().Remove(f.win.Canvas().Overlays().Top())
		}
	}
	// The key rows of the Verify tab.
	f.win.Resize(fyne.NewSize(1024, 700))
	m.showTab(m.Verify.Content())
	var texts []string
	shownTexts(m.Verify.Content(), &texts)
	for _, s := range texts {
		if strings.HasPrefix(s, "kid ") {
			t.Errorf("key row: %q", s)
		}
	}
}
