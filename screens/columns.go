package screens

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// nameSample is the widest name a list row's name column shows whole: six
// characters, a long Han name (欧阳娜娜 and longer); a longer one ends in
// "…" (the detail panel has it whole).
const nameSample = "欧阳娜娜娜娜"

// nameColumn is a list row's name cell at one fixed width: the ID number
// or management number after it starts at the same place on every row,
// whatever the length of the name (a Border sized by each name moved it).
// It returns the cell and the label to set.
func nameColumn(bold bool) (*fyne.Container, *widget.Label) {
	widest := widget.NewLabel(nameSample)
	widest.TextStyle.Bold = bold
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(widest.MinSize().Width, 0))
	name := widget.NewLabel("")
	name.TextStyle.Bold = bold
	name.Truncation = fyne.TextTruncateEllipsis
	return container.NewStack(width, name), name
}

// columnLabel is the label of a name column made by nameColumn.
func columnLabel(cell fyne.CanvasObject) *widget.Label {
	return cell.(*fyne.Container).Objects[1].(*widget.Label)
}
