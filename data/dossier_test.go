package data

import (
	"slices"
	"testing"
)

// A resident ID number of a woman born on 1949-12-31.
const womanID = "11010519491231002X"

func completeHolder() Holder {
	return Holder{ID: 7, Name: "张三", IDType: IDResident, IDNumber: womanID, Phone: "13800138000", Org: "阳光社工", Region: "北京市朝阳区"}
}

func completeProfile() Profile {
	return Profile{HolderID: 7, Ethnicity: "汉族", Education: EduBachelor, Major: "社会工作", Photo: &Proof{SHA256: "ab", Type: "image/jpeg"}}
}

func TestDossierMissing(t *testing.T) {
	oneEntry := WorkFacts{Entries: 1}
	cases := []struct {
		name    string
		holder  func(*Holder)
		profile func(*Profile)
		work    WorkFacts
		missing []string
	}{
		{"complete: sex and date of birth read from the resident ID number", nil, nil, oneEntry, nil},
		{"no profile fields at all", nil, func(p *Profile) { *p = Profile{} }, WorkFacts{},
			[]string{"ethnicity", "education", "major", "photo", "work_history"}},
		{"a passport holder types sex and date of birth", func(h *Holder) { h.IDType, h.IDNumber = IDPassport, "E12345678" }, nil, oneEntry,
			[]string{"sex", "birth_date"}},
		{"a passport holder who typed them", func(h *Holder) { h.IDType, h.IDNumber = IDPassport, "E12345678" },
			func(p *Profile) { p.Sex, p.BirthDate = SexMale, NewDate(1990, 1, 2) }, oneEntry, nil},
		{"no mobile, employer or region", func(h *Holder) { h.Phone, h.Org, h.Region = "", "", "" }, nil, oneEntry,
			[]string{"phone", "org", "region"}},
		{"no photo", nil, func(p *Profile) { p.Photo = nil }, oneEntry, []string{"photo"}},
		{"a 三区计划 entry without its proof", nil, nil, WorkFacts{Entries: 2, Unproved: 1}, []string{"work_proof"}},
	}
	for _, tc := range cases {
		h, p := completeHolder(), completeProfile()
		if tc.holder != nil {
			tc.holder(&h)
		}
		if tc.profile != nil {
			tc.profile(&p)
		}
		if got := DossierMissing(&h, &p, tc.work); !slices.Equal(got, tc.missing) {
			t.Errorf("%s: missing %v, want %v", tc.name, got, tc.missing)
		}
	}
	h := completeHolder()
	if got := DossierMissing(&h, nil, WorkFacts{}); len(got) != 5 {
		t.Errorf("no profile saved: %v", got)
	}
}

func TestWorkFactsCountFlaggedEntriesWithoutProof(t *testing.T) {
	work := []WorkEntry{
		{Org: "甲", Programme: ProgrammeSanqu},
		{Org: "乙", Programme: ProgrammeQianshou, Proofs: []Proof{{Name: "证明.pdf"}}},
		{Org: "丙"},
	}
	if f := WorkFactsOf(work); f != (WorkFacts{Entries: 3, Unproved: 1}) {
		t.Errorf("%+v", f)
	}
}

func TestProfileValidate(t *testing.T) {
	today := NewDate(2026, 12, 3)
	cases := []struct {
		name     string
		holder   func(*Holder)
		profile  Profile
		field    string // "" accepted
		errorKey string
	}{
		{"an empty profile is saved (incomplete)", nil, Profile{}, "", ""},
		{"the sex the ID number says", nil, Profile{Sex: SexFemale}, "", ""},
		{"a sex the ID number contradicts", nil, Profile{Sex: SexMale}, "sex", "err.dossier.sex_id"},
		{"the date of birth is never typed twice", nil, Profile{BirthDate: NewDate(1949, 12, 30)}, "birth_date", "err.dossier.birth_id"},
		{"the same date of birth as the number's (a sheet read back)", nil, Profile{BirthDate: NewDate(1949, 12, 31)}, "", ""},
		{"a passport holder's date of birth in the future", func(h *Holder) { h.IDType, h.IDNumber = IDPassport, "E12345678" },
			Profile{BirthDate: today.AddDays(1)}, "birth_date", "err.date.range"},
		{"an ethnicity that is none of the 56", nil, Profile{Ethnicity: "火星族"}, "ethnicity", "err.dossier.ethnicity"},
		{"an unknown education", nil, Profile{Education: "kindergarten"}, "education", "err.value.unknown"},
		{"a first registration certificate's day is required", nil, Profile{FirstRegKind: FirstRegCertificate}, "first_reg_on", "err.required"},
		{"a first registration certificate received on a day", nil, Profile{FirstRegKind: FirstRegCertificate, FirstRegOn: NewDate(2022, 3, 1)}, "", ""},
		{"a first registration day in the future", nil, Profile{FirstRegKind: FirstRegCertificate, FirstRegOn: today.AddDays(1)}, "first_reg_on", "err.date.after_today"},
		{"a day without saying which of the two it is", nil, Profile{FirstRegOn: NewDate(2022, 3, 1)}, "first_reg_kind", "err.required"},
	}
	for _, tc := range cases {
		h := completeHolder()
		if tc.holder != nil {
			tc.holder(&h)
		}
		p := tc.profile
		p.Normalize()
		err := p.Validate(&h, today)
		if tc.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if e := AsError(err); e == nil || e.Field != tc.field || e.Key != tc.errorKey {
			t.Errorf("%s: %v, want %s on %s", tc.name, err, tc.errorKey, tc.field)
		}
	}
}

