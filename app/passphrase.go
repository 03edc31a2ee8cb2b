package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"golang.org/x/term"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/crypt"
	"github.com/swcert/swcert/data/files"
	"github.com/swcert/swcert/i18n"
)

// Where the command line reads a passphrase, never from its arguments
// (they show in the process list and the shell's history): the file of
// --passphrase-file ("-": standard input), else $SWCERT_PASSPHRASE, else a
// prompt on the terminal. A new passphrase (encryption change) is read
// from --new-passphrase-file or $SWCERT_NEW_PASSPHRASE, or typed twice.
const (
	envPassphrase    = "SWCERT_PASSPHRASE"
	envNewPassphrase = "SWCERT_NEW_PASSPHRASE"
)

// kdf are the Argon2id costs of a passphrase set here: crypt.Default
// (about half a second); tests make it cheap.
var kdf = crypt.Default

// terminal is the terminal to prompt on (nil: none); tests replace it.
var terminal = func() (fd int, prompt io.Writer, ok bool) {
	fd = int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return 0, nil, false
	}
	return fd, os.Stderr, true
}

// passphraseFrom reads a passphrase from a file or standard input, or the
// environment variable. nil, nil: neither was given.
func passphraseFrom(path, env string) ([]byte, error) {
	if path != "" {
		var b []byte
		var err error
		if path == "-" {
			b, err = files.ReadAtMost(stdin, data.MaxPassphrase+2)
		} else {
			b, err = files.ReadFile(path, data.MaxPassphrase+2)
		}
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, data.Invalid("passphrase_file", "err.crypt.passphrase_file", "Path", path)
			}
			return nil, data.Invalid("passphrase_file", "err.crypt.passphrase_file_read", "Path", path)
		}
		// The line's end is not part of it (echo, a text editor).
		b = bytes.TrimSuffix(bytes.TrimSuffix(b, []byte("\n")), []byte("\r"))
		if len(b) > data.MaxPassphrase {
			return nil, data.Invalid("passphrase", "err.crypt.passphrase_bad")
		}
		return b, nil
	}
	if v, ok := os.LookupEnv(env); ok {
		return []byte(v), nil
	}
	return nil, nil
}

// prompt asks for a passphrase on the terminal without echoing it; twice
// for a new one, which must match.
func prompt(key string, twice bool) ([]byte, error) {
	fd, w, ok := terminal()
	if !ok {
		return nil, nil
	}
	read := func(key string) ([]byte, error) {
		fmt.Fprint(w, i18n.T(key)+" ")
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(w)
		if err != nil {
			return nil, fmt.Errorf("read passphrase: %w", err)
		}
		return b, nil
	}
	p, err := read(key)
	if err != nil || !twice {
		return p, err
	}
	if err := data.ValidatePassphrase(p); err != nil {
		return nil, err
	}
	again, err := read("cli.passphrase_again")
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(p, again) {
		return nil, data.Invalid("passphrase", "err.crypt.passphrase_mismatch")
	}
	return p, nil
}

// passphrase is the passphrase of the database, read once, when the store
// finds the database encrypted (store.WithPassphrase).
func (o *options) passphrase() ([]byte, error) {
	if o.pass != nil {
		return o.pass, nil
	}
	p, err := passphraseFrom(o.passFile, envPassphrase)
	if err == nil && p == nil && !o.window {
		p, err = prompt("cli.passphrase", false) // the window asks in itself
	}
	if err != nil {
		return nil, err
	}
	o.pass = p
	return p, nil
}
