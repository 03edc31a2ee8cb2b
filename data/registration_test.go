package data

import "testing"

// A registration is valid for 3 years; re-registration is accepted in the 3
// months before it expires; counted in calendar months, month ends clamped.
func TestRegistrationPeriodAndWindows(t *testing.T) {
	cases := []struct {
		name                 string
		validFrom            Date
		validTo, opens, last string
	}{
		{"valid from 2024-09-02", NewDate(2024, 9, 2), "2027-09-01", "2027-06-02", "2027-09-01"},
		{"valid from 2024-05-31: the window opens on 2027-02-28", NewDate(2024, 5, 31), "2027-05-30", "2027-02-28", "2027-05-30"},
		{"valid from a leap day: ends on the last day of February", NewDate(2024, 2, 29), "2027-02-28", "2026-12-01", "2027-02-28"},
		{"valid from 1 March: ends on the last day of February", NewDate(2025, 3, 1), "2028-02-29", "2027-12-01", "2028-02-29"},
		{"valid from 1 January", NewDate(2025, 1, 1), "2027-12-31", "2027-10-01", "2027-12-31"},
	}
	for _, tc := range cases {
		r := Registration{ValidFrom: tc.validFrom}
		opens, closes := r.RenewalWindow()
		if r.ValidTo().String() != tc.validTo || opens.String() != tc.opens || closes.String() != tc.last {
			t.Errorf("%s: valid to %s, window %s … %s; want %s, %s … %s", tc.name, r.ValidTo(), opens, closes, tc.validTo, tc.opens, tc.last)
		}
	}
	firstCases := []struct {
		name   string
		passed Date
		closes string
	}{
		{"passed 2024-06-15: by 2025-06-15", NewDate(2024, 6, 15), "2025-06-15"},
		{"passed 2024-02-29: first registration closes on 2025-02-28", NewDate(2024, 2, 29), "2025-02-28"},
		{"passed 2023-12-31", NewDate(2023, 12, 31), "2024-12-31"},
	}
	for _, tc := range firstCases {
		opens, closes := FirstWindow(&Certificate{PassedOn: tc.passed})
		if !opens.Equal(tc.passed) || closes.String() != tc.closes {
			t.Errorf("%s: %s … %s, want … %s", tc.name, opens, closes, tc.closes)
		}
	}
}