func TestEthnicityShortForm(t *testing.T) {
	for in, want := range map[string]string{"汉": "汉族", " 蒙古 ": "蒙古族", "汉族": "汉族", "其他": "其他", "火星": "火星"} {
		if got := NormalizeEthnicity(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
	// Normalized again, the same: two marks a space kept apart (found
	// by FuzzIDNumber in the same shape of code) are not reordered.
	for _, in := range []string{"\u073f \u073e", "汉 族", " \u3000e\u0301 "} {
		if n := NormalizeEthnicity(in); NormalizeEthnicity(n) != n {
			t.Errorf("%+q normalized %+q, then %+q", in, n, NormalizeEthnicity(n))
		}
	}
	if len(Ethnicities) != 58 {
		t.Errorf("%d ethnicities: the 56 groups and 2 others", len(Ethnicities))
	}
}

func TestEducationWords(t *testing.T) {
	for s, want := range map[string]Education{"高中及以下": EduHighSchool, "大专": EduCollege, "本科": EduBachelor, "硕士研究生": EduMaster, "博士研究生": EduDoctorate, "master": EduMaster} {
		if got, ok := ParseEducation(s); !ok || got != want {
			t.Errorf("%s: %q", s, got)
		}
	}
	if _, ok := ParseEducation("小学"); ok {
		t.Error("小学 is 高中及以下, not a value of its own")
	}
}

func TestFirstRegistration(t *testing.T) {
	today := NewDate(2026, 12, 3)
	cases := []struct {
		name     string
		p        *Profile
		complete bool
		on       Date
		kind     FirstRegKind
	}{
		{"never complete, no certificate: none yet", &Profile{}, false, Date{}, ""},
		{"complete today for the first time: today, the form's day", &Profile{}, true, today, FirstRegForm},
		{"completed earlier: that day stays", &Profile{FirstRegKind: FirstRegForm, FirstRegOn: NewDate(2025, 1, 2)}, true, NewDate(2025, 1, 2), FirstRegForm},
		{"incomplete again later: the day it was first complete stays", &Profile{FirstRegKind: FirstRegForm, FirstRegOn: NewDate(2025, 1, 2)}, false, NewDate(2025, 1, 2), FirstRegForm},
		{"a local certificate received: its day, complete or not", &Profile{FirstRegKind: FirstRegCertificate, FirstRegOn: NewDate(2019, 5, 6)}, false, NewDate(2019, 5, 6), FirstRegCertificate},
	}
	for _, tc := range cases {
		on, kind := FirstRegistration(tc.p, tc.complete, today)
		if !on.Equal(tc.on) || on.IsZero() != tc.on.IsZero() || kind != tc.kind {
			t.Errorf("%s: %s %q, want %s %q", tc.name, on, kind, tc.on, tc.kind)
		}
	}
}

func TestDossierDue(t *testing.T) {
	items := []DueItem{{State: DueOpen}, {State: DueUpcoming}, {State: DueApplied}, {State: DueMissed}}
	got := DossierDue(items, []string{"photo", "major"})
	for i, want := range []bool{true, true, false, false} {
		if (len(got[i].DossierMissing) > 0) != want {
			t.Errorf("%s: dossier missing %v", got[i].State, got[i].DossierMissing)
		}
	}
	if got := DossierDue([]DueItem{{State: DueOpen}}, nil); got[0].DossierMissing != nil {
		t.Error("a complete dossier adds nothing")
	}
}
