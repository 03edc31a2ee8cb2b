package docs

import (
	"archive/zip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
)

// batchInstallation has n holders: the odd ones with an annotated
// certificate (exportable), the even ones without (skipped).
func batchInstallation(t *testing.T, n int) *installation {
	t.Helper()
	in := newInstallation(t)
	for i := 0; i < n; i++ {
		first17 := "110105" + data.NewDate(1980, 1, 1).AddDays(i).Time().Format("20060102") + "123"
		h := &data.Holder{Name: "持证人" + string(rune('甲'+i)), IDNumber: first17 + string(data.IDCheckChar(first17))}
		if err := in.db.CreateHolder(ctx, h); err != nil {
			t.Fatal(err)
		}
		c := &data.Certificate{HolderID: h.ID, Level: data.LevelSocialWorker, MNo: "2022S11" + string(rune('A'+i)) + "0001", ExamYear: 2022,
			PassedOn: data.NewDate(2022, 9, 20), IssuedOn: data.NewDate(2022, 12, 1), Issuer: data.DefaultIssuer}
		if err := in.db.CreateCertificate(ctx, c); err != nil {
			t.Fatal(err)
		}
		if i%2 == 1 {
			if _, err := in.db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 90); err != nil {
				t.Fatal(err)
			}
		}
	}
	in.now = in.now.Add(25 * time.Hour)
	return in
}

func TestBatchZipAndSkips(t *testing.T) {
	in := batchInstallation(t, 6)
	out := filepath.Join(t.TempDir(), "certs.zip")
	var last int
	res, err := in.svc.ExportCertificates(ctx, "", out, func(done, total int) { last = done })
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 3 || len(res.Skipped) != 3 || last != 6 || res.Canceled {
		t.Fatalf("result %+v (progress %d)", res, last)
	}
	if key(res.Skipped[0].Reason) != "err.download.no_annotation" {
		t.Errorf("skip reason %v", res.Skipped[0].Reason)
	}
	z, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	if len(z.File) != 3 || !strings.HasSuffix(z.File[0].Name, ".pdf") {
		t.Errorf("zip holds %d files", len(z.File))
	}
}

func TestBatchCancelLeavesNoZip(t *testing.T) {
	in := batchInstallation(t, 8)
	dir := t.TempDir()
	out := filepath.Join(dir, "certs.zip")
	c, cancel := context.WithCancel(ctx)
	res, err := in.svc.ExportCertificates(c, "", out, func(done, total int) {
		if done == 2 {
			cancel()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Canceled || len(res.Written) != 0 {
		t.Errorf("canceled result %+v", res)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestBatchFolder(t *testing.T) {
	in := batchInstallation(t, 4)
	dir := filepath.Join(t.TempDir(), "out")
	res, err := in.svc.ExportCertificates(ctx, "持证人"+string(rune('甲'+1)), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 1 {
		t.Fatalf("written %v skipped %v", res.Written, res.Skipped)
	}
	b, err := os.ReadFile(filepath.Join(dir, res.Written[0]))
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Errorf("file: %v", err)
	}
	// Private as every export is, and nothing else left in the folder.
	st, err := os.Stat(filepath.Join(dir, res.Written[0]))
	if entries, _ := os.ReadDir(dir); err != nil || st.Mode().Perm() != 0o600 || len(entries) != 1 {
		t.Errorf("mode %v (%v), %d files in the folder", st.Mode(), err, len(entries))
	}
}

// failingAnns is the store with one read failing as a broken database
// does: a plain error, not an application error.
type failingAnns struct {
	data.AnnotationService
	annotations func(ctx context.Context, certID int64) ([]data.Annotation, error)
}

func (f failingAnns) Annotations(ctx context.Context, certID int64) ([]data.Annotation, error) {
	return f.annotations(ctx, certID)
}

// "Any internal failure in a batch export is reported as invalid input":
// a store that fails stops the batch with the store's error, which stays
// an internal error (logged, shown as a plain sentence, exit 1), not a
// write failure of the person's path quoting it.
func TestBatchStoreFailureIsInternal(t *testing.T) {
	in := batchInstallation(t, 4)
	broken := errors.New("sql: database is closed")
	svc := *in.svc
	svc.Anns = failingAnns{in.db, func(context.Context, int64) ([]data.Annotation, error) { return nil, broken }}
	for _, out := range []string{filepath.Join(t.TempDir(), "certs.zip"), filepath.Join(t.TempDir(), "out")} {
		res, err := svc.ExportCertificates(ctx, "", out, nil)
		if res != nil || !errors.Is(err, broken) || data.AsError(err) != nil || data.ErrorCode(err) != data.EINTERNAL {
			t.Errorf("%s: result %+v, error %v (code %q), want the store's error as an internal one", filepath.Base(out), res, err, data.ErrorCode(err))
		}
	}
}

// A path that cannot take the batch is the person's to fix, in words.
func TestBatchOutPathInWords(t *testing.T) {
	in := batchInstallation(t, 2)
	dir := t.TempDir()
	file := filepath.Join(dir, "a file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for out, want := range map[string]string{
		file:                              "err.file.not_folder", // a folder was meant
		filepath.Join(file, "certs.zip"):  "err.file.no_folder",
		filepath.Join(file, "sub", "out"): "err.file.no_folder",
	} {
		_, err := in.svc.ExportCertificates(ctx, "", out, nil)
		if e := data.AsError(err); e == nil || e.Key != want || e.Field != "out" {
			t.Errorf("out %s: %v, want %s", out, err, want)
		}
	}
}
