package screens

import (
	"fyne.io/fyne/v2/dialog"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/demo"
	"github.com/swcert/swcert/i18n"
)

// DemoHolders is how many fake holders the menu adds.
const DemoHolders = demo.DefaultHolders

// ShowDemo asks before adding demo data: fake people must never be mixed
// silently into real records.
func (m *Main) ShowDemo() {
	ctx := m.Svc.ctx()
	existing, err := m.Svc.Holders.CountHolders(ctx, data.HolderFilter{})
	if err != nil {
		dialog.ShowInformation(i18n.T("error"), i18n.Message(err), m.Win)
		return
	}
	msg := i18n.T("demo.confirm", "Count", DemoHolders, "Path", m.Svc.DBPath)
	if existing > 0 {
		msg = i18n.T("demo.confirm_nonempty", "Existing", existing) + "\n\n" + msg
	}
	confirm(m.Win, i18n.T("demo.title"), msg, i18n.T("demo.ok"), m.loadDemo)
}

func (m *Main) loadDemo() {
	n, err := demo.Load(m.Svc.ctx(), m.Svc.Holders, DemoHolders, m.Svc.Now())
	if err != nil {
		dialog.ShowInformation(i18n.T("error"), i18n.FieldMessage(err), m.Win)
		return
	}
	m.reloadLists()
	dialog.ShowInformation(i18n.T("demo.title"), i18n.T("demo.done", "Count", n), m.Win)
}

// reloadLists shows data written behind the tabs' backs (the demo): the
// dashboard's figures and every tab's holder list, without waiting for a
// tab switch. Only the lists are read again: an open form keeps its edits.
func (m *Main) reloadLists() {
	m = m.current()
	m.Certificates.Refresh()
	m.Annotations.picker.list.reload()
	m.Register.picker.list.reload()
	m.CELog.list.reload()
	m.PaperTab.picker.list.reload()
	m.Dashboard.Refresh()
}
