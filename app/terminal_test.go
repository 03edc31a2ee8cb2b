package app

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile is text an older version saved as it was typed: a sequence that
// retitles the terminal and clears the screen, a C1 CSI, DEL, a bidi
// override, a line break, bytes that are not UTF-8, a line separator
// (which encoding/json escapes by itself, as it does C0; not DEL, C1 or
// the bidi controls).
const hostile = "张\x1b]0;owned\a\x1b[2J\u009b31m\x7f\u202e三\n李\xff\u2028王"

// raw reports the first character in out that a terminal would obey.
func raw(out string, lines bool) (rune, bool) {
	for _, r := range out {
		if lines && (r == '\n' || r == '\t') {
			continue
		}
		if obeyed(r) {
			return r, true
		}
	}
	return 0, !utf8.ValidString(out)
}

// Found by the fault campaign (#14): a name saved with escape sequences
// reached the terminal raw in `holder list`. A row written straight into
// SQLite, as an older version could have, prints escaped everywhere.
func TestStoredControlCharactersNeverReachTheTerminal(t *testing.T) {
	r := newRun(t)
	certWithHolder(r)
	r.ok(nil, "ce", "add", "--holder", "1", "--kind", "online", "--title", "伦理", "--hours", "3", "--date", "2026-01-05")
	db, err := sql.Open("sqlite", r.db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`UPDATE holders SET name = ?, org = ?`, `UPDATE certificates SET issuer = ? || ?`, `UPDATE ce_records SET title = ?, provider = ?`} {
		if _, err := db.Exec(q, hostile, hostile); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	for _, args := range [][]string{{"holder", "list"}, {"holder", "show", "1"}, {"cert", "list", "--holder", "1"}, {"cert", "show", "1"},
		{"ce", "list", "--holder", "1"}, {"export", "roster", "--out", "/nonexistent/\x1b[2J.csv"}} {
		code, stdout, stderr := r.do(args...)
		if c, bad := raw(stdout, true); bad {
			t.Errorf("%v: stdout holds %U raw (exit %d):\n%q", args, c, code, stdout)
		}
		if c, bad := raw(stderr, true); bad {
			t.Errorf("%v: stderr holds %U raw:\n%q", args, c, stderr)
		}
		shows := code == 0 && strings.Join(args[:2], " ") != "cert list" // which shows no text field
		if shows && !strings.Contains(stdout, `张\u001b]0;owned\u0007\u001b[2J\u009b31m\u007f\u202e三`) {
			t.Errorf("%v: the escapes are not shown:\n%s", args, stdout)
		}
	}
	// The table stays one line a record.
	_, list, _ := r.do("holder", "list")
	if lines := strings.Split(strings.TrimSuffix(list, "\n"), "\n"); len(lines) != 2 || !strings.Contains(lines[1], `三\n李�`) {
		t.Errorf("holder list:\n%s", list)
	}

	// --json: valid JSON, no raw character, and it decodes to what is
	// stored (bytes that are not UTF-8 as U+FFFD, as encoding/json does).
	code, out, _ := r.do("--json", "holder", "list")
	if c, bad := raw(out, true); code != 0 || bad {
		t.Errorf("--json holds %U raw:\n%q", c, out)
	}
	var hs []holderJSON
	if err := json.Unmarshal([]byte(out), &hs); err != nil || len(hs) != 1 {
		t.Fatalf("--json is not JSON (%v):\n%s", err, out)
	}
	if want := strings.ToValidUTF8(hostile, "\ufffd"); hs[0].Name != want {
		t.Errorf("--json decodes to %+q, want %+q", hs[0].Name, want)
	}
}

func TestEscapeTerminal(t *testing.T) {
	for _, tc := range []struct{ in, cell, lines string }{
		{"张三", "张三", "张三"},
		{"a\x1b[31mb", `a\u001b[31mb`, `a\u001b[31mb`},
		{"a\x00\x7f\u0085\u009bb", `a\u0000\u007f\u0085\u009bb`, `a\u0000\u007f\u0085\u009bb`},
		{"a\u202e\u2066\u200f\u061cb", `a\u202e\u2066\u200f\u061cb`, `a\u202e\u2066\u200f\u061cb`},
		{"a\u2028b\u2029", `a\u2028b\u2029`, `a\u2028b\u2029`},
		{"a\tb\nc\r", `a\tb\nc\r`, "a\tb\nc\\r"},
		{"a\xffb\xe4\xb8", "a\ufffdb\ufffd\ufffd", "a\ufffdb\ufffd\ufffd"},
		{"\u200b\u200d\ufeff", "\u200b\u200d\ufeff", "\u200b\u200d\ufeff"}, // invisible, but a terminal does nothing with them
	} {
		if got := escapeTerminal(tc.in); got != tc.cell {
			t.Errorf("escapeTerminal(%+q) = %+q, want %+q", tc.in, got, tc.cell)
		}
		var b bytes.Buffer
		if _, err := (terminalSafe{&b}).Write([]byte(tc.in)); err != nil || b.String() != tc.lines {
			t.Errorf("terminalSafe(%+q) = %+q, want %+q", tc.in, b.String(), tc.lines)
		}
	}
}

// Escaped cells keep the columns in line: the width is the escape's.
func TestTableAlignsEscapedCells(t *testing.T) {
	var tb table
	tb.add("ID", "Name", "Employer")
	tb.add(1, "a\x1bb", "x")
	tb.add(22, "张三", "y")
	var b bytes.Buffer
	tb.write(&b)
	want := "ID  Name      Employer\n" +
		"1   a\\u001bb  x\n" +
		"22  张三      y\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// A seal's claims are anybody's text: a PDF exported from a database that
// held escape sequences prints them escaped in `verify`.
func TestVerifyPrintsClaimsEscaped(t *testing.T) {
	r := newRun(t)
	certWithHolder(r)
	r.ok(nil, "--now", "2026-11-20", "annotate", "apply", "--cert", "1")
	db, err := sql.Open("sqlite", r.db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE holders SET name = ?`, "欧阳\x1b[2J\u202e娜娜"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	pdf := filepath.Join(t.TempDir(), "c.pdf")
	r.ok(nil, "export", "cert", "--cert", "1", "--out", pdf)
	code, stdout, stderr := r.do("verify", pdf)
	if c, bad := raw(stdout+stderr, true); bad {
		t.Errorf("verify prints %U raw (exit %d):\n%q", c, code, stdout)
	}
	if !strings.Contains(stdout, `欧阳\u001b[2J\u202e娜娜`) {
		t.Errorf("verify: exit %d\n%s%s", code, stdout, stderr)
	}
}
