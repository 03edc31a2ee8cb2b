package screens

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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

// Secondary labels, hints, disabled entries and placeholders are legible
// (WCAG AA, 4.5:1) on the window's and the entries' backgrounds in both
// themes, and still fainter than the text they accompany. Fyne's own
// light theme drew disabled text at 1.2:1.
func TestFaintTextIsLegible(t *testing.T) {
	for _, variant := range []string{ThemeLight, ThemeDark} {
		th := &Theme{Variant: variant}
		var v fyne.ThemeVariant
		for _, n := range []fyne.ThemeColorName{theme.ColorNameDisabled, theme.ColorNamePlaceHolder} {
			fg := th.Color(n, v)
			for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground} {
				if c := contrast(fg, th.Color(bg, v)); c < 4.5 {
					t.Errorf("%s: %s on %s is %.2f:1", variant, n, bg, c)
				}
			}
			back := th.Color(theme.ColorNameBackground, v)
			if contrast(fg, back) >= contrast(th.Color(theme.ColorNameForeground, v), back) {
				t.Errorf("%s: %s is as strong as the foreground", variant, n)
			}
		}
	}
}
