package app

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx", to tamper with the server's log

	"github.com/swcert/swcert/data/pgtest"
)

// swcert audit lists who changed what (masked), audit verify says the
// log is whole, and, after one entry is altered in SQL, names it and
// exits 1: on a file and on a server.
func TestAuditCommand(t *testing.T) {
	for _, where := range []string{"file", "server"} {
		t.Run(where, func(t *testing.T) {
			r := newRun(t)
			driver, tamper := "sqlite", []string{`DROP TRIGGER audit_sealed_update`}
			if where == "server" {
				r.db = pgtest.Database(t)
				driver, tamper = "pgx", nil
			}
			r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X", "--phone", "13800138000", "--org", "旧单位")
			r.ok(nil, "holder", "edit", "1", "--org", "新单位")

			code, out, errs := r.do("audit", "--holder", "1")
			if code != ExitOK || !strings.Contains(out, "changed Holder #1 (holder 1)") || !strings.Contains(out, "Employer: 旧单位 → 新单位") ||
				!strings.Contains(out, "(Beijing time)") {
				t.Fatalf("audit (%d, %s):\n%s", code, errs, out)
			}
			if strings.Contains(out, "11010519491231002X") || !strings.Contains(out, "110105********002X") || !strings.Contains(out, "138****8000") {
				t.Errorf("numbers not masked:\n%s", out)
			}
			if strings.Index(out, "changed") > strings.Index(out, "added") {
				t.Errorf("not newest first:\n%s", out)
			}
			var entries []auditView
			r.ok(&entries, "audit", "--holder", "1", "--since", "2000-01-01", "--limit", "1")
			if len(entries) != 1 || entries[0].Op != "update" || len(entries[0].Changes) != 1 || entries[0].Changes[0].After != "新单位" {
				t.Fatalf("--json audit: %+v", entries)
			}
			r.ok(&entries, "audit", "--user", "nobody-at-all")
			if len(entries) != 0 {
				t.Errorf("entries of a user who wrote nothing: %+v", entries)
			}
			if code, _, errs := r.do("audit", "--since", "yesterday"); code != ExitInvalid || !strings.Contains(errs, "--since") {
				t.Errorf("a bad --since: exit %d, %q", code, errs)
			}

			code, out, _ = r.do("audit", "verify")
			if code != ExitOK || !strings.HasPrefix(out, "The audit log is whole: ") {
				t.Fatalf("verify (%d): %s", code, out)
			}
			db, err := sql.Open(driver, r.db)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for _, q := range tamper {
				if _, err := db.Exec(q); err != nil {
					t.Fatal(err)
				}
			}
			id := entries0(t, r)
			if _, err := db.Exec(fmt.Sprintf(`UPDATE audit SET after_row = replace(after_row, '新单位', '别的') WHERE id = %d`, id)); err != nil {
				t.Fatal(err)
			}
			code, out, _ = r.do("audit", "verify")
			if want := fmt.Sprintf("entry #%d was altered", id); code != ExitFailure || !strings.Contains(out, want) {
				t.Errorf("verify after altering %d: exit %d, %q", id, code, out)
			}
		})
	}
}

// entries0 is the id of the newest entry.
func entries0(t *testing.T, r *run) int64 {
	t.Helper()
	var es []auditView
	r.ok(&es, "audit", "--limit", "1")
	if len(es) != 1 {
		t.Fatalf("no entry: %+v", es)
	}
	return es[0].ID
}
