package app

import (
	"flag"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/jeandeaual/go-locale"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// options are the global flags, given before the command.
type options struct {
	db     string
	now    func() time.Time
	json   bool
	lang   string // "" follows preferences (GUI) or the environment (CLI)
	reveal bool   // print ID and phone numbers in full
	args   []string
	// passFile is --passphrase-file (passphrase.go); pass the passphrase
	// once read.
	passFile string
	pass     []byte
	window   bool // the window asks for a passphrase itself
	// dbGiven: --db was given (else the window may open the shared
	// database it last used); serverPassword is the shared database's
	// password while it is being opened, and nil after.
	dbGiven        bool
	serverPassword []byte
}

// parseOptions reads the global flags. The clock is --now, else
// $SWCERT_NOW, else the wall clock: the only place the wall clock is read.
func parseOptions(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("swcert", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.db, "db", "", "database file")
	nowText := fs.String("now", "", "fixed clock: RFC 3339 or YYYY-MM-DD")
	fs.BoolVar(&o.json, "json", false, "machine output")
	fs.StringVar(&o.lang, "lang", "", "zh or en")
	fs.BoolVar(&o.reveal, "reveal", false, "print ID and phone numbers in full")
	fs.StringVar(&o.passFile, "passphrase-file", "", "file holding the passphrase of an encrypted database (- reads standard input)")
	if err := fs.Parse(args); err != nil {
		return nil, flagError(err)
	}
	o.args = fs.Args()
	o.dbGiven = o.db != ""
	if o.db == "" {
		o.db = DefaultDBPath()
	}
	switch strings.ToLower(o.lang) {
	case "", "zh", "en", "zh_hans", "zh-hans", "zh-cn":
	default:
		return nil, data.Invalid("lang", "cli.bad_lang")
	}
	if *nowText == "" {
		*nowText = os.Getenv("SWCERT_NOW")
	}
	if *nowText == "" {
		o.now = func() time.Time { return time.Now().In(data.Beijing) }
		return o, nil
	}
	t, err := parseTime(*nowText)
	if err != nil {
		return nil, data.Invalid("now", "cli.bad_now", "Value", *nowText)
	}
	if t.Before(minNow) || !t.Before(maxNow) {
		return nil, data.Invalid("now", "cli.now_range", "Value", *nowText, "Min", minNow.Year(), "Max", maxNow.Year()-1)
	}
	o.now = func() time.Time { return t }
	return o, nil
}

// A fixed clock lies between 2000 and 2199: certificates are from 2008 on,
// and the day counts between any two dates of the records stay exact
// (time.Duration spans 292 years).
var (
	minNow = time.Date(2000, 1, 1, 0, 0, 0, 0, data.Beijing)
	maxNow = time.Date(2200, 1, 1, 0, 0, 0, 0, data.Beijing)
)

// parseTime reads --now: RFC 3339, or a day or "YYYY-MM-DD HH:MM" in
// Beijing time (data.ParseTime), the clock every rule counts days in.
func parseTime(s string) (time.Time, error) {
	t, err := data.ParseTime(s)
	if err != nil {
		return time.Time{}, data.Invalid("now", "cli.bad_now", "Value", s)
	}
	return t, nil
}

// cliLanguage is --lang, else the language of the environment: LC_ALL,
// LC_MESSAGES, LANG, and where those are not how the language is set
// (Windows, macOS: the system's setting; a Chinese Windows sets no LANG).
func cliLanguage(flagLang string) string {
	return i18n.Resolve(flagLang, systemLanguage(runtime.GOOS, os.Getenv, locale.GetLocale))
}

func systemLanguage(goos string, getenv func(string) string, system func() (string, error)) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return v
		}
	}
	if goos == "windows" || goos == "darwin" {
		if l, err := system(); err == nil {
			return l
		}
	}
	return ""
}
