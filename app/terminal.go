package app

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/swcert/swcert/data"
)

// What the command line prints goes to a terminal, which obeys what it is
// sent: an escape sequence clears the screen, retitles the window or
// rewrites a line already printed, and a bidi override makes a name or a
// number read backwards. A record saved before the rule of text fields
// (data/text.go), a sheet's cell echoed in a message or the claims of a
// seal someone else made may hold them. So every byte the command line
// writes, the tables and messages as well as --json, goes out through
// terminalSafe, and nothing of that kind ever reaches the terminal raw.
//
// Decision: such a character is shown escaped, the way JSON writes it:
// \u001b for ESC, \u007f for DEL, \u009b for a C1 control, \u202e for a
// bidi override, \n, \r and \t inside a table's cell; bytes that are not
// UTF-8 are shown as U+FFFD (�), as encoding/json does. Every escape is
// one a JSON string may hold, so --json output stays valid JSON (in which
// it decodes to the character itself), and a person sees where the
// character was and which it was.

// terminalSafe writes through to w with the characters a terminal would
// obey escaped (escapeTerminal), keeping line breaks and tabs between the
// lines and cells it prints. Each Write is escaped on its own: fmt and
// encoding/json write a whole line or document at once.
type terminalSafe struct{ w io.Writer }

func (t terminalSafe) Write(p []byte) (int, error) {
	if clean(p, true) {
		return t.w.Write(p)
	}
	if _, err := io.WriteString(t.w, escape(string(p), true)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// escapeTerminal is s as a table cell shows it: nothing a terminal would
// obey, and no line break or tab, which would break the table's lines.
func escapeTerminal(s string) string {
	if clean([]byte(s), false) {
		return s
	}
	return escape(s, false)
}

// obeyed reports the characters a terminal acts on instead of showing:
// controls (C0, DEL, C1), the bidi controls, and the line and paragraph
// separators.
func obeyed(r rune) bool {
	return unicode.Is(unicode.Cc, r) || data.IsBidiControl(r) || r == '\u2028' || r == '\u2029'
}

// clean is the fast path: true when p has nothing to escape.
func clean(p []byte, lines bool) bool {
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != 0x7f || lines && (c == '\n' || c == '\t') {
				i++
				continue
			}
			return false
		}
		r, n := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && n == 1 || obeyed(r) {
			return false
		}
		i += n
	}
	return true
}

func escape(s string, lines bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case lines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case obeyed(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
