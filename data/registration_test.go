package data

import "testing"

func TestRegistrationValidTo(t *testing.T) {
	r := Registration{ValidFrom: NewDate(2024, 9, 2)}
	if got := r.ValidTo(); got.String() != "2027-09-01" {
		t.Errorf("valid to %s", got)
	}
}

func TestRegistrationEditable(t *testing.T) {
	for _, s := range RegStatuses {
		want := s == RegNotApplied || s == RegPending
		if s.Editable() != want {
			t.Errorf("%s editable = %v", s, !want)
		}
		saved := &Registration{Status: s, Region: "北京市"}
		moved := &Registration{Status: RegIssued, Region: "北京市", ValidFrom: NewDate(2024, 9, 2)}
		if err := CanChangeRegistration(saved, moved); err != nil {
			t.Errorf("%s: the status and valid-from must stay recordable: %v", s, err)
		}
		changed := &Registration{Status: s, Region: "上海市"}
		if err := CanChangeRegistration(saved, changed); (err == nil) != want {
			t.Errorf("%s: changing the region allowed = %v", s, err == nil)
		}
		if err := CanDeleteRegistration(saved); (err == nil) != want {
			t.Errorf("%s: delete allowed = %v", s, err == nil)
		}
	}
}

func TestRegistrationDue(t *testing.T) {
	c := &Certificate{ID: 1, Status: StatusValid, PassedOn: NewDate(2024, 6, 15)}
	inForce := []Registration{{Kind: RegFirst, Status: RegIssued, AppliedOn: NewDate(2024, 8, 1), ValidFrom: NewDate(2024, 9, 2)}}
	cases := []struct {
		name  string
		regs  []Registration
		today Date
		kind  DueKind
		opens string
		close string
		state DueState
	}{
		{"first: window open", nil, NewDate(2024, 7, 1), DueFirst, "2024-06-15", "2025-06-15", DueOpen},
		{"first: last day of the year", nil, NewDate(2025, 6, 15), DueFirst, "2024-06-15", "2025-06-15", DueOpen},
		{"first: missed the day after", nil, NewDate(2025, 6, 16), DueFirst, "2024-06-15", "2025-06-15", DueMissed},
		{"first: applied, under review", []Registration{{Kind: RegFirst, Status: RegPending, AppliedOn: NewDate(2024, 7, 1)}}, NewDate(2024, 8, 1), DueFirst, "2024-06-15", "2025-06-15", DueApplied},
		{"first: not applied yet is still open", []Registration{{Kind: RegFirst, Status: RegNotApplied}}, NewDate(2024, 8, 1), DueFirst, "2024-06-15", "2025-06-15", DueOpen},
		{"renewal: upcoming", inForce, NewDate(2027, 6, 1), DueRenewal, "2027-06-02", "2027-09-01", DueUpcoming},
		{"renewal: first day of the window", inForce, NewDate(2027, 6, 2), DueRenewal, "2027-06-02", "2027-09-01", DueOpen},
		{"renewal: last day", inForce, NewDate(2027, 9, 1), DueRenewal, "2027-06-02", "2027-09-01", DueOpen},
		{"renewal: lapsed", inForce, NewDate(2027, 9, 2), DueRenewal, "2027-06-02", "2027-09-01", DueLapsed},
		{"renewed: the next window", append(inForce, Registration{Kind: RegRenewal, Status: RegCompleted, AppliedOn: NewDate(2027, 7, 1), ValidFrom: NewDate(2027, 9, 2)}),
			NewDate(2027, 9, 2), DueRenewal, "2030-06-02", "2030-09-01", DueUpcoming},
	}
	for _, tc := range cases {
		got := RegistrationDue(c, tc.regs, tc.today)
		if len(got) != 1 {
			t.Fatalf("%s: %d items", tc.name, len(got))
		}
		g := got[0]
		if g.Kind != tc.kind || g.OpensOn.String() != tc.opens || g.ClosesOn.String() != tc.close || g.State != tc.state {
			t.Errorf("%s: %+v, want %s %s–%s %s", tc.name, g, tc.kind, tc.opens, tc.close, tc.state)
		}
	}
	revoked := *c
	revoked.Status = StatusRevoked
	if got := RegistrationDue(&revoked, nil, NewDate(2024, 7, 1)); len(got) != 0 {
		t.Errorf("a revoked certificate has things due: %+v", got)
	}
}

func TestRegistrationValidate(t *testing.T) {
	today := NewDate(2026, 11, 22)
	ok := Registration{CertID: 1, Kind: RegFirst}
	ok.Normalize()
	if err := ok.Validate(today); err != nil || ok.Status != RegNotApplied {
		t.Fatalf("default: %v %s", err, ok.Status)
	}
	cases := []struct {
		r     Registration
		field string
	}{
		{Registration{CertID: 1, Kind: "third"}, "kind"},
		{Registration{CertID: 1, Kind: RegFirst, Status: RegPending}, "applied_on"},
		{Registration{CertID: 1, Kind: RegFirst, Status: RegPending, AppliedOn: NewDate(2026, 11, 23)}, "applied_on"},
		{Registration{CertID: 1, Kind: RegFirst, Status: RegIssued, AppliedOn: NewDate(2026, 1, 1)}, "valid_from"},
		{Registration{CertID: 1, Kind: RegFirst, Status: RegIssued, AppliedOn: NewDate(2026, 1, 1), ValidFrom: NewDate(2025, 1, 1)}, "valid_from"},
		{Registration{CertID: 1, Kind: RegFirst, Status: "approved"}, "status"},
	}
	for i, tc := range cases {
		tc.r.Normalize()
		if e := AsError(tc.r.Validate(today)); e == nil || e.Field != tc.field {
			t.Errorf("case %d: %v, want a %s error", i, e, tc.field)
		}
	}
}
