package docs

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

// A batch ZIP lists its Chinese names and the export's time in Debian's
// unzip and in Python's zipfile, as a person opening it sees them.
func TestBatchZipNamesInUnzip(t *testing.T) {
	in := batchInstallation(t, 2)
	out := filepath.Join(t.TempDir(), "certs.zip")
	res, err := in.svc.ExportCertificates(ctx, "", out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 1 || res.Written[0] != "持证人"+string(rune('甲'+1))+"-2022S11B0001.pdf" {
		t.Fatalf("written %q", res.Written)
	}
	day := in.now.In(data.Beijing).Format("2006-01-02")
	if _, err := exec.LookPath("unzip"); err != nil {
		t.Skip("unzip not installed")
	}
	b, err := exec.Command("unzip", "-l", out).CombinedOutput()
	if err != nil {
		t.Fatalf("unzip -l: %v\n%s", err, b)
	}
	if !strings.Contains(string(b), res.Written[0]) || !strings.Contains(string(b), day) {
		t.Errorf("unzip -l shows\n%s\nwant %q on %s", b, res.Written[0], day)
	}
	b, err = exec.Command("unzip", "-Z", out).CombinedOutput()
	if err != nil {
		t.Fatalf("unzip -Z: %v\n%s", err, b)
	}
	if !strings.Contains(string(b), "-rw-r--r--") || !strings.Contains(string(b), "unx") {
		t.Errorf("unzip -Z shows\n%s\nwant a Unix entry with mode -rw-r--r--", b)
	}
	py := `import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for i in z.infolist():
    print(i.filename, i.create_system, i.flag_bits & 0x800, "%04d-%02d-%02d" % i.date_time[:3], oct(i.external_attr >> 16))`
	b, err = exec.Command("/usr/bin/python3", "-c", py, out).CombinedOutput()
	if err != nil {
		t.Skipf("python3: %v\n%s", err, b)
	}
	want := res.Written[0] + " 3 2048 " + day + " 0o100644"
	if strings.TrimSpace(string(b)) != want {
		t.Errorf("python zipfile reads %q, want %q", strings.TrimSpace(string(b)), want)
	}
}

// A batch of CE reports names each file for the holder and the
// certificate the report is against, never for an internal ID.
func TestBatchCEReportNames(t *testing.T) {
	in := newInstallation(t)
	c := in.certificate(t, "2023S1100001", data.NewDate(2023, 12, 1))
	withPeriodFor(t, in, c)
	dir := filepath.Join(t.TempDir(), "out")
	res, err := in.svc.ExportCEReports(ctx, "", dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 1 || res.Written[0] != "欧阳娜娜-2023S1100001-继续教育学时报告.pdf" {
		t.Errorf("written %q, skipped %+v", res.Written, res.Skipped)
	}
}
