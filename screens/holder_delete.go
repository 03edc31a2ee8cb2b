package screens

import (
	"strings"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/screens/i18n"
)

// holderDeleteConfirm is the question before a holder is deleted: it says
// what goes with them (the certificates, and the annotations, registrations,
// CE records with their proof files and paper records), so nobody deletes
// years of records believing they delete one name.
func holderDeleteConfirm(svc Services, h *data.Holder) (string, error) {
	ctx := svc.ctx()
	certs, err := svc.Certs.Certificates(ctx, h.ID)
	if err != nil {
		return "", err
	}
	var anns, regs, papers int
	for _, c := range certs {
		a, err := svc.Anns.Annotations(ctx, c.ID)
		if err != nil {
			return "", err
		}
		r, err := svc.Regs.Registrations(ctx, c.ID)
		if err != nil {
			return "", err
		}
		p, err := svc.Paper.Paper(ctx, c.ID)
		if err != nil {
			return "", err
		}
		anns, regs = anns+len(a), regs+len(r)
		if p != nil {
			papers++
		}
	}
	ces, err := svc.CE.CERecords(ctx, h.ID)
	if err != nil {
		return "", err
	}
	files := map[string]bool{} // one file may prove several records
	for _, r := range ces {
		for _, p := range r.Proofs {
			files[p.SHA256] = true
		}
	}
	msg := i18n.T("holder.delete_confirm", "Name", h.Name, "Count", len(certs))
	var with []string
	for _, part := range []struct {
		key string
		n   int
	}{{"holder.delete_with.annotations", anns}, {"holder.delete_with.registrations", regs}, {"holder.delete_with.ce", len(ces)}, {"holder.delete_with.proofs", len(files)}, {"holder.delete_with.paper", papers}} {
		if part.n > 0 {
			with = append(with, i18n.T(part.key, "Count", part.n))
		}
	}
	if len(with) > 0 {
		msg += "\n\n" + i18n.T("holder.delete_with", "What", strings.Join(with, i18n.T("list.sep")))
	}
	return msg, nil
}
