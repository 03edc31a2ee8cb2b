package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/swcert/swcert/data"
)

const certColumns = `id, holder_id, level, mno, exam_year, passed_on, issued_on, issuer, status, created_at, updated_at, version, updated_by`

// CreateCertificate saves a new certificate of a saved holder.
func (db *DB) CreateCertificate(ctx context.Context, c *data.Certificate) error {
	return db.tx(ctx, func(tx *txn) error { return db.insertCertificate(ctx, tx, c) })
}

func (db *DB) insertCertificate(ctx context.Context, tx *txn, c *data.Certificate) error {
	c.Normalize()
	if err := c.Validate(db.today()); err != nil {
		return err
	}
	t, ts := db.stamp()
	newID, err := insertID(ctx, tx, `INSERT INTO certificates
		(holder_id, level, mno, exam_year, passed_on, issued_on, issuer, status, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.HolderID, c.Level, c.MNo, c.ExamYear, c.PassedOn, c.IssuedOn, c.Issuer, c.Status, ts, ts, db.user)
	if err != nil {
		return mapError("insert certificate", err)
	}
	c.ID = newID
	c.CreatedAt, c.UpdatedAt = t, t
	c.Version, c.UpdatedBy = 1, db.user
	return nil
}

// UpdateCertificate saves the changed fields of a certificate.
func (db *DB) UpdateCertificate(ctx context.Context, c *data.Certificate) error {
	c.Normalize()
	if err := c.Validate(db.today()); err != nil {
		return err
	}
	t, ts := db.stamp()
	return db.tx(ctx, func(tx *txn) error {
		res, err := tx.ExecContext(ctx, `UPDATE certificates SET
			holder_id = ?, level = ?, mno = ?, exam_year = ?, passed_on = ?, issued_on = ?, issuer = ?, status = ?, updated_at = ?, `+stampSet+`
			WHERE id = ? AND `+stampIs,
			c.HolderID, c.Level, c.MNo, c.ExamYear, c.PassedOn, c.IssuedOn, c.Issuer, c.Status, ts, db.user, c.ID, c.Version, c.Version)
		if err != nil {
			return mapError("update certificate", err)
		}
		if err := db.updated(ctx, tx, res, "certificates", "id", "certificate", c.ID, &c.Stamp); err != nil {
			return err
		}
		c.UpdatedAt = t
		return nil
	})
}

// DeleteCertificate removes one certificate.
func (db *DB) DeleteCertificate(ctx context.Context, id int64) error {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM certificates WHERE id = ?`, id)
	if err != nil {
		return mapError("delete certificate", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return data.NotFound("certificate", id)
	}
	return nil
}

// Certificate loads one certificate.
func (db *DB) Certificate(ctx context.Context, id int64) (*data.Certificate, error) {
	c, err := scanCertificate(db.sql.QueryRowContext(ctx, `SELECT `+certColumns+` FROM certificates WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, "certificate", id)
	}
	return c, nil
}

// Certificates lists one holder's certificates (everyone's for 0) by issue
// date. A holder that does not exist is an error, not an empty list.
func (db *DB) Certificates(ctx context.Context, holderID int64) ([]*data.Certificate, error) {
	q, args := `SELECT `+certColumns+` FROM certificates ORDER BY issued_on, id`, []any(nil)
	if holderID > 0 {
		if _, err := db.Holder(ctx, holderID); err != nil {
			return nil, err
		}
		q, args = `SELECT `+certColumns+` FROM certificates WHERE holder_id = ? ORDER BY issued_on, id`, []any{holderID}
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, internal("list certificates", err)
	}
	defer rows.Close()
	var out []*data.Certificate
	for rows.Next() {
		c, err := scanCertificate(rows)
		if err != nil {
			return nil, internal("list certificates", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("list certificates", err)
	}
	return out, nil
}

func scanCertificate(s scanner) (*data.Certificate, error) {
	var c data.Certificate
	var created, updated string
	err := s.Scan(&c.ID, &c.HolderID, &c.Level, &c.MNo, &c.ExamYear, &c.PassedOn, &c.IssuedOn, &c.Issuer, &c.Status, &created, &updated, &c.Version, &c.UpdatedBy)
	if err != nil {
		return nil, err
	}
	c.CreatedAt, c.UpdatedAt = parseStamp(created), parseStamp(updated)
	return &c, nil
}

// CertificateByMNo finds a certificate by its management number, as typed
// (normalized the way it is saved).
func (db *DB) CertificateByMNo(ctx context.Context, mno string) (*data.Certificate, error) {
	c := data.Certificate{MNo: mno}
	c.Normalize()
	got, err := scanCertificate(db.sql.QueryRowContext(ctx, `SELECT `+certColumns+` FROM certificates WHERE mno = ?`, c.MNo))
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, &data.Error{Code: data.ENOTFOUND, Field: "mno", Key: "err.not_found.mno", Args: map[string]any{"MNo": c.MNo}}
		}
		return nil, internal("load certificate", err)
	}
	return got, nil
}
