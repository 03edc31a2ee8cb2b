package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// exporterSetting is the Settings section that names the exporter every
// document prints and seals: the agency's or the holder's name, kept in the
// database (the own key's name) so it goes with the data, set once.
type exporterSetting struct {
	Name *field
	Save *widget.Button
	Msg  *widget.Label
}

// newExporterSetting builds the section, filled with the saved name (empty
// while none was given: the hint says what to write).
func (m *Main) newExporterSetting() *exporterSetting {
	e := &exporterSetting{Msg: widget.NewLabel("")}
	e.Msg.Wrapping = fyne.TextWrapWord
	e.Name = newField("exporter", i18n.T("settings.exporter_hint"), data.ValidateExporterName)
	if k := ownKey(m.Svc); k != nil {
		if k.Named() {
			e.Name.entry.SetText(k.Name)
		} else {
			e.Msg.SetText(i18n.T("settings.exporter_unnamed", "Name", data.ExporterName(k)))
		}
	}
	e.Name.show(nil) // an empty name is not an error until it is saved
	e.Save = widget.NewButton(i18n.T("settings.exporter_save"), func() { m.saveExporter(e) })
	e.Name.entry.OnSubmitted = func(string) { m.saveExporter(e) }
	return e
}

// ownKey is the database's own key, its public half (nil if unreadable).
func ownKey(svc Services) *data.SealKey {
	keys, err := svc.Keys.Keys(svc.ctx())
	if err != nil {
		return nil
	}
	return data.OwnKeyOf(keys)
}

func (m *Main) saveExporter(e *exporterSetting) {
	if e.Name.validate() != nil {
		return
	}
	k, err := m.Svc.Keys.SetOwnKeyName(m.Svc.ctx(), e.Name.entry.Text)
	if err != nil {
		e.Name.show(err)
		return
	}
	e.Name.entry.SetText(k.Name)
	e.Msg.SetText(i18n.T("cli.key_named", "Name", k.Name))
}

// item is the section as a row of the Settings form.
func (e *exporterSetting) item() *widget.FormItem {
	return widget.NewFormItem(i18n.T("settings.exporter"), container.NewVBox(e.Name.object(e.Save), e.Msg))
}
