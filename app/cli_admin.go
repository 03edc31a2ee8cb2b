package app

import (
	"fmt"
	"io"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// The agency edition's administration on the command line: `admin init`
// (the schema, which opening the store already brought up to date, and
// the roles) and `admin user add|list`. The server decides who may: init
// is the database owner's, logins an admin's.

func adminInit(c *cli, args []string) error {
	if err := parseFlags(flags("admin init"), args); err != nil {
		return err
	}
	if err := c.db.InitRoles(c.ctx); err != nil {
		return err
	}
	c.print(map[string]any{"db": c.o.shownDB(), "roles": data.Roles}, func(w io.Writer) {
		fmt.Fprintln(w, i18n.T("cli.admin_init_done", "DB", c.o.shownDB()))
	})
	return nil
}

func adminUserAdd(c *cli, args []string) error {
	fs := flags("admin user add")
	role := fs.String("role", "", "viewer, editor or admin")
	office := fs.String("office", "", "the office whose holders the login sees (none: the whole agency)")
	passFile := fs.String("password-file", "", "file holding the login's password (- reads standard input)")
	noPass := fs.Bool("no-password", false, "no password: the server authenticates the login otherwise (certificate, peer)")
	name, err := parse(fs, args)
	if err != nil {
		return err
	}
	l := data.StaffLogin{Name: name, Role: data.Role(*role), Office: *office}
	if err := data.ValidateLogin(l); err != nil {
		return err
	}
	var password []byte
	if !*noPass {
		if password, err = passphraseFrom(*passFile, "SWCERT_NEW_PASSWORD"); err != nil {
			return err
		}
		if password == nil {
			if password, err = prompt("cli.login_password", true); err != nil {
				return err
			}
		}
		if len(password) == 0 {
			return data.Invalid("password", "err.login.password")
		}
	}
	if err := c.db.AddLogin(c.ctx, l, password); err != nil {
		return err
	}
	c.print(l, func(w io.Writer) {
		office := l.Office
		if office == "" {
			office = i18n.T("cli.whole_agency")
		}
		fmt.Fprintln(w, i18n.T("cli.login_added", "Name", l.Name, "Role", i18n.T("role."+string(l.Role)), "Office", office))
	})
	return nil
}

func adminUserList(c *cli, args []string) error {
	if err := parseFlags(flags("admin user list"), args); err != nil {
		return err
	}
	logins, err := c.db.Logins(c.ctx)
	if err != nil {
		return err
	}
	c.print(logins, func(w io.Writer) {
		var t table
		for _, l := range logins {
			office := l.Office
			if office == "" {
				office = i18n.T("cli.whole_agency")
			}
			t.add(l.Name, i18n.T("role."+string(l.Role)), office)
		}
		t.write(w)
	})
	return nil
}
