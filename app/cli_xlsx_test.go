package app

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// xlsxCell is a cell as openpyxl reads it.
type xlsxCell struct {
	Type   string `json:"type"` // the Python type of its value
	Value  string `json:"value"`
	Format string `json:"format"`
}

// readXLSX reads a workbook with openpyxl (Debian's python3-openpyxl):
// the first sheet's header and cells, the number format of each column
// (what a cell typed into it later gets), and the properties.
func readXLSX(t *testing.T, path string) (header []string, rows []map[string]xlsxCell, colFormats map[string]string, props map[string]string) {
	t.Helper()
	const py = `import sys, json, openpyxl
from openpyxl.utils import get_column_letter
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
head = [c.value for c in ws[1]]
rows = []
for r in ws.iter_rows(min_row=2):
    rows.append({head[i]: {'type': type(c.value).__name__, 'value': str(c.value), 'format': c.number_format} for i, c in enumerate(r) if c.value is not None})
cols = {head[i]: ws.column_dimensions[get_column_letter(i + 1)].number_format if ws.column_dimensions[get_column_letter(i + 1)].style_id else '' for i in range(len(head))}
p = wb.properties
print(json.dumps({'head': head, 'rows': rows, 'cols': cols, 'props': {'creator': p.creator or '', 'title': p.title or '', 'lastModifiedBy': p.lastModifiedBy or '', 'created': str(p.created)}}))`
	b, err := exec.Command("/usr/bin/python3", "-c", py, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl (apt-get install python3-openpyxl): %v\n%s", err, b)
	}
	var out struct {
		Head  []string              `json:"head"`
		Rows  []map[string]xlsxCell `json:"rows"`
		Cols  map[string]string     `json:"cols"`
		Props map[string]string     `json:"props"`
	}
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	return out.Head, out.Rows, out.Cols, out.Props
}

