package app

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dumpDB is every row of every table of the database, as text: a refused
// command must leave it as it was.
func dumpDB(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tables, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		_ = tables.Scan(&n)
		names = append(names, n)
	}
	tables.Close()
	var b strings.Builder
	for _, n := range names {
		rows, err := db.Query(`SELECT * FROM "` + n + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			_ = rows.Scan(ptrs...)
			fmt.Fprintf(&b, "%s %q\n", n, vals)
		}
		rows.Close()
	}
	return b.String()
}

// Found by the fault campaign (#14): every text flag took control
// characters, bytes that are not UTF-8 and bidi overrides, and a lone
// zero-width space filled a required one. Each is refused with exit 2, a
// message naming the field, and nothing written.
func TestTextFlagsRefuseWhatNoTextMayHold(t *testing.T) {
	r := newRun(t)
	certWithHolder(r)
	r.ok(nil, "ce", "add", "--holder", "1", "--kind", "online", "--title", "伦理", "--hours", "3", "--date", "2026-01-05")
	r.ok(nil, "reg", "add", "--cert", "1", "--kind", "first", "--status", "pending", "--applied-on", "2023-03-01")
	r.ok(nil, "paper", "set", "--cert", "1", "--method", "mail")
	other := newRun(t)
	jwk := filepath.Join(t.TempDir(), "other.jwk")
	other.ok(nil, "key", "export", "--out", jwk)

	const X = "\x00" // where the bad value goes
	mail := []string{"mail", "form", "--cert", "1", "--phone", "13800138000", "--province", "北京市", "--city", "北京市", "--district", "朝阳区", "--address", "建国路88号", "--postcode", "100022"}
	with := func(args []string, flag string) []string { return append(append([]string{}, args...), flag, X) }
	for _, tc := range []struct {
		field    string
		required bool
		args     []string
	}{
		{"name", true, []string{"holder", "add", "--id-number", "110105194912310046", "--name", X}},
		{"name", true, []string{"holder", "edit", "1", "--name", X}},
		{"org", false, []string{"holder", "edit", "1", "--org", X}},
		{"region", false, []string{"holder", "edit", "1", "--region", X}},
		{"issuer", false, []string{"cert", "edit", "1", "--issuer", X}},
		{"title", true, []string{"ce", "add", "--holder", "1", "--kind", "online", "--hours", "3", "--date", "2026-01-05", "--title", X}},
		{"provider", false, []string{"ce", "edit", "1", "--provider", X}},
		{"region", false, []string{"reg", "edit", "1", "--region", X}},
		{"org", false, []string{"reg", "edit", "1", "--org", X}},
		{"place", false, []string{"paper", "set", "--cert", "1", "--method", "onsite", "--place", X}},
		{"sent_to", false, []string{"paper", "update", "--cert", "1", "--sent-to", X}},
		{"courier", false, []string{"paper", "update", "--cert", "1", "--courier", X}},
		{"tracking", false, []string{"paper", "update", "--cert", "1", "--tracking", X}},
		{"proxy_name", false, []string{"paper", "update", "--cert", "1", "--proxy-id-number", "110105194912310046", "--proxy-name", X}},
		{"recipient", false, with(mail, "--recipient")}, // nothing visible is none given: the holder
		{"address", true, with(mail[:len(mail)-4], "--address")},
		{"district", true, []string{"mail", "form", "--cert", "1", "--phone", "13800138000", "--province", "北京市", "--city", "北京市", "--address", "建国路88号", "--postcode", "100022", "--district", X}},
		{"name", true, []string{"key", "trust", jwk, "--name", X}},
	} {
		for _, bad := range []struct{ class, value, message string }{
			{"NUL", "张\x00三", "invisible control character (U+0000)"},
			{"ESC", "张\x1b]0;owned\a三", "invisible control character (U+001B)"},
			{"line break", "张\n三", "Must be one line"},
			{"not UTF-8", "张\xff三", "not valid UTF-8"},
			{"RLO", "张\u202e三", "reverses the direction of the text (U+202E)"},
			{"zero-width space", "\u200b", "Required"},
		} {
			if bad.class == "zero-width space" && !tc.required {
				continue
			}
			args := append([]string{}, tc.args...)
			for i, a := range args {
				if a == X {
					args[i] = bad.value
				}
			}
			before := dumpDB(t, r.db)
			code, _, errs := r.do(args...)
			if code != 2 || !strings.HasPrefix(errs, "swcert: "+tc.field+" (") || !strings.Contains(errs, bad.message) {
				t.Errorf("%s, %s: exit %d, stderr %q; want 2 naming %s", strings.Join(tc.args[:2], " "), bad.class, code, errs, tc.field)
			}
			if strings.ContainsAny(errs, "\x00\x1b\u202e") {
				t.Errorf("%s, %s: stderr holds the character raw: %q", strings.Join(tc.args[:2], " "), bad.class, errs)
			}
			if dumpDB(t, r.db) != before {
				t.Errorf("%s, %s: the database changed", strings.Join(tc.args[:2], " "), bad.class)
			}
		}
	}
}

