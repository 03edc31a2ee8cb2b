package app

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/swcert/swcert/data/pgtest"
)

// newServerRun is newRun on a fresh database of a real PostgreSQL server;
// the installation's own files (its key, its log) go to a data folder of
// the test's.
func newServerRun(t *testing.T) *run {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	return &run{t: t, db: pgtest.Database(t)}
}

// The same commands give the same answers on a file and on a shared
// server: holders, a certificate, an annotation, a sealed PDF that verifies
// against the record, a GB18030 import, the roster, what is due.
func TestTheCommandsWorkTheSameOnAServer(t *testing.T) {
	results := map[string][]string{}
	for _, store := range []string{"file", "server"} {
		r := newRun(t)
		if store == "server" {
			r = newServerRun(t)
		}
		out := t.TempDir()
		var got []string
		say := func(args ...string) string {
			t.Helper()
			code, stdout, stderr := r.do(args...)
			if code != 0 {
				t.Fatalf("%s: swcert %v: exit %d: %s", store, args, code, stderr)
			}
			got = append(got, stdout)
			return stdout
		}
		var h holderJSON
		r.ok(&h, "holder add", "--name", "张伟", "--id-number", "11010519491231002X", "--phone", "13800138000", "--org", "阳光社工")
		var c struct {
			ID int64 `json:"id"`
		}
		r.ok(&c, "cert", "add", "--holder", strconv.FormatInt(h.ID, 10), "--level", "assistant", "--mno", "2025Z110001", "--exam-year", "2025", "--passed-on", "2025-09-20", "--issued-on", "2025-12-01")
		say("annotate", "apply", "--cert", strconv.FormatInt(c.ID, 10))
		r.now = "2026-11-23" // the annotation is complete a day later
		pdf := filepath.Join(out, "张伟 证书.pdf")
		say("export", "cert", "--cert", strconv.FormatInt(c.ID, 10), "--out", pdf)
		text := pdfTextOf(t, pdf)
		for _, want := range []string{"张伟", "2025Z110001", "110105********002X"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the PDF lacks %s", store, want)
			}
		}
		if v := say("verify", pdf); !strings.Contains(v, "2025Z110001") {
			t.Errorf("%s: verify: %s", store, v)
		}
		var verified struct {
			Valid   bool `json:"valid"`
			Matches bool `json:"matches_record"`
		}
		r.ok(&verified, "verify", pdf)
		if !verified.Valid || !verified.Matches {
			t.Errorf("%s: the PDF does not verify against the record: %+v", store, verified)
		}
		csv, _ := simplifiedchinese.GB18030.NewEncoder().String("姓名,证件号码,级别,管理号,合格日期,发证日期\r\n李娜,44030519900101123X,社会工作师,2022S110001,2022-09-20,2022-12-01\r\n")
		if err := os.WriteFile(filepath.Join(out, "员工.csv"), []byte(csv), 0o600); err != nil {
			t.Fatal(err)
		}
		say("import", filepath.Join(out, "员工.csv"))
		say("holder", "list")
		say("due", "--within", "400")
		roster := filepath.Join(out, "名册.xlsx")
		say("export", "roster", "--out", roster)
		header, rows, _, _ := readXLSX(t, roster)
		got = append(got, fmt.Sprint(header, rows))
		results[store] = got
		if store == "server" {
			// This installation's key for the server: private, in the data folder.
			keys, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_DATA_HOME"), "swcert", "servers", "*", "server.key"))
			if len(keys) != 1 {
				t.Fatalf("the installation's key files for the server: %v", keys)
			} else if fi, err := os.Stat(keys[0]); err != nil || fi.Mode().Perm() != 0o600 {
				t.Errorf("%s: %v %v", keys[0], fi.Mode(), err)
			}
		}
	}
	file, server := results["file"], results["server"]
	for i := range file {
		// The paths differ (each run has its folder), nothing else.
		if norm(file[i]) != norm(server[i]) {
			t.Errorf("step %d differs:\nfile:   %s\nserver: %s", i, file[i], server[i])
		}
	}
}

