package data

import (
	"strings"
	"testing"
)

func TestValidateLogin(t *testing.T) {
	for _, c := range []struct {
		l     StaffLogin
		field string
	}{
		{StaffLogin{Name: "wang_fang", Role: RoleEditor}, ""},
		{StaffLogin{Name: "li2", Role: RoleViewer, Office: "浦东办公室"}, ""},
		{StaffLogin{Name: "Wang", Role: RoleEditor}, "login"},
		{StaffLogin{Name: "2li", Role: RoleEditor}, "login"},
		{StaffLogin{Name: "wang-fang", Role: RoleEditor}, "login"},
		{StaffLogin{Name: "pg_read", Role: RoleEditor}, "login"},
		{StaffLogin{Name: "swcert_admin", Role: RoleAdmin}, "login"},
		{StaffLogin{Name: "王芳", Role: RoleEditor}, "login"},
		{StaffLogin{Name: "a123456789012345678901234567890123456789012345678901234567890123", Role: RoleEditor}, "login"},
		{StaffLogin{Name: "wang", Role: "owner"}, "role"},
		{StaffLogin{Name: "wang", Role: RoleEditor, Office: "a\nb"}, "office"},
	} {
		err := ValidateLogin(c.l)
		if got := ""; err != nil {
			got = AsError(err).Field
			if got != c.field {
				t.Errorf("%+v: %v, want %q", c.l, err, c.field)
			}
		} else if c.field != "" {
			t.Errorf("%+v passes, want refused on %s", c.l, c.field)
		}
	}
}

// An office's name is held to the rule of names, at its boundary; empty is
// the whole agency.
func TestValidateOffice(t *testing.T) {
	for _, c := range []struct {
		office string
		ok     bool
	}{
		{"", true},
		{"浦东办公室", true},
		{strings.Repeat("办", MaxNameLen), true},
		{strings.Repeat("办", MaxNameLen+1), false},
		{"浦东\n闵行", false},
		{"a\u202eb", false},
	} {
		if err := ValidateOffice(c.office); (err == nil) != c.ok {
			t.Errorf("%q: %v, want ok %v", c.office, err, c.ok)
		} else if err != nil && AsError(err).Field != "office" {
			t.Errorf("%q: field %q", c.office, AsError(err).Field)
		}
	}
}
