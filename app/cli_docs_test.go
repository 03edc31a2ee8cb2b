package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

type annotationJSON struct {
	ID         int64  `json:"id"`
	CertID     int64  `json:"cert_id"`
	State      string `json:"state"`
	AppliedAt  string `json:"applied_at"`
	ValidFrom  string `json:"valid_from"`
	ValidUntil string `json:"valid_until"`
	Days       int    `json:"days"`
}

type verdictJSON struct {
	Valid         bool           `json:"valid"`
	Key           string         `json:"key"`
	Expired       bool           `json:"expired"`
	Claims        map[string]any `json:"claims"`
	MatchesRecord *bool          `json:"matches_record"`
}

// certWithHolder adds a holder and a certificate issued after 2021-12-17.
func certWithHolder(r *run) {
	r.ok(nil, "holder", "add", "--name", "欧阳娜娜", "--id-number", "11010519491231002X")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2022S110001", "--exam-year", "2022", "--passed-on", "2022-09-20", "--issued-on", "2022-12-01")
}

func TestAnnotateExportVerify(t *testing.T) {
	r := newRun(t)
	certWithHolder(r)
	out := filepath.Join(t.TempDir(), "c.pdf")

	code, _, errs := r.do("export", "cert", "--cert", "1", "--out", out)
	if code != 2 || !strings.Contains(errs, "needs an annotation") {
		t.Fatalf("export before annotating: %d %q", code, errs)
	}
	var a annotationJSON
	r.ok(&a, "annotate", "apply", "--cert", "1")
	if a.ID != 1 || a.State != "generating" || a.Days != 90 || a.AppliedAt == "" || a.ValidUntil == "" {
		t.Fatalf("applied %+v", a)
	}
	code, _, errs = r.do("export", "cert", "--cert", "1", "--out", out)
	if code != 2 || !strings.Contains(errs, "being completed") {
		t.Fatalf("export while generating: %d %q", code, errs)
	}
	r.ok(&a, "--now", "2026-11-22T06:00:00Z", "annotate", "complete", "1", "--at", "2026-11-22T05:00:00Z")
	if a.State != "valid" {
		t.Fatalf("completed: %+v", a)
	}
	r.ok(nil, "--now", "2026-11-23", "export", "cert", "--cert", "1", "--out", out)
	if b, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("no PDF written: %v", err)
	}

	var v verdictJSON
	r.ok(&v, "--now", "2026-11-23", "verify", out)
	if !v.Valid || v.Key != "own" || v.Expired || v.MatchesRecord == nil || !*v.MatchesRecord || v.Claims["idm"] != "110105********002X" {
		t.Errorf("verdict %+v", v)
	}
	// After the annotation's end, the seal has expired: exit 1.
	code, stdout, _ := r.do("--now", "2027-03-01", "verify", out)
	if code != 1 || !strings.Contains(stdout, "NOT valid") || !strings.Contains(stdout, "expired") {
		t.Errorf("expired seal: exit %d\n%s", code, stdout)
	}
	// The seal's text through standard input, one character changed.
	var full struct {
		JWS string `json:"jws"`
	}
	r.ok(&full, "--now", "2026-11-23", "verify", out)
	forged := []byte(full.JWS)
	i := strings.IndexByte(full.JWS, '.') + 10
	forged[i] ^= 1
	stdin = strings.NewReader(string(forged))
	defer func() { stdin = os.Stdin }()
	code, stdout, _ = r.do("--now", "2026-11-23", "verify", "-")
	if code != 1 || !strings.Contains(stdout, "NOT valid") {
		t.Errorf("forged seal: exit %d\n%s", code, stdout)
	}
}

func TestAnnotationQuotaAndWithdraw(t *testing.T) {
	r := newRun(t)
	certWithHolder(r)
	for _, day := range []string{"2026-09-01", "2026-10-01", "2026-11-01"} {
		r.ok(nil, "--now", day, "annotate", "apply", "--cert", "1", "--days", "30")
	}
	code, _, errs := r.do("--now", "2026-11-22", "annotate", "apply", "--cert", "1")
	if code != 2 || !strings.Contains(errs, "next one is possible on 2026-11-30") {
		t.Fatalf("4th in 90 days: %d %q", code, errs)
	}
	// Withdrawn once it was valid, it still counts: apply, export, withdraw
	// cannot get round the limit.
	r.ok(nil, "annotate", "withdraw", "3")
	if code, _, errs := r.do("--now", "2026-11-22", "annotate", "apply", "--cert", "1"); code != 2 || !strings.Contains(errs, "2026-11-30") {
		t.Fatalf("after withdrawing a valid one: %d %q", code, errs)
	}
	// Withdrawn while still being generated, it does not count.
	r.ok(nil, "--now", "2026-11-30", "annotate", "apply", "--cert", "1")
	r.ok(nil, "--now", "2026-11-30T10:00:00+08:00", "annotate", "withdraw", "4")
	r.ok(nil, "--now", "2026-11-30T11:00:00+08:00", "annotate", "apply", "--cert", "1", "--scene", "本人调用") // the scenario by its Chinese name
	var list struct {
		Annotations []annotationJSON `json:"annotations"`
		Quota       struct {
			Used int  `json:"used"`
			OK   bool `json:"ok"`
		} `json:"quota"`
	}
	r.ok(&list, "--now", "2026-11-30T12:00:00+08:00", "annotate", "list", "--cert", "1")
	if len(list.Annotations) != 5 || list.Annotations[2].State != "withdrawn" || list.Annotations[3].State != "withdrawn" || list.Quota.Used != 3 || list.Quota.OK {
		t.Errorf("list %+v", list)
	}
}

