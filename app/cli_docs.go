package app

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/data/files"
	"github.com/swcert/swcert/data/seal"
	"github.com/swcert/swcert/i18n"
)

// stdin is where `verify -` reads; tests replace it.
var stdin io.Reader = os.Stdin

// errNotValid ends `verify` with exit status 1 once the verdict is printed.
var errNotValid = errors.New("seal not valid")

func (c *cli) docs() *docs.Service {
	return &docs.Service{Holders: c.db, Certs: c.db, Anns: c.db, Keys: c.db, Regs: c.db, CE: c.db, Paper: c.db, Snapshots: c.db, Import: c.db,
		Dossiers: c.db, Projects: c.db, Photos: proofStore(c.db, c.o.home()), Now: c.o.now}
}

// checkOut refuses an --out that is missing, or would replace the
// database, its journals, the log, the key or go into the proof files'
// folder: before the document is made (and its snapshot recorded).
func checkOut(path string) error {
	if path == "" {
		return data.Invalid("out", "err.required")
	}
	return files.CheckOutput(path)
}

// writeFile writes an output file whole, or reports the path it could not.
func writeFile(path string, b []byte) error {
	if path == "" {
		return data.Invalid("out", "err.required")
	}
	if err := files.Write(path, b); err != nil { // never half a PDF or sheet, never over the database
		return files.WriteError("out", path, err)
	}
	return nil
}

func exportCert(c *cli, args []string) error {
	fs := flags("export cert")
	cert := int64Flag(fs, "cert", 0, "certificate ID")
	out := fs.String("out", "", "the PDF to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cert <= 0 {
		return data.Invalid("cert_id", "err.required")
	}
	if err := checkOut(*out); err != nil {
		return err
	}
	b, doc, err := c.docs().ExportCertificate(c.ctx, *cert)
	if err != nil {
		return err
	}
	if err := writeFile(*out, b); err != nil {
		return err
	}
	result := map[string]any{"path": *out, "bytes": len(b), "claims": doc.Claims()}
	c.print(result, func(w io.Writer) {
		fmt.Fprintln(w, i18n.T("cli.exported", "Path", *out, "Until", i18n.Unix(doc.Claims().Expires)))
	})
	return nil
}

func verifyCmd(c *cli, args []string) error {
	pos, err := parse(flags("verify"), args)
	if err != nil {
		return err
	}
	var input []byte
	switch pos {
	case "":
		return data.Invalid("input", "cli.verify_what")
	case "-": // a pipe may never end: read to the cap and one byte more
		input, err = files.ReadAtMost(stdin, data.MaxInputBytes)
	default: // a regular file: /dev/zero or a FIFO are refused unread
		input, err = files.ReadRegular(pos, data.MaxInputBytes)
	}
	var large *files.TooLargeError
	if errors.As(err, &large) {
		return data.Invalid("input", "err.input.too_large", "Max", data.MaxInputBytes>>20)
	}
	if err != nil {
		return files.ReadError("input", pos, err)
	}
	v, err := c.docs().Verify(c.ctx, input)
	if err != nil {
		return err
	}
	c.print(v, func(w io.Writer) { printVerdict(w, v) })
	if !v.Valid {
		return errNotValid
	}
	return nil
}

// printVerdict prints what the Verify tab shows, in its words (i18n): the
// headline, one line per check, then what the seal states.
func printVerdict(w io.Writer, v *docs.Verdict) {
	fmt.Fprintln(w, i18n.VerdictHeadline(v))
	if a := i18n.VerdictAdvice(v); a != "" {
		fmt.Fprintln(w, a)
	}
	var checks table
	for _, l := range i18n.CheckLines(v) {
		checks.add(l.Mark()+" "+l.Label+":", l.Text)
	}
	checks.write(w)
	fmt.Fprintln(w)
	if v.Stated() && !v.SignatureOK {
		fmt.Fprintln(w, i18n.T("verify.unchecked"))
	}
	var t table
	for _, l := range i18n.StatedLines(v) {
		t.add(l[0]+":", l[1])
	}
	t.write(w)
}

