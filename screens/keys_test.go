package screens

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/i18n"
)

// pressKey is a key pressed in the window, delivered as Fyne's desktop
// driver delivers it: to the focused widget, else to the canvas.
func pressKey(w fyne.Window, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	c := w.Canvas()
	if focused := c.Focused(); focused != nil {
		focused.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// pressShortcut is a shortcut typed in the window, delivered as Fyne's
// desktop driver (glfw, triggersShortcut) delivers it: to the main menu's
// item with that shortcut, else to the focused widget (an entry keeps it),
// else to the canvas's shortcuts.
func pressShortcut(w fyne.Window, sc fyne.Shortcut) {
	if menu := w.MainMenu(); menu != nil {
		var find func(items []*fyne.MenuItem) bool
		find = func(items []*fyne.MenuItem) bool {
			for _, it := range items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
					it.Action()
					return true
				}
				if it.ChildMenu != nil && find(it.ChildMenu.Items) {
					return true
				}
			}
			return false
		}
		for _, m := range menu.Items {
			if find(m.Items) {
				return
			}
		}
	}
	c := w.Canvas()
	if focused, ok := c.Focused().(fyne.Shortcutable); ok {
		focused.TypedShortcut(sc)
		return
	}
	if s, ok := c.(interface{ TypedShortcut(fyne.Shortcut) }); ok {
		s.TypedShortcut(sc)
	}
}

var ctrl = fyne.KeyModifierShortcutDefault

// Ctrl+S saves the form of the tab in front, with the cursor in one of its
// entries; Enter in an entry submits its form.
func TestCtrlSAndEnterSave(t *testing.T) {
	w := newTwoHolders(t, i18n.English)
	m, f := w.m, w.f
	ctx := context.Background()
	w.show(m.Register.Content())
	m.Register.picker.list.list.Select(w.listA)
	f.win.Canvas().Focus(m.Register.region.entry)
	test.Type(m.Register.region.entry, "北京市")
	pressShortcut(f.win, &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl})
	regs, _ := f.db.Registrations(ctx, w.aNew.ID)
	if len(regs) != 1 || regs[0].Region != "北京市" {
		t.Fatalf("Ctrl+S in the region entry saved %+v (%q)", regs, m.Register.msg.Text)
	}

	// Enter in the CE form's hours.
	w.show(m.CELog.Content())
	typeInto(m.CELog.title.entry, "社区治理培训")
	typeInto(m.CELog.date.entry, "2026-03-01")
	f.win.Canvas().Focus(m.CELog.hours.entry)
	test.Type(m.CELog.hours.entry, "12")
	pressKey(f.win, fyne.KeyReturn)
	recs, _ := f.db.CERecords(ctx, w.a.ID)
	if len(recs) != 1 || recs[0].Title != "社区治理培训" || i18n.HoursText(recs[0].Hours) != "12" {
		t.Fatalf("Enter in hours saved %+v (%q)", recs, m.CELog.msg.Text)
	}

	// On Certificates, Ctrl+S saves the form the cursor is in.
	w.show(m.Certificates.Content())
	f.win.Canvas().Focus(m.Certificates.certs.issuer.entry)
	typeInto(m.Certificates.certs.issuer.entry, "北京市民政局")
	pressShortcut(f.win, &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl})
	c, err := f.db.Certificate(ctx, w.aNew.ID)
	if err != nil || c.Issuer != "北京市民政局" {
		t.Fatalf("Ctrl+S in the issuer saved %+v, %v (%q)", c, err, m.Certificates.certs.outcome.Text)
	}
	f.win.Canvas().Focus(m.Certificates.holder.org.entry)
	typeInto(m.Certificates.holder.org.entry, "新社工站")
	pressKey(f.win, fyne.KeyReturn)
	if h, _ := f.db.Holder(ctx, w.a.ID); h.Org != "新社工站" {
		t.Errorf("Enter in the employer saved %q", h.Org)
	}
}

