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
	with, err := certContents(svc, certs)
	if err != nil {
		return "", err
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
	with.ce, with.proofs = len(ces), len(files)
	return i18n.T("holder.delete_confirm", "Name", h.Name, "Count", len(certs)) + with.text(), nil
}

// certDeleteConfirm is the question before a certificate is deleted, with
// its annotations, registrations and paper record, counted.
func certDeleteConfirm(svc Services, c *data.Certificate) (string, error) {
	with, err := certContents(svc, []*data.Certificate{c})
	if err != nil {
		return "", err
	}
	return i18n.T("cert.delete_confirm", "MNo", c.MNo) + with.text(), nil
}

// deleted counts the records a deletion takes along (the store's ON
// DELETE CASCADE).
type deleted struct{ anns, regs, ce, proofs, papers int }

// certContents counts the records kept under certificates certs.
func certContents(svc Services, certs []*data.Certificate) (deleted, error) {
	ctx := svc.ctx()
	var d deleted
	for _, c := range certs {
		a, err := svc.Anns.Annotations(ctx, c.ID)
		if err != nil {
			return d, err
		}
		r, err := svc.Regs.Registrations(ctx, c.ID)
		if err != nil {
			return d, err
		}
		p, err := svc.Paper.Paper(ctx, c.ID)
		if err != nil {
			return d, err
		}
		d.anns, d.regs = d.anns+len(a), d.regs+len(r)
		if p != nil {
			d.papers++
		}
	}
	return d, nil
}

// text is the sentence naming what goes along ("" for nothing).
func (d deleted) text() string {
	var with []string
	for _, part := range []struct {
		key string
		n   int
	}{{"holder.delete_with.annotations", d.anns}, {"holder.delete_with.registrations", d.regs}, {"holder.delete_with.ce", d.ce}, {"holder.delete_with.proofs", d.proofs}, {"holder.delete_with.paper", d.papers}} {
		if part.n > 0 {
			with = append(with, i18n.T(part.key, "Count", part.n))
		}
	}
	if len(with) == 0 {
		return ""
	}
	return "\n\n" + i18n.T("holder.delete_with", "What", strings.Join(with, i18n.T("list.sep")))
}
