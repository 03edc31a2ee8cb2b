// Package app is the composition root: it reads the global flags, opens the
// store, builds the services, and either opens the window or runs one
// command of the CLI. It is the only package that imports fyne.io/fyne/v2/app.
package app

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/files"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/data/store"
	"github.com/swcert/swcert/i18n"
)

// Exit statuses of the command line.
const (
	ExitOK      = 0
	ExitFailure = 1 // anything that is not the user's input
	ExitInvalid = 2 // invalid input: the message names the field
	// ExitPanic (3, panic.go): SWCert's own fault, logged
)

// Main runs SWCert with the arguments after the program name and returns
// the exit status. With no command it opens the window.
func Main(args []string, stdout, stderr io.Writer) (code int) {
	// Nothing is printed raw that a terminal would obey (terminal.go).
	stdout, stderr = terminalSafe{stdout}, terminalSafe{stderr}
	logPath := logFile(DefaultDBPath())
	defer catchPanics(stderr, &logPath)(&code)
	// See memory.go; the window lowers the limit while idle.
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(heavyLimit)
	o, err := parseOptions(args, stderr)
	if err != nil {
		i18n.SetLanguage(cliLanguage(""))
		return fail(stderr, false, err)
	}
	logPath = logFile(o.home())
	if len(o.args) == 0 {
		if windowBuilt && noDisplay(runtime.GOOS, os.Getenv) {
			i18n.SetLanguage(cliLanguage(o.lang))
			fmt.Fprintln(stderr, "swcert: "+i18n.T("cli.no_display"))
			return ExitFailure
		}
		return runGUI(o, stderr)
	}
	i18n.SetLanguage(cliLanguage(o.lang))
	return runCLI(o, stdout, stderr)
}

// noDisplay says whether the window cannot open for want of a display: on
// Linux and the BSDs a desktop session sets DISPLAY (X11) or
// WAYLAND_DISPLAY; without either the window library panics. Elsewhere
// (Windows, macOS) there is always one.
func noDisplay(goos string, getenv func(string) string) bool {
	switch goos {
	case "windows", "darwin", "ios", "android", "js", "wasip1":
		return false
	}
	return getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == ""
}

// openStore opens the database, creating it (and its directory) on first
// run, and sends the detail of internal errors to a log file beside it:
// people see a plain message, support reads the log.
func openStore(o *options) (*store.DB, func(), error) {
	home := o.home()
	if err := os.MkdirAll(filepath.Dir(home), 0o700); err != nil {
		return nil, nil, files.WriteError("db", filepath.Dir(home), err)
	}
	closeLog := openLog(home)
	useJournal(home)
	db, err := store.Open(o.db, o.now, store.WithPassphrase(o.passphrase), store.WithKDF(kdf), store.WithKeyFile(store.KeyPath(home)),
		store.WithPassword(o.serverPassword))
	if err == nil {
		// Proof files beside the database; what no record refers to goes.
		// A folder that cannot be swept now does not keep the store shut:
		// the sweep is tried again at the next start.
		if err := db.UseProofFiles(context.Background(), proofStore(db, home)); err != nil {
			log.Printf("proof files of %s: %v", o.shownDB(), err)
		}
	}
	if e := data.AsError(err); e != nil && (e.Field == "passphrase" || e.Field == "passphrase_file") {
		closeLog() // encrypted: no passphrase, a wrong one, or a file that cannot be read
		return nil, nil, err
	}
	if err != nil {
		log.Printf("open %s: %v", o.shownDB(), err)
		closeLog()
		if data.AsError(err) != nil { // not SWCert's, damaged, busy: in words
			return nil, nil, err
		}
		return nil, nil, &data.Error{Code: data.EINTERNAL, Key: "cli.open_failed", Args: map[string]any{"Path": o.shownDB(), "Reason": i18n.T("err.internal")}}
	}
	unprotect := protectOwnFiles(home)
	return db, func() { _ = db.Close(); unprotect(); closeLog() }, nil
}

// proofStore is where the proof files of db are read (and, on a file,
// kept): the folder beside the database at home, sealed as the database
// says, or the database itself when it keeps them (a shared server: every
// office sees every file; the folder is then only for what a viewer
// opens). The one place app asks the store about its proofs.
func proofStore(db *store.DB, home string) *proofs.Store {
	return &proofs.Store{Dir: proofDir(home), Sealer: db.ProofSealer(), Blobs: db.ProofBlobs()}
}

// useJournal keeps the temporary files of this run in the journal beside
// the database, after removing what a killed run left half written there
// or anywhere it was writing (a ZIP, a roster, a backup, a restore).
func useJournal(db string) {
	removed, err := files.UseJournal(filepath.Dir(db))
	if err != nil {
		log.Printf("temporary files journal: %v", err)
	}
	for _, p := range removed {
		log.Printf("removed %s, left half written by an export that was interrupted", p)
	}
}

// protectOwnFiles registers the files beside the database that no output
// may replace (the store protects the database and its journals itself):
// the log, the signing key and the proof files' folder.
func protectOwnFiles(db string) (release func()) {
	releases := []func(){
		files.Protect(files.Log, filepath.Join(filepath.Dir(db), "swcert.log")),
		files.Protect(files.Key, store.KeyPath(db)),
		files.ProtectFolder(files.Proofs, proofDir(db)),
		files.ProtectFolder(files.Database, filepath.Join(filepath.Dir(db), files.JournalFolder)),
	}
	return func() {
		for _, r := range releases {
			r()
		}
	}
}

// fail prints err for a person (or as JSON) and returns its exit status.
func fail(stderr io.Writer, asJSON bool, err error) int {
	code := ExitFailure
	e := data.AsError(err)
	switch data.ErrorCode(err) {
	case data.EINVALID, data.ECONFLICT, data.ENOTFOUND:
		code = ExitInvalid
	}
	msg := i18n.Message(err) // an internal error: logged there, a plain sentence here
	field := ""
	if e != nil {
		field = e.Field
	}
	if asJSON {
		writeJSON(stderr, map[string]any{"error": map[string]any{"code": data.ErrorCode(err), "field": field, "message": msg}})
		return code
	}
	if field != "" {
		fmt.Fprintf(stderr, "swcert: %s (%s): %s\n", field, i18n.Field(field), msg)
	} else {
		fmt.Fprintf(stderr, "swcert: %s\n", msg)
	}
	return code
}

// redacting is the log file: each line the log package writes (one Write a
// line) goes out with every word that could be an ID or phone number
// masked, whoever logged it.
type redacting struct{ w io.Writer }

func (r redacting) Write(b []byte) (int, error) {
	if _, err := io.WriteString(r.w, data.Redact(string(b))); err != nil {
		return 0, err
	}
	return len(b), nil
}
