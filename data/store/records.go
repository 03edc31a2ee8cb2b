package store

import (
	"context"

	"github.com/swcert/swcert/data"
)

// Writing many dossiers and projects at once (demo data): the same rules
// and statements as one at a time, in one transaction, without reading
// back what the transaction itself wrote (a new holder's work history is
// checked against the entries before it in the record).

// insertDossier writes the dossier parts of a holder record just saved.
func (db *DB) insertDossier(ctx context.Context, tx *txn, r *data.HolderRecord) error {
	h := &r.Holder
	today := db.today()
	if p := r.Profile; p != nil {
		p.HolderID = h.ID
		p.Normalize()
		if err := p.Validate(h, today); err != nil {
			return err
		}
		p.Settle(h)
		if err := db.writeProfile(ctx, tx, p); err != nil {
			return err
		}
		if p.Photo != nil {
			if err := db.insertPhoto(ctx, tx, h.ID, p.Photo); err != nil {
				return err
			}
		}
	}
	for i := range r.Work {
		e := &r.Work[i]
		e.ID, e.HolderID = 0, h.ID
		e.Normalize()
		if err := e.Validate(today); err != nil {
			return err
		}
		if err := data.CheckWorkHistory(r.Work[:i], e); err != nil {
			return err
		}
		if err := db.insertWork(ctx, tx, e); err != nil {
			return err
		}
	}
	for i := range r.Honours {
		x := &r.Honours[i]
		x.ID, x.HolderID = 0, h.ID
		if err := db.insertHonour(ctx, tx, x); err != nil {
			return err
		}
	}
	for i := range r.Transfers {
		t := &r.Transfers[i]
		t.HolderID = h.ID
		t.Normalize()
		if err := t.Validate(today); err != nil {
			return err
		}
		if t.Status == data.ReviewPending {
			if err := data.CanApplyTransfer(r.Transfers[:i]); err != nil {
				return err
			}
		}
		_, ts := db.stamp()
		newID, err := insertID(ctx, tx, `INSERT INTO transfers (holder_id, applied_on, from_org, to_org, from_region, to_region, position, status, decided_on,
				created_at, updated_at, updated_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, t.HolderID, t.AppliedOn, t.FromOrg, t.ToOrg, t.FromRegion, t.ToRegion, t.Position, t.Status, t.DecidedOn,
			ts, ts, db.user)
		if err != nil {
			return mapError("insert transfer", err)
		}
		t.ID = newID
		t.Version, t.UpdatedBy = 1, db.user
	}
	return nil
}

// insertPhoto writes a checked photo of a holder that has none.
func (db *DB) insertPhoto(ctx context.Context, tx *txn, holderID int64, photo *data.Proof) error {
	if photo.Data == nil {
		return data.Invalid("photo", "err.photo.empty")
	}
	info, err := data.CheckPhoto(photo.Data)
	if err != nil {
		return err
	}
	if photo.Name == "" {
		photo.Name = "photo"
	}
	if err := data.ValidateText("photo", photo.Name); err != nil {
		return err
	}
	if err := db.checkFiles(ctx, tx, []data.Proof{*photo}); err != nil {
		return err
	}
	if err := db.keepProof(tx, photo); err != nil {
		return err
	}
	_, ts := db.stamp()
	if _, err := tx.ExecContext(ctx, `INSERT INTO photos (holder_id, name, sha256, size, type, width, height, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		holderID, photo.Name, photo.SHA256, photo.Size, info.Type, info.Width, info.Height, ts); err != nil {
		return mapError("save photo", err)
	}
	return nil
}

// CreateProjectRecords writes projects with their participants and
// records, all or none; the 24 hours a day count the records written
// before in the same transaction too.
func (db *DB) CreateProjectRecords(ctx context.Context, recs []data.ProjectRecord) error {
	today := db.today()
	write := db.tx
	if len(recs) > 100 {
		write = db.bulkTx
	}
	return write(ctx, func(tx *txn) error {
		for i := range recs {
			pr := &recs[i]
			p := &pr.Project
			p.Normalize()
			if err := p.Validate(today); err != nil {
				return withRow(err, i+1)
			}
			t, ts := db.stamp()
			newID, err := insertID(ctx, tx, `INSERT INTO projects (name, org, start_on, end_on, programme, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				p.Name, p.Org, p.StartOn, p.EndOn, p.Programme, ts, ts, db.user)
			if err != nil {
				return withRow(mapError("insert project", err), i+1)
			}
			p.ID = newID
			p.CreatedAt, p.UpdatedAt = t.In(data.Beijing), t.In(data.Beijing)
			p.Version, p.UpdatedBy = 1, db.user
			member := make(map[int64]bool, len(pr.Participants))
			for _, h := range pr.Participants {
				if _, err := tx.ExecContext(ctx, `INSERT INTO participants (project_id, holder_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, p.ID, h, ts); err != nil {
					return withRow(mapError("join project", err), i+1)
				}
				member[h] = true
			}
			for j := range pr.Records {
				r := &pr.Records[j]
				r.ProjectID = p.ID
				r.Normalize()
				var others int64
				if err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(tenths), 0) FROM service_records WHERE holder_id = ? AND date = ?`, r.HolderID, r.Date).Scan(&others); err != nil {
					return internal("check service record", err)
				}
				if err := data.CheckServiceRecord(p, r, member[r.HolderID], data.TenthsOfHour(others), today); err != nil {
					return withRow(err, i+1)
				}
				newID, err := insertID(ctx, tx, `INSERT INTO service_records (project_id, holder_id, date, content, tenths, created_at, updated_at, updated_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.ProjectID, r.HolderID, r.Date, r.Content, r.Hours.Tenths(), ts, ts, db.user)
				if err != nil {
					return withRow(mapError("insert service record", err), i+1)
				}
				r.ID = newID
				r.Version, r.UpdatedBy = 1, db.user
			}
		}
		return nil
	})
}
