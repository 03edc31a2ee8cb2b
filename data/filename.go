package data

import (
	"strings"
	"unicode/utf8"
)

// Export file names. Every file SWCert suggests or writes for a person is
// named for whom and what it holds (the holder's name, the management
// number, the kind of document), never for an internal ID, and is valid
// on every file system a person may save it to: Windows refuses the
// characters <>:"/\|?*, control characters, a name ending in a dot or a
// space, and the device names CON, PRN, AUX, NUL, COM1-9, LPT1-9 (with
// any extension).

// File kinds, the last part of an export's name (Chinese: the files go to
// Chinese offices, and the name says what a person will look for).
const (
	FileCertificate = ""         // the certificate itself: name and number say it
	FileMailForm    = "邮寄申请表"    // the mail application form
	FileCEReport    = "继续教育学时报告" // the CE report
	// the personal information form, and the service-record report of a
	// holder or a project
	FileProfile       = "个人信息表"
	FileServiceReport = "服务记录报告"
)

// maxFileNameRunes bounds a name (without its ending): Windows allows 255
// UTF-16 units a name, and a folder path eats into MAX_PATH.
const maxFileNameRunes = 120

// ExportFileName is "张三-2022S110000123-邮寄申请表.pdf": the parts that are
// not empty joined by "-", made safe, with ext (".pdf") at the end.
func ExportFileName(ext string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(NormalizeWords(p)); p != "" {
			kept = append(kept, p)
		}
	}
	return SafeFileName(strings.Join(kept, "-"), ext)
}

// SafeFileName makes base+ext a name every system accepts: reserved and
// control characters become "_", trailing dots and spaces go, a device
// name gets a "_" before it, an empty name becomes "swcert", and a long
// one is cut (never inside a character).
func SafeFileName(base, ext string) string {
	base = strings.Map(func(r rune) rune {
		if r < 32 || r == 0x7f || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, base)
	if utf8.RuneCountInString(base) > maxFileNameRunes {
		base = string([]rune(base)[:maxFileNameRunes])
	}
	base = strings.TrimRight(base, ". ")
	base = strings.TrimLeft(base, " ")
	if base == "" {
		base = "swcert"
	}
	stem := base
	if i := strings.IndexByte(stem, '.'); i >= 0 {
		stem = stem[:i]
	}
	if isDeviceName(strings.TrimRight(stem, " ")) {
		base = "_" + base
	}
	return base + ext
}

// isDeviceName: CON, PRN, AUX, NUL, COM0-9, LPT0-9 in any case (Windows
// also treats the superscript digits ¹²³ as device numbers).
func isDeviceName(s string) bool {
	u := strings.ToUpper(s)
	switch u {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(u) >= 4 && (strings.HasPrefix(u, "COM") || strings.HasPrefix(u, "LPT")) {
		rest := u[3:]
		return len(rest) == 1 && rest[0] >= '0' && rest[0] <= '9' || rest == "¹" || rest == "²" || rest == "³"
	}
	return false
}
