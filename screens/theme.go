package screens

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/swcert/swcert/assets"
)

// Theme preferences, as stored under PrefTheme.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// fontResource is the bundled WenQuanYi Micro Hei: Fyne's own fonts have no
// CJK glyphs, so without it Chinese shows as boxes on a machine with no CJK
// fonts installed. It covers Latin and digits too.
var fontResource = fyne.NewStaticResource(assets.FontName, assets.FontTTF)

// Theme is Fyne's default theme with the bundled CJK font and, when the user
// chose one in Settings, a fixed light or dark variant.
type Theme struct {
	Variant string // ThemeSystem, ThemeLight or ThemeDark
}

var _ fyne.Theme = (*Theme)(nil)

func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.Variant {
	case ThemeLight:
		v = theme.VariantLight
	case ThemeDark:
		v = theme.VariantDark
	}
	if c, ok := legible[v][n]; ok {
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}

// legible replaces the default theme's colours for the text it draws
// faint: secondary labels (LowImportance), a form's hints, disabled
// entries (a masked ID number is one) and placeholders. Fyne's light
// theme draws them #e3e3e3 on #f3f3f3 (1.2:1: invisible) and #888 (3.2:1),
// its dark one disabled text #39393a on #202023 (1.4:1). These reach
// WCAG AA's 4.5:1 on the input background (TestFaintTextIsLegible); they
// stay lighter than the foreground, so a placeholder still reads as one.
// The outline of an unticked check box or radio button and of an entry
// (the input border, #e3e3e3 on white in the light theme: a choice not
// taken was hard to see at all) gets the 3:1 WCAG asks of a control.
// Text in the success, warning and error colours ("有效 · 剩余 89 天",
// "已逾期") was lime #43f436 (1.5:1), orange #ff9800 (2.2:1) and red
// #f44336 (3.7:1) on white: darker shades of the same hues read at 4.5:1.
var legible = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameDisabled:    color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff},
		theme.ColorNamePlaceHolder: color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff},
		theme.ColorNameInputBorder: color.NRGBA{R: 0x90, G: 0x90, B: 0x90, A: 0xff},
		theme.ColorNameSuccess:     color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff},
		theme.ColorNameWarning:     color.NRGBA{R: 0xa8, G: 0x54, B: 0x00, A: 0xff},
		theme.ColorNameError:       color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff},
	},
	theme.VariantDark: {
		theme.ColorNameDisabled:    color.NRGBA{R: 0x8f, G: 0x8f, B: 0x8f, A: 0xff},
		theme.ColorNameInputBorder: color.NRGBA{R: 0x70, G: 0x70, B: 0x72, A: 0xff},
	},
}

func (t *Theme) Font(fyne.TextStyle) fyne.Resource { return fontResource }

func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *Theme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