// Ctrl+N puts the cursor in 姓名 of an empty holder form, and Ctrl+F in the
// search box of the tab in front, with the cursor in an entry (which keeps
// shortcuts of the canvas to itself).
func TestCtrlNAndCtrlFFromAnEntry(t *testing.T) {
	w := newTwoHolders(t, i18n.English)
	m, f := w.m, w.f
	w.show(m.Register.Content())
	m.Register.picker.list.list.Select(w.listA)
	f.win.Canvas().Focus(m.Register.org.entry)
	pressShortcut(f.win, &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: ctrl})
	if f.win.Canvas().Focused() != fyne.Focusable(m.Register.picker.list.searchBox) {
		t.Fatalf("Ctrl+F on Registration focused %T", f.win.Canvas().Focused())
	}
	w.show(m.Dashboard.Content())
	pressShortcut(f.win, &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: ctrl})
	if f.win.Canvas().Focused() != fyne.Focusable(m.Dashboard.search) {
		t.Errorf("Ctrl+F on the dashboard focused %T", f.win.Canvas().Focused())
	}

	w.show(m.Certificates.Content())
	m.Certificates.list.list.Select(w.listB)
	f.win.Canvas().Focus(m.Certificates.holder.org.entry)
	pressShortcut(f.win, &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl})
	if f.win.Canvas().Focused() != fyne.Focusable(m.Certificates.holder.name.entry) || m.Certificates.holder.h != nil {
		t.Fatalf("Ctrl+N: focus %T, editing %+v", f.win.Canvas().Focused(), m.Certificates.holder.h)
	}
	test.Type(m.Certificates.holder.name.entry, "王芳")
	if m.Certificates.holder.name.entry.Text != "王芳" {
		t.Errorf("typed into 姓名: %q", m.Certificates.holder.name.entry.Text)
	}
	// From another tab, with an edit under way: the question comes first.
	w.show(m.Register.Content())
	pressShortcut(f.win, &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl})
	if m.Tabs.Selected().Content != m.Certificates.Content() {
		t.Error("Ctrl+N did not show the certificates tab")
	}
	if m.Certificates.holder.name.entry.Text != "王芳" {
		t.Errorf("Ctrl+N dropped the new holder being typed: %q", m.Certificates.holder.name.entry.Text)
	}
	if !strings.Contains(f.dialogText(), "not saved yet") {
		t.Errorf("Ctrl+N over unsaved edits: %q", f.dialogText())
	}
}

// Esc and Enter close a message box; Esc cancels a question, which Enter
// never answers.
func TestEscAndEnterCloseMessageBoxes(t *testing.T) {
	w := newTwoHolders(t, i18n.Chinese)
	m, f := w.m, w.f
	top := func() fyne.CanvasObject { return f.win.Canvas().Overlays().Top() }
	for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter} {
		m.ShowAbout()
		if top() == nil {
			t.Fatal("no message box")
		}
		pressKey(f.win, key)
		if top() != nil {
			t.Errorf("%s left the message box open", key)
		}
	}

	w.show(m.Certificates.Content())
	m.Certificates.list.list.Select(w.listA)
	test.Tap(m.Certificates.holder.delete)
	if !strings.Contains(f.dialogText(), "张伟") {
		t.Fatalf("no delete question: %q", f.dialogText())
	}
	pressKey(f.win, fyne.KeyReturn)
	if top() == nil {
		t.Fatal("Enter answered the delete question")
	}
	pressKey(f.win, fyne.KeyEscape)
	if top() != nil {
		t.Fatal("Esc did not cancel the delete question")
	}
	if _, err := f.db.Holder(context.Background(), w.a.ID); err != nil {
		t.Fatalf("the holder is gone: %v", err)
	}

	// Esc on the unsaved-edits question keeps editing.
	typeInto(m.Certificates.holder.org.entry, "新社工站")
	m.Certificates.list.list.Select(w.listB)
	pressKey(f.win, fyne.KeyEscape)
	if top() != nil || m.Certificates.holder.org.entry.Text != "新社工站" || m.Certificates.holder.h.ID != w.a.ID {
		t.Errorf("Esc on the question: open %v, employer %q", top() != nil, m.Certificates.holder.org.entry.Text)
	}
}

