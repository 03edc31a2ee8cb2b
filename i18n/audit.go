package i18n

import (
	"fmt"
	"strings"

	"github.com/swcert/swcert/data"
)

// AuditHeading is the line of an entry of the audit log: when (Beijing
// time), who, what was done to which record, and whose.
func AuditHeading(e data.AuditEntry) string {
	what := T("audit.table."+e.Table) + " #" + e.RowID
	s := T("audit.heading", "ID", e.ID, "Time", Time(e.At), "Who", e.Who, "Op", T("audit.op."+e.Op), "What", what)
	if e.HolderID != 0 {
		s += " " + T("audit.of_holder", "ID", e.HolderID)
	}
	return s
}

// AuditChange is one changed field of an entry: "label: before → after"
// (an insert shows the value alone; a delete, the value it had).
func AuditChange(op string, c data.AuditChange) string {
	label := T("audit.field." + c.Field) // a column whose form field says something else
	if label == "audit.field."+c.Field {
		label = T("field." + c.Field)
	}
	if label == "field."+c.Field {
		label = c.Field // a column with no label of its own (a key)
	}
	if auditFlags[c.Field] { // kept as 0/1: said as no/yes
		c.Before, c.After = auditFlag(c.Before), auditFlag(c.After)
	}
	switch op {
	case data.AuditInsert:
		return fmt.Sprintf("%s: %s", label, c.After)
	case data.AuditDelete:
		return fmt.Sprintf("%s: %s", label, c.Before)
	}
	return fmt.Sprintf("%s: %s → %s", label, empty(c.Before), empty(c.After))
}

func empty(s string) string {
	if s == "" {
		return T("audit.empty")
	}
	return s
}

// AuditEntry is the heading and the changes of an entry, one a line (the
// changes indented).
func AuditEntry(e data.AuditEntry) string {
	var b strings.Builder
	b.WriteString(AuditHeading(e))
	for _, c := range e.Changes() {
		b.WriteString("\n    " + AuditChange(e.Op, c))
	}
	return b.String()
}

// AuditVerdict is what `audit verify` says: the log is whole (n entries),
// or which entry is broken and how.
func AuditVerdict(n int, br *data.AuditBreak) string {
	if br == nil {
		return T("audit.whole", "Count", n)
	}
	return T("audit.broken."+br.Reason, "ID", br.ID)
}

// auditFlags are the columns of the audited tables that hold 0 or 1: a
// demo holder, the installation's own key.
var auditFlags = map[string]bool{"demo": true, "own": true}

func auditFlag(v string) string {
	switch v {
	case "0":
		return T("audit.flag.0")
	case "1":
		return T("audit.flag.1")
	}
	return v
}
