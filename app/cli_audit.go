package app

import (
	"fmt"
	"io"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// auditView is an entry for scripts: its fields, and the changes as the
// text shows them. (The log keeps ID and phone numbers masked: --reveal
// has nothing more to show.)
type auditView struct {
	ID       int64              `json:"id"`
	At       string             `json:"at"`
	Who      string             `json:"who"`
	Table    string             `json:"table"`
	RowID    string             `json:"row_id"`
	HolderID int64              `json:"holder_id,omitempty"`
	Op       string             `json:"op"`
	Changes  []data.AuditChange `json:"changes"`
	Hash     string             `json:"hash"`
}

// auditCmd lists the audit log, newest first, or (audit verify) walks its
// chain: exit 0 when whole, 1 naming the first entry altered or removed.
func auditCmd(c *cli, args []string) error {
	if len(args) > 0 && args[0] == "verify" {
		return auditVerify(c, args[1:])
	}
	fs := flags("audit")
	holder := int64Flag(fs, "holder", 0, "only this holder's records")
	since := fs.String("since", "", "only from this day on (YYYY-MM-DD, Beijing time)")
	user := fs.String("user", "", "only this user's writes")
	limit := intFlag(fs, "limit", data.DefaultPageSize, "at most this many")
	offset := intFlag(fs, "offset", 0, "skip this many")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := inRange("limit", int64(*limit), 1, data.MaxPageSize); err != nil {
		return err
	}
	if err := inRange("offset", int64(*offset), 0, data.MaxOffset); err != nil {
		return err
	}
	f := data.AuditFilter{HolderID: *holder, Who: *user, Limit: *limit, Offset: *offset}
	if *since != "" {
		d, err := data.ParseDate(*since)
		if err != nil {
			return data.Invalid("since", "cli.bad_flag", "Detail", "--since: YYYY-MM-DD")
		}
		f.Since = d
	}
	es, err := c.db.AuditEntries(c.ctx, f)
	if err != nil {
		return err
	}
	views := make([]auditView, len(es))
	for i, e := range es {
		views[i] = auditView{ID: e.ID, At: e.At.Format("2006-01-02T15:04:05.000Z07:00"), Who: e.Who, Table: e.Table, RowID: e.RowID,
			HolderID: e.HolderID, Op: e.Op, Changes: e.Changes(), Hash: e.Hash}
		if views[i].Changes == nil {
			views[i].Changes = []data.AuditChange{}
		}
	}
	c.print(views, func(w io.Writer) {
		if len(es) == 0 {
			fmt.Fprintln(w, i18n.T("audit.none"))
		}
		for _, e := range es {
			fmt.Fprintln(w, i18n.AuditEntry(e))
		}
	})
	return nil
}

func auditVerify(c *cli, args []string) error {
	if err := parseFlags(flags("audit verify"), args); err != nil {
		return err
	}
	n, br, err := c.db.VerifyAudit(c.ctx)
	if err != nil {
		return err
	}
	c.print(map[string]any{"whole": br == nil, "entries": n, "broken": br}, func(w io.Writer) {
		fmt.Fprintln(w, i18n.AuditVerdict(n, br))
	})
	if br != nil {
		return errNotValid // the verdict, printed, says why: exit 1
	}
	return nil
}
