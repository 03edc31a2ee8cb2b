package screens

import (
	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// holderDeleteConfirm is the question before a holder is deleted: it says
// what goes with them (the certificates, and the annotations, registrations,
// CE records with their proof files and paper records), so nobody deletes
// years of records believing they delete one name.
func holderDeleteConfirm(svc Services, h *data.Holder) (string, error) {
	d, err := svc.Holders.HolderDependents(svc.ctx(), h.ID)
	if err != nil {
		return "", err
	}
	return i18n.T("holder.delete_confirm", "Name", h.Name, "Count", d.Certificates) + alsoDeleted(d), nil
}

// certDeleteConfirm is the question before a certificate is deleted, with
// its annotations, registrations and paper record, counted.
func certDeleteConfirm(svc Services, c *data.Certificate) (string, error) {
	d, err := svc.Certs.CertificateDependents(svc.ctx(), c.ID)
	if err != nil {
		return "", err
	}
	return i18n.T("cert.delete_confirm", "MNo", c.MNo) + alsoDeleted(d), nil
}

// alsoDeleted is the paragraph naming what goes along ("" for nothing).
func alsoDeleted(d data.Dependents) string {
	if s := i18n.AlsoDeleted(d); s != "" {
		return "\n\n" + s
	}
	return ""
}