// Text typed with spaces around it is saved trimmed, in NFC.
func TestTextFlagsAreNormalized(t *testing.T) {
	r := newRun(t)
	var h holderJSON
	r.ok(&h, "holder", "add", "--id-number", "11010519491231002X", "--name", "\u3000Rene\u0301  张 ", "--org", " 阳光\u00a0", "--region", "\u200b")
	if h.Name != "René 张" || h.Org != "阳光" || h.Region != "" {
		t.Errorf("saved %+q %+q %+q", h.Name, h.Org, h.Region)
	}
}

// An import row whose cell holds NUL (which arrives through CSV) is bad:
// the report names its row and column, and nothing is written.
func TestImportRefusesBadTextNamingRowAndColumn(t *testing.T) {
	r := newRun(t)
	csv := filepath.Join(t.TempDir(), "staff.csv")
	body := "姓名,身份证号,工作单位,级别,管理号,合格日期,发证日期\r\n" +
		"张三,11010519491231002X,阳光社工,社会工作师,2022S110001,2022-09-20,2022-12-01\r\n" +
		"李四,110105194912310046,\"阳光\x00社工\",社会工作师,2022S110002,2022-09-20,2022-12-01\r\n" +
		"\"王\u202e五\",44030519900101123X,同心,社会工作师,2022S110003,2022-09-20,2022-12-01\r\n"
	if err := os.WriteFile(csv, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	r.ok(nil, "holder", "list") // the database, with its key
	before := dumpDB(t, r.db)
	code, stdout, _ := r.do("import", csv)
	if code != 2 || !strings.Contains(stdout, "row 3, 工作单位") || !strings.Contains(stdout, "U+0000") ||
		!strings.Contains(stdout, "row 4, 姓名") || !strings.Contains(stdout, "U+202E") {
		t.Errorf("import: exit %d\n%s", code, stdout)
	}
	if strings.ContainsAny(stdout, "\x00\u202e") {
		t.Errorf("the report holds the characters raw: %q", stdout)
	}
	if dumpDB(t, r.db) != before {
		t.Error("a refused import wrote something")
	}
}

// An .xlsx carries a control character as an escape of its XML
// (_x001B_, _x0000_), which the reader turns back into the character: the
// import refuses that row too.
func TestImportRefusesControlCharactersFromXLSX(t *testing.T) {
	r := newRun(t)
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.xlsx")
	writeSheet(t, plain, [][]string{
		{"姓名", "身份证号", "工作单位", "级别", "管理号", "合格日期", "发证日期"},
		{"张三", "11010519491231002X", "阳光社工", "社会工作师", "2022S110001", "2022-09-20", "2022-12-01"},
		{"李四", "110105194912310046", "PLACEHOLDER", "社会工作师", "2022S110002", "2022-09-20", "2022-12-01"},
	})
	zr, err := zip.OpenReader(plain)
	if err != nil {
		t.Fatal(err)
	}
	hostile := filepath.Join(dir, "staff.xlsx")
	out, err := os.Create(hostile)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(out)
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		w, _ := zw.Create(f.Name)
		_, _ = w.Write(bytes.ReplaceAll(b, []byte("PLACEHOLDER"), []byte("阳光_x001B_[2J社工")))
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	out.Close()
	r.ok(nil, "holder", "list")
	before := dumpDB(t, r.db)
	code, stdout, _ := r.do("import", hostile)
	if code != 2 || !strings.Contains(stdout, "row 3, 工作单位") || !strings.Contains(stdout, "U+001B") {
		t.Errorf("import: exit %d\n%s", code, stdout)
	}
	if dumpDB(t, r.db) != before {
		t.Error("a refused import wrote something")
	}
}
