package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// hoursBar shows the CE hours credited against those required: a grey
// track with a border, filled in the primary colour as far as the hours
// go (green once they are all there), and the figures beside it. Fyne's
// progress bar draws its empty track in a paler primary blue, so a period
// with few hours looked nearly full, and its white figures sat on that
// pale blue.
type hoursBar struct {
	widget.BaseWidget
	done, required float64
	text           string
}

func newHoursBar(done, required float64, text string) *hoursBar {
	b := &hoursBar{done: done, required: required, text: text}
	b.ExtendBaseWidget(b)
	return b
}

// fraction is how much of the track is filled: 0 to 1.
func (b *hoursBar) fraction() float32 {
	if b.required <= 0 || b.done >= b.required {
		return 1
	}
	if b.done <= 0 {
		return 0
	}
	return float32(b.done / b.required)
}

func (b *hoursBar) CreateRenderer() fyne.WidgetRenderer {
	r := &hoursBarRenderer{bar: b, track: canvas.NewRectangle(nil), fill: canvas.NewRectangle(nil), label: canvas.NewText(b.text, nil)}
	r.Refresh()
	return r
}

type hoursBarRenderer struct {
	bar         *hoursBar
	track, fill *canvas.Rectangle
	label       *canvas.Text
}

// barHeight is the track's height: a line of text's, so the bar reads as
// a gauge beside its figures rather than as a button.
func (r *hoursBarRenderer) barHeight() float32 {
	return r.label.MinSize().Height * 0.8
}

func (r *hoursBarRenderer) Layout(size fyne.Size) {
	pad := r.bar.Theme().Size(theme.SizeNamePadding)
	ls := r.label.MinSize()
	width := size.Width - ls.Width - 2*pad
	h := r.barHeight()
	y := (size.Height - h) / 2
	r.track.Move(fyne.NewPos(0, y))
	r.track.Resize(fyne.NewSize(width, h))
	r.fill.Move(fyne.NewPos(0, y))
	r.fill.Resize(fyne.NewSize(width*r.bar.fraction(), h))
	r.label.Move(fyne.NewPos(width+2*pad, (size.Height-ls.Height)/2))
	r.label.Resize(ls)
}

func (r *hoursBarRenderer) MinSize() fyne.Size {
	pad := r.bar.Theme().Size(theme.SizeNamePadding)
	ls := r.label.MinSize()
	return fyne.NewSize(ls.Width+2*pad+80, ls.Height+pad)
}

func (r *hoursBarRenderer) Refresh() {
	th := r.bar.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	radius := th.Size(theme.SizeNameInputRadius)
	r.track.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.track.StrokeColor = th.Color(theme.ColorNameDisabled, v)
	r.track.StrokeWidth = 1
	r.track.CornerRadius = radius
	r.fill.FillColor = th.Color(theme.ColorNamePrimary, v)
	if r.bar.done >= r.bar.required {
		r.fill.FillColor = th.Color(theme.ColorNameSuccess, v)
	}
	r.fill.CornerRadius = radius
	r.label.Text = r.bar.text
	r.label.Color = th.Color(theme.ColorNameForeground, v)
	r.label.TextSize = th.Size(theme.SizeNameText)
	r.label.TextStyle = fyne.TextStyle{Bold: true}
	r.label.Refresh()
	r.track.Refresh()
	r.fill.Refresh()
}

func (r *hoursBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.track, r.fill, r.label}
}

func (r *hoursBarRenderer) Destroy() {}
