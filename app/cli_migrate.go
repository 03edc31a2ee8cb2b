package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/store"
	"github.com/swcert/swcert/i18n"
)

// `swcert migrate --from SOURCE --to TARGET` copies a whole database into
// an empty one: a SQLite file to the agency's shared server when an office
// joins it, or the server back to a file. Each side is a file path or a
// postgres:// URL and is opened as any command opens its --db (migrated to
// the newest schema, an encrypted source asking for its passphrase); the
// copy itself is the store's (store.CopyFrom): one transaction of the
// target, committed only when the counts of every table agree.
func runMigrate(o *options, args []string, stdout, stderr io.Writer) int {
	if err := migrateCmd(o, args, stdout); err != nil {
		return fail(stderr, o.json, err)
	}
	return ExitOK
}

func migrateCmd(o *options, args []string, stdout io.Writer) error {
	fl := flags("migrate")
	from := fl.String("from", "", "the database to copy: a file or a postgres:// URL")
	to := fl.String("to", "", "the empty database to copy into: a file or a postgres:// URL")
	if pos, err := parse(fl, args); err != nil {
		return err
	} else if pos != "" {
		return data.Invalid("", "cli.extra_args", "Args", pos)
	}
	switch {
	case strings.TrimSpace(*from) == "":
		return data.Invalid("from", "err.required")
	case strings.TrimSpace(*to) == "":
		return data.Invalid("to", "err.required")
	case sameDatabase(*from, *to):
		return data.Invalid("to", "err.migrate.same")
	}
	if !store.IsServer(*from) {
		// Opening a missing file would make an empty database: a mistyped
		// source would copy nothing, and say so as a success.
		if _, err := os.Stat(*from); errors.Is(err, fs.ErrNotExist) {
			return data.Invalid("from", "err.migrate.no_source", "Path", *from)
		}
	}
	ctx := context.Background()
	srcOpts := *o
	srcOpts.db = *from
	src, closeSrc, err := openStore(&srcOpts)
	if err != nil {
		return err
	}
	defer closeSrc()
	// The target is never asked for a passphrase: it must be empty, and a
	// plain copy goes into a plain database (an encrypted one is refused).
	dstOpts := *o
	dstOpts.db, dstOpts.passFile, dstOpts.pass, dstOpts.window = *to, "", nil, true
	carried, err := carryKey(ctx, src, &dstOpts)
	if err != nil {
		return err
	}
	dst, closeDst, err := openStore(&dstOpts)
	if e := data.AsError(err); e != nil && (e.Field == "passphrase" || e.Field == "passphrase_file") {
		return data.Invalid("to", "err.migrate.target_encrypted")
	}
	if err != nil {
		return err
	}
	defer closeDst()
	counts, err := dst.CopyFrom(ctx, src, proofStore(src, srcOpts.home()))
	if err != nil {
		return err
	}
	c := &cli{o: o, ctx: ctx, stdout: stdout}
	out := map[string]any{"from": srcOpts.shownDB(), "to": dstOpts.shownDB(), "tables": counts}
	if carried != "" {
		out["key_copied"] = carried
	}
	c.print(out, func(w io.Writer) {
		fmt.Fprintln(w, i18n.T("migrate.done", "From", srcOpts.shownDB(), "To", dstOpts.shownDB()))
		var t table
		h := strings.Split(i18n.T("migrate.header"), "|")
		t.add(h[0], h[1], h[2])
		for _, c := range counts {
			t.add(c.Table, c.Source, c.Target)
		}
		t.write(w)
		if carried != "" {
			fmt.Fprintln(w, i18n.T("migrate.key_copied", "Path", carried))
		}
	})
	return nil
}

// sameDatabase says whether from and to name one database (the copy would
// find its target not empty, or empty itself).
func sameDatabase(from, to string) bool {
	if store.IsServer(from) || store.IsServer(to) {
		return from == to
	}
	a, errA := filepath.Abs(from)
	b, errB := filepath.Abs(to)
	if errA == nil && errB == nil && a == b {
		return true
	}
	fa, errA := os.Stat(from)
	fb, errB := os.Stat(to)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// carryKey puts the source installation's private signing key where the
// target server's installation keeps its own (store.KeyPath of its home,
// this installation's folder for that server), when nothing is there yet,
// and returns that path ("" when it left things as they were).
//
// Why: on a server the key is the installation's, not the database's.
// Moving an office's file to the server is the same office going on; with
// its key it goes on signing as itself, and the seals it made before stay
// its own (the key's public half is copied with seal_keys in any case, so
// every office verifies them). Only when none is there: a key already at
// that place is the one this installation signs with on that server,
// published there, and replacing it would make its seals someone else's.
// It is written before the target is opened, so that opening it publishes
// this key rather than making a new one; should the copy then be refused,
// the key stays this installation's key for that server, as after a copy.
//
// Never to a file: a file's key is the file's, and names it to the folder
// of proof files beside it; a second file with the same key beside the
// first (the server copied back next to the original, say) would claim
// the folder as the first and remove the first's files as its own
// unreferenced ones. The new file makes its own key, and the seals made
// before verify by the public keys copied with it.
func carryKey(ctx context.Context, src *store.DB, target *options) (string, error) {
	if !store.IsServer(target.db) {
		return "", nil
	}
	path := store.KeyPath(target.home())
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	k, err := src.OwnKey(ctx)
	if err != nil {
		// No private half to carry (its file missing): the target makes a
		// key of its own; the source's public key is copied all the same.
		log.Printf("migrate: the source's key is not carried: %v", err)
		return "", nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", data.Invalid("to", "err.migrate.key", "Path", path)
	}
	if err := store.WriteKeyFile(path, k.Private, false); err != nil && !errors.Is(err, fs.ErrExist) {
		log.Printf("migrate: write the key file: %v", err)
		return "", data.Invalid("to", "err.migrate.key", "Path", path)
	}
	return path, nil
}
