package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

// holder delete and cert delete say what went with the record, counted by
// the store (the same count the window's question shows): before, the
// report said "Deleted holder 1." whatever it took along.
func TestDeleteSaysWhatWentWithIt(t *testing.T) {
	r := newRun(t)
	certWithHolder(r)
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "assistant", "--mno", "2021Z110002", "--exam-year", "2021", "--passed-on", "2021-09-20", "--issued-on", "2021-12-01")
	r.ok(nil, "annotate", "apply", "--cert", "1", "--days", "30")
	r.ok(nil, "reg", "add", "--cert", "1", "--kind", "first", "--status", "pending", "--applied-on", "2022-10-01")
	proof := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(proof, []byte("%PDF-1.4\n%%EOF\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r.ok(nil, "ce", "add", "--holder", "1", "--kind", "training", "--title", "督导", "--hours", "8", "--date", "2025-03-01", "--review", "approved", "--proof", proof)
	r.ok(nil, "ce", "add", "--holder", "1", "--kind", "training", "--title", "伦理", "--hours", "8", "--date", "2025-04-01", "--review", "approved", "--proof", proof)

	var cert struct {
		With data.Dependents `json:"with"`
	}
	r.ok(&cert, "cert", "delete", "2")
	if cert.With != (data.Dependents{}) {
		t.Errorf("a bare certificate took along %+v", cert.With)
	}
	var got struct {
		Deleted bool            `json:"deleted"`
		With    data.Dependents `json:"with"`
	}
	r.ok(&got, "holder", "delete", "1")
	want := data.Dependents{Certificates: 1, Annotations: 1, Registrations: 1, CERecords: 2, ProofFiles: 1}
	if !got.Deleted || got.With != want {
		t.Errorf("holder delete --json: %+v, want %+v", got, want)
	}

	// In words, as a person reads it (the holder and certificate made
	// again take the first free IDs).
	certWithHolder(r)
	r.ok(nil, "annotate", "apply", "--cert", "1", "--days", "30")
	code, out, errs := r.do("holder", "delete", "1")
	if code != 0 || !strings.Contains(out, "Deleted holder 1.") || !strings.Contains(out, "With it: its certificate.") ||
		!strings.Contains(out, "Also deleted: annotations (1).") {
		t.Errorf("exit %d %q %q", code, out, errs)
	}
}
