package screens

import "fyne.io/fyne/v2/container"

// unsaved is the tracker of unsaved edits of the tab whose content is t's,
// and how the tab fills itself from the store again (nil: a tab without a
// form to lose).
func (m *Main) unsaved(t *container.TabItem) (*dirty, func()) {
	switch t.Content {
	case m.PaperTab.Content():
		return m.PaperTab.dirty, m.PaperTab.Refresh
	case m.Register.Content():
		return m.Register.dirty, m.Register.Refresh
	case m.CELog.Content():
		return m.CELog.dirty, m.CELog.Refresh
	}
	return nil, nil
}

// leaving is a tab being left: with edits unsaved it asks Save / Discard /
// Cancel. Cancel goes back to the tab, edits kept; Discard fills the tab
// from the store again; Save saves (a refused save goes back to the tab,
// which says why).
func (m *Main) leaving(t *container.TabItem) {
	d, refill := m.unsaved(t)
	if d == nil || !d.changed() {
		return
	}
	d.confirmDiscard(refill, func() { m.Tabs.Select(t) })
}

// confirmAllDiscard runs then once no tab holds unsaved edits: each tab
// that does is asked about in turn (Save / Discard / Cancel); Cancel on
// any stops there, and runs cancel if not nil. Before the window is
// rebuilt (a language switch), which would drop every form.
func (m *Main) confirmAllDiscard(then, cancel func()) {
	for _, t := range m.Tabs.Items {
		if d, _ := m.unsaved(t); d != nil && d.changed() {
			m.Tabs.Select(t)
			d.confirmDiscard(func() { m.confirmAllDiscard(then, cancel) }, cancel)
			return
		}
	}
	then()
}
