package store

import (
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/swcert/swcert/data"
)

// The roles of the agency edition are the server's: a group role for each
// of data.Roles, granted what it may do, and a login for each member of
// staff in one of them. The server refuses what a role may not do, so no
// window, command or other client can do more.
//
//   - viewer: reads everything (of its office), exports and verifies; it
//     also keeps what reading works out (the dashboard's table, reminders)
//     and publishes its installation's public key.
//   - editor: also writes the records.
//   - admin: also manages logins, the seal keys others may trust, and the
//     offices; a login made admin may make logins (CREATEROLE).
//
// Role names belong to the whole server; one server may hold several
// SWCert databases with the same roles.

// groupRole is the server's role of r.
func groupRole(r data.Role) string { return "swcert_" + string(r) }

// Tables by who writes them: derived ones are written by every reader;
// these, by nobody through a grant (the schema's and the owner's).
var (
	derivedTables = []string{"attention", "attention_fresh", "calendar_events", "reminders", "store_meta"}
	ownerTables   = []string{"goose_db_version", "staff_offices", "seal_keys", "audit", "audit_head"}
)

// InitRoles makes the group roles (when the server has none yet) and
// grants each what it may do on every table of the schema as it is now:
// run again after an upgrade, it grants the new tables too. Only the
// database's owner may (swcert admin init).
func (db *DB) InitRoles(ctx context.Context) error {
	if db.sql.dialect != postgresSQL {
		return data.Invalid("db", "err.server.roles_on_file")
	}
	var dbName string
	if err := db.sql.QueryRowContext(ctx, `SELECT current_database()`).Scan(&dbName); err != nil {
		return internal("roles", err)
	}
	tables, err := db.publicTables(ctx)
	if err != nil {
		return err
	}
	var records []string
	for _, t := range tables {
		if !slices.Contains(derivedTables, t) && !slices.Contains(ownerTables, t) {
			records = append(records, t)
		}
	}
	id := func(s string) string { return pgx.Identifier{s}.Sanitize() }
	list := func(ts []string) string {
		var q []string
		for _, t := range ts {
			if slices.Contains(tables, t) {
				q = append(q, id(t))
			}
		}
		return strings.Join(q, ", ")
	}
	viewer, editor, admin := id(groupRole(data.RoleViewer)), id(groupRole(data.RoleEditor)), id(groupRole(data.RoleAdmin))
	statements := []string{
		`DO $$ BEGIN
			IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'swcert_viewer') THEN CREATE ROLE swcert_viewer NOLOGIN; END IF;
			IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'swcert_editor') THEN CREATE ROLE swcert_editor NOLOGIN; END IF;
			IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'swcert_admin') THEN CREATE ROLE swcert_admin NOLOGIN; END IF;
		END $$`,
		// Each role has what the one before has.
		`GRANT ` + viewer + ` TO ` + editor,
		`GRANT ` + editor + ` TO ` + admin,
		`REVOKE ALL ON DATABASE ` + id(dbName) + ` FROM PUBLIC`,
		`GRANT CONNECT, TEMPORARY ON DATABASE ` + id(dbName) + ` TO ` + viewer,
		`GRANT USAGE ON SCHEMA public TO ` + viewer,
		`GRANT SELECT ON ` + list(tables) + ` TO ` + viewer,
		`GRANT INSERT, UPDATE, DELETE ON ` + list(derivedTables) + ` TO ` + viewer,
		`GRANT INSERT ON seal_keys TO ` + viewer,
		`GRANT INSERT, UPDATE, DELETE ON ` + list(records) + ` TO ` + editor,
		`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ` + editor,
		`GRANT UPDATE, DELETE ON seal_keys TO ` + admin,
		`GRANT INSERT, UPDATE, DELETE ON staff_offices TO ` + admin,
	}
	return db.tx(ctx, func(tx *txn) error {
		for _, s := range statements {
			if _, err := tx.Tx.ExecContext(ctx, s); err != nil {
				return mapError("roles", err)
			}
		}
		return nil
	})
}

