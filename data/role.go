package data

import "regexp"

// Role is what a login of the agency edition may do in the shared
// database; the server enforces it (grants and row-level security), not
// the window.
type Role string

const (
	RoleViewer Role = "viewer" // reads, exports, verifies
	RoleEditor Role = "editor" // also writes records
	RoleAdmin  Role = "admin"  // also manages logins, keys and settings
)

// Roles in the order of what they may do.
var Roles = []Role{RoleViewer, RoleEditor, RoleAdmin}

// Known reports whether r is one of Roles.
func (r Role) Known() bool { return r == RoleViewer || r == RoleEditor || r == RoleAdmin }

// StaffLogin is a login of the shared database.
type StaffLogin struct {
	Name   string `json:"name"`
	Role   Role   `json:"role"`
	Office string `json:"office,omitempty"` // "": the whole agency
}

// loginName: what a login's name may be, so that it is the same word in
// every tool (psql, pg_hba.conf, the log) without quoting.
var loginName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

// ValidateLogin checks a new login: a lower-case name of letters, digits
// and _ that is not one of the server's own (pg_*) or the roles' (swcert_*),
// a known role, and an office held to the rule of names.
func ValidateLogin(l StaffLogin) error {
	if !loginName.MatchString(l.Name) || len(l.Name) >= 3 && (l.Name[:3] == "pg_") || len(l.Name) >= 7 && l.Name[:7] == "swcert_" {
		return Invalid("login", "err.login.name")
	}
	if !l.Role.Known() {
		return Invalid("role", "err.login.role")
	}
	return checkText("office", l.Office, MaxNameLen, false)
}
