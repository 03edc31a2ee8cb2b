package app

import (
	"path/filepath"
	"strings"
	"testing"
)

// The roster carries the personal information's base fields (sex, date
// of birth, ethnicity, education, major; employer and region as before),
// typed as the other cells are (the date of birth a date cell); the import
// reads them into the profile, by their Chinese names, and its own export
// back unchanged; a bad value names its column.
func TestRosterCarriesTheDossierFields(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "王芳", "--id-number", "11010519491231002X", "--org", "阳光社工", "--region", "北京市朝阳区")
	r.ok(nil, "holder", "add", "--name", "Anna", "--id-type", "passport", "--id-number", "E12345678")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2022S110001", "--exam-year", "2022", "--passed-on", "2022-09-20", "--issued-on", "2022-12-01")
	r.ok(nil, "cert", "add", "--holder", "2", "--level", "assistant", "--mno", "2023Z110002", "--exam-year", "2023", "--passed-on", "2023-09-20", "--issued-on", "2023-12-01")
	r.ok(nil, "profile", "set", "--holder", "1", "--ethnicity", "回族", "--education", "硕士研究生", "--major", "社会工作")
	r.ok(nil, "profile", "set", "--holder", "2", "--sex", "female", "--birth-date", "1990-05-06", "--education", "本科")
	dir := t.TempDir()
	roster := filepath.Join(dir, "roster.xlsx")
	r.ok(nil, "export", "roster", "--out", roster)
	head, rows, _, _ := readXLSX(t, roster)
	if !strings.Contains(strings.Join(head, ","), "证书状态,性别,出生日期,民族,学历,专业,") {
		t.Fatalf("header %q", head)
	}
	byName := map[string]map[string]xlsxCell{}
	for _, row := range rows {
		byName[row["姓名"].Value] = row
	}
	for col, want := range map[string]xlsxCell{
		"性别":   {Type: "str", Value: "女", Format: "General"},
		"出生日期": {Type: "datetime", Value: "1949-12-31 00:00:00", Format: "yyyy-mm-dd"},
		"民族":   {Type: "str", Value: "回族", Format: "General"},
		"学历":   {Type: "str", Value: "硕士研究生", Format: "General"},
		"专业":   {Type: "str", Value: "社会工作", Format: "General"},
	} {
		if got := byName["王芳"][col]; got != want {
			t.Errorf("王芳 %s: %+v, want %+v", col, got, want)
		}
	}
	if byName["Anna"]["出生日期"].Value != "1990-05-06 00:00:00" || byName["Anna"]["学历"].Value != "本科" {
		t.Errorf("Anna: %+v", byName["Anna"])
	}

	// Its own roster back: nothing changes.
	var rep importJSON
	r.ok(&rep, "import", roster)
	if rep.Updated != 0 || rep.Imported != 0 || len(rep.Errors) != 0 {
		t.Errorf("own roster: %+v", rep)
	}
	// Into a fresh database: the same dossiers (in the roster's order,
	// by name: Anna first).
	fresh := newRun(t)
	fresh.ok(&rep, "import", roster)
	var d dossierJSON
	fresh.ok(&d, "profile", "show", "--holder", "2")
	if d.Holder.Name != "王芳" || d.Profile.Ethnicity != "回族" || d.Profile.Education != "master" || d.BirthDate != "1949-12-31" || d.Sex != "female" {
		t.Errorf("imported dossier: %+v", d)
	}
	fresh.ok(&d, "profile", "show", "--holder", "1")
	if d.Holder.Name != "Anna" || d.BirthDate != "1990-05-06" || d.Sex != "female" || d.Profile.Education != "bachelor" {
		t.Errorf("imported dossier: %+v", d)
	}

	// A changed cell is an update of the holder, the field named.
	sheetPath := filepath.Join(dir, "in.csv")
	writeSheet(t, sheetPath, [][]string{
		{"姓名", "身份证号", "级别", "管理号", "合格日期", "学历", "民族"},
		{"王芳", "11010519491231002X", "社会工作师", "2022S110001", "2022-09-20", "博士", "回"},
	})
	code, full := r.importJSONOf(sheetPath)
	if code != 0 || full.Updated != 1 || len(full.Changes) != 1 || len(full.Changes[0].Fields) != 1 || full.Changes[0].Fields[0].Field != "education" {
		t.Errorf("education changed: exit %d %+v", code, full)
	}
	writeSheet(t, sheetPath, [][]string{
		{"姓名", "身份证号", "级别", "管理号", "合格日期", "学历", "性别"},
		{"王芳", "11010519491231002X", "社会工作师", "2022S110001", "2022-09-20", "小学", ""},
		{"王芳", "11010519491231002X", "社会工作师", "2022S110001", "2022-09-20", "", "男"},
	})
	code, full = r.importJSONOf(sheetPath)
	if code != 2 || len(full.Errors) != 2 || full.Errors[0].Column != "学历" || full.Errors[1].Column != "性别" {
		t.Errorf("bad cells: exit %d %+v", code, full.Errors)
	}
}