// publicTables lists the tables of the schema.
func (db *DB) publicTables(ctx context.Context) ([]string, error) {
	return column[string](ctx, db.sql, "tables", `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
}

// AddLogin makes a login of staff in a role, of an office or the whole
// agency. The password, when given, reaches the server only as its SCRAM
// verifier (as psql's \password sends it): never in clear, so never in
// the server's log. No password: the login authenticates as pg_hba.conf
// says (a client certificate, peer).
func (db *DB) AddLogin(ctx context.Context, l data.StaffLogin, password []byte) error {
	if db.sql.dialect != postgresSQL {
		return data.Invalid("db", "err.server.roles_on_file")
	}
	l.Office = data.NormalizeWords(l.Office)
	if err := data.ValidateLogin(l); err != nil {
		return err
	}
	name := pgx.Identifier{l.Name}.Sanitize()
	create := `CREATE ROLE ` + name + ` LOGIN`
	if l.Role == data.RoleAdmin {
		create += ` CREATEROLE`
	}
	if len(password) > 0 {
		create += ` PASSWORD '` + scramVerifier(password) + `'` // base64 and $: no quote to escape
	}
	grant := `GRANT ` + pgx.Identifier{groupRole(l.Role)}.Sanitize() + ` TO ` + name
	if l.Role == data.RoleAdmin {
		grant = `GRANT swcert_viewer, swcert_editor, swcert_admin TO ` + name + ` WITH ADMIN OPTION`
	}
	return db.tx(ctx, func(tx *txn) error {
		var taken bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)`, l.Name).Scan(&taken); err != nil {
			return internal("add login", err)
		}
		if taken {
			return data.Conflict("login", "err.login.taken", "Name", l.Name)
		}
		for _, s := range []string{create, grant} {
			if _, err := tx.Tx.ExecContext(ctx, s); err != nil {
				return mapError("add login", err)
			}
		}
		if l.Office != "" {
			if _, err := tx.ExecContext(ctx, `INSERT INTO staff_offices (role_name, office) VALUES (?, ?)`, l.Name, l.Office); err != nil {
				return mapError("add login", err)
			}
		}
		return nil
	})
}

// Logins lists the logins in SWCert's roles, by name, with their office.
func (db *DB) Logins(ctx context.Context) ([]data.StaffLogin, error) {
	if db.sql.dialect != postgresSQL {
		return nil, data.Invalid("db", "err.server.roles_on_file")
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT r.rolname,
			CASE WHEN pg_has_role(r.oid, 'swcert_admin', 'USAGE') THEN 'admin'
			     WHEN pg_has_role(r.oid, 'swcert_editor', 'USAGE') THEN 'editor' ELSE 'viewer' END,
			coalesce(s.office, '')
		FROM pg_roles r LEFT JOIN staff_offices s ON s.role_name = r.rolname
		WHERE r.rolcanlogin AND pg_has_role(r.oid, 'swcert_viewer', 'USAGE') AND r.rolname NOT LIKE 'swcert\_%'
		ORDER BY r.rolname`)
	if err != nil {
		return nil, mapError("list logins", err)
	}
	defer rows.Close()
	out := []data.StaffLogin{}
	for rows.Next() {
		var l data.StaffLogin
		if err := rows.Scan(&l.Name, &l.Role, &l.Office); err != nil {
			return nil, internal("list logins", err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// scramVerifier is what PostgreSQL keeps of a password under
// SCRAM-SHA-256 (RFC 5802, RFC 7677): salt, iterations and the two keys,
// from which the password cannot be read back.
func scramVerifier(password []byte) string {
	const iterations = 4096 // PostgreSQL's own default
	salt := make([]byte, 16)
	rand.Read(salt)
	salted, err := pbkdf2.Key(sha256.New, string(password), salt, iterations, sha256.Size)
	if err != nil {
		panic(err) // the parameters are fixed and valid
	}
	mac := func(key []byte, msg string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(msg))
		return h.Sum(nil)
	}
	stored := sha256.Sum256(mac(salted, "Client Key"))
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", iterations, b64(salt), b64(stored[:]), b64(mac(salted, "Server Key")))
}

// loginOffice is the office of the server's login, "" for a login of the
// whole agency (and on a file, which has one office).
func (db *DB) loginOffice(ctx context.Context) (string, error) {
	if !db.onServer() {
		return "", nil
	}
	var office sql.NullString
	if err := db.sql.QueryRowContext(ctx, `SELECT swcert_office()`).Scan(&office); err != nil {
		return "", internal("the login's office", err)
	}
	return office.String, nil
}