// The arrow keys pick list rows: from the search box down into the rows,
// then row after row, each shown as it is picked.
func TestArrowKeysPickRows(t *testing.T) {
	w := newTwoHolders(t, i18n.English)
	m, f := w.m, w.f
	w.show(m.Certificates.Content())
	s := m.Certificates
	f.win.Canvas().Focus(s.list.searchBox)
	pressKey(f.win, fyne.KeyDown)
	first, second := s.list.at(0), s.list.at(1)
	if s.holder.h == nil || s.holder.h.ID != first.ID {
		t.Fatalf("down from the search box shows %+v", s.holder.h)
	}
	if f.win.Canvas().Focused() != fyne.Focusable(s.list.list) {
		t.Fatalf("focus after down: %T", f.win.Canvas().Focused())
	}
	pressKey(f.win, fyne.KeyDown)
	if s.holder.h == nil || s.holder.h.ID != second.ID {
		t.Errorf("down again shows %+v, want %s", s.holder.h, second.Name)
	}
	pressKey(f.win, fyne.KeyUp)
	if s.holder.h == nil || s.holder.h.ID != first.ID {
		t.Errorf("up shows %+v, want %s", s.holder.h, first.Name)
	}

	// Enter in the search box picks the first row found.
	typeInto(s.list.search, "李娜")
	f.win.Canvas().Focus(s.list.searchBox)
	pressKey(f.win, fyne.KeyReturn)
	if s.holder.h == nil || s.holder.name.entry.Text != "李娜" {
		t.Errorf("Enter in the search box shows %q", s.holder.name.entry.Text)
	}

	// The certificates of the holder, too.
	f.win.Canvas().Focus(s.certs.list)
	pressKey(f.win, fyne.KeyDown)
	if len(s.certs.certs) < 2 || s.certs.c == nil || s.certs.c.ID != s.certs.certs[1].ID {
		t.Errorf("down in the certificates shows %+v", s.certs.c)
	}
}

// The mouse wheel scrolls the form with the pointer over an entry, as it
// does over a label.
func TestWheelOverAnEntryScrollsTheForm(t *testing.T) {
	w := newTwoHolders(t, i18n.English)
	m, f := w.m, w.f
	f.win.Resize(fyne.NewSize(1024, 700))
	w.show(m.PaperTab.Content())
	m.PaperTab.picker.list.list.Select(w.listA)
	m.PaperTab.method.SetSelected(i18n.T("paper.method.mail")) // the longer form
	relayout(f.win)
	scroll := findScroll(m.PaperTab.Content())
	if scroll == nil {
		t.Fatal("no scrolling form")
	}
	if scroll.Content.MinSize().Height <= scroll.Size().Height {
		t.Fatalf("the form fits (%v in %v): nothing to scroll", scroll.Content.MinSize(), scroll.Size())
	}
	d := fyne.CurrentApp().Driver()
	e := m.PaperTab.winStart.entry
	pos := d.AbsolutePositionForObject(e).Add(fyne.NewPos(e.Size().Width/2, e.Size().Height/2))
	test.Scroll(f.win.Canvas(), pos, 0, -120)
	if scroll.Offset.Y == 0 {
		t.Fatal("the wheel over an entry did not scroll the form")
	}
}

// Every tab's Save button is in the window at 1024×700, outside the
// scrolling part, whatever the length of the form.
func TestSaveButtonsInSightAt1024x700(t *testing.T) {
	w := newTwoHolders(t, i18n.Chinese)
	m, f := w.m, w.f
	f.win.Resize(fyne.NewSize(1024, 700))
	size := f.win.Canvas().Size()
	d := fyne.CurrentApp().Driver()
	check := func(name string, content fyne.CanvasObject, b *widget.Button, inBar bool) {
		t.Helper()
		w.show(content)
		if scroll := findScroll(content); inBar && scroll != nil && contains(scroll.Content, b) {
			t.Errorf("%s: the Save button scrolls with the form", name)
		}
		p := d.AbsolutePositionForObject(b)
		if !b.Visible() || p.Y+b.Size().Height > size.Height || p.X+b.Size().Width > size.Width || b.Size().Height == 0 {
			t.Errorf("%s: Save at %v size %v, window %v", name, p, b.Size(), size)
		}
	}
	m.Certificates.list.list.Select(w.listA)
	// The holder's form is short, on top: its Save is under it.
	check("certificates (holder)", m.Certificates.Content(), m.Certificates.holder.save, false)
	check("certificates (certificate)", m.Certificates.Content(), m.Certificates.certs.save, true)
	check("registration", m.Register.Content(), m.Register.saveBtn, true)
	check("ce", m.CELog.Content(), m.CELog.saveBtn, true)
	m.PaperTab.method.SetSelected(i18n.T("paper.method.mail"))
	relayout(f.win)
	check("paper", m.PaperTab.Content(), findButton(m.PaperTab.Content(), i18n.T("paper.save")), true)
}

