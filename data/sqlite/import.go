package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/swcert/swcert/data"
)

// ImportRows writes spreadsheet rows in one transaction (data.ImportService).
// An empty cell keeps what was saved (a sheet without phones does not wipe
// them). A management number that belongs to another holder is refused,
// naming the row, and nothing is written.
func (db *DB) ImportRows(ctx context.Context, rows []data.ImportRow) (data.ImportResult, error) {
	var res data.ImportResult
	err := db.tx(ctx, func(tx *txn) error {
		res = data.ImportResult{}
		for _, r := range rows {
			if err := db.importRow(ctx, tx, r, &res); err != nil {
				return withRow(err, r.Line)
			}
		}
		return nil
	})
	return res, err
}

func (db *DB) importRow(ctx context.Context, tx *txn, r data.ImportRow, res *data.ImportResult) error {
	h := r.Holder
	saved, err := scanHolder(tx.QueryRowContext(ctx, `SELECT `+holderColumns+` FROM holders WHERE id_number = ?`, h.IDNumber))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if err := db.insertHolder(ctx, tx, &h); err != nil {
			return err
		}
		res.Created++
	case err != nil:
		return internal("import", err)
	default:
		keep(&h.Phone, saved.Phone)
		keep(&h.Org, saved.Org)
		keep(&h.Region, saved.Region)
		h.ID, h.Demo, h.CreatedAt, h.UpdatedAt = saved.ID, saved.Demo, saved.CreatedAt, saved.UpdatedAt
		if h != *saved {
			h.Normalize()
			if err := h.Validate(db.today()); err != nil {
				return err
			}
			_, ts := db.stamp()
			if _, err := tx.ExecContext(ctx, `UPDATE holders SET name = ?, id_type = ?, phone = ?, org = ?, region = ?, updated_at = ? WHERE id = ?`,
				h.Name, h.IDType, h.Phone, h.Org, h.Region, ts, h.ID); err != nil {
				return mapError("import holder", err)
			}
			res.Updated++
		}
	}
	c := r.Certificate
	c.HolderID = h.ID
	old, err := scanCertificate(tx.QueryRowContext(ctx, `SELECT `+certColumns+` FROM certificates WHERE mno = ?`, c.MNo))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if err := db.insertCertificate(ctx, tx, &c); err != nil {
			return err
		}
		res.Created++
		return nil
	case err != nil:
		return internal("import", err)
	}
	if old.HolderID != c.HolderID {
		return data.Conflict("mno", "err.sheet.mno_other_holder")
	}
	c.ID, c.CreatedAt, c.UpdatedAt = old.ID, old.CreatedAt, old.UpdatedAt
	if c == *old {
		return nil
	}
	_, ts := db.stamp()
	if _, err := tx.ExecContext(ctx, `UPDATE certificates SET level = ?, exam_year = ?, passed_on = ?, issued_on = ?, issuer = ?, status = ?, updated_at = ?
		WHERE id = ?`, c.Level, c.ExamYear, c.PassedOn, c.IssuedOn, c.Issuer, c.Status, ts, c.ID); err != nil {
		return mapError("import certificate", err)
	}
	res.Updated++
	return nil
}

// keep puts the saved value back where the sheet left a cell empty.
func keep(v *string, saved string) {
	if *v == "" {
		*v = saved
	}
}
