package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data/crypt"
)

func cheapKDF(t *testing.T) {
	prev := kdf
	kdf = crypt.Params{Time: 1, MemoryKiB: 64, Threads: 1}
	t.Cleanup(func() { kdf = prev })
}

// onDisk is every byte of the database's files and its proof files.
func onDisk(t *testing.T, db string) []byte {
	t.Helper()
	var all []byte
	for _, p := range []string{db, db + "-wal", db + "-shm"} {
		b, _ := os.ReadFile(p)
		all = append(all, b...)
	}
	entries, _ := os.ReadDir(proofDir(db))
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(proofDir(db), e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

func TestEncryptionOnTheCommandLine(t *testing.T) {
	cheapKDF(t)
	r := newRun(t)
	dir := t.TempDir()
	scan := filepath.Join(dir, "scan.pdf")
	os.WriteFile(scan, []byte("%PDF-1.4 a scan with 11010519491231002X"), 0o600)
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X", "--phone", "13800138000", "--org", "阳光社工")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2022031100000123", "--exam-year", "2022", "--passed-on", "2022-09-01", "--issued-on", "2022-11-20")
	r.ok(nil, "paper", "set", "--cert", "1", "--method", "onsite", "--proxy-name", "王五", "--proxy-id-number", "44030519900101123X")
	r.ok(nil, "ce", "add", "--holder", "1", "--kind", "training", "--title", "伦理", "--date", "2026-03-01", "--hours", "8", "--review", "approved", "--proof", scan)

	// No passphrase anywhere: refused, and not from the command's arguments.
	code, _, errs := r.do("encryption", "on")
	if code != 2 || !strings.Contains(errs, "--passphrase-file") {
		t.Fatalf("on without a passphrase: %d %q", code, errs)
	}
	if code, _, errs := r.do("--passphrase", "secret secret", "encryption", "on"); code != 2 || !strings.Contains(errs, "Unknown flag --passphrase") {
		t.Errorf("a passphrase in argv: %d %q", code, errs)
	}
	t.Setenv(envPassphrase, "short")
	if code, _, errs := r.do("encryption", "on"); code != 2 || !strings.Contains(errs, "at least 8 characters") {
		t.Errorf("a short passphrase: %d %q", code, errs)
	}
	t.Setenv(envPassphrase, "correct horse battery")
	code, out, errs := r.do("encryption", "on")
	if code != 0 || !strings.Contains(out, "Encryption is on for "+r.db) || !strings.Contains(out, "Encrypted (Argon2id") {
		t.Fatalf("on: %d %q %q", code, out, errs)
	}
	for _, s := range []string{"11010519491231002X", "11010519491231002x", "13800138000", "44030519900101123X", "a scan with"} {
		if bytes.Contains(onDisk(t, r.db), []byte(s)) {
			t.Errorf("%s is on disk in clear", s)
		}
	}

	// Search by the full number and by name; the masked display.
	var list []holderJSON
	r.ok(&list, "holder", "list", "--search", "11010519491231002x")
	if len(list) != 1 || list[0].IDNumber != "110105********002X" || list[0].Phone != "138****8000" {
		t.Errorf("search by ID: %+v", list)
	}
	r.ok(&list, "holder", "list", "--search", "张伟")
	if len(list) != 1 {
		t.Errorf("search by name: %+v", list)
	}
	r.ok(&list, "holder", "list", "--search", "13800138000")
	if len(list) != 1 {
		t.Errorf("search by phone: %+v", list)
	}
	var full holderJSON
	r.ok(&full, "--reveal", "holder", "show", "1")
	if full.IDNumber != "11010519491231002X" || full.Phone != "13800138000" {
		t.Errorf("--reveal: %+v", full)
	}
	if code, _, errs := r.do("holder", "add", "--name", "张伟", "--id-number", "11010519491231002x"); code != 2 || !strings.Contains(errs, "already saved") {
		t.Errorf("duplicate: %d %q", code, errs)
	}
	// Import (an update found by the ID number, and a new holder) and the demo.
	staff := filepath.Join(dir, "staff.csv")
	writeSheet(t, staff, [][]string{
		{"姓名", "身份证号", "工作单位", "级别", "管理号", "考试年份", "合格日期", "发证日期", "手机"},
		{"张伟", "11010519491231002X", "新单位", "社会工作师", "2022031100000123", "2022", "2022-09-01", "2022-11-20", "13900139000"},
		{"王五", "44030519900101123X", "同心社工", "senior", "2023G110003", "2023", "2023-09-20", "2023-12-01", ""},
	})
	var rep importJSON
	r.ok(&rep, "import", staff)
	if rep.Updated != 1 || rep.Imported != 2 || !rep.Written {
		t.Errorf("import on an encrypted database: %+v", rep)
	}
	r.ok(nil, "demo", "--holders", "5")
	r.ok(&list, "holder", "list")
	if len(list) != 7 {
		t.Errorf("%d holders after import and demo", len(list))
	}

	// Without the passphrase: refused with how to give it; a wrong one
	// changes nothing.
	os.Unsetenv(envPassphrase)
	code, _, errs = r.do("holder", "list")
	if code != 2 || !strings.Contains(errs, r.db+" is encrypted") || !strings.Contains(errs, "SWCERT_PASSPHRASE") {
		t.Errorf("no passphrase: %d %q", code, errs)
	}
	before := onDisk(t, r.db)
	wrong := filepath.Join(dir, "wrong")
	os.WriteFile(wrong, []byte("not the passphrase\n"), 0o600)
	code, _, errs = r.do("--passphrase-file", wrong, "holder", "list")
	if code != 2 || !strings.Contains(errs, "not the passphrase of this database") {
		t.Errorf("wrong passphrase: %d %q", code, errs)
	}
	if !bytes.Equal(before, onDisk(t, r.db)) {
		t.Error("a wrong passphrase changed the files")
	}
	for _, c := range []struct{ file, want string }{
		{filepath.Join(dir, "none"), "There is no passphrase file"},
		{"/dev/zero", "at most 1024 bytes"}, // bounded: not read until the process dies
	} {
		if code, _, errs := r.do("--passphrase-file", c.file, "holder", "list"); code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("--passphrase-file %s: %d %q", c.file, code, errs)
		}
	}
	// A file, as scripts give it (its line end is not part of it), and
	// standard input.
	right := filepath.Join(dir, "right")
	os.WriteFile(right, []byte("correct horse battery\n"), 0o600)
	r.ok(&list, "--passphrase-file", right, "holder", "list")
	if len(list) != 7 {
		t.Errorf("with the file: %d", len(list))
	}
	stdin = strings.NewReader("correct horse battery")
	defer func() { stdin = os.Stdin }()
	r.ok(&full, "--reveal", "--passphrase-file", "-", "holder", "show", "1")
	if full.Phone != "13900139000" {
		t.Errorf("with standard input: %+v", full)
	}

	// Change the passphrase, then turn it off: the exact values come back.
	newFile := filepath.Join(dir, "new")
	os.WriteFile(newFile, []byte("a better passphrase"), 0o600)
	r.ok(nil, "--passphrase-file", right, "encryption", "change", "--new-passphrase-file", newFile)
	if code, _, _ := r.do("--passphrase-file", right, "holder", "list"); code != 2 {
		t.Error("the old passphrase still opens it")
	}
	code, out, errs = r.do("--passphrase-file", newFile, "encryption", "off")
	if code != 0 || !strings.Contains(out, "Encryption is off") {
		t.Fatalf("off: %d %q %q", code, out, errs)
	}
	r.ok(&full, "--reveal", "holder", "show", "1")
	var p struct {
		ProxyIDNumber string `json:"proxy_id_number"`
	}
	r.ok(&p, "--reveal", "paper", "show", "--cert", "1")
	if full.IDNumber != "11010519491231002X" || full.Phone != "13900139000" || p.ProxyIDNumber != "44030519900101123X" {
		t.Errorf("after off: %+v %+v", full, p)
	}
	if !bytes.Contains(onDisk(t, r.db), []byte("%PDF-1.4 a scan with 11010519491231002X")) {
		t.Error("the proof file is not plain again")
	}
	var st struct {
		On bool `json:"on"`
	}
	r.ok(&st, "encryption", "status")
	if st.On {
		t.Error("still on")
	}
}
