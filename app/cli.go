package app

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/data/store"
	"github.com/swcert/swcert/i18n"
)

// cli is one run of a command: the options, the store, and where to write.
type cli struct {
	o      *options
	db     *store.DB
	ctx    context.Context
	stdout io.Writer
}

// command runs with the arguments after its name.
type command func(c *cli, args []string) error

// commands maps "noun verb" (or a single word) to its command. Every
// operation here is the same one a screen offers.
// The records the CLI adds and edits, with their flags.
var (
	holders = record[data.Holder]{what: "holder", create: (*store.DB).CreateHolder, load: (*store.DB).Holder,
		save: (*store.DB).UpdateHolder, show: (*cli).printHolder,
		flags: func(fs *flag.FlagSet) func(*cli, *data.Holder, *given) error {
			f := newHolderFlags(fs)
			return func(_ *cli, h *data.Holder, g *given) error { f.apply(h, g); return nil }
		}}
	certs = record[data.Certificate]{what: "certificate", create: (*store.DB).CreateCertificate, load: (*store.DB).Certificate,
		save: (*store.DB).UpdateCertificate, show: (*cli).printCert,
		flags: func(fs *flag.FlagSet) func(*cli, *data.Certificate, *given) error {
			f := newCertFlags(fs)
			return func(_ *cli, r *data.Certificate, g *given) error { return f.apply(r, g) }
		}}
	registrations = record[data.Registration]{what: "registration", create: (*store.DB).CreateRegistration, load: (*store.DB).Registration,
		save: (*store.DB).UpdateRegistration, show: (*cli).printReg, fixed: []string{"cert"},
		flags: func(fs *flag.FlagSet) func(*cli, *data.Registration, *given) error {
			f := newRegFlags(fs)
			return func(_ *cli, r *data.Registration, g *given) error { return f.apply(r, g) }
		}}
	ceRecords = record[data.CERecord]{what: "ce_record", create: (*store.DB).CreateCERecord, load: (*store.DB).CERecord,
		save: (*store.DB).UpdateCERecord, show: (*cli).printCE, fixed: []string{"holder"},
		flags: func(fs *flag.FlagSet) func(*cli, *data.CERecord, *given) error {
			return newCEFlags(fs).apply
		}}
)

var commands = map[string]command{
	"holder add":    holders.add("holder add"),
	"holder list":   holderList,
	"holder show":   holderShow,
	"holder edit":   holders.edit("holder edit"),
	"holder delete": deleter("holder delete", "holder", (*store.DB).DeleteHolder, (*store.DB).HolderDependents),
	"cert add":      certs.add("cert add"),
	"cert list":     certList,
	"cert show":     certShow,
	"cert edit":     certs.edit("cert edit"),
	"cert delete":   deleter("cert delete", "certificate", (*store.DB).DeleteCertificate, (*store.DB).CertificateDependents),
	"demo":          demoCmd,

	"annotate apply":    annotateApply,
	"annotate list":     annotateList,
	"annotate complete": annotateComplete,
	"annotate withdraw": annotateWithdraw,
	"export cert":       exportCert,
	"verify":            verifyCmd,
	"key export":        keyExport,
	"key trust":         keyTrust,
	"key list":          keyList,
	"key untrust":       keyUntrust,
	"key name":          keyName,

	"reg add":           registrations.add("reg add"),
	"reg list":          regList,
	"reg edit":          registrations.edit("reg edit"),
	"reg delete":        deleter("reg delete", "registration", (*store.DB).DeleteRegistration, nil),
	"reg due":           regDue,
	"ce add":            ceRecords.add("ce add"),
	"ce list":           ceList,
	"ce edit":           ceRecords.edit("ce edit"),
	"ce delete":         deleter("ce delete", "ce_record", (*store.DB).DeleteCERecord, nil),
	"ce progress":       ceProgress,
	"export ce-report":  exportCEReport,
	"paper set":         paperUpdate(true),
	"paper update":      paperUpdate(false),
	"paper show":        paperShow,
	"mail form":         mailForm,
	"export mailform":   exportMailForm,
	"due":               dueCmd,
	"export ics":        exportICS,
	"import":            importCmd,
	"export roster":     exportRoster,
	"export template":   exportTemplate,
	"export certs":      exportBatch("export certs", (*docs.Service).ExportCertificates),
	"export ce-reports": exportBatch("export ce-reports", (*docs.Service).ExportCEReports),
	"backup":            backupCmd,
	"audit":             auditCmd,

	"profile show":    profileShow,
	"profile set":     profileSet,
	"profile photo":   profilePhoto,
	"work add":        workEntries.add("work add"),
	"work list":       workList,
	"work edit":       workEntries.edit("work edit"),
	"work delete":     deleter("work delete", "work_entry", (*store.DB).DeleteWorkEntry, nil),
	"honour add":      honours.add("honour add"),
	"honour list":     honourList,
	"honour edit":     honours.edit("honour edit"),
	"honour delete":   deleter("honour delete", "honour", (*store.DB).DeleteHonour, nil),
	"transfer apply":  transferApply,
	"transfer list":   transferList,
	"transfer update": transferUpdate,
	"project add":     projects.add("project add"),
	"project list":    projectList,
	"project show":    projectShow,
	"project edit":    projects.edit("project edit"),
	"project delete":  deleter("project delete", "project", (*store.DB).DeleteProject, nil),
	"project join":    projectMember(true),
	"project leave":   projectMember(false),
	"service add":     services.add("service add"),
	"service list":    serviceList,
	"service edit":    services.edit("service edit"),
	"service delete":  deleter("service delete", "service_record", (*store.DB).DeleteServiceRecord, nil),

	"export profile":        exportProfile,
	"export service-report": exportServiceReport,

	"admin init":      adminInit,
	"admin user add":  adminUserAdd,
	"admin user list": adminUserList,
}