func TestKeysBetweenInstallations(t *testing.T) {
	holder, agency := newRun(t), newRun(t)
	certWithHolder(holder)
	holder.ok(nil, "--now", "2026-11-20", "annotate", "apply", "--cert", "1")
	dir := t.TempDir()
	pdf, jwk := filepath.Join(dir, "c.pdf"), filepath.Join(dir, "holder.jwk")
	holder.ok(nil, "export", "cert", "--cert", "1", "--out", pdf)

	code, stdout, _ := agency.do("verify", pdf)
	if code != 1 || !strings.Contains(stdout, "unknown key") {
		t.Fatalf("unknown key: %d\n%s", code, stdout)
	}
	holder.ok(nil, "key", "export", "--out", jwk)
	agency.ok(nil, "key", "trust", jwk, "--name", "张三")
	var v verdictJSON
	agency.ok(&v, "verify", pdf)
	if !v.Valid || v.Key != "trusted" || v.MatchesRecord != nil {
		t.Errorf("trusted: %+v", v)
	}
	var keys []struct {
		KID  string `json:"kid"`
		Name string `json:"name"`
		Own  bool   `json:"own"`
	}
	agency.ok(&keys, "key", "list")
	if len(keys) != 2 || !keys[0].Own || keys[1].Name != "张三" {
		t.Fatalf("keys %+v", keys)
	}
	// A key ID may begin with "-": "--" ends the flags, as usual.
	code, _, errs := agency.do("key", "untrust", "--", keys[0].KID)
	if code != 2 || !strings.Contains(errs, "own key") {
		t.Errorf("untrust own: %d %q", code, errs)
	}
	agency.ok(nil, "key", "untrust", "--", keys[1].KID)
	if code, _, _ := agency.do("verify", pdf); code != 1 {
		t.Errorf("after untrust: exit %d", code)
	}
	bad := filepath.Join(dir, "bad.jwk")
	if err := os.WriteFile(bad, []byte(`{"kty":"RSA"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := agency.do("key", "trust", bad, "--name", "x"); code != 2 || !strings.Contains(errs, "not an SWCert public key") {
		t.Errorf("bad jwk: %d %q", code, errs)
	}
}

func TestVerifyPhoto(t *testing.T) {
	r := newRun(t)
	certWithHolder(r)
	r.ok(nil, "--now", "2026-11-20", "annotate", "apply", "--cert", "1")
	dir := t.TempDir()
	pdf := filepath.Join(dir, "c.pdf")
	r.ok(nil, "export", "cert", "--cert", "1", "--out", pdf)
	if out, err := exec.Command("pdftoppm", "-r", "150", "-jpeg", "-singlefile", pdf, filepath.Join(dir, "photo")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm (make test-deps installs it): %v %s", err, out)
	}
	var v verdictJSON
	r.ok(&v, "verify", filepath.Join(dir, "photo.jpg"))
	if !v.Valid {
		t.Errorf("JPEG of the page: %+v", v)
	}
	code, _, errs := r.do("verify", filepath.Join(dir, "missing.pdf"))
	if code != 2 || !strings.Contains(errs, "Cannot read") {
		t.Errorf("missing file: %d %q", code, errs)
	}
}

// The command line says what the Verify tab says: a seal of a key not
// known here cannot be confirmed (it is not called invalid), one line per
// check, and the record is not claimed missing.
func TestVerifyCheckLines(t *testing.T) {
	holder, agency := newRun(t), newRun(t)
	certWithHolder(holder)
	holder.ok(nil, "--now", "2026-11-20", "annotate", "apply", "--cert", "1")
	pdf := filepath.Join(t.TempDir(), "c.pdf")
	holder.ok(nil, "export", "cert", "--cert", "1", "--out", pdf)
	code, stdout, _ := agency.do("verify", pdf)
	for _, want := range []string{"Signed by an unknown key: cannot confirm who issued it.", "✔ Integrity:", "? Signature:", "? Issuer:", "? Expiry:", "? This database:  not compared"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("unknown key: lacks %q\n%s", want, stdout)
		}
	}
	if code != 1 || strings.Contains(stdout, "NOT valid") || strings.Contains(stdout, "no certificate") {
		t.Errorf("unknown key: exit %d\n%s", code, stdout)
	}
	var v struct {
		Outcome string `json:"outcome"`
		Checks  []struct{ Name, State string }
	}
	holder.ok(&v, "verify", pdf)
	if v.Outcome != "valid" || len(v.Checks) != 5 || v.Checks[4].Name != "record" || v.Checks[4].State != "passed" {
		t.Errorf("JSON %+v", v)
	}
}
