package i18n

import (
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/docs"
)

// The issuer line names an unnamed own key by its key ID ("this
// installation ()" said nothing), and a named one by its name.
func TestIssuerLineNamesTheKey(t *testing.T) {
	SetLanguage(English)
	defer SetLanguage(Chinese)
	issuer := func(v *docs.Verdict) string {
		for _, l := range CheckLines(v) {
			if l.Name == docs.CheckIssuer {
				return l.Text
			}
		}
		return ""
	}
	v := &docs.Verdict{Key: docs.KeyOwn, KID: "k4wF2-zz6mZS2dreAe5hrg",
		Checks: []docs.Check{{Name: docs.CheckIntegrity, State: docs.CheckPassed}, {Name: docs.CheckIssuer, State: docs.CheckPassed}}}
	if got := issuer(v); got != "this installation: Unnamed exporter (key k4wF2-zz)" {
		t.Errorf("unnamed: %q", got)
	}
	v.KeyName = "同心社会工作服务中心"
	if got := issuer(v); !strings.Contains(got, ": 同心社会工作服务中心") {
		t.Errorf("named: %q", got)
	}
}

// What the seal of a dossier's document states, in both languages; a
// seal found in no record here says which record it looked for.
func TestDossierSealLines(t *testing.T) {
	defer SetLanguage(Chinese)
	noRecord := false
	profile := &docs.Verdict{SignatureOK: true, Profile: &data.ProfileClaims{SealHeader: data.SealHeader{Name: "张伟", IDMasked: "110105********002X",
		MNo: "2026031100000123", Level: data.LevelSocialWorker}, Work: 2, Honours: 1, Missing: 1}}
	project := &docs.Verdict{SignatureOK: true, Project: &data.ProjectClaims{SealHeader: data.SealHeader{Name: "边疆服务"},
		StartOn: data.NewDate(2025, 6, 1), Participants: 3, Records: 7, Hours: data.TenthsOfHour(75)}}
	for _, tc := range []struct {
		lang string
		v    *docs.Verdict
		want []string
	}{
		{Chinese, profile, []string{"文件 个人信息表", "姓名 张伟", "证件号码 110105********002X", "2026031100000123  社会工作师", "工作经历 2 条，个人荣誉 1 项，尚缺 1 项"}},
		{English, profile, []string{"Document Personal information form", "work history entries: 2; honours: 1; parts missing: 1"}},
		{Chinese, project, []string{"文件 服务记录报告（项目）", "边疆服务", "2025-06-01 至今；参与人员 3 人，服务记录 7 条，合计 7.5"}},
		{English, project, []string{"Service record report (project)", "since 2025-06-01; participants: 3; service records: 7; hours in total: 7.5"}},
	} {
		SetLanguage(tc.lang)
		var all []string
		for _, l := range StatedLines(tc.v) {
			all = append(all, l[0]+" "+l[1])
		}
		text := strings.Join(all, "\n")
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: lacks %q:\n%s", tc.lang, w, text)
			}
		}
	}
	SetLanguage(English)
	project.MatchesRecord = nil
	if got := RecordText(project); got != "no such project in this database (by its name and start)" {
		t.Errorf("no project: %q", got)
	}
	profile.MatchesRecord = &noRecord
	profile.Mismatches = []string{"dossier"}
	if got := RecordText(profile); !strings.Contains(got, "Personal information") {
		t.Errorf("differs: %q", got)
	}
}