func runCLI(o *options, stdout, stderr io.Writer) int {
	name := o.args[0]
	switch name {
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, i18n.T("cli.usage"))
		// What starting without a command does depends on the build.
		if windowBuilt {
			fmt.Fprintln(stdout, "\n"+i18n.T("cli.usage_window"))
		} else {
			fmt.Fprintln(stdout, "\n"+i18n.T("cli.usage_nowindow"))
		}
		return ExitOK
	case "version":
		fmt.Fprintln(stdout, DisplayName, VersionLine())
		return ExitOK
	case "migrate": // two stores, neither of them --db (cli_migrate.go)
		return runMigrate(o, o.args[1:], stdout, stderr)
	}
	if _, ok := storeless[name]; ok {
		return runStoreless(o, name, stdout, stderr)
	}
	rest := o.args[1:]
	cmd, ok := commands[name]
	for !ok && len(rest) > 0 && strings.Count(name, " ") < 2 { // up to three words: admin user add
		name += " " + rest[0]
		cmd, ok = commands[name]
		rest = rest[1:]
	}
	if !ok {
		return fail(stderr, o.json, data.Invalid("", "cli.unknown_command", "Command", strings.Join(o.args[:min(2, len(o.args))], " ")))
	}
	db, closeDB, err := openStore(o)
	if err != nil {
		return fail(stderr, o.json, err)
	}
	defer closeDB()
	c := &cli{o: o, db: db, ctx: context.Background(), stdout: stdout}
	if err := cmd(c, rest); errors.Is(err, errNotValid) {
		return ExitFailure // the verdict, already printed, says why
	} else if errors.Is(err, errImportRefused) {
		return ExitInvalid // the report, already printed, names the rows
	} else if err != nil {
		return fail(stderr, o.json, err)
	}
	return ExitOK
}

// flags makes a flag set whose parse errors become invalid-input errors.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse reads a command's flags; one positional argument (an ID) may come
// before them, as in "holder edit 12 --name 张三", or after them. Anything
// more is refused: the flag package stops at the first word that is not a
// flag, so "holder edit 1 --org 新 单位 --phone …" would drop --phone, and
// "holder delete 2 1" would delete only 2.
func parse(fs *flag.FlagSet, args []string) (positional string, err error) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		positional, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return "", parseError(fs, args, err)
	}
	rest := fs.Args()
	if positional == "" && len(rest) > 0 {
		positional, rest = rest[0], rest[1:]
	}
	if len(rest) > 0 {
		return "", data.Invalid("", "cli.extra_args", "Args", strings.Join(rest, " "))
	}
	return positional, nil
}

// parseID reads a record ID given on the command line.
func parseID(s, what, cmd string) (int64, error) {
	if s == "" {
		return 0, data.Invalid("id", "cli.missing_id", "What", i18n.T("cli."+what), "Command", cmd)
	}
	id, ok := parseDecimal(s)
	if !ok || id <= 0 {
		return 0, data.Invalid("id", "cli.bad_id", "Value", s)
	}
	return id, nil
}

// set reports which flags were given, so edit changes only those.
func set(fs *flag.FlagSet) map[string]bool {
	m := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { m[f.Name] = true })
	return m
}

func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// print writes v as JSON with --json, or as "label: value" lines.
func (c *cli) print(v any, lines func(w io.Writer)) {
	if c.o.json {
		writeJSON(c.stdout, v)
		return
	}
	lines(c.stdout)
}

func (c *cli) today() data.Date { return data.DateOf(c.o.now()) }

// deleter makes the "… delete ID" command of one kind of record; deps
// (nil for records that take nothing along) counts, before the delete,
// what goes with it, so the report says so as the window's question does.
func deleter(cmd, what string, del func(*store.DB, context.Context, int64) error, deps func(*store.DB, context.Context, int64) (data.Dependents, error)) command {
	return func(c *cli, args []string) error {
		pos, err := parse(flags(cmd), args)
		if err != nil {
			return err
		}
		id, err := parseID(pos, what, cmd)
		if err != nil {
			return err
		}
		var with data.Dependents
		if deps != nil {
			if with, err = deps(c.db, c.ctx, id); err != nil {
				return err
			}
		}
		if err := del(c.db, c.ctx, id); err != nil {
			return err
		}
		c.print(map[string]any{"deleted": true, "id": id, "with": with}, func(w io.Writer) {
			fmt.Fprintln(w, i18n.T("cli.deleted", "What", i18n.T("cli."+what), "ID", id))
			if with.Certificates > 0 {
				fmt.Fprintln(w, i18n.T("cli.deleted_certs", "Count", with.Certificates))
			}
			if s := i18n.AlsoDeleted(with); s != "" {
				fmt.Fprintln(w, s)
			}
		})
		return nil
	}
}
