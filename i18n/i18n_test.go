package i18n

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/swcert/swcert/assets"
	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/docs"
)

func loadFile(t *testing.T, name string) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(assets.Translations, "translations/"+name)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

func TestFilesLoadAndAgree(t *testing.T) {
	if err := LoadError(); err != nil {
		t.Fatal(err)
	}
	en, zh := loadFile(t, "en.json"), loadFile(t, "zh_Hans.json")
	for k := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("zh_Hans.json lacks %q", k)
		}
	}
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q", k)
		}
	}
}

// keyLike is how a message key looks in Go source: "err.id.checksum".
var keyLike = regexp.MustCompile(`^(err|cli|field|holder|holders|cert|certs|menu|demo|settings|about|reveal|annotation|tab|app|date|ann|verify|keys|scene|list|reg|ce|proof|paper|sex|fee|mail|att|dash|import|export|batch|remind)\.[a-z0-9_.]+$`)

// TestEveryKeyInSourceIsTranslated finds every literal message key in the
// code and every key built from a code list, and checks both languages
// have it: a missing key would show the key itself to a person.
func TestEveryKeyInSourceIsTranslated(t *testing.T) {
	en, zh := loadFile(t, "en.json"), loadFile(t, "zh_Hans.json")
	keys := map[string]string{}
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "zz_deps" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && keyLike.MatchString(s) && !strings.HasSuffix(s, ".") {
					keys[s] = path
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range data.Levels {
		keys["level."+string(l)] = "data.Levels"
		keys["title."+l.Title()] = "Level.Title"
	}
	for _, k := range data.IDTypes {
		keys["id_type."+string(k)] = "data.IDTypes"
	}
	for _, s := range data.CertStatuses {
		keys["status."+string(s)] = "data.CertStatuses"
	}
	for _, s := range data.Scenes {
		keys["scene."+string(s)] = "data.Scenes"
	}
	for _, s := range []data.AnnotationState{data.AnnGenerating, data.AnnValid, data.AnnExpired, data.AnnWithdrawn} {
		keys["annotation.state."+string(s)] = "annotation states"
	}
	for _, k := range data.RegKinds {
		keys["reg.kind."+string(k)] = "data.RegKinds"
	}
	for _, st := range data.RegStatuses {
		keys["reg.status."+string(st)] = "data.RegStatuses"
	}
	for _, k := range []data.DueKind{data.DueFirst, data.DueRenewal} {
		for _, st := range []data.DueState{data.DueUpcoming, data.DueOpen, data.DueApplied, data.DueMissed, data.DueLapsed} {
			keys["reg.due."+string(k)+"."+string(st)] = "data.RegistrationDue"
		}
	}
	for _, k := range data.CEKinds() {
		keys["ce.kind."+string(k)] = "data.CERules"
	}
	for _, r := range data.Reviews {
		keys["ce.review."+string(r)] = "data.Reviews"
	}
	for _, m := range data.PaperMethods {
		keys["paper.method."+string(m)] = "data.PaperMethods"
	}
	for _, st := range data.PaperStatuses {
		keys["paper.status."+string(st)] = "data.PaperStatuses"
	}
	for _, k := range data.AttentionKinds {
		keys["att.kind."+string(k)] = "data.AttentionKinds"
	}
	for _, k := range []string{"first", "renewal"} {
		keys["att.reg_open."+k] = "data.AttentionItems"
		keys["att.reg_upcoming."+k] = "data.AttentionItems"
	}
	for _, st := range []string{"missed", "lapsed"} {
		keys["att.reg."+st] = "data.AttentionItems"
	}
	for _, x := range data.Sexes {
		keys["sex."+string(x)] = "data.Sexes"
	}
	for _, x := range data.Fees {
		keys["fee."+string(x)] = "data.Fees"
	}
	for _, k := range []string{"own", "trusted", "unknown"} {
		keys["verify.check.issuer."+k] = "docs.Key*"
	}
	for _, o := range []string{docs.OutcomeValid, docs.OutcomeUnknownKey, docs.OutcomeExpired, docs.OutcomeInvalid} {
		keys["verify.outcome."+o] = "docs.Outcome*"
	}
	for _, c := range []string{docs.CheckIntegrity, docs.CheckSignature, docs.CheckIssuer, docs.CheckExpiry, docs.CheckRecord} {
		keys["verify.check."+c] = "docs.Check*"
	}
	for _, k := range []string{"integrity.passed", "integrity.failed", "signature.passed", "signature.failed", "signature.unknown",
		"expiry.passed", "expiry.failed", "expiry.unknown", "record.passed", "record.none", "record.unknown"} {
		keys["verify.check."+k] = "CheckLines"
	}
	// Every field an error or a mismatch can name.
	for _, f := range []string{"id", "name", "id_type", "id_number", "phone", "org", "region", "holder_id", "level", "mno",
		"exam_year", "passed_on", "issued_on", "issuer", "status", "cert_id", "scene", "days", "at", "annotation",
		"seal", "key", "kid", "input", "out", "state", "applied_at", "completed_at", "withdrawn_at", "valid_from", "valid_until", "days_left",
		"kind", "applied_on", "valid_to", "title", "provider", "date", "hours", "review", "proof", "period_start", "period_end", "ce_records", "period",
		"method", "window_start", "window_end", "place", "proxy_name", "proxy_id_number", "sent_on", "sent_to", "courier", "tracking",
		"collected_on", "sex", "recipient", "province", "city", "district", "address", "postcode", "fee", "mail_form", "reminder"} {
		keys["field."+f] = "data fields"
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d keys: is the source walk broken?", len(keys))
	}
	for k, where := range keys {
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q (used in %s)", k, where)
		}
		if _, ok := zh[k]; !ok {
			t.Errorf("zh_Hans.json lacks %q (used in %s)", k, where)
		}
	}
}

