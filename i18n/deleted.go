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
	}{{"holder.delete_with.annotations", d.Annotations}, {"holder.delete_with.registrations", d.Registrations}, {"holder.delete_with.ce", d.CERecords}, {"holder.delete_with.proofs", d.ProofFiles}, {"holder.delete_with.paper", d.Papers}} {
		if part.n > 0 {
			with = append(with, T(part.key, "Count", part.n))
		}
	}
	if len(with) == 0 {
		return ""
	}
	return T("holder.delete_with", "What", strings.Join(with, T("list.sep")))
}
