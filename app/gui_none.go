//go:build nowindow

package app

import (
	"fmt"
	"io"

	"github.com/swcert/swcert/i18n"
)

// The command line without the window (swcert-cli): built with
// `-tags nowindow`, it links no Fyne and no C (CGO_ENABLED=0), so it runs
// on a server or in a scheduled job with no graphics libraries, and
// cross-compiles for every OS. Every command is the same as the window
// build's; only starting without a command differs.
const windowBuilt = false

// runGUI says there is no window in this build.
func runGUI(o *options, stderr io.Writer) int {
	i18n.SetLanguage(cliLanguage(o.lang))
	fmt.Fprintln(stderr, "swcert: "+i18n.T("cli.no_window"))
	return ExitInvalid
}