// relayout lays the window out again, as the driver does when a part
// shown or hidden changes a minimum size.
func relayout(w fyne.Window) {
	size := w.Canvas().Size()
	w.Resize(size.AddWidthHeight(0, 1))
	w.Resize(size)
}

func findScroll(o fyne.CanvasObject) *container.Scroll {
	switch x := o.(type) {
	case *container.Scroll:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if s := findScroll(c); s != nil {
				return s
			}
		}
	case *container.Split:
		if s := findScroll(x.Leading); s != nil {
			return s
		}
		return findScroll(x.Trailing)
	}
	return nil
}

func contains(o, want fyne.CanvasObject) bool {
	if o == want {
		return true
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			if contains(x, want) {
				return true
			}
		}
	}
	return false
}

// On the dashboard the arrow keys move among the rows without opening
// them; Enter opens the row reached, on its holder and certificate.
func TestDashboardArrowsThenEnter(t *testing.T) {
	w := newTwoHolders(t, i18n.English)
	m, f := w.m, w.f
	d := m.Dashboard
	d.within.SetSelectedIndex(len(withinDays) - 1) // any time
	if len(d.keys) < 2 {
		t.Fatalf("%d items: too few to move among", len(d.keys))
	}
	second, ok := d.Item(1)
	if !ok {
		t.Fatal("no second item")
	}
	f.win.Canvas().Focus(d.list)
	pressKey(f.win, fyne.KeyDown)
	if m.Tabs.Selected().Content != d.Content() {
		t.Fatal("an arrow key opened a row")
	}
	pressKey(f.win, fyne.KeyReturn)
	if m.Tabs.Selected().Content == d.Content() {
		t.Fatal("Enter opened nothing")
	}
	if m.Sel.Holder() == nil || m.Sel.Holder().ID != second.HolderID || m.Sel.CertID() != second.CertID {
		t.Errorf("Enter opened %+v (cert %d), want the second row's %s %s", m.Sel.Holder(), m.Sel.CertID(), second.Name, second.MNo)
	}
}

// Enter left over from starting an export never cancels it; Esc does.
func TestEnterNeverCancelsABatch(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.exportable(4)
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	dir := t.TempDir()
	m.onBatchProgress = func(b *Batch, done, total int) {
		if done == 2 {
			pressKey(f.win, fyne.KeyReturn)
		}
	}
	m.RunBatch(false, "", filepath.Join(dir, "all.zip"))
	if !strings.Contains(f.dialogText(), "Wrote 4 PDFs") {
		t.Fatalf("Enter during the export: %q", f.dialogText())
	}
	pressKey(f.win, fyne.KeyReturn) // closes the summary
	m.onBatchProgress = func(b *Batch, done, total int) {
		if done == 2 {
			pressKey(f.win, fyne.KeyEscape)
		}
	}
	m.RunBatch(false, "", filepath.Join(dir, "half.zip"))
	if !strings.Contains(f.dialogText(), "Canceled: no ZIP was written") {
		t.Errorf("Esc during the export: %q", f.dialogText())
	}
}

// Over a list in a form with nothing to scroll (no registration yet), the
// wheel scrolls the form; the list takes it only while it can scroll.
func TestWheelOverAShortListScrollsTheForm(t *testing.T) {
	w := newTwoHolders(t, i18n.English)
	m, f := w.m, w.f
	w.show(m.Register.Content())
	m.Register.picker.list.list.Select(w.listA)
	relayout(f.win)
	scroll := findScroll(m.Register.Content())
	if scroll.Content.MinSize().Height <= scroll.Size().Height {
		t.Fatalf("the form fits (%v in %v): nothing to scroll", scroll.Content.MinSize(), scroll.Size())
	}
	d := fyne.CurrentApp().Driver()
	l := m.Register.history
	pos := d.AbsolutePositionForObject(l).Add(fyne.NewPos(l.Size().Width/2, 20))
	test.Scroll(f.win.Canvas(), pos, 0, -60)
	if scroll.Offset.Y == 0 {
		t.Fatal("the wheel over the empty history did not scroll the form")
	}
}
