package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/swcert/swcert/data"
)

// The personal information (个人信息) of holders: the profile, the photo,
// and (work.go, honours.go) the work history and honours. Every write that
// can complete a dossier records the first registration time in the same
// transaction (settleFirstReg).

var (
	_ data.DossierService  = (*DB)(nil)
	_ data.TransferService = (*DB)(nil)
	_ data.ProjectService  = (*DB)(nil)
)

const profileColumns = `holder_id, sex, birth_date, ethnicity, education, major, first_reg_on, first_reg_kind, created_at, updated_at, version, updated_by`

// Profile loads the holder's profile with its photo; an empty one when
// none was saved.
func (db *DB) Profile(ctx context.Context, holderID int64) (*data.Profile, error) {
	if _, err := db.Holder(ctx, holderID); err != nil {
		return nil, err
	}
	return db.profileIn(ctx, db.sql, holderID)
}

type rowQueryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func (db *DB) profileIn(ctx context.Context, q rowQueryer, holderID int64) (*data.Profile, error) {
	p, err := scanProfile(q.QueryRowContext(ctx, `SELECT `+profileColumns+` FROM profiles WHERE holder_id = ?`, holderID))
	if errors.Is(err, sql.ErrNoRows) {
		p, err = &data.Profile{HolderID: holderID}, nil
	}
	if err != nil {
		return nil, internal("load profile", err)
	}
	var ph data.Proof
	err = q.QueryRowContext(ctx, `SELECT name, sha256, size, type FROM photos WHERE holder_id = ?`, holderID).Scan(&ph.Name, &ph.SHA256, &ph.Size, &ph.Type)
	switch {
	case err == nil:
		p.Photo = &ph
	case !errors.Is(err, sql.ErrNoRows):
		return nil, internal("load photo", err)
	}
	return p, nil
}

func scanProfile(s scanner) (*data.Profile, error) {
	var p data.Profile
	var created, updated string
	if err := s.Scan(&p.HolderID, &p.Sex, &p.BirthDate, &p.Ethnicity, &p.Education, &p.Major, &p.FirstRegOn, &p.FirstRegKind, &created, &updated, &p.Version, &p.UpdatedBy); err != nil {
		return nil, err
	}
	p.CreatedAt, p.UpdatedAt = parseStamp(created), parseStamp(updated)
	return &p, nil
}

// SetProfile saves the profile's fields (not its photo: SetPhoto).
func (db *DB) SetProfile(ctx context.Context, p *data.Profile) error {
	p.Normalize()
	return db.tx(ctx, func(tx *txn) error {
		h, err := db.holderIn(ctx, tx, p.HolderID)
		if err != nil {
			return err
		}
		if err := p.Validate(h, db.today()); err != nil {
			return err
		}
		p.Settle(h) // what the ID number says is not stored twice
		if err := db.writeProfile(ctx, tx, p); err != nil {
			return err
		}
		if err := db.settleFirstReg(ctx, tx, h); err != nil {
			return err
		}
		saved, err := db.profileIn(ctx, tx, p.HolderID)
		if err != nil {
			return err
		}
		*p = *saved
		return nil
	})
}

// writeProfile saves a validated profile's fields (not the photo).
func (db *DB) writeProfile(ctx context.Context, tx *txn, p *data.Profile) error {
	t, ts := db.stamp()
	// Saved over the version that was read: 0 is "none was saved" (every
	// writer reads the profile first), so a profile saved meanwhile,
	// even the first, is not overwritten.
	res, err := tx.ExecContext(ctx, `INSERT INTO profiles (`+profileColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
		ON CONFLICT (holder_id) DO UPDATE SET sex = excluded.sex, birth_date = excluded.birth_date, ethnicity = excluded.ethnicity,
		education = excluded.education, major = excluded.major, first_reg_on = excluded.first_reg_on,
		first_reg_kind = excluded.first_reg_kind, updated_at = excluded.updated_at,
		version = profiles.version + 1, updated_by = excluded.updated_by
		WHERE profiles.version = ?`,
		p.HolderID, p.Sex, p.BirthDate, p.Ethnicity, p.Education, p.Major, p.FirstRegOn, p.FirstRegKind, ts, ts, db.user, p.Version)
	if err != nil {
		return mapError("save profile", err)
	}
	p.UpdatedAt = t.In(data.Beijing)
	return db.updated(ctx, tx, res, "profiles", "holder_id", "profile", p.HolderID, &p.Stamp)
}

// SetPhoto replaces the holder's photo (nil removes it). The file is kept
// with the row that refers to it; the one replaced goes once nothing
// refers to it.
func (db *DB) SetPhoto(ctx context.Context, holderID int64, photo *data.Proof) error {
	var info data.PhotoInfo
	if photo != nil {
		if photo.Data == nil {
			return data.Invalid("photo", "err.photo.empty")
		}
		var err error
		if info, err = data.CheckPhoto(photo.Data); err != nil {
			return err
		}
		if photo.Name == "" {
			photo.Name = "photo"
		}
		if err := data.ValidateText("photo", photo.Name); err != nil {
			return err
		}
	}
	err := db.tx(ctx, func(tx *txn) error {
		h, err := db.holderIn(ctx, tx, holderID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM photos WHERE holder_id = ?`, holderID); err != nil {
			return internal("remove photo", err)
		}
		if photo != nil {
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
		}
		if err := db.touchProfile(ctx, tx, holderID); err != nil {
			return err
		}
		return db.settleFirstReg(ctx, tx, h)
	})
	if err != nil {
		return err
	}
	if photo != nil {
		photo.Data = nil
	}
	_ = db.removeUnreferenced(ctx, nil) // the write stands; what is left goes at the next start
	return nil
}

