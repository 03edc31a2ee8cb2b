package app

import (
	"strings"
	"testing"

	"github.com/swcert/swcert/i18n"
)

// help ends by saying what starting without a command does in this build:
// the window opens, or (swcert-cli) there is none, and which program has
// it. swcert-cli's help promised a window it does not have.
func TestHelpSaysWhatNoCommandDoes(t *testing.T) {
	r := newRun(t)
	code, out, _ := r.do("--lang", "en", "help")
	i18n.SetLanguage(i18n.English)
	want := i18n.T("cli.usage_nowindow")
	if windowBuilt {
		want = i18n.T("cli.usage_window")
	}
	if code != ExitOK || !strings.HasSuffix(strings.TrimSpace(out), want) {
		t.Errorf("help (%d) ends %q", code, out[max(0, len(out)-120):])
	}
}
