package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/swcert/swcert/data"
)

const paperColumns = `id, cert_id, method, window_start, window_end, status, place, proxy_name, proxy_id_number,
	sent_on, sent_to, courier, tracking, collected_on, created_at, updated_at, version, updated_by`

// SetPaper saves the collection record of a certificate, creating it the
// first time.
func (db *DB) SetPaper(ctx context.Context, p *data.Paper) error {
	if _, err := db.Certificate(ctx, p.CertID); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *txn) error { return db.insertPaper(ctx, tx, p) })
}

// insertPaper writes (or replaces) the collection record of p.CertID.
func (db *DB) insertPaper(ctx context.Context, tx *txn, p *data.Paper) error {
	p.Normalize()
	if err := p.Validate(db.today()); err != nil {
		return err
	}
	var holderID int64
	var holderIDNumber string
	if err := tx.QueryRowContext(ctx, `SELECT h.id, h.id_number FROM certificates c JOIN holders h ON h.id = c.holder_id WHERE c.id = ?`,
		p.CertID).Scan(&holderID, &holderIDNumber); err != nil {
		return notFound(err, "certificate", p.CertID)
	}
	holderIDNumber, err := db.reveal("holders/id_number", holderID, holderIDNumber)
	if err != nil {
		return err
	}
	if err := data.ValidateProxy(p, holderIDNumber); err != nil {
		return err
	}
	t, ts := db.stamp()
	// Saved over the version that was read (0: not based on a read).
	res, err := tx.ExecContext(ctx, `INSERT INTO paper (cert_id, method, window_start, window_end, status, place, proxy_name, proxy_id_number,
			sent_on, sent_to, courier, tracking, collected_on, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (cert_id) DO UPDATE SET method = excluded.method, window_start = excluded.window_start,
			window_end = excluded.window_end, status = excluded.status, place = excluded.place, proxy_name = excluded.proxy_name,
			proxy_id_number = excluded.proxy_id_number, sent_on = excluded.sent_on, sent_to = excluded.sent_to,
			courier = excluded.courier, tracking = excluded.tracking, collected_on = excluded.collected_on,
			updated_at = excluded.updated_at, version = paper.version + 1, updated_by = excluded.updated_by
		WHERE `+upsertIs("paper"),
		p.CertID, p.Method, p.WindowStart, p.WindowEnd, p.Status, p.Place, p.ProxyName, db.seal("paper/proxy_id_number", p.CertID, p.ProxyIDNumber),
		p.SentOn, p.SentTo, p.Courier, p.Tracking, p.CollectedOn, ts, ts, db.user, p.Version, p.Version)
	if err != nil {
		return mapError("set paper", err)
	}
	if err := db.upserted(ctx, tx, res, "paper", "cert_id", "paper", p.CertID, &p.Stamp); err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, `SELECT id FROM paper WHERE cert_id = ?`, p.CertID).Scan(&p.ID); err != nil {
		return internal("set paper", err)
	}
	p.UpdatedAt = t.In(data.Beijing)
	return nil
}

// Paper loads the collection record of a certificate (nil when none).
func (db *DB) Paper(ctx context.Context, certID int64) (*data.Paper, error) {
	p, err := scanPaper(db.sql.QueryRowContext(ctx, `SELECT `+paperColumns+` FROM paper WHERE cert_id = ?`, certID))
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := db.Certificate(ctx, certID); err != nil {
			return nil, err
		}
		return nil, nil
	}
	if err != nil {
		return nil, internal("load paper", err)
	}
	if p.ProxyIDNumber, err = db.reveal("paper/proxy_id_number", p.CertID, p.ProxyIDNumber); err != nil {
		return nil, err
	}
	return p, nil
}

