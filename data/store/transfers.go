package store

import (
	"context"

	"github.com/swcert/swcert/data"
)

// Agency changes (机构变更). Applying checks that none is under review in
// the transaction that writes (and an index makes sure); a change that
// passes changes the holder and the work history in the transaction that
// records the outcome.

// transferColumns are read FROM transfers, the holder's name with them:
// a list of the changes under review names each holder without a read of
// each (names are never sealed).
const transferColumns = `id, holder_id, applied_on, from_org, to_org, from_region, to_region, position, status, decided_on, created_at, updated_at, version, updated_by,
	coalesce((SELECT name FROM holders WHERE holders.id = transfers.holder_id), '')`

func scanTransfer(s scanner) (*data.Transfer, error) {
	var t data.Transfer
	var created, updated string
	if err := s.Scan(&t.ID, &t.HolderID, &t.AppliedOn, &t.FromOrg, &t.ToOrg, &t.FromRegion, &t.ToRegion, &t.Position, &t.Status, &t.DecidedOn, &created, &updated, &t.Version, &t.UpdatedBy, &t.HolderName); err != nil {
		return nil, err
	}
	t.CreatedAt, t.UpdatedAt = parseStamp(created), parseStamp(updated)
	return &t, nil
}

// ApplyTransfer records a change under review from the holder's present
// employer and region.
func (db *DB) ApplyTransfer(ctx context.Context, t *data.Transfer) error {
	return db.tx(ctx, func(tx *txn) error {
		h, err := db.holderIn(ctx, tx, t.HolderID)
		if err != nil {
			return err
		}
		t.FromOrg, t.FromRegion = h.Org, h.Region
		t.Status, t.DecidedOn = data.ReviewPending, data.Date{}
		t.Normalize()
		if err := t.Validate(db.today()); err != nil {
			return err
		}
		saved, err := db.transfersIn(ctx, tx, t.HolderID)
		if err != nil {
			return err
		}
		if err := data.CanApplyTransfer(saved); err != nil {
			return err
		}
		tm, ts := db.stamp()
		newID, err := insertID(ctx, tx, `INSERT INTO transfers (holder_id, applied_on, from_org, to_org, from_region, to_region, position, status, decided_on,
				created_at, updated_at, updated_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`, t.HolderID, t.AppliedOn, t.FromOrg, t.ToOrg, t.FromRegion, t.ToRegion, t.Position, t.Status, ts, ts, db.user)
		if err != nil {
			if isUnique(err, "transfers", "holder_id") {
				// Another writer's change under review (the index makes sure
				// of the Decision): said as the check above says it.
				if saved, lerr := db.transfersIn(ctx, tx, t.HolderID); lerr == nil {
					if cerr := data.CanApplyTransfer(saved); cerr != nil {
						return cerr
					}
				}
				return data.Conflict("transfer_status", "err.transfer.under_review", "Applied", "…", "Org", "…")
			}
			return mapError("apply transfer", err)
		}
		t.ID = newID
		t.CreatedAt, t.UpdatedAt = tm.In(data.Beijing), tm.In(data.Beijing)
		t.Version, t.UpdatedBy = 1, db.user
		return nil
	})
}

// DecideTransfer records the outcome of a change under review on the day
// on (today when zero), over the version of it that was read (0: not based
// on a read): two offices deciding it at once, the second is refused
// naming the first. One that passes makes the holder's employer and
// region the new ones and adds the work history entry from that day, the
// current one ending the day before: all in this transaction.
func (db *DB) DecideTransfer(ctx context.Context, id, version int64, status data.Review, on data.Date) (*data.Transfer, error) {
	if on.IsZero() {
		on = db.today()
	}
	var out *data.Transfer
	err := db.tx(ctx, func(tx *txn) error {
		t, err := scanTransfer(tx.QueryRowContext(ctx, `SELECT `+transferColumns+` FROM transfers WHERE id = ?`, id))
		if err != nil {
			return notFound(err, "transfer", id)
		}
		if version != 0 && t.Version != version {
			return data.ChangedMeanwhile(t.UpdatedBy, t.UpdatedAt)
		}
		if err := data.CanDecideTransfer(t, status); err != nil {
			return err
		}
		t.Status, t.DecidedOn = status, on
		if err := t.Validate(db.today()); err != nil {
			return err
		}
		tm, ts := db.stamp()
		res, err := tx.ExecContext(ctx, `UPDATE transfers SET status = ?, decided_on = ?, updated_at = ?, `+stampSet+` WHERE id = ? AND `+stampIs,
			t.Status, t.DecidedOn, ts, db.user, t.ID, t.Version, t.Version)
		if err != nil {
			return mapError("decide transfer", err)
		}
		if err := db.updated(ctx, tx, res, "transfers", "id", "transfer", t.ID, &t.Stamp); err != nil {
			return err
		}
		t.UpdatedAt = tm.In(data.Beijing)
		out = t
		if status != data.ReviewApproved {
			return nil
		}
		h, err := db.holderIn(ctx, tx, t.HolderID)
		if err != nil {
			return err
		}
		work, err := db.workIn(ctx, tx, t.HolderID)
		if err != nil {
			return err
		}
		eff, err := data.PassTransfer(t, work)
		if err != nil {
			return err
		}
		if eff.End != nil {
			// The entry's version moves: a form open on it is refused.
			if _, err := tx.ExecContext(ctx, `UPDATE work_history SET end_on = ?, updated_at = ?, `+stampSet+` WHERE id = ?`, eff.End.EndOn, ts, db.user, eff.End.ID); err != nil {
				return mapError("end work entry", err)
			}
		}
		if err := db.writeWork(ctx, tx, &eff.Add); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE holders SET org = ?, region = ?, updated_at = ?, `+stampSet+` WHERE id = ?`, eff.Org, eff.Region, ts, db.user, h.ID); err != nil {
			return mapError("update holder", err)
		}
		h.Org, h.Region = eff.Org, eff.Region
		if err := db.touchProfile(ctx, tx, h.ID); err != nil {
			return err
		}
		return db.settleFirstReg(ctx, tx, h)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Transfer loads one change.
func (db *DB) Transfer(ctx context.Context, id int64) (*data.Transfer, error) {
	t, err := scanTransfer(db.sql.QueryRowContext(ctx, `SELECT `+transferColumns+` FROM transfers WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, "transfer", id)
	}
	return t, nil
}

// Transfers of one holder, or those of everyone under review (0).
func (db *DB) Transfers(ctx context.Context, holderID int64) ([]data.Transfer, error) {
	if holderID == 0 {
		return db.queryTransfers(ctx, db.sql, `SELECT `+transferColumns+` FROM transfers WHERE status = 'pending' ORDER BY applied_on DESC, id DESC`)
	}
	if _, err := db.Holder(ctx, holderID); err != nil {
		return nil, err
	}
	return db.transfersIn(ctx, db.sql, holderID)
}

func (db *DB) transfersIn(ctx context.Context, q rowQueryer, holderID int64) ([]data.Transfer, error) {
	return db.queryTransfers(ctx, q, `SELECT `+transferColumns+` FROM transfers WHERE holder_id = ? ORDER BY applied_on DESC, id DESC`, holderID)
}

func (db *DB) queryTransfers(ctx context.Context, q rowQueryer, query string, args ...any) ([]data.Transfer, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, internal("list transfers", err)
	}
	defer rows.Close()
	out := []data.Transfer{}
	for rows.Next() {
		t, err := scanTransfer(rows)
		if err != nil {
			return nil, internal("list transfers", err)
		}
		out = append(out, *t)
	}
	return out, rows.Err()
}