// Decision: a status only moves forward; the one step back is a failed
// review resubmitted as 待审核.
func TestRegistrationStatusMoves(t *testing.T) {
	cases := []struct {
		from, to RegStatus
		ok       bool
	}{
		{RegNotApplied, RegPending, true},       // 未申请 → 待审核
		{RegPending, RegFirstPassed, true},      // 待审核 → 初审通过
		{RegPending, RegIssued, true},           // recording a later state at once
		{RegFirstPassed, RegFinalPassed, true},  // 初审通过 → 终审通过
		{RegFinalPassed, RegCompleted, true},    // → 首次登记已完成
		{RegCompleted, RegIssued, true},         // → 已出证
		{RegIssued, RegIssued, true},            // unchanged
		{RegFirstFailed, RegPending, true},      // 初审未通过, resubmitted as 待审核
		{RegFinalFailed, RegPending, true},      // 终审未通过, resubmitted as 待审核
		{RegPending, RegNotApplied, false},      // back to not applied
		{RegFirstPassed, RegPending, false},     // past its first review, never editable again
		{RegFinalPassed, RegFirstPassed, false}, // backwards
		{RegIssued, RegCompleted, false},        // backwards
		{RegCompleted, RegPending, false},       // backwards to editable
		{RegFinalFailed, RegNotApplied, false},  // not the one step back
		{RegFirstFailed, RegNotApplied, false},  // not the one step back
		{RegFinalFailed, RegFinalPassed, false}, // a failed final review is resubmitted, not passed backwards
		{RegFirstFailed, RegFinalFailed, true},  // forward along the list
		{RegFinalPassed, RegFinalFailed, true},  // forward along the list
		{RegNotApplied, RegNotApplied, true},    // unchanged
		{RegFinalFailed, RegFirstFailed, false}, // backwards
		{RegIssued, RegFinalFailed, false},      // backwards
		{RegCompleted, RegNotApplied, false},    // backwards
		{RegFirstPassed, RegFirstFailed, true},  // forward along the list
		{RegPending, RegPending, true},          // unchanged
		{RegFirstFailed, RegFirstPassed, false}, // backwards
		{RegFinalPassed, RegPending, false},     // past its first review
		{RegIssued, RegPending, false},          // past its first review
		{RegCompleted, RegFinalPassed, false},   // backwards
		{RegFinalFailed, RegCompleted, true},    // forward along the list
		{RegNotApplied, RegFirstFailed, true},   // forward
		{RegFirstFailed, RegFirstFailed, true},  // unchanged
		{RegFinalFailed, RegFinalFailed, true},  // unchanged
		{RegCompleted, RegCompleted, true},      // unchanged
		{RegFinalPassed, RegFinalPassed, true},  // unchanged
		{RegFirstPassed, RegFirstPassed, true},  // unchanged
		{RegPending, RegFinalFailed, true},      // forward
		{RegFirstPassed, RegNotApplied, false},  // backwards
		{RegIssued, RegNotApplied, false},       // backwards
		{RegFinalPassed, RegNotApplied, false},  // backwards
		{RegFinalFailed, RegFirstPassed, false}, // backwards
		{RegCompleted, RegFirstFailed, false},   // backwards
		{RegIssued, RegFirstPassed, false},      // backwards
		{RegIssued, RegFinalPassed, false},      // backwards
		{RegIssued, RegFirstFailed, false},      // backwards
		{RegCompleted, RegFinalFailed, false},   // backwards
		{RegCompleted, RegFirstPassed, false},   // backwards
		{RegFinalFailed, RegFinalPassed, false}, // backwards
	}
	for _, tc := range cases {
		if err := tc.from.CanMoveStatus(tc.to); (err == nil) != tc.ok {
			t.Errorf("%s → %s: allowed %v, want %v", tc.from, tc.to, err == nil, tc.ok)
		}
	}
}

