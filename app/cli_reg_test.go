package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRegistrationCommands(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "assistant", "--mno", "2025Z110001", "--exam-year", "2025", "--passed-on", "2025-09-20", "--issued-on", "2025-12-01")

	var due []struct {
		Kind     string `json:"kind"`
		OpensOn  string `json:"opens_on"`
		ClosesOn string `json:"closes_on"`
		State    string `json:"state"`
	}
	r.ok(&due, "reg", "due", "--cert", "1")
	if len(due) != 1 || due[0].Kind != "first" || due[0].ClosesOn != "2026-09-20" || due[0].State != "missed" {
		t.Fatalf("due %+v", due)
	}
	_, out, _ := r.do("reg", "due", "--cert", "1")
	if !strings.Contains(out, "First-registration window missed on 2026-09-20") {
		t.Errorf("due in words: %q", out)
	}

	var reg struct {
		ID      int64  `json:"id"`
		Status  string `json:"status"`
		ValidTo string `json:"valid_to"`
	}
	r.ok(&reg, "reg", "add", "--cert", "1", "--kind", "first", "--status", "pending", "--applied-on", "2026-03-01", "--region", "北京市")
	r.ok(&reg, "reg", "edit", "1", "--status", "issued", "--valid-from", "2026-04-01")
	if reg.Status != "issued" || reg.ValidTo != "2029-03-31" {
		t.Fatalf("edited %+v", reg)
	}
	code, _, errs := r.do("reg", "edit", "1", "--region", "上海市")
	if code != 2 || !strings.Contains(errs, "past its first review") {
		t.Errorf("read-only: %d %q", code, errs)
	}
	r.ok(&due, "reg", "due", "--cert", "1")
	if due[0].Kind != "renewal" || due[0].OpensOn != "2029-01-01" || due[0].ClosesOn != "2029-03-31" || due[0].State != "upcoming" {
		t.Errorf("renewal due %+v", due)
	}
	code, _, errs = r.do("reg", "add", "--cert", "1", "--kind", "third")
	if code != 2 || !strings.Contains(errs, "kind") {
		t.Errorf("bad kind: %d %q", code, errs)
	}
}

