package data

import (
	"strings"
	"testing"
	"time"
)

func dossierDocs() (*ProfileDocument, *HolderServiceReport, *ProjectServiceReport) {
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, Beijing)
	h := Holder{ID: 3, Name: "欧阳娜娜", IDNumber: "11010519491231002X", Phone: "13800138000", Org: "阳光社工服务中心", Region: "北京市朝阳区"}
	c := &Certificate{MNo: "2022S110001", Level: LevelSocialWorker}
	p := Project{ID: 5, Name: "临夏州三区计划项目", Org: "临夏州社工站", StartOn: NewDate(2026, 3, 1), Programme: ProgrammeSanqu}
	rec := ServiceRecord{ProjectID: 5, HolderID: 3, Date: NewDate(2026, 4, 2), Content: "入户走访", Hours: TenthsOfHour(75)}
	d := &Dossier{Holder: h, Work: []WorkEntry{{Org: "阳光社工服务中心", StartOn: NewDate(2019, 7, 1), Programme: ProgrammeSanqu}},
		Honours: []Honour{{Title: "优秀社工", Date: NewDate(2023, 1, 1), Level: HonourCity}}, Missing: []string{MissingPhoto, MissingWorkProof}}
	prof := NewProfileDocument(d, c, at)
	hs := &HolderServiceReport{Holder: h, Cert: c, Projects: []HolderProject{{Project: p, Records: 1, Hours: rec.Hours}}, Records: []ServiceRecord{rec}, ExportedAt: at}
	ps := &ProjectServiceReport{Project: p, Participants: []Participant{{HolderID: 3, Name: h.Name, Records: 1, Hours: rec.Hours}}, Records: []ServiceRecord{rec}, ExportedAt: at}
	return prof, hs, ps
}

// The seals of the dossier's documents, in format 2: what the page states
// comes back from the payload; never the full ID number.
func TestDossierSealsRoundTrip(t *testing.T) {
	prof, hs, ps := dossierDocs()
	noCert := *prof
	noCert.Cert = nil
	for _, tc := range []struct {
		name string
		p    interface{ SealPayload() ([]byte, error) }
		want string
	}{
		{"profile", prof.Claims(), `[2,"p","2022S110001","欧阳娜娜","110105********002X",2,1795399200,7776000,"` + prof.Hash() + `",1,1,2]`},
		// A holder with no certificate yet: no number, level 0.
		{"profile, no certificate", noCert.Claims(), `[2,"p","","欧阳娜娜","110105********002X",0,1795399200,7776000,"` + noCert.Hash() + `",1,1,2]`},
		{"holder's service report", hs.Claims(), `[2,"s","2022S110001","欧阳娜娜","110105********002X",2,1795399200,7776000,"` + hs.Hash() + `",1,1,75]`},
		{"project's service report", ps.Claims(), `[2,"j","","临夏州三区计划项目","",0,1795399200,7776000,"` + ps.Hash() + `",20260301,0,1,1,75]`},
	} {
		b, err := tc.p.SealPayload()
		if err != nil || string(b) != tc.want {
			t.Errorf("%s: %s %v\nwant %s", tc.name, b, err, tc.want)
			continue
		}
		s, err := ParseSealPayload(b)
		if err != nil {
			t.Errorf("%s: read back: %v", tc.name, err)
			continue
		}
		var same bool
		switch c := tc.p.(type) {
		case ProfileClaims:
			same = s.Profile != nil && *s.Profile == c && s.Doc == DocProfile
		case ServiceClaims:
			same = s.Service != nil && *s.Service == c && s.Doc == DocServiceHolder
		case ProjectClaims:
			same = s.Project != nil && *s.Project == c && s.Doc == DocServiceProject
		}
		if !same || s.Header().Expires != s.Header().IssuedAt+DossierSealDays*86400 {
			t.Errorf("%s: read back %+v %+v %+v", tc.name, s.Profile, s.Service, s.Project)
		}
	}
}

// Level 0 (none) is a place only a holder's dossier documents and a
// project's report may hold; a negative total is no total.
func TestDossierSealsAreStrict(t *testing.T) {
	for _, tc := range []struct {
		payload string
		ok      bool
	}{
		{`[2,"p","","张三","110105********002X",0,1,2,"h",0,0,0]`, true},
		{`[2,"c","","张三","110105********002X",0,1,2,"h",2022,0,0]`, false},
		{`[2,"e","","张三","110105********002X",0,1,2,"h",0,0,0,0,0]`, false},
		{`[2,"m","","张三","110105********002X",0,1,2,"h","","北京市","100022"]`, false},
		{`[2,"s","","张三","110105********002X",0,1,2,"h",0,0,0]`, true},
		{`[2,"s","","张三","110105********002X",0,1,2,"h",0,0,-1]`, false},
		{`[2,"j","","项目","",0,1,2,"h",20260301,0,0,0,0]`, true},
		{`[2,"j","","项目","",0,1,2,"h",20260301,0,0,0,-1]`, false},
		{`[2,"j","","项目","",0,1,2,"h",20260301,0,0,0]`, false},            // a place fewer
		{`[2,"p","","张三","110105********002X",0,1,2,"h",0,0,0,0]`, false}, // one more
		{`[2,"p","","张三","110105********002X",4,1,2,"h",0,0,0]`, false},   // no such level
	} {
		_, err := ParseSealPayload([]byte(tc.payload))
		if (err == nil) != tc.ok {
			t.Errorf("%s: %v, want ok=%v", tc.payload, err, tc.ok)
		}
	}
}

// The hash covers every printed line: the full ID number, a work entry's
// programme, a record's hours, a participant's name.
func TestDossierSealHashesCoverThePage(t *testing.T) {
	prof, hs, ps := dossierDocs()
	was := []string{prof.Hash(), hs.Hash(), ps.Hash()}
	prof.Dossier.Holder.IDNumber = strings.Replace(prof.Dossier.Holder.IDNumber, "1949", "1948", 1)
	hs.Records[0].Hours = TenthsOfHour(76)
	ps.Participants[0].Name = "欧阳娜"
	for i, now := range []string{prof.Hash(), hs.Hash(), ps.Hash()} {
		if now == was[i] {
			t.Errorf("document %d: a change left its hash", i)
		}
	}
	prof, _, _ = dossierDocs()
	prof.Dossier.Work[0].Programme = ProgrammeQianshou
	if prof.Hash() == was[0] {
		t.Error("the work entry's programme is not covered")
	}
}

// A project's name in its seal: 20 characters are kept, a longer one is
// cut to 19 and "…", and the seal names the project it was cut from.
func TestSealProjectName(t *testing.T) {
	twenty := strings.Repeat("项", 20)
	for _, tc := range []struct{ name, sealed string }{
		{"社区长者关爱", "社区长者关爱"},
		{twenty, twenty},
		{twenty + "目", strings.Repeat("项", 19) + "…"},
		{strings.Repeat("a", 200), strings.Repeat("a", 19) + "…"},
	} {
		if got := SealProjectName(tc.name); got != tc.sealed || !SealNames(got, tc.name) {
			t.Errorf("%q: %q, want %q", tc.name, got, tc.sealed)
		}
	}
	if SealNames(strings.Repeat("项", 19)+"…", twenty) || SealNames("社区长者", "社区长者关爱") {
		t.Error("a seal names another project")
	}
}
