package sqlite

import (
	"context"

	"github.com/swcert/swcert/data"
)

// HolderDependents counts, in one read, what ON DELETE CASCADE removes
// with the holder: certificates and what hangs on them, CE records and
// the proof files only they refer to count among the distinct files.
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
		(SELECT count(DISTINCT p.sha256) FROM ce_proofs p JOIN ce_records r ON r.id = p.record_id WHERE r.holder_id = ?1),
		(SELECT count(*) FROM paper p JOIN certificates c ON c.id = p.cert_id WHERE c.holder_id = ?1)`, id).
		Scan(&d.Certificates, &d.Annotations, &d.Registrations, &d.CERecords, &d.ProofFiles, &d.Papers)
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
