package app

import (
	"fmt"
	"io"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// swcert encryption on|off|change|status: encryption at rest of the ID
// numbers, phone numbers and proof files (data.EncryptionService).
func init() {
	commands["encryption on"] = encryptionOn
	commands["encryption off"] = encryptionOff
	commands["encryption change"] = encryptionChange
	commands["encryption status"] = encryptionStatus
}

// newPassphrase is a passphrase to be set: from the file or variable
// given, else typed twice on the terminal.
func newPassphrase(path, env string) ([]byte, error) {
	p, err := passphraseFrom(path, env)
	if err == nil && p == nil {
		p, err = prompt("cli.passphrase_new", true)
	}
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, data.Invalid("passphrase", "err.crypt.no_passphrase")
	}
	return p, data.ValidatePassphrase(p)
}

func encryptionOn(c *cli, args []string) error {
	if _, err := parse(flags("encryption on"), args); err != nil {
		return err
	}
	if st, err := c.db.Encryption(c.ctx); err != nil {
		return err
	} else if st.On {
		return data.Invalid("encryption", "err.crypt.already_on")
	}
	// The passphrase the database will have: given as it will be given to
	// open it (--passphrase-file, $SWCERT_PASSPHRASE), or typed twice.
	p, err := newPassphrase(c.o.passFile, envPassphrase)
	if err != nil {
		return err
	}
	if err := c.db.EnableEncryption(c.ctx, p); err != nil {
		return err
	}
	return c.printEncryption("cli.encryption_on")
}

func encryptionOff(c *cli, args []string) error {
	if _, err := parse(flags("encryption off"), args); err != nil {
		return err
	}
	if err := c.db.DisableEncryption(c.ctx, c.o.pass); err != nil {
		return err
	}
	return c.printEncryption("cli.encryption_off")
}

func encryptionChange(c *cli, args []string) error {
	fs := flags("encryption change")
	next := fs.String("new-passphrase-file", "", "")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if st, err := c.db.Encryption(c.ctx); err != nil {
		return err
	} else if !st.On {
		return data.Invalid("encryption", "err.crypt.already_off")
	}
	p, err := newPassphrase(*next, envNewPassphrase)
	if err != nil {
		return err
	}
	if err := c.db.ChangePassphrase(c.ctx, c.o.pass, p); err != nil {
		return err
	}
	return c.printEncryption("cli.encryption_changed")
}

func encryptionStatus(c *cli, args []string) error {
	if _, err := parse(flags("encryption status"), args); err != nil {
		return err
	}
	return c.printEncryption("")
}

func (c *cli) printEncryption(done string) error {
	st, err := c.db.Encryption(c.ctx)
	if err != nil {
		return err
	}
	c.print(st, func(w io.Writer) {
		if done != "" {
			fmt.Fprintln(w, i18n.T(done, "Path", c.o.shownDB()))
		}
		if st.On {
			fmt.Fprintln(w, i18n.T("cli.encryption_status_on", "Time", st.Time, "MiB", st.MemoryKiB>>10, "Threads", st.Threads))
		} else {
			fmt.Fprintln(w, i18n.T("cli.encryption_status_off"))
		}
	})
	return nil
}
