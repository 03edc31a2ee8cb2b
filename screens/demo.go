package screens

import (
	"fyne.io/fyne/v2/dialog"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/demo"
	"github.com/swcert/swcert/screens/i18n"
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
	m.Certificates.Refresh()
	dialog.ShowInformation(i18n.T("demo.title"), i18n.T("demo.done", "Count", n), m.Win)
}