// norm leaves out what differs between two runs of the same commands: the
// temporary folders, and the key of each installation.
func norm(s string) string {
	for _, f := range strings.Fields(s) {
		if strings.Contains(f, string(filepath.Separator)+"Test") {
			s = strings.ReplaceAll(s, f, "PATH")
		}
	}
	return keyID.ReplaceAllString(s, "(key KID)")
}

var keyID = regexp.MustCompile(`\(key [A-Za-z0-9_-]{8}\)`)

// The agency's IT person sets the database up and adds logins; each login
// can then do what its role allows, and a refusal says who may.
func TestAdminInitAndLoginsOnTheCommandLine(t *testing.T) {
	owner := newServerRun(t)
	owner.ok(nil, "admin", "init")
	owner.ok(nil, "admin", "user", "add", "pu_editor", "--role", "editor", "--office", "浦东", "--no-password")
	owner.ok(nil, "admin", "user", "add", "vera", "--role", "viewer", "--no-password")
	if code, _, errs := owner.do("admin", "user", "add", "Bad-Name", "--role", "editor", "--no-password"); code != ExitInvalid || !strings.Contains(errs, "lower-case") {
		t.Errorf("a bad login name: exit %d %s", code, errs)
	}
	login := func(name string) *run {
		u, _ := url.Parse(owner.db)
		u.User = url.User(name)
		return &run{t: t, db: u.String()}
	}
	var logins []struct{ Name, Role, Office string }
	owner.ok(&logins, "admin", "user", "list")
	if fmt.Sprint(logins) != "[{pu_editor editor 浦东} {vera viewer }]" {
		t.Errorf("logins: %v", logins)
	}
	var h holderJSON
	login("pu_editor").ok(&h, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X")
	var shown struct {
		Office    string `json:"office"`
		UpdatedBy string `json:"updated_by"`
	}
	owner.ok(&shown, "holder", "show", strconv.FormatInt(h.ID, 10))
	if shown.Office != "浦东" || shown.UpdatedBy != "pu_editor" {
		t.Errorf("the office's new holder: %+v", shown)
	}
	code, _, errs := login("vera").do("holder", "add", "--name", "李娜", "--id-number", "44030519900101123X")
	if code != ExitInvalid || !strings.Contains(errs, "ask an editor or an administrator") {
		t.Errorf("a viewer's new holder: exit %d %s", code, errs)
	}
	if code, _, errs := login("pu_editor").do("admin", "user", "add", "eve", "--role", "admin", "--no-password"); code != ExitInvalid || !strings.Contains(errs, "Only an administrator") {
		t.Errorf("an editor's new login: exit %d %s", code, errs)
	}
	file := newRun(t)
	if code, _, errs := file.do("admin", "init"); code != ExitInvalid || !strings.Contains(errs, "shared database") {
		t.Errorf("admin init on a file: exit %d %s", code, errs)
	}
}

// Each installation keeps its own signing key and publishes its public
// half in the shared database: a certificate one office exports verifies
// at another office as the agency's, against the shared record.
func TestOneOfficesSealVerifiesAtAnother(t *testing.T) {
	one := newServerRun(t)
	var h holderJSON
	one.ok(&h, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X")
	var c struct {
		ID int64 `json:"id"`
	}
	one.ok(&c, "cert", "add", "--holder", strconv.FormatInt(h.ID, 10), "--level", "social_worker", "--mno", "2019S110001", "--exam-year", "2019", "--passed-on", "2019-09-20", "--issued-on", "2019-12-01")
	one.ok(nil, "key", "name", "浦东办公室")
	pdf := filepath.Join(t.TempDir(), "证书.pdf")
	one.ok(nil, "export", "cert", "--cert", strconv.FormatInt(c.ID, 10), "--out", pdf)

	// Another PC: its own data folder, so its own key.
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	other := &run{t: t, db: one.db}
	var v struct {
		Valid   bool `json:"valid"`
		Matches bool `json:"matches_record"`
		Issuer  struct {
			Name string `json:"name"`
			Own  bool   `json:"own"`
		} `json:"issuer"`
	}
	other.ok(&v, "verify", pdf)
	if !v.Valid || !v.Matches {
		t.Errorf("verified at the other office: %+v", v)
	}
	_, out, _ := other.do("verify", pdf)
	if !strings.Contains(out, "浦东办公室") {
		t.Errorf("the other office's verify does not name the issuer:\n%s", out)
	}
}
