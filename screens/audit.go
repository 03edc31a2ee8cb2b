package screens

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// historyLimit is the most entries the history dialog lists: the newest
// (`swcert audit --holder ID` pages through the rest).
const historyLimit = 200

// showHistory opens the dialog of a holder's history: the entries of the
// audit log about their records, newest first, each with who and when and
// the fields before and after (numbers masked, as the log keeps them).
func showHistory(svc Services, win fyne.Window, h *data.Holder) dialog.Dialog {
	es, err := svc.Audit.AuditEntries(context.Background(), data.AuditFilter{HolderID: h.ID, Limit: historyLimit})
	if err != nil {
		dialog.ShowError(fmt.Errorf("%s", i18n.Message(err)), win)
		return nil
	}
	rows := container.NewVBox()
	if len(es) == 0 {
		rows.Add(widget.NewLabel(i18n.T("audit.history_none")))
	}
	for _, e := range es {
		head := widget.NewLabelWithStyle(i18n.AuditHeading(e), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.Wrapping = fyne.TextWrapWord
		rows.Add(head)
		for _, c := range e.Changes() {
			l := widget.NewLabel("    " + i18n.AuditChange(e.Op, c))
			l.Wrapping = fyne.TextWrapWord
			rows.Add(l)
		}
	}
	scroll := container.NewVScroll(rows)
	scroll.SetMinSize(fyne.NewSize(640, 420))
	d := dialog.NewCustom(i18n.T("audit.history_title", "Name", h.Name), i18n.T("close"), scroll, win)
	d.Show()
	return d
}
