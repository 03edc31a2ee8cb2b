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
	return theme.DefaultTheme().Color(n, v)
}

func (t *Theme) Font(fyne.TextStyle) fyne.Resource { return fontResource }

func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *Theme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
