package store

import (
	"context"
	"database/sql"

	"github.com/swcert/swcert/data"
)

// Hours are kept in tenths (tenths); no review status is NULL.
const ceColumns = `id, holder_id, kind, title, provider, date, tenths, coalesce(review, ''), created_at, updated_at, version, updated_by`

// review is how a review status is stored: NULL for none.
func review(r data.Review) sql.NullString { return sql.NullString{String: string(r), Valid: r != ""} }

// CreateCERecord saves a record with its proofs and their new files,
// together.
func (db *DB) CreateCERecord(ctx context.Context, r *data.CERecord) error {
	err := db.tx(ctx, func(tx *txn) error { return db.insertCERecord(ctx, tx, r) })
	if err == nil {
		savedProofs(r)
	}
	return err
}

func (db *DB) insertCERecord(ctx context.Context, tx *txn, r *data.CERecord) error {
	r.Normalize()
	if err := r.Validate(db.today()); err != nil {
		return err
	}
	if err := db.checkProofs(ctx, tx, r); err != nil {
		return err
	}
	t, ts := db.stamp()
	newID, err := insertID(ctx, tx, `INSERT INTO ce_records (holder_id, kind, title, provider, date, tenths, review, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.HolderID, r.Kind, r.Title, r.Provider, r.Date, r.Hours.Tenths(), review(r.Review), ts, ts, db.user)
	if err != nil {
		return mapError("insert ce record", err)
	}
	r.ID = newID
	r.Created, r.Updated = t.In(data.Beijing), t.In(data.Beijing)
	r.Version, r.UpdatedBy = 1, db.user
	return db.insertProofs(ctx, tx, r, ts)
}

// UpdateCERecord saves a record; its proofs become exactly r.Proofs, and
// the files of those it no longer has are removed when nothing else
// refers to them.
func (db *DB) UpdateCERecord(ctx context.Context, r *data.CERecord) error {
	r.Normalize()
	if err := r.Validate(db.today()); err != nil {
		return err
	}
	err := db.tx(ctx, func(tx *txn) error {
		if err := db.checkProofs(ctx, tx, r); err != nil {
			return err
		}
		t, ts := db.stamp()
		res, err := tx.ExecContext(ctx, `UPDATE ce_records SET kind = ?, title = ?, provider = ?, date = ?, tenths = ?, review = ?, updated_at = ?, `+stampSet+`
			WHERE id = ? AND `+stampIs, r.Kind, r.Title, r.Provider, r.Date, r.Hours.Tenths(), review(r.Review), ts, db.user, r.ID, r.Version, r.Version)
		if err != nil {
			return mapError("update ce record", err)
		}
		if err := db.updated(ctx, tx, res, "ce_records", "id", "ce_record", r.ID, &r.Stamp); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM ce_proofs WHERE record_id = ?`, r.ID); err != nil {
			return internal("update proofs", err)
		}
		r.Updated = t.In(data.Beijing)
		return db.insertProofs(ctx, tx, r, ts)
	})
	if err != nil {
		return err
	}
	savedProofs(r)
	_ = db.removeUnreferenced(ctx, nil) // the write stands; what is left is tried again at the next start
	return nil
}

// insertProofs records r's proofs, writing the files of new ones: the last
// step of saving a record, so that a refused record writes no file.
func (db *DB) insertProofs(ctx context.Context, tx *txn, r *data.CERecord, ts string) error {
	for i := range r.Proofs {
		p := &r.Proofs[i]
		if err := db.keepProof(tx, p); err != nil {
			return err
		}
		newID, err := insertID(ctx, tx, `INSERT INTO ce_proofs (record_id, name, sha256, size, type, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			r.ID, p.Name, p.SHA256, p.Size, p.Type, ts)
		if err != nil {
			return mapError("insert proof", err)
		}
		p.ID = newID
	}
	return nil
}

// DeleteCERecord removes a record and its proofs, and then the files no
// other record refers to.
func (db *DB) DeleteCERecord(ctx context.Context, id int64) error {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM ce_records WHERE id = ?`, id)
	if err != nil {
		return mapError("delete ce record", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return data.NotFound("ce_record", id)
	}
	_ = db.removeUnreferenced(ctx, nil) // committed: the files follow (else at the next start)
	return nil
}

// CERecord loads one record with its proofs.
func (db *DB) CERecord(ctx context.Context, id int64) (*data.CERecord, error) {
	r, err := scanCE(db.sql.QueryRowContext(ctx, `SELECT `+ceColumns+` FROM ce_records WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, "ce_record", id)
	}
	recs := []data.CERecord{*r}
	if err := db.loadProofs(ctx, recs); err != nil {
		return nil, err
	}
	return &recs[0], nil
}

// CERecords of a holder, by date, with their proofs.
func (db *DB) CERecords(ctx context.Context, holderID int64) ([]data.CERecord, error) {
	if _, err := db.Holder(ctx, holderID); err != nil {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+ceColumns+` FROM ce_records WHERE holder_id = ? ORDER BY date, id`, holderID)
	if err != nil {
		return nil, internal("list ce records", err)
	}
	out := []data.CERecord{}
	for rows.Next() {
		r, err := scanCE(rows)
		if err != nil {
			rows.Close()
			return nil, internal("list ce records", err)
		}
		out = append(out, *r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, internal("list ce records", err)
	}
	return out, db.loadProofs(ctx, out)
}

func (db *DB) loadProofs(ctx context.Context, recs []data.CERecord) error {
	byID := map[int64]*data.CERecord{}
	for i := range recs {
		recs[i].Proofs = []data.Proof{}
		byID[recs[i].ID] = &recs[i]
	}
	if len(recs) == 0 {
		return nil
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT p.record_id, p.id, p.name, p.sha256, p.size, p.type FROM ce_proofs p
		JOIN ce_records r ON r.id = p.record_id WHERE r.holder_id = ? ORDER BY p.id`, recs[0].HolderID)
	if err != nil {
		return internal("list proofs", err)
	}
	defer rows.Close()
	for rows.Next() {
		var rid int64
		var p data.Proof
		if err := rows.Scan(&rid, &p.ID, &p.Name, &p.SHA256, &p.Size, &p.Type); err != nil {
			return internal("list proofs", err)
		}
		if r := byID[rid]; r != nil {
			r.Proofs = append(r.Proofs, p)
		}
	}
	return rows.Err()
}

func scanCE(s scanner) (*data.CERecord, error) {
	var r data.CERecord
	var created, updated string
	var tenths int64
	if err := s.Scan(&r.ID, &r.HolderID, &r.Kind, &r.Title, &r.Provider, &r.Date, &tenths, &r.Review, &created, &updated, &r.Version, &r.UpdatedBy); err != nil {
		return nil, err
	}
	r.Hours = data.TenthsOfHour(tenths)
	r.Created, r.Updated = parseStamp(created), parseStamp(updated)
	return &r, nil
}
