package screens

import "fyne.io/fyne/v2"

// Follow shows what another office, another window or the command line
// wrote since the window last looked, without waiting for a tab to be
// shown again: the window calls it every few seconds. It costs one
// question to the store when nothing changed. The dashboard, when shown,
// is read again, and so is the list of holders in sight; the other lists
// count again when their tab is shown (on a server with a million holders
// each count is a read of the table: not six at every write anywhere).
// Forms are left as they are: they may hold edits (a save over a change
// made meanwhile is refused and offers to reload).
func (m *Main) Follow() {
	cur := m.current()
	if cur == nil {
		return
	}
	v, err := cur.Svc.Attention.Version(cur.Svc.ctx())
	if err != nil {
		return
	}
	if !cur.followed {
		cur.dataVersion, cur.followed = v, true
		return
	}
	if v == cur.dataVersion {
		return
	}
	cur.dataVersion = v
	for _, l := range cur.holderLists() {
		l.stale = true
	}
	if sel := cur.Tabs.Selected(); sel != nil {
		if sel.Content == cur.Dashboard.Content() {
			cur.Dashboard.Show()
		}
		cur.followList(sel.Content)
	}
}

// holderLists are the tabs' lists of holders.
func (m *Main) holderLists() []*holderList {
	return []*holderList{m.Certificates.list, m.Annotations.picker.list, m.Register.picker.list,
		m.PaperTab.picker.list, m.CELog.list, m.DossierTab.list}
}

// followList brings the list of holders of the tab whose content is c up
// to date, if Follow found it behind.
func (m *Main) followList(c fyne.CanvasObject) {
	var l *holderList
	switch c {
	case m.Certificates.Content():
		l = m.Certificates.list
	case m.Annotations.Content():
		l = m.Annotations.picker.list
	case m.Register.Content():
		l = m.Register.picker.list
	case m.PaperTab.Content():
		l = m.PaperTab.picker.list
	case m.CELog.Content():
		l = m.CELog.list
	case m.DossierTab.Content():
		l = m.DossierTab.list
	}
	if l != nil && l.stale {
		l.follow()
	}
}

// follow lists what the store holds now for the same search, marking
// the holder shown as before.
func (l *holderList) follow() {
	var id int64
	if l.shown != nil {
		id = l.shown()
	}
	l.reload()
	l.mark(id)
}
