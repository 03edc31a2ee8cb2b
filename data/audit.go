package data

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"
)

// AuditEntry is one write to a person's records, as the audit log keeps
// it: who wrote (the database user on a server, the OS user on a file),
// when, which row of which table and whose (HolderID, 0 when no holder can
// be told, e.g. a project), and the row before and after as JSON of its
// columns (Before is "" for an insert, After "" for a delete). Prev and
// Hash chain the entries (AuditHash).
type AuditEntry struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	Who      string    `json:"who"`
	Table    string    `json:"table"`
	RowID    string    `json:"row_id"`
	HolderID int64     `json:"holder_id,omitempty"`
	Op       string    `json:"op"` // insert, update, delete
	Before   string    `json:"before,omitempty"`
	After    string    `json:"after,omitempty"`
	Prev     string    `json:"prev"`
	Hash     string    `json:"hash"`
}

// AuditTables are the tables of a person's records, whose every write
// the log keeps (migrations 00014_audit.sql); the derived tables (the
// attention marks, the calendar's numbering, the reminders) are not.
var AuditTables = []string{"holders", "certificates", "annotations", "registrations", "ce_records", "ce_proofs", "paper",
	"mail_forms", "profiles", "photos", "work_history", "work_proofs", "honours", "honour_proofs", "transfers", "projects",
	"participants", "service_records", "seal_keys"}

// The operations of an entry.
const (
	AuditInsert = "insert"
	AuditUpdate = "update"
	AuditDelete = "delete"
)

// AuditFilter selects entries: of one holder, from a day on (Beijing
// time), by one user; newest first, a page at a time.
type AuditFilter struct {
	HolderID int64
	Since    Date
	Who      string
	Offset   int
	Limit    int // 0 means DefaultPageSize
}

// AuditBreak is the first place where the chain of the log is broken:
// the entry (by id) and what is wrong with it.
type AuditBreak struct {
	ID     int64  `json:"id"`
	Reason string `json:"reason"` // one of the Audit* reasons below
}

// Why a chain is broken.
const (
	// AuditAltered: the entry's fields do not give its hash (changed
	// after it was written), or its hash is gone.
	AuditAltered = "altered"
	// AuditMissing: entries before this one (or, at the end, after the
	// last one) were removed: a gap in the ids, or the log ends before
	// the end the store last wrote.
	AuditMissing = "missing"
	// AuditOutOfOrder: the entry does not follow the one before it (its
	// prev is another entry's hash: moved or re-numbered).
	AuditOutOfOrder = "out_of_order"
)

// AuditService reads the log. No one writes it through the service: the
// database's triggers do, at every write.
type AuditService interface {
	AuditEntries(ctx context.Context, f AuditFilter) ([]AuditEntry, error)
	// VerifyAudit walks the chain from the first entry: the number of
	// entries, and the first break (nil when the log is whole).
	VerifyAudit(ctx context.Context) (int, *AuditBreak, error)
}

// AuditHash is the hash of an entry: SHA-256, in lower-case hex, over its
// fields in this order: the previous entry's hash ("" for the first), the
// id in decimal, at, who, the table, the row id, the operation, before and
// after. Each field is written as its length in bytes in decimal, a colon
// and its bytes (UTF-8); a missing one (before of an insert, after of a
// delete) as a lone "~". No field can run into the next, so no two
// entries give the same text. The server computes the same in SQL
// (swcert_audit_hash in migrations/postgres/00014_audit.sql); at is the
// stored text (UTC, "2006-01-02T15:04:05.000Z").
func AuditHash(prev string, id int64, at, who, table, rowID, op string, before, after *string) string {
	var b strings.Builder
	field := func(s *string) {
		if s == nil {
			b.WriteByte('~')
			return
		}
		b.WriteString(strconv.Itoa(len(*s)))
		b.WriteByte(':')
		b.WriteString(*s)
	}
	idText := strconv.FormatInt(id, 10)
	for _, s := range []*string{&prev, &idText, &at, &who, &table, &rowID, &op, before, after} {
		field(s)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// AuditChange is one field of an entry as a person reads it: before and
// after ("" for none).
type AuditChange struct {
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// auditQuiet are the columns a change list leaves out: the store's
// bookkeeping, which changes at every write (the entry says who and when).
var auditQuiet = []string{"created_at", "updated_at", "version", "updated_by"}

// sensitive are the columns that hold an ID or a phone number. The log
// keeps them masked as MaskIDNumber and MaskPhone show them (the
// triggers mask them), never in full: a deleted holder's numbers must
// leave no trace, an encrypted database none in clear. An encrypted value
// is kept sealed, and shown as stars.
var sensitive = []string{"id_number", "proxy_id_number", "phone"}

// Changes are the fields of an entry a person reads, by name: for an
// update the fields that changed, for an insert or a delete every field
// with a value.
func (e AuditEntry) Changes() []AuditChange {
	before, after := auditFields(e.Before), auditFields(e.After)
	var names []string
	for k := range before {
		names = append(names, k)
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	var out []AuditChange
	for _, n := range names {
		b, a := before[n], after[n]
		if b == a || slices.Contains(auditQuiet, n) {
			continue
		}
		if slices.Contains(sensitive, n) {
			b, a = unsealed(b), unsealed(a)
		}
		out = append(out, AuditChange{Field: n, Before: b, After: a})
	}
	return out
}

// unsealed is a number as the log shows it: stars for an encrypted one,
// never its bytes.
func unsealed(v string) string {
	if strings.HasPrefix(v, AuditSealedPrefix) {
		return "***"
	}
	return v
}

// AuditSealedPrefix starts a value that the database's encryption sealed
// (the stored bytes in hex), as the log keeps it.
const AuditSealedPrefix = "sealed:"

// auditFields reads a row of the log into its fields as text (numbers as
// written, null as "").
func auditFields(s string) map[string]string {
	out := map[string]string{}
	if s == "" {
		return out
	}
	var m map[string]any
	if json.Unmarshal([]byte(s), &m) != nil {
		return out
	}
	for k, v := range m {
		switch v := v.(type) {
		case nil:
			out[k] = ""
		case string:
			out[k] = v
		case float64:
			out[k] = strconv.FormatFloat(v, 'f', -1, 64)
		default:
			b, _ := json.Marshal(v)
			out[k] = string(b)
		}
	}
	return out
}