func TestTranslateAndErrors(t *testing.T) {
	defer SetLanguage(English)
	SetLanguage(Chinese)
	if got := T("err.too_long", "Max", 50); got != "太长：最多 50 个字符。" {
		t.Errorf("zh %q", got)
	}
	err := data.Invalid("id_number", "err.id.checksum", "Want", "X")
	if got := FieldMessage(err); got != "证件号码：校验位不符：应为 X，请逐位核对。" {
		t.Errorf("zh field message %q", got)
	}
	SetLanguage(English)
	if got := Message(err); got != "The check character does not match: it should be X. Check every digit." {
		t.Errorf("en %q", got)
	}
	if got := Message(os.ErrPermission); !strings.HasPrefix(got, "Something went wrong inside SWCert") {
		t.Errorf("internal errors must not show their text: %q", got)
	}
	row := data.Conflict("mno", "err.duplicate.mno", "Row", 4)
	if got := Message(row); got != "Record 4: A certificate with this management number is already saved." {
		t.Errorf("batch error %q", got)
	}
}

func TestResolve(t *testing.T) {
	cases := []struct{ pref, sys, want string }{
		{"", "zh-CN", Chinese},
		{"", "zh_TW.UTF-8", Chinese},
		{"", "en-US", English},
		{"", "fr-FR", English},
		{"", "", English},
		{"en", "zh-CN", English},
		{"zh", "en-US", Chinese},
		{"zh_Hans", "", Chinese},
	}
	for _, c := range cases {
		if got := Resolve(c.pref, c.sys); got != c.want {
			t.Errorf("Resolve(%q, %q) = %q, want %q", c.pref, c.sys, got, c.want)
		}
	}
}

// A seal of format 2 names no exporter: the line is the time alone, with
// no trailing spaces (it ended in two).
func TestExportedLine(t *testing.T) {
	SetLanguage(English)
	at := int64(1795314600) // 2026-11-22 10:30 Beijing time
	if got := Exported(at, ""); got != Unix(at) {
		t.Errorf("no exporter: %q", got)
	}
	if got := Exported(at, "阳光社工"); got != Unix(at)+"  阳光社工" {
		t.Errorf("an exporter: %q", got)
	}
}
