// Package swcert holds the one thing the whole module shares from its root:
// FyneApp.toml, SWCert's name, ID and version. `fyne package` reads the
// file for the installers and the Windows file properties; the program
// reads the same bytes, embedded, for `swcert version` and the About box.
package swcert

import _ "embed"

// FyneApp is FyneApp.toml as it was built.
//
//go:embed FyneApp.toml
var FyneApp []byte
