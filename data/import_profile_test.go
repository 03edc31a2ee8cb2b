package data

import "testing"

// A row's personal information merges into the saved profile: what the
// ID number says is no change, what contradicts it is refused naming the
// field, a changed cell is an update of the holder with the field named.
func TestMergeImportProfile(t *testing.T) {
	zhang := Holder{ID: 7, Name: "张三", IDType: IDResident, IDNumber: "11010519491231002X"}
	cert := Certificate{ID: 21, HolderID: 7, Level: LevelSocialWorker, MNo: "2022S110001", ExamYear: 2022,
		PassedOn: NewDate(2022, 6, 20), IssuedOn: NewDate(2022, 12, 1), Issuer: DefaultIssuer, Status: StatusValid}
	saved := Profile{HolderID: 7, Ethnicity: "汉族", Education: EduBachelor, Major: "社会工作"}
	today := NewDate(2026, 11, 22)
	row := func(p ProfileUpdate) ImportRow {
		return ImportRow{Line: 2, Holder: HolderUpdate{IDNumber: zhang.IDNumber}, Profile: p, Certificate: CertificateUpdate{MNo: cert.MNo}}
	}
	cases := []struct {
		name    string
		p       ProfileUpdate
		profile *Profile
		outcome ImportOutcome
		write   bool
		fields  []string
		errOn   string
	}{
		{"nothing said of the profile", ProfileUpdate{}, &saved, ImportUnchanged, false, nil, ""},
		{"the sex and date of birth the ID number says: no change", ProfileUpdate{Sex: ptr(SexFemale), BirthDate: ptr(NewDate(1949, 12, 31))}, &saved, ImportUnchanged, false, nil, ""},
		{"another sex than the ID number's", ProfileUpdate{Sex: ptr(SexMale)}, &saved, "", false, nil, "sex"},
		{"another date of birth", ProfileUpdate{BirthDate: ptr(NewDate(1950, 1, 1))}, &saved, "", false, nil, "birth_date"},
		{"an unknown ethnicity", ProfileUpdate{Ethnicity: ptr("火星族")}, &saved, "", false, nil, "ethnicity"},
		{"a new education", ProfileUpdate{Education: ptr(EduMaster)}, &saved, ImportUpdated, true, []string{"education"}, ""},
		{"the short form of the same ethnicity: no change", ProfileUpdate{Ethnicity: ptr("汉")}, &saved, ImportUnchanged, false, nil, ""},
		{"a profile for a holder who had none", ProfileUpdate{Major: ptr("社会学")}, nil, ImportUpdated, true, []string{"major"}, ""},
	}
	for _, tc := range cases {
		m, err := MergeImport(row(tc.p), ImportSaved{Holder: &zhang, Profile: tc.profile, Certificate: &cert, Owner: &zhang}, today)
		if tc.errOn != "" {
			if e := AsError(err); e == nil || e.Field != tc.errOn {
				t.Errorf("%s: %v, want refused on %s", tc.name, err, tc.errOn)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		var fields []string
		for _, c := range m.HolderChanges {
			fields = append(fields, c.Field)
		}
		if m.HolderOutcome != tc.outcome || m.WriteProfile != tc.write || len(fields) != len(tc.fields) || len(fields) > 0 && fields[0] != tc.fields[0] {
			t.Errorf("%s: %s, write %v, changes %v", tc.name, m.HolderOutcome, m.WriteProfile, fields)
		}
		if m.Profile.Sex != "" || !m.Profile.BirthDate.IsZero() {
			t.Errorf("%s: what the ID number says is stored: %+v", tc.name, m.Profile)
		}
	}
}
