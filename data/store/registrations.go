package store

import (
	"context"

	"github.com/swcert/swcert/data"
)

const regColumns = `id, cert_id, kind, status, applied_on, valid_from, region, org, created_at, updated_at, version, updated_by`

// CreateRegistration saves a registration of a saved certificate, held to
// the certificate's other registrations (data.CheckRegistration) in the
// same transaction.
func (db *DB) CreateRegistration(ctx context.Context, r *data.Registration) error {
	return db.tx(ctx, func(tx *txn) error {
		c, others, err := certRegistrations(ctx, tx, r.CertID)
		if err != nil {
			return err
		}
		return db.insertRegistration(ctx, tx, c, others, r)
	})
}

// certRegistrations reads a certificate and its registrations inside tx.
func certRegistrations(ctx context.Context, tx *txn, certID int64) (*data.Certificate, []data.Registration, error) {
	c, err := scanCertificate(tx.QueryRowContext(ctx, `SELECT `+certColumns+` FROM certificates WHERE id = ?`, certID))
	if err != nil {
		return nil, nil, notFound(err, "certificate", certID)
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+regColumns+` FROM registrations WHERE cert_id = ?`, certID)
	if err != nil {
		return nil, nil, internal("list registrations", err)
	}
	defer rows.Close()
	var out []data.Registration
	for rows.Next() {
		r, err := scanRegistration(rows)
		if err != nil {
			return nil, nil, internal("list registrations", err)
		}
		out = append(out, *r)
	}
	return c, out, rows.Err()
}

// insertRegistration saves r of c, whose other registrations are others.
func (db *DB) insertRegistration(ctx context.Context, tx *txn, c *data.Certificate, others []data.Registration, r *data.Registration) error {
	r.Normalize()
	if err := r.Validate(db.today()); err != nil {
		return err
	}
	if err := data.CheckRegistration(c, others, r, nil); err != nil {
		return err
	}
	t, ts := db.stamp()
	newID, err := insertID(ctx, tx, `INSERT INTO registrations (cert_id, kind, status, applied_on, valid_from, region, org, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.CertID, r.Kind, r.Status, r.AppliedOn, r.ValidFrom, r.Region, r.Org, ts, ts, db.user)
	if err != nil {
		return mapError("insert registration", err)
	}
	r.ID = newID
	r.CreatedAt, r.UpdatedAt = t.In(data.Beijing), t.In(data.Beijing)
	r.Version, r.UpdatedBy = 1, db.user
	return nil
}

// UpdateRegistration saves a change, unless the record is past review and
// the change touches the application (data.CanChangeRegistration).
func (db *DB) UpdateRegistration(ctx context.Context, r *data.Registration) error {
	r.Normalize()
	if err := r.Validate(db.today()); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *txn) error {
		saved, err := scanRegistration(tx.QueryRowContext(ctx, `SELECT `+regColumns+` FROM registrations WHERE id = ?`, r.ID))
		if err != nil {
			return notFound(err, "registration", r.ID)
		}
		if err := data.CanChangeRegistration(saved, r); err != nil {
			return err
		}
		c, others, err := certRegistrations(ctx, tx, saved.CertID)
		if err != nil {
			return err
		}
		r.CertID = saved.CertID
		if err := data.CheckRegistration(c, others, r, saved); err != nil {
			return err
		}
		t, ts := db.stamp()
		res, err := tx.ExecContext(ctx, `UPDATE registrations SET kind = ?, status = ?, applied_on = ?, valid_from = ?, region = ?, org = ?, updated_at = ?, `+stampSet+`
			WHERE id = ? AND `+stampIs, r.Kind, r.Status, r.AppliedOn, r.ValidFrom, r.Region, r.Org, ts, db.user, r.ID, r.Version, r.Version)
		if err != nil {
			return mapError("update registration", err)
		}
		if err := db.updated(ctx, tx, res, "registrations", "id", "registration", r.ID, &r.Stamp); err != nil {
			return err
		}
		r.CertID, r.CreatedAt, r.UpdatedAt = saved.CertID, saved.CreatedAt, t.In(data.Beijing)
		return nil
	})
}

// DeleteRegistration removes a record that is still editable.
func (db *DB) DeleteRegistration(ctx context.Context, id int64) error {
	return db.tx(ctx, func(tx *txn) error {
		saved, err := scanRegistration(tx.QueryRowContext(ctx, `SELECT `+regColumns+` FROM registrations WHERE id = ?`, id))
		if err != nil {
			return notFound(err, "registration", id)
		}
		if err := data.CanDeleteRegistration(saved); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM registrations WHERE id = ?`, id)
		return mapError("delete registration", err)
	})
}

// Registration loads one registration.
func (db *DB) Registration(ctx context.Context, id int64) (*data.Registration, error) {
	r, err := scanRegistration(db.sql.QueryRowContext(ctx, `SELECT `+regColumns+` FROM registrations WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, "registration", id)
	}
	return r, nil
}

// Registrations of a certificate, oldest first.
func (db *DB) Registrations(ctx context.Context, certID int64) ([]data.Registration, error) {
	if _, err := db.Certificate(ctx, certID); err != nil {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+regColumns+` FROM registrations WHERE cert_id = ?
		ORDER BY coalesce(valid_from, applied_on, created_at), id`, certID)
	if err != nil {
		return nil, internal("list registrations", err)
	}
	defer rows.Close()
	out := []data.Registration{}
	for rows.Next() {
		r, err := scanRegistration(rows)
		if err != nil {
			return nil, internal("list registrations", err)
		}
		out = append(out, *r)
	}
	return out, rows.Err()
}

func scanRegistration(s scanner) (*data.Registration, error) {
	var r data.Registration
	var created, updated string
	if err := s.Scan(&r.ID, &r.CertID, &r.Kind, &r.Status, &r.AppliedOn, &r.ValidFrom, &r.Region, &r.Org, &created, &updated, &r.Version, &r.UpdatedBy); err != nil {
		return nil, err
	}
	r.CreatedAt, r.UpdatedAt = parseStamp(created), parseStamp(updated)
	return &r, nil
}