func keyExport(c *cli, args []string) error {
	fs := flags("key export")
	out := fs.String("out", "", "the JWK file to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkOut(*out); err != nil {
		return err
	}
	b, err := c.docs().PublicKey(c.ctx)
	if err != nil {
		return err
	}
	if err := writeFile(*out, b); err != nil {
		return err
	}
	k, err := c.db.OwnKey(c.ctx)
	if err != nil {
		return err
	}
	c.print(map[string]any{"path": *out, "kid": k.KID, "name": k.Name}, func(w io.Writer) {
		fmt.Fprintln(w, i18n.T("cli.key_exported", "Path", *out, "KID", k.KID))
	})
	return nil
}

func keyTrust(c *cli, args []string) error {
	fs := flags("key trust")
	name := fs.String("name", "", "a name for the installation")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if pos == "" {
		return data.Invalid("key", "err.required")
	}
	// A regular file only: a key file has an end, /dev/zero or a pipe
	// may not.
	b, err := files.ReadRegular(pos, seal.MaxJWKBytes)
	var large *files.TooLargeError
	if errors.As(err, &large) {
		return data.Invalid("key", "err.key.not_jwk")
	}
	if err != nil {
		return files.ReadError("key", pos, err)
	}
	k, err := c.docs().TrustKeyFile(c.ctx, b, *name)
	if err != nil {
		return err
	}
	c.print(k, func(w io.Writer) { fmt.Fprintln(w, i18n.T("cli.key_trusted", "Name", k.Name, "KID", k.KID)) })
	return nil
}

func keyList(c *cli, args []string) error {
	if err := parseFlags(flags("key list"), args); err != nil {
		return err
	}
	keys, err := c.db.Keys(c.ctx)
	if err != nil {
		return err
	}
	c.print(keys, func(w io.Writer) {
		var t table
		t.add("KID", i18n.Field("name"), i18n.T("keys.kind"), i18n.T("keys.added"))
		for _, k := range keys {
			kind := i18n.T("keys.trusted")
			if k.Own {
				kind = i18n.T("keys.own")
			}
			t.add(k.KID, data.ExporterName(k), kind, i18n.Time(k.CreatedAt))
		}
		t.write(w)
	})
	return nil
}

// keyName shows, or with a name sets, the exporter every document of this
// database names (the own key's name; Settings in the window).
func keyName(c *cli, args []string) error {
	pos, err := parse(flags("key name"), args)
	if err != nil {
		return err
	}
	var k *data.SealKey
	if pos != "" {
		k, err = c.db.SetOwnKeyName(c.ctx, pos)
	} else {
		var keys []*data.SealKey
		if keys, err = c.db.Keys(c.ctx); err == nil {
			if k = data.OwnKeyOf(keys); k == nil {
				err = &data.Error{Code: data.ENOTFOUND, Field: "kid", Key: "err.not_found.key", Args: map[string]any{"KID": ""}}
			}
		}
	}
	if err != nil {
		return err
	}
	name := data.ExporterName(k)
	c.print(map[string]any{"kid": k.KID, "name": k.Name, "exporter": name, "named": k.Named()}, func(w io.Writer) {
		switch {
		case pos != "":
			fmt.Fprintln(w, i18n.T("cli.key_named", "Name", name))
		case k.Named():
			fmt.Fprintln(w, i18n.T("cli.key_name", "Name", name))
		default:
			fmt.Fprintln(w, i18n.T("cli.key_unnamed", "Name", name))
		}
	})
	return nil
}

func keyUntrust(c *cli, args []string) error {
	pos, err := parse(flags("key untrust"), args)
	if err != nil {
		return err
	}
	if pos == "" {
		return data.Invalid("kid", "err.required")
	}
	if err := c.db.UntrustKey(c.ctx, pos); err != nil {
		return err
	}
	c.print(map[string]any{"untrusted": pos}, func(w io.Writer) { fmt.Fprintln(w, i18n.T("cli.key_untrusted", "KID", pos)) })
	return nil
}
