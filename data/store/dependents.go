package store

import (
	"context"

	"github.com/swcert/swcert/data"
)

// HolderDependents counts, in one read, what ON DELETE CASCADE removes
// with the holder: certificates and what hangs on them, CE records, the
// dossier (profile, work history, honours, agency changes, the projects
// taken part in and the service records there), and the distinct proof
// files (the photo among them) these refer to.
func (db *DB) HolderDependents(ctx context.Context, id int64) (data.Dependents, error) {
	if _, err := db.Holder(ctx, id); err != nil {
		return data.Dependents{}, err
	}
	var d data.Dependents
	err := db.sql.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM certificates WHERE holder_id = ?1),
		(SELECT count(*) FROM annotations a JOIN certificates c ON c.id = a.cert_id WHERE c.holder_id = ?1),
		(SELECT count(*) FROM registrations r JOIN certificates c ON c.id = r.cert_id WHERE c.holder_id = ?1),
		(SELECT count(*) FROM ce_records WHERE holder_id = ?1),
		(SELECT count(DISTINCT sha256) FROM (
			SELECT p.sha256 FROM ce_proofs p JOIN ce_records r ON r.id = p.record_id WHERE r.holder_id = ?1
			UNION ALL SELECT sha256 FROM photos WHERE holder_id = ?1
			UNION ALL SELECT p.sha256 FROM work_proofs p JOIN work_history w ON w.id = p.work_id WHERE w.holder_id = ?1
			UNION ALL SELECT p.sha256 FROM honour_proofs p JOIN honours h ON h.id = p.honour_id WHERE h.holder_id = ?1) AS files),
		(SELECT count(*) FROM paper p JOIN certificates c ON c.id = p.cert_id WHERE c.holder_id = ?1),
		(SELECT count(*) FROM profiles WHERE holder_id = ?1),
		(SELECT count(*) FROM work_history WHERE holder_id = ?1),
		(SELECT count(*) FROM honours WHERE holder_id = ?1),
		(SELECT count(*) FROM transfers WHERE holder_id = ?1),
		(SELECT count(*) FROM participants WHERE holder_id = ?1),
		(SELECT count(*) FROM service_records WHERE holder_id = ?1)`, id).
		Scan(&d.Certificates, &d.Annotations, &d.Registrations, &d.CERecords, &d.ProofFiles, &d.Papers,
			&d.Profiles, &d.WorkEntries, &d.Honours, &d.Transfers, &d.Participations, &d.ServiceRecords)
	if err != nil {
		return d, internal("count dependents", err)
	}
	return d, nil
}

// CertificateDependents counts what is removed with the certificate.
func (db *DB) CertificateDependents(ctx context.Context, id int64) (data.Dependents, error) {
	if _, err := db.Certificate(ctx, id); err != nil {
		return data.Dependents{}, err
	}
	var d data.Dependents
	err := db.sql.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM annotations WHERE cert_id = ?1),
		(SELECT count(*) FROM registrations WHERE cert_id = ?1),
		(SELECT count(*) FROM paper WHERE cert_id = ?1)`, id).Scan(&d.Annotations, &d.Registrations, &d.Papers)
	if err != nil {
		return d, internal("count dependents", err)
	}
	return d, nil
}
