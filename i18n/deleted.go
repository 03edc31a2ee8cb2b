package i18n

import (
	"strings"

	"github.com/swcert/swcert/data"
)

// AlsoDeleted names, counted, what a deletion takes along besides the
// record itself ("" for nothing): the window's question before a delete
// and the command line's report after it.
func AlsoDeleted(d data.Dependents) string {
	var with []string
	for _, part := range []struct {
		key string
		n   int
	}{{"holder.delete_with.annotations", d.Annotations}, {"holder.delete_with.registrations", d.Registrations}, {"holder.delete_with.ce", d.CERecords}, {"holder.delete_with.proofs", d.ProofFiles}, {"holder.delete_with.paper", d.Papers},
		{"holder.delete_with.profile", d.Profiles}, {"holder.delete_with.work", d.WorkEntries}, {"holder.delete_with.honours", d.Honours},
		{"holder.delete_with.transfers", d.Transfers}, {"holder.delete_with.projects", d.Participations}, {"holder.delete_with.service", d.ServiceRecords}} {
		if part.n > 0 {
			with = append(with, T(part.key, "Count", part.n))
		}
	}
	if len(with) == 0 {
		return ""
	}
	return T("holder.delete_with", "What", strings.Join(with, T("list.sep")))
}
