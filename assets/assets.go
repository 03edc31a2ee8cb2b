// Package assets holds what the binary carries inside it: the translations,
// the CJK font shared by the window and the PDFs, and the icon.
package assets

import "embed"

// Translations are the go-i18n message files translations/{en,zh_Hans}.json.
// Chinese is zh_Hans, not zh: Fyne's own base file is zh_Hans and would win
// the match.
//
//go:embed translations/*.json
var Translations embed.FS

// FontTTF is WenQuanYi Micro Hei (Apache-2.0, see wqy-microhei.LICENSE.txt),
// face 0 of Debian's TTC extracted to TrueType: Fyne and fpdf both reject
// collections, and Fyne's default fonts have no CJK glyphs.
//
//go:embed wqy-microhei.ttf
var FontTTF []byte

// FontName is the font's file name, as resources and PDFs refer to it.
const FontName = "wqy-microhei.ttf"

// Icon is the application icon (icon.svg rendered at 512×512).
//
//go:embed icon.png
var Icon []byte

// FyneEnglish and FyneChinese are the texts of Fyne's own widgets (dialog
// buttons, the file dialog, the menu's Quit): Fyne v2.8.1's base.en.json and
// base.zh_Hans.json (BSD-3-Clause, see fyne/LICENSE.txt), the Chinese with
// the words a Chinese dialog uses (确定 for OK, 否 for No, 撤销, 全选, 名称).
// Fyne picks its language from the system's locale only; screens (language.go)
// registers these under the system's locales so they follow Settings.
//
//go:embed fyne/en.json
var FyneEnglish []byte

//go:embed fyne/zh_Hans.json
var FyneChinese []byte
