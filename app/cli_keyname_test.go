package app

import (
	"strings"
	"testing"
)

// `swcert key name` sets the exporter the documents name, in the
// database; without a name it says whether one is set.
func TestKeyNameSetsTheExporter(t *testing.T) {
	r := newRun(t)
	var got struct {
		Name     string `json:"name"`
		Exporter string `json:"exporter"`
		Named    bool   `json:"named"`
	}
	r.ok(&got, "key", "name")
	if got.Named || !strings.HasPrefix(got.Exporter, "未署名导出者") {
		t.Errorf("a new database: %+v", got)
	}
	if code, _, errs := r.do("key", "name", " "); code != 2 || !strings.Contains(errs, "exporter") {
		t.Errorf("an empty name: exit %d, %q", code, errs)
	}
	r.ok(&got, "key", "name", "阳光社会工作服务中心")
	if !got.Named || got.Name != "阳光社会工作服务中心" || got.Exporter != got.Name {
		t.Errorf("named: %+v", got)
	}
	// It is kept in the database: a later run reads it.
	code, out, _ := r.do("key", "list")
	if code != 0 || !strings.Contains(out, "阳光社会工作服务中心") {
		t.Errorf("key list: exit %d\n%s", code, out)
	}
	code, out, _ = r.do("--lang", "zh", "key", "name")
	if code != 0 || strings.TrimSpace(out) != "导出者：阳光社会工作服务中心" {
		t.Errorf("key name: exit %d %q", code, out)
	}
}