func TestCECommands(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2023S110001", "--exam-year", "2023", "--passed-on", "2023-09-20", "--issued-on", "2023-12-01")
	r.ok(nil, "reg", "add", "--cert", "1", "--kind", "first", "--status", "issued", "--applied-on", "2024-03-01", "--valid-from", "2024-04-01")

	dir := t.TempDir()
	proof, bad, big := filepath.Join(dir, "证书.pdf"), filepath.Join(dir, "note.txt"), filepath.Join(dir, "big.pdf")
	os.WriteFile(proof, []byte("%PDF-1.4 certificate of completion"), 0o600)
	os.WriteFile(bad, []byte("just text"), 0o600)
	os.WriteFile(big, append([]byte("%PDF-"), make([]byte, 11<<20)...), 0o600)

	var rec struct {
		ID     int64   `json:"id"`
		Hours  float64 `json:"hours"`
		Review string  `json:"review"`
		Proofs []struct {
			Name   string `json:"name"`
			SHA256 string `json:"sha256"`
		} `json:"proofs"`
	}
	r.ok(&rec, "ce", "add", "--holder", "1", "--kind", "training", "--title", "社区治理培训", "--hours", "24", "--date", "2025-03-01", "--proof", proof)
	if rec.Review != "pending" || len(rec.Proofs) != 1 || rec.Proofs[0].Name != "证书.pdf" {
		t.Fatalf("added %+v", rec)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(r.db), "proofs", rec.Proofs[0].SHA256+".pdf")); err != nil {
		t.Errorf("proof file not kept: %v", err)
	}
	proofDir := filepath.Join(filepath.Dir(r.db), "proofs")
	files := func() int {
		n := 0
		entries, _ := os.ReadDir(proofDir)
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), ".") {
				n++
			}
		}
		return n
	}
	// Refused files are refused before they are read in full, and a
	// device, a pipe or a folder before anything is read.
	refused := []struct{ path, want string }{{bad, "Only PDF, PNG or JPEG"}, {big, "at most 10 MB"}, {dir, "is not a file"}, {os.DevNull, "is not a file"}}
	if _, err := os.Stat("/dev/zero"); err == nil {
		refused = append(refused, struct{ path, want string }{"/dev/zero", "is not a file"})
	}
	if pipe := filepath.Join(dir, "pipe.pdf"); mkfifo(pipe) == nil {
		refused = append(refused, struct{ path, want string }{pipe, "is not a file"}) // nobody writes to it: read, it would wait
	}
	for _, f := range refused {
		code, _, errs := r.do("ce", "add", "--holder", "1", "--kind", "online", "--title", "x", "--hours", "1", "--date", "2025-03-01", "--proof", f.path)
		if code != 2 || !strings.Contains(errs, f.want) {
			t.Errorf("%s: %d %q", f.path, code, errs)
		}
	}
	// A good file with a record refused for another reason: no file kept.
	other := filepath.Join(dir, "另一份.pdf")
	os.WriteFile(other, []byte("%PDF-1.4 another certificate"), 0o600)
	for _, args := range [][]string{
		{"--hours", "7.85"}, {"--hours", "0"}, {"--hours", "1e1"}, {"--date", "2027-01-01"}, {"--review", "approved"},
	} {
		add := append([]string{"ce", "add", "--holder", "1", "--kind", "online", "--title", "x", "--hours", "1", "--date", "2025-03-01", "--proof", other}, args...)
		code, _, errs := r.do(add...)
		if code != 2 || files() != 1 {
			t.Errorf("ce add %v: exit %d %q, %d files in proofs/", args, code, errs, files())
		}
	}
	// Decision: online courses need no review; giving one is refused.
	code, _, errs := r.do("ce", "add", "--holder", "1", "--kind", "online", "--title", "网课", "--hours", "2", "--date", "2025-03-01", "--review", "approved")
	if code != 2 || !strings.Contains(errs, "Online courses need no review") {
		t.Errorf("online with a review: %d %q", code, errs)
	}
	for _, h := range []string{"7.85", "0", "1e1", "0x1p3", "NaN", "7,5"} {
		if code, _, errs := r.do("ce", "add", "--holder", "1", "--kind", "online", "--title", "网课", "--hours", h, "--date", "2025-03-01"); code != 2 || !strings.Contains(errs, "hours") {
			t.Errorf("%s hours: %d %q", h, code, errs)
		}
	}
	if _, _, errs := r.do("ce", "add", "--holder", "1", "--kind", "online", "--title", "网课", "--hours", "7.85", "--date", "2025-03-01"); !strings.Contains(errs, "7.85 has more than one decimal") {
		t.Errorf("7.85 hours: %q", errs)
	}
	var list []struct{ ID int64 }
	r.ok(&list, "ce", "list", "--holder", "1")
	if len(list) != 1 {
		t.Fatalf("refused proofs saved records: %+v", list)
	}
	var online struct {
		Hours  float64 `json:"hours"`
		Review *string `json:"review"`
	}
	r.ok(&online, "ce", "add", "--holder", "1", "--kind", "online", "--title", "网课", "--hours", "10.5", "--date", "2025-05-01")
	if online.Hours != 10.5 || online.Review != nil {
		t.Errorf("online record %+v: no review status, 10.5 hours", online)
	}
	r.ok(nil, "ce", "add", "--holder", "1", "--kind", "degree", "--title", "MSW", "--date", "2026-07-01", "--review", "approved")

	var progress []struct {
		Start    string  `json:"period_start"`
		End      string  `json:"period_end"`
		Required float64 `json:"required_hours"`
		Credited float64 `json:"credited_hours"`
		Pending  float64 `json:"pending_hours"`
		Missing  float64 `json:"missing_hours"`
	}
	r.ok(&progress, "ce", "progress", "--holder", "1")
	if len(progress) != 1 || progress[0].Start != "2024-04-01" || progress[0].Required != 90 || progress[0].Credited != 100.5 || progress[0].Pending != 24 || progress[0].Missing != 0 {
		t.Fatalf("progress %+v", progress)
	}
	r.ok(nil, "ce", "edit", "1", "--review", "approved")
	r.ok(&progress, "ce", "progress", "--holder", "1")
	if progress[0].Credited != 124.5 || progress[0].Pending != 0 {
		t.Errorf("after approval %+v", progress)
	}
	out := filepath.Join(dir, "ce.pdf")
	r.ok(nil, "export", "ce-report", "--holder", "1", "--out", out)
	var v verdictJSON
	r.ok(&v, "verify", out)
	if !v.Valid || v.MatchesRecord == nil || !*v.MatchesRecord {
		t.Errorf("CE report verdict %+v", v)
	}
	r.ok(nil, "ce", "delete", "2")
	if code, _, _ := r.do("ce", "delete", "2"); code != 2 {
		t.Errorf("deleting twice: exit %d", code)
	}
	// The record with the proof deleted: its file goes with it.
	if files() != 1 {
		t.Fatalf("%d files before deleting the record with the proof", files())
	}
	r.ok(nil, "ce", "delete", "1")
	if files() != 0 {
		t.Errorf("%d files in proofs/ after its record was deleted", files())
	}
}
