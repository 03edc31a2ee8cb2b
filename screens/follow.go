package screens

// Follow shows what another office, another window or the command line
// wrote since the window last looked, without waiting for a tab to be
// shown again: the window calls it every few seconds. It costs one
// question to the store when nothing changed. The dashboard, when shown,
// is read again; every list of holders counts again and keeps marking the
// holder its form shows. Forms are left as they are: they may hold edits
// (a save over a change made meanwhile is refused and offers to reload).
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
	if sel := cur.Tabs.Selected(); sel != nil && sel.Content == cur.Dashboard.Content() {
		cur.Dashboard.Show()
	}
	for _, l := range []*holderList{cur.Certificates.list, cur.Annotations.picker.list, cur.Register.picker.list,
		cur.PaperTab.picker.list, cur.CELog.list, cur.DossierTab.list} {
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
