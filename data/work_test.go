package data

import "testing"

func TestWorkEntryValidate(t *testing.T) {
	today := NewDate(2026, 12, 3)
	cases := []struct {
		name  string
		e     WorkEntry
		field string
		key   string
	}{
		{"current entry", WorkEntry{Org: "阳光社工", StartOn: NewDate(2020, 1, 1)}, "", ""},
		{"a career begun long before the first exam", WorkEntry{Org: "街道办", StartOn: NewDate(1990, 9, 1), EndOn: NewDate(2001, 6, 30)}, "", ""},
		{"no employer", WorkEntry{StartOn: NewDate(2020, 1, 1)}, "org", "err.required"},
		{"no start", WorkEntry{Org: "甲"}, "start_on", "err.required"},
		{"ends the day it starts", WorkEntry{Org: "甲", StartOn: NewDate(2020, 1, 1), EndOn: NewDate(2020, 1, 1)}, "", ""},
		{"ends the day before it starts", WorkEntry{Org: "甲", StartOn: NewDate(2020, 1, 2), EndOn: NewDate(2020, 1, 1)}, "end_on", "err.work.end_before_start"},
		{"starts tomorrow", WorkEntry{Org: "甲", StartOn: today.AddDays(1)}, "start_on", "err.date.after_today"},
		{"an unknown programme", WorkEntry{Org: "甲", StartOn: NewDate(2020, 1, 1), Programme: "西部计划"}, "programme", "err.value.unknown"},
	}
	for _, tc := range cases {
		e := tc.e
		e.Normalize()
		err := e.Validate(today)
		if tc.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if ae := AsError(err); ae == nil || ae.Field != tc.field || ae.Key != tc.key {
			t.Errorf("%s: %v, want %s on %s", tc.name, err, tc.key, tc.field)
		}
	}
}

func TestCheckWorkHistory(t *testing.T) {
	saved := []WorkEntry{
		{ID: 1, Org: "甲", StartOn: NewDate(2015, 1, 1), EndOn: NewDate(2018, 12, 31)},
		{ID: 2, Org: "乙", StartOn: NewDate(2019, 1, 1)}, // current
	}
	cases := []struct {
		name  string
		e     WorkEntry
		field string
		key   string
	}{
		{"before the first, up to the day before it", WorkEntry{Org: "丙", StartOn: NewDate(2010, 1, 1), EndOn: NewDate(2014, 12, 31)}, "", ""},
		{"overlapping the first by one day", WorkEntry{Org: "丙", StartOn: NewDate(2010, 1, 1), EndOn: NewDate(2015, 1, 1)}, "start_on", "err.work.overlap"},
		{"inside the first", WorkEntry{Org: "丙", StartOn: NewDate(2016, 1, 1), EndOn: NewDate(2016, 6, 30)}, "start_on", "err.work.overlap"},
		{"within the current entry's open span", WorkEntry{Org: "丙", StartOn: NewDate(2020, 1, 1), EndOn: NewDate(2020, 6, 30)}, "start_on", "err.work.overlap"},
		{"a second current entry", WorkEntry{Org: "丙", StartOn: NewDate(2024, 1, 1)}, "end_on", "err.work.two_current"},
		{"the current entry itself, edited", WorkEntry{ID: 2, Org: "乙", StartOn: NewDate(2019, 2, 1)}, "", ""},
		{"the first, ended later, runs into the current", WorkEntry{ID: 1, Org: "甲", StartOn: NewDate(2015, 1, 1), EndOn: NewDate(2019, 1, 1)}, "start_on", "err.work.overlap"},
	}
	for _, tc := range cases {
		err := CheckWorkHistory(saved, &tc.e)
		if tc.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if ae := AsError(err); ae == nil || ae.Field != tc.field || ae.Key != tc.key {
			t.Errorf("%s: %v, want %s on %s", tc.name, err, tc.key, tc.field)
		}
	}
	if ae := AsError(CheckWorkHistory(saved, &WorkEntry{Org: "丙", StartOn: NewDate(2017, 1, 1), EndOn: NewDate(2017, 2, 1)})); ae == nil || ae.Args["Org"] != "甲" {
		t.Errorf("the refusal names the entry collided with: %v", ae)
	}
}

func TestHonourValidate(t *testing.T) {
	today := NewDate(2026, 12, 3)
	for _, l := range []string{"村(居)", "街道（乡镇）", "区(县)", "地市", "省", "部", "province"} {
		lv, ok := ParseHonourLevel(l)
		h := Honour{Title: "优秀社工", Date: NewDate(2023, 5, 1), Level: lv}
		if !ok || h.Validate(today) != nil {
			t.Errorf("level %s: %q %v", l, lv, h.Validate(today))
		}
	}
	for _, tc := range []struct {
		h     Honour
		field string
	}{
		{Honour{Date: NewDate(2023, 5, 1), Level: HonourCity}, "title"},
		{Honour{Title: "优秀社工", Level: HonourCity}, "date"},
		{Honour{Title: "优秀社工", Date: today.AddDays(1), Level: HonourCity}, "date"},
		{Honour{Title: "优秀社工", Date: NewDate(2023, 5, 1)}, "honour_level"},
		{Honour{Title: "优秀社工", Date: NewDate(2023, 5, 1), Level: "国家"}, "honour_level"},
	} {
		if e := AsError(tc.h.Validate(today)); e == nil || e.Field != tc.field {
			t.Errorf("%+v: %v, want refused on %s", tc.h, e, tc.field)
		}
	}
}