// The roster and the template open in a spreadsheet with dates as dates,
// years and hours as numbers (hours can be summed), the ID number, phone
// and management number columns formatted as text (typing an 18-digit ID
// there keeps it), and SWCert as the workbook's author; the import reads
// its own export back as it was.
func TestXLSXExportsAreTypedAndReadBack(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "王芳", "--id-number", "11010519491231002X", "--phone", "13800138000", "--org", "阳光社工", "--region", "北京市朝阳区")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2022S110001", "--exam-year", "2022", "--passed-on", "2022-09-20", "--issued-on", "2022-12-01")
	r.ok(nil, "reg", "add", "--cert", "1", "--kind", "first", "--status", "issued", "--applied-on", "2024-03-01", "--valid-from", "2024-04-01")
	r.ok(nil, "ce", "add", "--holder", "1", "--kind", "training", "--title", "督导培训", "--date", "2024-05-01", "--hours", "12.5", "--review", "approved")
	dir := t.TempDir()
	roster := filepath.Join(dir, "roster.xlsx")
	r.ok(nil, "export", "roster", "--out", roster)

	head, rows, cols, props := readXLSX(t, roster)
	if len(rows) != 1 {
		t.Fatalf("%d rows: %+v", len(rows), rows)
	}
	row := rows[0]
	for col, want := range map[string]xlsxCell{
		"证件号码":      {Type: "str", Value: "11010519491231002X", Format: "@"},
		"手机号码":      {Type: "str", Value: "13800138000", Format: "@"},
		"管理号":       {Type: "str", Value: "2022S110001", Format: "@"},
		"考试年度":      {Type: "int", Value: "2022", Format: "General"},
		"合格日期":      {Type: "datetime", Value: "2022-09-20 00:00:00", Format: "yyyy-mm-dd"},
		"发证日期":      {Type: "datetime", Value: "2022-12-01 00:00:00", Format: "yyyy-mm-dd"},
		"登记有效期起":    {Type: "datetime", Value: "2024-04-01 00:00:00", Format: "yyyy-mm-dd"},
		"继续教育已认定学时": {Type: "float", Value: "12.5", Format: "0.0"},
		"继续教育要求学时":  {Type: "int", Value: "90", Format: "0.0"}, // a number, shown 90.0
		"姓名":        {Type: "str", Value: "王芳", Format: "General"},
	} {
		if got := row[col]; got != want {
			t.Errorf("%s: %+v, want %+v", col, got, want)
		}
	}
	for _, col := range []string{"证件号码", "手机号码", "管理号"} {
		if cols[col] != "@" {
			t.Errorf("column %s is formatted %q, not as text", col, cols[col])
		}
	}
	if props["creator"] != "SWCert" || props["lastModifiedBy"] != "SWCert" || props["title"] != "持证人员名册" || !strings.HasPrefix(props["created"], "2026-11-2") {
		t.Errorf("properties %+v", props)
	}
	if strings.Join(head[:13], ",") != "姓名,证件类型,证件号码,手机号码,工作单位,登记地区,证书级别,管理号,考试年度,合格日期,发证日期,发证机构,证书状态" {
		t.Errorf("header %q", head)
	}

	// LibreOffice reads the same: the ID whole, the date a date.
	csv := libreCSV(t, roster)
	if !strings.Contains(csv, "11010519491231002X") || !strings.Contains(csv, "2022-09-20") || strings.Contains(csv, "E+17") {
		t.Errorf("LibreOffice reads the roster as:\n%s", csv)
	}

	// The template: its code columns text, for the rows a person types.
	tmpl := filepath.Join(dir, "template.xlsx")
	r.ok(nil, "export", "template", "--out", tmpl)
	_, trows, tcols, tprops := readXLSX(t, tmpl)
	if tcols["证件号码"] != "@" || tcols["手机号码"] != "@" || tcols["管理号"] != "@" || tprops["creator"] != "SWCert" {
		t.Errorf("template columns %+v, properties %+v", tcols, tprops)
	}
	if c := trows[0]["合格日期"]; c.Type != "datetime" {
		t.Errorf("the template's example date is %+v", c)
	}

	// Read back: into a fresh database, the same records; into its own,
	// nothing changes.
	fresh := newRun(t)
	var rep importJSON
	fresh.ok(&rep, "import", roster)
	if rep.Imported == 0 || len(rep.Errors) != 0 {
		t.Fatalf("import of the roster: %+v", rep)
	}
	show := func(run *run) string {
		code, out, errs := run.do("--json", "--reveal", "cert", "list", "--holder", "1")
		if code != 0 {
			t.Fatalf("cert list: %d %s", code, errs)
		}
		var certs []map[string]any
		_ = json.Unmarshal([]byte(out), &certs)
		for _, c := range certs {
			delete(c, "id")
			delete(c, "created_at")
			delete(c, "updated_at")
		}
		b, _ := json.Marshal(certs)
		_, h, _ := run.do("--json", "--reveal", "holder", "show", "1")
		var holder map[string]any
		_ = json.Unmarshal([]byte(h), &holder)
		return string(b) + " " + holder["id_number"].(string) + " " + holder["phone"].(string)
	}
	if got, want := show(fresh), show(r); got != want {
		t.Errorf("read back:\n%s\nsaved:\n%s", got, want)
	}
	r.ok(&rep, "import", roster)
	if rep.Updated != 0 || rep.Imported != 0 || len(rep.Errors) != 0 {
		t.Errorf("imported into its own database: %+v", rep)
	}
}

// libreCSV opens an .xlsx in LibreOffice (headless) and saves its first
// sheet as CSV, as a person's spreadsheet shows the cells.
func libreCSV(t *testing.T, path string) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice is not installed (make test-deps installs libreoffice-calc-nogui)")
	}
	dir := t.TempDir()
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".xlsx")+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// An ID number the spreadsheet turned into a number is refused with what
// happened and how to avoid it, at its row and column.
func TestImportSaysTheSpreadsheetConvertedTheID(t *testing.T) {
	r := newRun(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "typed.xlsx")
	// As Excel saves a sheet where the IDs were typed into General cells.
	const py = `import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(['姓名', '身份证号', '级别', '管理号'])
ws.append(['王芳', 110101199001011000, '社会工作师', '2022S110001'])
ws.append(['李娜', '1.10101199001011E+17', '社会工作师', '2022S110002'])
wb.save(sys.argv[1])`
	if b, err := exec.Command("/usr/bin/python3", "-c", py, path).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, b)
	}
	code, out, _ := r.do("--json", "import", path)
	var rep importJSON
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 2 {
		t.Fatalf("exit %d: %v\n%s", code, err, out)
	}
	if len(rep.Errors) != 2 {
		t.Fatalf("errors %+v", rep.Errors)
	}
	for i, e := range rep.Errors {
		if e.Row != i+2 || e.Column != "身份证号" || !strings.Contains(e.Message, "turned into a number by the spreadsheet") || !strings.Contains(e.Message, "Format this column as Text") {
			t.Errorf("row %d: %+v", i+2, e)
		}
	}
	code, out, _ = r.do("--lang", "zh", "import", path)
	if code != 2 || !strings.Contains(out, "已被电子表格转成了数字") {
		t.Errorf("in Chinese: exit %d\n%s", code, out)
	}
}
