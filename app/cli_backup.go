package app

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/backup"
	"github.com/swcert/swcert/data/store"
	"github.com/swcert/swcert/i18n"
)

// backupCmd writes a backup of the database, its proofs and its key.
func backupCmd(c *cli, args []string) error {
	fs := flags("backup")
	out := fs.String("out", "", "the backup file (.zip) to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkOut(*out); err != nil {
		return err
	}
	if backupFiles(c.o) == nil {
		return serverBackupError()
	}
	m, err := backupFiles(c.o).BackupFile(c.ctx, c.o.now(), *out)
	if err != nil {
		if data.AsError(err) == nil {
			log.Printf("backup to %s: %v", *out, err)
			return &data.Error{Code: data.EINTERNAL, Field: "out", Key: "err.backup.write_failed", Args: map[string]any{"Path": *out}}
		}
		return err
	}
	c.print(map[string]any{"path": *out, "kid": m.KID, "created_at": m.CreatedAt, "proofs": m.Proofs(), "key": m.HasKey(), "missing_proofs": len(m.Missing)},
		func(w io.Writer) {
			fmt.Fprintln(w, i18n.T("backup.written", "Path", *out, "Proofs", m.Proofs()))
			backupWarnings(w, m)
		})
	return nil
}

func backupWarnings(w io.Writer, m *backup.Manifest) {
	if !m.HasKey() {
		fmt.Fprintln(w, i18n.T("backup.no_key"))
	}
	if len(m.Missing) > 0 {
		fmt.Fprintln(w, i18n.T("backup.missing_proofs", "Count", len(m.Missing)))
	}
}

// backupFiles are the files of the database of o that a backup holds;
// nil for a shared server, which its IT person backs up with pg_dump
// (README): a backup of one installation's view of it would restore
// over every office's work.
func backupFiles(o *options) *backup.Files {
	if store.IsServer(o.db) {
		return nil
	}
	return &backup.Files{DB: o.db, Proofs: proofDir(o.db), AppVersion: Version}
}

// serverBackupError is what backup, restore and check say on a server.
func serverBackupError() error {
	return data.Invalid("db", "cli.server_backup")
}

// storeless commands work on the database's files without opening the
// store: it may be damaged, missing, or about to be replaced.
var storeless = map[string]func(o *options, stdout io.Writer, args []string) error{
	"restore": restoreCmd,
	"check":   checkCmd,
}

func runStoreless(o *options, name string, stdout, stderr io.Writer) int {
	if backupFiles(o) == nil {
		return fail(stderr, o.json, serverBackupError())
	}
	closeLog := openLog(o.db)
	defer closeLog()
	useJournal(o.db)
	err := storeless[name](o, stdout, o.args[1:])
	if err == errNotValid {
		return ExitFailure // the report, already printed, says what
	}
	if err != nil {
		return fail(stderr, o.json, err)
	}
	return ExitOK
}

// openLog sends the detail of internal errors to swcert.log beside the
// database, if its folder is there.
func openLog(db string) func() {
	f, err := os.OpenFile(filepath.Join(filepath.Dir(db), "swcert.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return func() {}
	}
	prev := log.Writer()
	log.SetOutput(redacting{f})
	return func() { log.SetOutput(prev); _ = f.Close() }
}

// restoreCmd replaces the database, its key and proofs with a backup.
func restoreCmd(o *options, stdout io.Writer, args []string) error {
	fs := flags("restore")
	file, err := parse(fs, args)
	if err != nil {
		return err
	}
	if file == "" {
		return data.Invalid("file", "err.required")
	}
	res, err := backupFiles(o).Restore(context.Background(), o.now(), file)
	if err != nil {
		return err
	}
	m := res.Manifest
	c := &cli{o: o, stdout: stdout}
	c.print(map[string]any{"restored": file, "db": o.db, "kid": m.KID, "created_at": m.CreatedAt, "proofs": m.Proofs(), "key": m.HasKey(), "kept": res.Kept},
		func(w io.Writer) {
			fmt.Fprintln(w, i18n.T("restore.done", "Path", file, "DB", o.db, "Created", m.CreatedAt.Format("2006-01-02 15:04"), "Proofs", m.Proofs()))
			if res.Kept != "" {
				fmt.Fprintln(w, i18n.T("restore.kept", "Path", res.Kept))
			}
			backupWarnings(w, m)
		})
	return nil
}

// checkCmd checks the database, its proofs and its key; it exits 1 with
// the list of what is wrong.
func checkCmd(o *options, stdout io.Writer, args []string) error {
	if err := parseFlags(flags("check"), args); err != nil {
		return err
	}
	r, err := backupFiles(o).Check(context.Background())
	if err != nil {
		return err
	}
	c := &cli{o: o, stdout: stdout}
	c.print(r, func(w io.Writer) {
		if len(r.Problems) == 0 {
			fmt.Fprintln(w, i18n.T("cli.check_sound", "DB", r.DB, "Proofs", r.Proofs))
			return
		}
		fmt.Fprintln(w, i18n.T("cli.check_problems", "DB", r.DB, "Count", len(r.Problems)))
		for _, p := range r.Problems {
			fmt.Fprintln(w, "  - "+i18n.T("check."+p.Kind, "Detail", p.Detail))
		}
	})
	if len(r.Problems) > 0 {
		return errNotValid
	}
	return nil
}
