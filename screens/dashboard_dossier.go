package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// The dashboard's part of the personal information: the incomplete
// dossiers of holders whose registration window is open or opens within
// 90 days (a filter of the items: their registration items say what is
// missing), the agency changes under review (机构变更, everyone's, each
// opening the holder's Personal information), and the holders with
// 三区计划 / 牵手计划 experience that project bids ask for
// (HolderFilter.Programmes).

// dossierBar is the row of the two under the dashboard's filters.
type dossierBar struct {
	svc Services
	win fyne.Window
	// onOpen shows a holder's Personal information (set by Main).
	onOpen func(h *data.Holder)

	transfers []data.Transfer
	// incomplete narrows the items to the registrations, open or opening
	// within 90 days, of holders whose dossier is incomplete (the store's
	// AttentionFilter.DossierIncomplete); their rows open Personal
	// information.
	incomplete *widget.Check
	review     *widget.Button
	expBtn     *widget.Button
	content    fyne.CanvasObject

	// What the dialogs last opened hold (tests).
	expList   *holderList
	expChoice *widget.RadioGroup
	expCount  *widget.Label
	dlg       dialog.Dialog
}

func newDossierBar(svc Services, win fyne.Window) *dossierBar {
	b := &dossierBar{svc: svc, win: win}
	b.review = widget.NewButtonWithIcon("", theme.HistoryIcon(), b.showTransfers)
	b.expBtn = widget.NewButtonWithIcon(i18n.T("dash.experience"), theme.SearchIcon(), b.showExperience)
	b.incomplete = widget.NewCheck(i18n.T("dash.dossier_incomplete", "Days", data.DossierAheadDays), nil)
	b.content = container.NewHBox(b.incomplete, b.review, b.expBtn)
	b.refresh()
	return b
}

// refresh counts the changes under review again.
func (b *dossierBar) refresh() {
	if b.svc.Transfers == nil {
		b.review.Hide()
		return
	}
	ts, err := b.svc.Transfers.Transfers(b.svc.ctx(), 0)
	if err != nil {
		b.review.SetText(i18n.Message(err))
		return
	}
	b.transfers = ts
	b.review.SetText(i18n.T("dash.transfers_review", "Count", len(ts)))
	if len(ts) == 0 {
		b.review.Importance = widget.MediumImportance
	} else {
		b.review.Importance = widget.WarningImportance
	}
	b.review.Refresh()
}

// showTransfers lists the changes under review; a row opens the holder.
func (b *dossierBar) showTransfers() {
	b.refresh()
	rows := container.NewVBox()
	for i := range b.transfers {
		t := b.transfers[i]
		text := t.HolderName + " · " + i18n.T("transfer.row", "Applied", t.AppliedOn.String(), "From", orNone(t.FromOrg), "To", t.ToOrg)
		if t.RegionChange() {
			text += " · " + i18n.T("transfer.row_region", "From", orNone(t.FromRegion), "To", t.ToRegion)
		}
		id := t.HolderID
		rows.Add(rowLine(text, widget.NewButtonWithIcon(i18n.T("dash.open"), theme.NavigateNextIcon(), func() { b.open(id) })))
	}
	if len(b.transfers) == 0 {
		rows.Add(emptyLine(i18n.T("dash.transfers_none")))
	}
	b.dlg = dialog.NewCustom(i18n.T("dash.transfers_title"), i18n.T("close"), container.NewVScroll(rows), b.win)
	b.dlg.Resize(fyne.NewSize(720, 420))
	b.dlg.Show()
}

func (b *dossierBar) open(holderID int64) {
	h, err := b.svc.Holders.Holder(b.svc.ctx(), holderID)
	if err != nil {
		return
	}
	if b.dlg != nil {
		b.dlg.Hide()
	}
	if b.onOpen != nil {
		b.onOpen(h)
	}
}

// showExperience lists the holders with programme experience: under
// either programme, or the one chosen; searched as the holder lists are.
func (b *dossierBar) showExperience() {
	l := newHolderList(b.svc, func(h *data.Holder) { b.open(h.ID) })
	l.newBtn.Hide()
	l.programmes = data.Programmes
	b.expCount = wrapped("")
	b.expCount.TextStyle.Bold = true
	update := func() {
		l.reload()
		b.expCount.SetText(i18n.T("dash.experience_count", "Count", l.n))
	}
	l.search.OnChanged = func(q string) { l.setQuery(q); b.expCount.SetText(i18n.T("dash.experience_count", "Count", l.n)) }
	either := i18n.T("dash.experience_either")
	b.expChoice = widget.NewRadioGroup(append([]string{either}, labels("programme.", data.Programmes)...), func(c string) {
		if c == either || c == "" {
			l.programmes = data.Programmes
		} else {
			l.programmes = []data.Programme{pick("programme.", data.Programmes, c)}
		}
		update()
	})
	b.expChoice.Horizontal = true
	b.expChoice.Required = true
	b.expChoice.SetSelected(either)
	update()
	b.expList = l
	body := container.NewBorder(container.NewVBox(b.expChoice, b.expCount), nil, nil, nil, l.content)
	b.dlg = dialog.NewCustom(i18n.T("dash.experience_title"), i18n.T("close"), body, b.win)
	b.dlg.Resize(fyne.NewSize(640, 560))
	b.dlg.Show()
	b.win.Canvas().Focus(l.searchBox)
}