func scanPaper(s scanner) (*data.Paper, error) {
	var p data.Paper
	var created, updated string
	err := s.Scan(&p.ID, &p.CertID, &p.Method, &p.WindowStart, &p.WindowEnd, &p.Status, &p.Place, &p.ProxyName, &p.ProxyIDNumber,
		&p.SentOn, &p.SentTo, &p.Courier, &p.Tracking, &p.CollectedOn, &created, &updated, &p.Version, &p.UpdatedBy)
	if err != nil {
		return nil, err
	}
	p.CreatedAt, p.UpdatedAt = parseStamp(created), parseStamp(updated)
	return &p, nil
}

// SaveMailForm saves the mail application form of a certificate.
func (db *DB) SaveMailForm(ctx context.Context, f *data.MailForm) error {
	if _, err := db.Certificate(ctx, f.CertID); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *txn) error { return db.insertMailForm(ctx, tx, f) })
}

// SavePaper saves the collection record and, when f is not nil, the mail
// application form, in one transaction: the Paper certificate tab's one
// Save never keeps the one without the other.
func (db *DB) SavePaper(ctx context.Context, p *data.Paper, f *data.MailForm) error {
	if _, err := db.Certificate(ctx, p.CertID); err != nil {
		return err
	}
	if f != nil && f.CertID != p.CertID {
		return data.Invalid("cert_id", "err.paper.form_other_cert")
	}
	return db.tx(ctx, func(tx *txn) error {
		if err := db.insertPaper(ctx, tx, p); err != nil {
			return err
		}
		if f == nil {
			return nil
		}
		return db.insertMailForm(ctx, tx, f)
	})
}

// insertMailForm writes (or replaces) the mail form of f.CertID.
func (db *DB) insertMailForm(ctx context.Context, tx *txn, f *data.MailForm) error {
	f.Normalize()
	if err := f.Validate(); err != nil {
		return err
	}
	t, ts := db.stamp()
	res, err := tx.ExecContext(ctx, `INSERT INTO mail_forms (cert_id, sex, recipient, phone, province, city, district, address, postcode, fee, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (cert_id) DO UPDATE SET sex = excluded.sex, recipient = excluded.recipient, phone = excluded.phone,
			province = excluded.province, city = excluded.city, district = excluded.district, address = excluded.address,
			postcode = excluded.postcode, fee = excluded.fee, updated_at = excluded.updated_at,
			version = mail_forms.version + 1, updated_by = excluded.updated_by
		WHERE `+upsertIs("mail_forms"),
		f.CertID, f.Sex, f.Recipient, db.seal("mail_forms/phone", f.CertID, f.Phone), f.Province, f.City, f.District, f.Address, f.Postcode, f.Fee, ts, ts, db.user,
		f.Version, f.Version)
	if err != nil {
		return mapError("save mail form", err)
	}
	if err := db.upserted(ctx, tx, res, "mail_forms", "cert_id", "mail_form", f.CertID, &f.Stamp); err != nil {
		return err
	}
	f.UpdatedAt = t.In(data.Beijing)
	return nil
}

// MailForm loads the mail application form of a certificate (nil when none).
func (db *DB) MailForm(ctx context.Context, certID int64) (*data.MailForm, error) {
	var f data.MailForm
	var created, updated string
	err := db.sql.QueryRowContext(ctx, `SELECT cert_id, sex, recipient, phone, province, city, district, address, postcode, fee, created_at, updated_at,
		version, updated_by FROM mail_forms WHERE cert_id = ?`, certID).Scan(&f.CertID, &f.Sex, &f.Recipient, &f.Phone, &f.Province, &f.City, &f.District,
		&f.Address, &f.Postcode, &f.Fee, &created, &updated, &f.Version, &f.UpdatedBy)
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := db.Certificate(ctx, certID); err != nil {
			return nil, err
		}
		return nil, nil
	}
	if err != nil {
		return nil, internal("load mail form", err)
	}
	f.CreatedAt, f.UpdatedAt = parseStamp(created), parseStamp(updated)
	if f.Phone, err = db.reveal("mail_forms/phone", f.CertID, f.Phone); err != nil {
		return nil, err
	}
	return &f, nil
}
