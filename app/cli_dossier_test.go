package app

import (
	"bytes"
	"encoding/json"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bad runs a command that must be refused with exit 2 and returns what
// stderr said, checking it names the field (in --json: the field code).
func (r *run) bad(field string, args ...string) string {
	r.t.Helper()
	code, _, errs := r.do(append([]string{"--json"}, args...)...)
	if code != 2 {
		r.t.Fatalf("swcert %v: exit %d, want 2 (stderr %q)", args, code, errs)
	}
	var e struct {
		Error struct{ Code, Field, Message string }
	}
	if err := json.Unmarshal([]byte(errs), &e); err != nil {
		r.t.Fatalf("swcert %v: stderr is not JSON: %q", args, errs)
	}
	if e.Error.Field != field {
		r.t.Errorf("swcert %v: field %q, want %q (%s)", args, e.Error.Field, field, e.Error.Message)
	}
	return e.Error.Message
}

func writeJPEG(t *testing.T, dir string, w, h, size int) string {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	if size > 0 {
		b.Write(make([]byte, size-b.Len()))
	}
	path := filepath.Join(dir, "photo.jpg")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

type dossierJSON struct {
	Holder    holderJSON `json:"holder"`
	BirthDate string     `json:"birth_date"`
	Sex       string     `json:"sex"`
	Missing   []string   `json:"missing"`
	Profile   struct {
		Ethnicity    string `json:"ethnicity"`
		Education    string `json:"education"`
		FirstRegOn   string `json:"first_reg_on"`
		FirstRegKind string `json:"first_reg_kind"`
		Photo        *struct {
			Type string `json:"type"`
		} `json:"photo"`
	} `json:"profile"`
	Work []struct {
		ID        int64  `json:"id"`
		Org       string `json:"org"`
		EndOn     string `json:"end_on"`
		Programme string `json:"programme"`
	} `json:"work"`
}

// The personal information filled in from the command line, field by
// field, until it is complete; the registration due says what is missing
// until then, in both languages.
func TestProfileFromTheCommandLine(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X", "--phone", "13800138000", "--org", "阳光社工", "--region", "北京市")
	r.ok(nil, "cert", "add", "--holder", "1", "--level", "social_worker", "--mno", "2026031100000123", "--exam-year", "2026", "--passed-on", "2026-06-20", "--issued-on", "2026-09-20")
	var d dossierJSON
	r.ok(&d, "profile", "show", "--holder", "1")
	if d.Holder.IDNumber != "110105********002X" || d.Holder.Phone != "138****8000" {
		t.Errorf("numbers not masked: %+v", d.Holder)
	}
	if d.BirthDate != "1949-12-31" || d.Sex != "female" || strings.Join(d.Missing, ",") != "ethnicity,education,major,photo,work_history" {
		t.Errorf("new dossier: %+v", d)
	}
	_, out, _ := r.do("reg", "due", "--cert", "1")
	if !strings.Contains(out, "dossier incomplete: Ethnicity, Education, Major, ID photo, Work history") {
		t.Errorf("reg due: %q", out)
	}
	_, out, _ = r.do("--lang", "zh", "due")
	if !strings.Contains(out, "个人信息未完善：民族、学历、专业、证件照、工作经历") {
		t.Errorf("due in Chinese: %q", out)
	}
	var due []struct {
		Kind    string `json:"kind"`
		Message string `json:"message"`
	}
	r.ok(&due, "due", "--dossier-incomplete")
	if len(due) != 1 || due[0].Kind != "registration" || !strings.Contains(due[0].Message, "dossier incomplete") {
		t.Errorf("due --dossier-incomplete: %+v", due)
	}

	// Every bad value: exit 2, the field named, in both languages.
	msg := r.bad("education", "profile", "set", "--holder", "1", "--education", "小学")
	if !strings.Contains(msg, "小学") {
		t.Errorf("education message: %q", msg)
	}
	r.bad("ethnicity", "profile", "set", "--holder", "1", "--ethnicity", "火星族")
	r.bad("sex", "profile", "set", "--holder", "1", "--sex", "male")
	r.bad("birth_date", "profile", "set", "--holder", "1", "--birth-date", "1950-01-01")
	r.bad("first_reg_on", "profile", "set", "--holder", "1", "--first-reg-on", "2026-13-01")
	code, _, errs := r.do("--lang", "zh", "profile", "set", "--holder", "1", "--ethnicity", "火星族")
	if code != 2 || !strings.Contains(errs, "民族") || !strings.Contains(errs, "56 个民族") {
		t.Errorf("Chinese refusal: %d %q", code, errs)
	}
	r.ok(&d, "profile", "set", "--holder", "1", "--ethnicity", "汉", "--education", "本科", "--major", "社会工作")
	if d.Profile.Ethnicity != "汉族" || d.Profile.Education != "bachelor" {
		t.Errorf("set: %+v", d.Profile)
	}

	// The photo: 500 KB passes, one byte more is refused naming what to change.
	dir := t.TempDir()
	msg = r.bad("photo", "profile", "photo", "--holder", "1", writeJPEG(t, dir, 295, 413, 512_001))
	if !strings.Contains(msg, "501 KB") || !strings.Contains(msg, "500 KB") {
		t.Errorf("too large: %q", msg)
	}
	msg = r.bad("photo", "profile", "photo", "--holder", "1", writeJPEG(t, dir, 400, 413, 0))
	if !strings.Contains(msg, "5:7") {
		t.Errorf("ratio: %q", msg)
	}
	r.bad("photo", "profile", "photo", "--holder", "1", dir)
	r.ok(&d, "profile", "photo", "--holder", "1", writeJPEG(t, dir, 295, 413, 512_000))
	if d.Profile.Photo == nil || d.Profile.Photo.Type != "image/jpeg" {
		t.Fatalf("photo: %+v", d.Profile)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(r.db), "proofs")); err != nil {
		t.Errorf("the photo is not kept with the proofs: %v", err)
	}

	// Work history: flagged 三区计划, so a proof is needed.
	var w struct {
		ID int64 `json:"id"`
	}
	r.ok(&w, "work", "add", "--holder", "1", "--org", "阳光社工", "--position", "社工", "--start-on", "2020-03-01", "--programme", "三区计划")
	r.bad("start_on", "work", "add", "--holder", "1", "--org", "甲", "--start-on", "2019-01-01", "--end-on", "2020-03-01")
	r.bad("end_on", "work", "add", "--holder", "1", "--org", "甲", "--start-on", "2019-01-01", "--end-on", "2018-01-01")
	r.bad("programme", "work", "add", "--holder", "1", "--org", "甲", "--start-on", "2010-01-01", "--end-on", "2011-01-01", "--programme", "西部计划")
	r.ok(&d, "profile", "show", "--holder", "1")
	if strings.Join(d.Missing, ",") != "work_proof" {
		t.Errorf("missing: %v", d.Missing)
	}
	proof := filepath.Join(dir, "证明.pdf")
	os.WriteFile(proof, []byte("%PDF-1.4 a proof"), 0o600)
	r.ok(nil, "work", "edit", "1", "--proof", proof)
	r.ok(&d, "profile", "show", "--holder", "1")
	if len(d.Missing) != 0 || d.Profile.FirstRegKind != "form" || d.Profile.FirstRegOn != "2026-11-22" {
		t.Errorf("complete: %+v", d)
	}
	_, out, _ = r.do("reg", "due", "--cert", "1")
	if strings.Contains(out, "dossier incomplete") {
		t.Errorf("complete, reg due still says: %q", out)
	}
	_, out, _ = r.do("due")
	if strings.Contains(out, "dossier incomplete") {
		t.Errorf("complete, due still says: %q", out)
	}
	r.ok(&due, "due", "--dossier-incomplete")
	if len(due) != 0 {
		t.Errorf("complete, due --dossier-incomplete: %+v", due)
	}
	var list []struct{ ID int64 }
	r.ok(&list, "work", "list", "--holder", "1")
	if len(list) != 1 {
		t.Errorf("work list: %+v", list)
	}

	// Honours.
	r.ok(nil, "honour", "add", "--holder", "1", "--title", "优秀社会工作者", "--date", "2023-05-01", "--level", "地市")
	r.bad("honour_level", "honour", "add", "--holder", "1", "--title", "x", "--date", "2023-05-01", "--level", "国家")
	r.ok(&list, "honour", "list", "--holder", "1")
	if len(list) != 1 {
		t.Errorf("honours: %+v", list)
	}
	r.ok(nil, "honour", "delete", "1")
	r.bad("id", "honour", "delete", "1")

	// Deleting the holder says what goes with it.
	_, out, _ = r.do("holder", "delete", "1")
	if !strings.Contains(out, "the personal information") || !strings.Contains(out, "work history entries (1)") {
		t.Errorf("holder delete: %q", out)
	}
}

// An agency change on the command line: one under review blocks a
// second; passing moves the holder and the work history.
func TestTransferFromTheCommandLine(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X", "--org", "阳光社工", "--region", "北京市朝阳区")
	r.ok(nil, "work", "add", "--holder", "1", "--org", "阳光社工", "--start-on", "2020-03-01")
	var tr struct {
		ID        int64  `json:"id"`
		FromOrg   string `json:"from_org"`
		ToRegion  string `json:"to_region"`
		Status    string `json:"status"`
		DecidedOn string `json:"decided_on"`
	}
	r.ok(&tr, "transfer", "apply", "--holder", "1", "--to-org", "彩虹社工", "--to-region", "天津市河西区", "--applied-on", "2026-11-01")
	if tr.FromOrg != "阳光社工" || tr.ToRegion != "天津市河西区" || tr.Status != "pending" {
		t.Errorf("applied: %+v", tr)
	}
	msg := r.bad("transfer_status", "transfer", "apply", "--holder", "1", "--to-org", "星光社工")
	if !strings.Contains(msg, "under review") {
		t.Errorf("second: %q", msg)
	}
	r.bad("to_org", "transfer", "apply", "--holder", "1")
	r.bad("transfer_status", "transfer", "update", "1", "--status", "maybe")
	r.bad("decided_on", "transfer", "update", "1", "--status", "已通过", "--decided-on", "2026-10-01")
	var pending []struct{ ID int64 }
	r.ok(&pending, "transfer", "list")
	if len(pending) != 1 {
		t.Errorf("under review: %+v", pending)
	}
	r.ok(&tr, "transfer", "update", "1", "--status", "已通过", "--decided-on", "2026-11-20")
	if tr.Status != "approved" || tr.DecidedOn != "2026-11-20" {
		t.Errorf("passed: %+v", tr)
	}
	var h holderJSON
	r.ok(&h, "holder", "show", "1")
	if h.Org != "彩虹社工" || h.Region != "天津市河西区" {
		t.Errorf("holder: %+v", h)
	}
	var d dossierJSON
	r.ok(&d, "profile", "show", "--holder", "1")
	if len(d.Work) != 2 || d.Work[0].EndOn != "2026-11-19" || d.Work[1].Org != "彩虹社工" {
		t.Errorf("work history: %+v", d.Work)
	}
	_, out, _ := r.do("--lang", "zh", "transfer", "list", "--holder", "1")
	if !strings.Contains(out, "已通过") || !strings.Contains(out, "天津市河西区") {
		t.Errorf("list in Chinese: %q", out)
	}
}

// Projects and service records: 24 hours a day per holder across
// projects, participants only, the totals per project and per holder.
func TestServiceRecordsFromTheCommandLine(t *testing.T) {
	r := newRun(t)
	r.ok(nil, "holder", "add", "--name", "张伟", "--id-number", "11010519491231002X")
	var p struct {
		ID           int64  `json:"id"`
		Programme    string `json:"programme"`
		Participants int    `json:"participants"`
		Hours        float64
	}
	r.ok(&p, "project", "add", "--name", "社区养老", "--org", "阳光社工", "--start-on", "2026-01-01", "--end-on", "2026-12-31")
	r.ok(&p, "project", "add", "--name", "边疆服务", "--org", "阳光社工", "--start-on", "2025-06-01", "--programme", "三区计划")
	if p.ID != 2 || p.Programme != "sanqu" {
		t.Errorf("project: %+v", p)
	}
	r.bad("project_name", "project", "add", "--org", "阳光社工", "--start-on", "2026-01-01")
	r.bad("end_on", "project", "add", "--name", "x", "--org", "阳光社工", "--start-on", "2026-01-02", "--end-on", "2026-01-01")
	r.bad("holder", "service", "add", "--project", "1", "--holder", "1", "--date", "2026-03-01", "--content", "探访", "--hours", "2")
	r.ok(nil, "project", "join", "--project", "1", "--holder", "1")
	r.ok(nil, "project", "join", "--project", "2", "--holder", "1")
	r.ok(nil, "service", "add", "--project", "1", "--holder", "1", "--date", "2026-03-01", "--content", "入户探访", "--hours", "16")
	r.ok(nil, "service", "add", "--project", "2", "--holder", "1", "--date", "2026-03-01", "--content", "小组活动", "--hours", "8")
	msg := r.bad("service_hours", "service", "add", "--project", "2", "--holder", "1", "--date", "2026-03-01", "--content", "x", "--hours", "0.1")
	if !strings.Contains(msg, "24") {
		t.Errorf("24 h: %q", msg)
	}
	r.bad("service_hours", "service", "add", "--project", "2", "--holder", "1", "--date", "2026-03-02", "--content", "x", "--hours", "2.55")
	r.bad("date", "service", "add", "--project", "1", "--holder", "1", "--date", "2025-12-31", "--content", "x", "--hours", "1")
	r.bad("date", "service", "add", "--project", "2", "--holder", "1", "--date", "2026-11-23", "--content", "x", "--hours", "1")
	r.bad("content", "service", "add", "--project", "2", "--holder", "1", "--date", "2026-03-02", "--hours", "1")
	r.ok(nil, "service", "edit", "1", "--hours", "15.5")
	r.bad("holder", "project", "leave", "--project", "1", "--holder", "1")
	var shown struct {
		Hours float64 `json:"hours"`
		List  []struct {
			Name  string  `json:"name"`
			Hours float64 `json:"hours"`
		} `json:"participant_list"`
	}
	r.ok(&shown, "project", "show", "1")
	if shown.Hours != 15.5 || len(shown.List) != 1 || shown.List[0].Hours != 15.5 {
		t.Errorf("project show: %+v", shown)
	}
	var recs []struct{ ID int64 }
	r.ok(&recs, "service", "list", "--holder", "1")
	if len(recs) != 2 {
		t.Errorf("holder's records: %+v", recs)
	}
	_, out, _ := r.do("--lang", "zh", "service", "list", "--holder", "1")
	if !strings.Contains(out, "合计 23.5 小时") {
		t.Errorf("total: %q", out)
	}
	var sanqu []struct{ ID int64 }
	r.ok(&sanqu, "project", "list", "--programme", "sanqu")
	if len(sanqu) != 1 || sanqu[0].ID != 2 {
		t.Errorf("三区计划 projects: %+v", sanqu)
	}
	r.ok(nil, "service", "delete", "1")
	r.ok(nil, "project", "leave", "--project", "1", "--holder", "1")
	r.bad("start_on", "project", "edit", "2", "--start-on", "2026-03-02")
	var hs []holderJSON
	r.ok(&hs, "holder", "list", "--programme", "三区计划")
	if len(hs) != 1 {
		t.Errorf("holders with 三区计划 experience: %+v", hs)
	}
	r.ok(&hs, "holder", "list", "--programme", "qianshou")
	if len(hs) != 0 {
		t.Errorf("holders with 牵手计划 experience: %+v", hs)
	}
	r.bad("programme", "holder", "list", "--programme", "none")
}
