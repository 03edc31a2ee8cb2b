package screens

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/swcert/swcert/i18n"
)

// luminance is WCAG 2's relative luminance.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Secondary labels, hints, disabled entries, placeholders, and text in
// the success, warning and error colours are legible
// (WCAG AA, 4.5:1) on the window's and the entries' backgrounds in both
// themes, and still fainter than the text they accompany. Fyne's own
// light theme drew disabled text at 1.2:1.
func TestFaintTextIsLegible(t *testing.T) {
	for _, variant := range []string{ThemeLight, ThemeDark} {
		th := &Theme{Variant: variant}
		var v fyne.ThemeVariant
		for _, n := range []fyne.ThemeColorName{theme.ColorNameSuccess, theme.ColorNameWarning, theme.ColorNameError} {
			if c := contrast(th.Color(n, v), th.Color(theme.ColorNameBackground, v)); c < 4.5 {
				t.Errorf("%s: %s text at %.2f:1", variant, n, c)
			}
		}
		for _, n := range []fyne.ThemeColorName{theme.ColorNameDisabled, theme.ColorNamePlaceHolder} {
			fg := th.Color(n, v)
			for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground} {
				if c := contrast(fg, th.Color(bg, v)); c < 4.5 {
					t.Errorf("%s: %s on %s is %.2f:1", variant, n, bg, c)
				}
			}
			back := th.Color(theme.ColorNameBackground, v)
			if c := contrast(th.Color(theme.ColorNameInputBorder, v), back); c < 3 {
				t.Errorf("%s: a control's outline is %.2f:1", variant, c)
			}
			if contrast(fg, back) >= contrast(th.Color(theme.ColorNameForeground, v), back) {
				t.Errorf("%s: %s is as strong as the foreground", variant, n)
			}
		}
	}
}

// The CE bar's empty track is grey, not a paler fill: between the track
// and the fill there is the 3:1 WCAG asks of a gauge's parts, in both
// themes; the fill stops where the hours do, and the figures beside the
// bar are in the text colour (Fyne's bar drew white figures on pale blue).
func TestHoursBarTrackLooksEmpty(t *testing.T) {
	f := newFixture(t, i18n.English)
	for _, variant := range []string{ThemeLight, ThemeDark} {
		f.app.Settings().SetTheme(&Theme{Variant: variant})
		b := newHoursBar(18, 72, "18 / 72 hours")
		r := test.WidgetRenderer(b).(*hoursBarRenderer)
		r.Layout(fyne.NewSize(400, 40))
		if c := contrast(r.track.FillColor, r.fill.FillColor); c < 3 {
			t.Errorf("%s: track and fill at %.2f:1", variant, c)
		}
		if got, want := r.fill.Size().Width/r.track.Size().Width, float32(0.25); got < want-0.001 || got > want+0.001 {
			t.Errorf("%s: 18 of 72 hours fill %.3f of the track", variant, got)
		}
		th := &Theme{Variant: variant}
		var v fyne.ThemeVariant
		if c := contrast(r.label.Color, th.Color(theme.ColorNameBackground, v)); c < 4.5 {
			t.Errorf("%s: the figures at %.2f:1", variant, c)
		}
		if r.label.Position().X < r.track.Size().Width {
			t.Errorf("%s: the figures lie on the bar", variant)
		}
	}
	if newHoursBar(0, 72, "").fraction() != 0 || newHoursBar(100, 72, "").fraction() != 1 || newHoursBar(5, 0, "").fraction() != 1 {
		t.Error("fractions at the ends")
	}
}

// The chosen theme is in place before the tabs' widgets are built (and
// measured: the dashboard measures its columns), not only once Install
// puts them in the window: widgets first drawn in the system's theme kept
// its colours, so the dashboard's filters were dark in the light theme
// chosen on a dark system until another tab was shown.
func TestThemeIsSetBeforeTheTabsAreBuilt(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.app.Preferences().SetString(PrefTheme, ThemeLight)
	NewMain(f.app, f.win, f.svc, "test", "en-US") // not installed yet
	th, ok := f.app.Settings().Theme().(*Theme)
	if !ok || th.Variant != ThemeLight {
		t.Fatalf("while the tabs are built the theme is %T %+v", f.app.Settings().Theme(), f.app.Settings().Theme())
	}
}