// touchProfile makes sure the holder has a profile row and marks it
// changed (a photo, a work entry: the dossier changed).
func (db *DB) touchProfile(ctx context.Context, tx *txn, holderID int64) error {
	_, ts := db.stamp()
	_, err := tx.ExecContext(ctx, `INSERT INTO profiles (holder_id, created_at, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (holder_id) DO UPDATE SET updated_at = excluded.updated_at`, holderID, ts, ts)
	return mapError("save profile", err)
}

// settleFirstReg records the first registration time when the dossier is
// complete now and none is recorded (data.FirstRegistration): the day the
// form was first complete.
func (db *DB) settleFirstReg(ctx context.Context, tx *txn, h *data.Holder) error {
	p, err := db.profileIn(ctx, tx, h.ID)
	if err != nil {
		return err
	}
	if !p.FirstRegOn.IsZero() {
		return nil
	}
	facts, err := db.workFacts(ctx, tx, h.ID)
	if err != nil {
		return err
	}
	complete := len(data.DossierMissing(h, p, facts)) == 0
	on, kind := data.FirstRegistration(p, complete, db.today())
	if on.IsZero() {
		return nil
	}
	// A change of the profile like a save of it: its version moves, so a
	// Profile form read before cannot save its empty time over this one.
	_, ts := db.stamp()
	_, err = tx.ExecContext(ctx, `INSERT INTO profiles (holder_id, first_reg_on, first_reg_kind, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (holder_id) DO UPDATE SET first_reg_on = excluded.first_reg_on, first_reg_kind = excluded.first_reg_kind,
		updated_at = excluded.updated_at, version = profiles.version + 1, updated_by = excluded.updated_by`,
		h.ID, on, kind, ts, ts, db.user)
	return mapError("record first registration", err)
}

// workFacts counts what completeness reads of a holder's work history.
func (db *DB) workFacts(ctx context.Context, q rowQueryer, holderID int64) (data.WorkFacts, error) {
	var f data.WorkFacts
	err := q.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(CASE WHEN w.programme <> '' AND NOT EXISTS (SELECT 1 FROM work_proofs p WHERE p.work_id = w.id) THEN 1 ELSE 0 END), 0)
		FROM work_history w WHERE w.holder_id = ?`, holderID).Scan(&f.Entries, &f.Unproved)
	if err != nil {
		return f, internal("count work history", err)
	}
	return f, nil
}

// holderIn loads a holder inside a transaction, opened.
func (db *DB) holderIn(ctx context.Context, tx *txn, id int64) (*data.Holder, error) {
	h, err := scanHolder(tx.QueryRowContext(ctx, `SELECT `+holderColumns+` FROM holders WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, "holder", id)
	}
	if err := db.revealHolder(h); err != nil {
		return nil, err
	}
	return h, nil
}

// Dossier reads a holder's personal information at once, in one read
// transaction so that its parts agree.
func (db *DB) Dossier(ctx context.Context, holderID int64) (*data.Dossier, error) {
	rtx, err := db.readTx(ctx)
	if err != nil {
		return nil, internal("dossier", err)
	}
	defer rtx.Rollback()
	h, err := scanHolder(rtx.QueryRowContext(ctx, `SELECT `+holderColumns+` FROM holders WHERE id = ?`, holderID))
	if err != nil {
		return nil, notFound(err, "holder", holderID)
	}
	if err := db.revealHolder(h); err != nil {
		return nil, err
	}
	d := &data.Dossier{Holder: *h}
	p, err := db.profileIn(ctx, rtx, holderID)
	if err != nil {
		return nil, err
	}
	d.Profile = *p
	if d.Work, err = db.workIn(ctx, rtx, holderID); err != nil {
		return nil, err
	}
	if d.Honours, err = db.honoursIn(ctx, rtx, holderID); err != nil {
		return nil, err
	}
	if d.Transfers, err = db.transfersIn(ctx, rtx, holderID); err != nil {
		return nil, err
	}
	if d.Projects, err = db.holderProjectsIn(ctx, rtx, holderID); err != nil {
		return nil, err
	}
	d.BirthDate = data.BirthDateOf(h, p)
	d.Sex = data.SexOf(h, p)
	d.Missing = data.DossierMissing(h, p, data.WorkFactsOf(d.Work))
	if d.Missing == nil {
		d.Missing = []string{}
	}
	return d, nil
}