func TestCheckRegistration(t *testing.T) {
	c := &Certificate{ID: 1, Status: StatusValid, PassedOn: NewDate(2024, 6, 15)}
	first := Registration{ID: 1, CertID: 1, Kind: RegFirst, Status: RegIssued, AppliedOn: NewDate(2024, 8, 1), ValidFrom: NewDate(2024, 9, 2)}
	renewal := func(on Date) *Registration {
		return &Registration{CertID: 1, Kind: RegRenewal, Status: RegPending, AppliedOn: on}
	}
	cases := []struct {
		name   string
		others []Registration
		r      *Registration
		saved  *Registration
		field  string
		key    string
	}{
		{"first registration on the day passed", nil, &Registration{Kind: RegFirst, Status: RegPending, AppliedOn: NewDate(2024, 6, 15)}, nil, "", ""},
		{"first registration the day before it was passed", nil, &Registration{Kind: RegFirst, Status: RegPending, AppliedOn: NewDate(2024, 6, 14)}, nil, "applied_on", "err.reg.before_passed"},
		{"a first registration not yet applied has no day", nil, &Registration{Kind: RegFirst, Status: RegNotApplied}, nil, "", ""},
		{"one first registration per certificate", []Registration{first}, &Registration{Kind: RegFirst, Status: RegNotApplied}, nil, "kind", "err.reg.first_twice"},
		{"renewal the day before the window", []Registration{first}, renewal(NewDate(2027, 6, 1)), nil, "applied_on", "err.reg.outside_window"},
		{"renewal on the window's first day", []Registration{first}, renewal(NewDate(2027, 6, 2)), nil, "", ""},
		{"renewal on the window's last day", []Registration{first}, renewal(NewDate(2027, 9, 1)), nil, "", ""},
		{"renewal the day after", []Registration{first}, renewal(NewDate(2027, 9, 2)), nil, "applied_on", "err.reg.outside_window"},
		{"renewal with nothing in force", nil, renewal(NewDate(2027, 6, 2)), nil, "kind", "err.reg.renewal_needs_previous"},
		{"status back from passed review", nil, &Registration{ID: 2, Kind: RegFirst, Status: RegPending, AppliedOn: NewDate(2024, 7, 1)},
			&Registration{ID: 2, Kind: RegFirst, Status: RegFirstPassed, AppliedOn: NewDate(2024, 7, 1)}, "status", "err.reg.status_back"},
		{"a record edited keeps its own first registration", []Registration{{ID: 2, Kind: RegFirst, Status: RegPending, AppliedOn: NewDate(2024, 7, 1)}},
			&Registration{ID: 2, Kind: RegFirst, Status: RegFirstPassed, AppliedOn: NewDate(2024, 7, 1)},
			&Registration{ID: 2, Kind: RegFirst, Status: RegPending, AppliedOn: NewDate(2024, 7, 1)}, "", ""},
		{"a saved renewal outside the window still has its review recorded", []Registration{first},
			&Registration{ID: 3, Kind: RegRenewal, Status: RegFirstPassed, AppliedOn: NewDate(2026, 1, 1)},
			&Registration{ID: 3, Kind: RegRenewal, Status: RegPending, AppliedOn: NewDate(2026, 1, 1)}, "", ""},
	}
	for _, tc := range cases {
		e := AsError(CheckRegistration(c, tc.others, tc.r, tc.saved))
		if (e == nil) != (tc.key == "") || (e != nil && (e.Field != tc.field || e.Key != tc.key)) {
			t.Errorf("%s: %v, want %s %s", tc.name, e, tc.field, tc.key)
		}
	}
	e := AsError(CheckRegistration(c, []Registration{first}, renewal(NewDate(2027, 1, 1)), nil))
	if e == nil || e.Args["Opens"] != "2027-06-02" || e.Args["Closes"] != "2027-09-01" {
		t.Errorf("the refusal names the window: %v", e)
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
		// An application made in time stays in time while it is reviewed.
		{"first: applied in time, still 待审核 the day after the window", []Registration{{Kind: RegFirst, Status: RegPending, AppliedOn: NewDate(2025, 6, 15)}}, NewDate(2025, 6, 16), DueFirst, "2024-06-15", "2025-06-15", DueApplied},
		{"first: 初审通过 a year after the window", []Registration{{Kind: RegFirst, Status: RegFirstPassed, AppliedOn: NewDate(2025, 6, 1)}}, NewDate(2026, 6, 16), DueFirst, "2024-06-15", "2025-06-15", DueApplied},
		{"first: 初审未通过, to be resubmitted", []Registration{{Kind: RegFirst, Status: RegFirstFailed, AppliedOn: NewDate(2025, 6, 1)}}, NewDate(2025, 7, 1), DueFirst, "2024-06-15", "2025-06-15", DueApplied},
		{"first: applied after the window closed: missed", []Registration{{Kind: RegFirst, Status: RegPending, AppliedOn: NewDate(2025, 6, 16)}}, NewDate(2025, 6, 17), DueFirst, "2024-06-15", "2025-06-15", DueMissed},
		{"first: not applied yet is still open", []Registration{{Kind: RegFirst, Status: RegNotApplied}}, NewDate(2024, 8, 1), DueFirst, "2024-06-15", "2025-06-15", DueOpen},
		{"renewal: upcoming", inForce, NewDate(2027, 6, 1), DueRenewal, "2027-06-02", "2027-09-01", DueUpcoming},
		{"renewal: first day of the window", inForce, NewDate(2027, 6, 2), DueRenewal, "2027-06-02", "2027-09-01", DueOpen},
		{"renewal: last day", inForce, NewDate(2027, 9, 1), DueRenewal, "2027-06-02", "2027-09-01", DueOpen},
		{"renewal: lapsed", inForce, NewDate(2027, 9, 2), DueRenewal, "2027-06-02", "2027-09-01", DueLapsed},
		{"renewal: applied in the window, still under review after the registration ended", append(inForce, Registration{Kind: RegRenewal, Status: RegPending, AppliedOn: NewDate(2027, 8, 30)}),
			NewDate(2027, 10, 1), DueRenewal, "2027-06-02", "2027-09-01", DueApplied},
		{"renewal: 终审通过, not yet in force", append(inForce, Registration{Kind: RegRenewal, Status: RegFinalPassed, AppliedOn: NewDate(2027, 6, 2)}),
			NewDate(2027, 9, 2), DueRenewal, "2027-06-02", "2027-09-01", DueApplied},
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
