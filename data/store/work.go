package store

import (
	"context"
	"strings"

	"github.com/swcert/swcert/data"
)

// The work history (工作经历) and honours (个人荣誉) of holders, with their
// proof files (kept as the CE records' are: proofs.go).

const workColumns = `id, holder_id, org, position, start_on, end_on, programme, coalesce(transfer_id, 0), created_at, updated_at, version, updated_by`

func scanWork(s scanner) (*data.WorkEntry, error) {
	var w data.WorkEntry
	var created, updated string
	if err := s.Scan(&w.ID, &w.HolderID, &w.Org, &w.Position, &w.StartOn, &w.EndOn, &w.Programme, &w.Transfer, &created, &updated, &w.Version, &w.UpdatedBy); err != nil {
		return nil, err
	}
	w.CreatedAt, w.UpdatedAt = parseStamp(created), parseStamp(updated)
	w.Proofs = []data.Proof{}
	return &w, nil
}

// WorkHistory of a holder, by start date, with the proofs.
func (db *DB) WorkHistory(ctx context.Context, holderID int64) ([]data.WorkEntry, error) {
	if _, err := db.Holder(ctx, holderID); err != nil {
		return nil, err
	}
	return db.workIn(ctx, db.sql, holderID)
}

func (db *DB) workIn(ctx context.Context, q rowQueryer, holderID int64) ([]data.WorkEntry, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+workColumns+` FROM work_history WHERE holder_id = ? ORDER BY start_on, id`, holderID)
	if err != nil {
		return nil, internal("list work history", err)
	}
	out := []data.WorkEntry{}
	byID := map[int64]int{}
	for rows.Next() {
		w, err := scanWork(rows)
		if err != nil {
			rows.Close()
			return nil, internal("list work history", err)
		}
		byID[w.ID] = len(out)
		out = append(out, *w)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, internal("list work history", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	rows, err = q.QueryContext(ctx, `SELECT p.work_id, p.id, p.name, p.sha256, p.size, p.type FROM work_proofs p
		JOIN work_history w ON w.id = p.work_id WHERE w.holder_id = ? ORDER BY p.id`, holderID)
	if err != nil {
		return nil, internal("list work proofs", err)
	}
	defer rows.Close()
	for rows.Next() {
		var wid int64
		var p data.Proof
		if err := rows.Scan(&wid, &p.ID, &p.Name, &p.SHA256, &p.Size, &p.Type); err != nil {
			return nil, internal("list work proofs", err)
		}
		if i, ok := byID[wid]; ok {
			out[i].Proofs = append(out[i].Proofs, p)
		}
	}
	return out, rows.Err()
}

// WorkEntry loads one entry with its proofs.
func (db *DB) WorkEntry(ctx context.Context, id int64) (*data.WorkEntry, error) {
	w, err := scanWork(db.sql.QueryRowContext(ctx, `SELECT `+workColumns+` FROM work_history WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, "work_entry", id)
	}
	all, err := db.workIn(ctx, db.sql, w.HolderID)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].ID == id {
			return &all[i], nil
		}
	}
	return nil, data.NotFound("work_entry", id)
}

// CreateWorkEntry saves an entry with its proofs, checked against the
// holder's other entries in the same transaction.
func (db *DB) CreateWorkEntry(ctx context.Context, e *data.WorkEntry) error {
	e.ID = 0
	return db.saveWork(ctx, e)
}

// UpdateWorkEntry saves an entry; its proofs become exactly e.Proofs.
func (db *DB) UpdateWorkEntry(ctx context.Context, e *data.WorkEntry) error {
	if e.ID == 0 {
		return data.NotFound("work_entry", 0)
	}
	return db.saveWork(ctx, e)
}

func (db *DB) saveWork(ctx context.Context, e *data.WorkEntry) error {
	e.Normalize()
	if err := e.Validate(db.today()); err != nil {
		return err
	}
	err := db.tx(ctx, func(tx *txn) error {
		if e.ID != 0 {
			var holder int64
			if err := tx.QueryRowContext(ctx, `SELECT holder_id FROM work_history WHERE id = ?`, e.ID).Scan(&holder); err != nil {
				return notFound(err, "work_entry", e.ID)
			}
			e.HolderID = holder // an entry stays with its holder
		}
		h, err := db.holderIn(ctx, tx, e.HolderID)
		if err != nil {
			return err
		}
		if err := db.writeWork(ctx, tx, e); err != nil {
			return err
		}
		if err := db.touchProfile(ctx, tx, h.ID); err != nil {
			return err
		}
		return db.settleFirstReg(ctx, tx, h)
	})
	if err != nil {
		return err
	}
	savedFiles(e.Proofs)
	_ = db.removeUnreferenced(ctx, nil)
	return nil
}

// writeWork checks e against the holder's other entries (CheckWorkHistory)
// and writes it with its proofs: the one path every entry takes, typed or
// made by an agency change that passed.
func (db *DB) writeWork(ctx context.Context, tx *txn, e *data.WorkEntry) error {
	others, err := db.workIn(ctx, tx, e.HolderID)
	if err != nil {
		return err
	}
	if err := data.CheckWorkHistory(others, e); err != nil {
		return err
	}
	return db.insertWork(ctx, tx, e)
}

// insertWork writes a checked entry (new, or changed when it has an ID)
// with its proofs.
func (db *DB) insertWork(ctx context.Context, tx *txn, e *data.WorkEntry) error {
	if err := db.checkFiles(ctx, tx, e.Proofs); err != nil {
		return err
	}
	t, ts := db.stamp()
	transfer := nullID(e.Transfer)
	if e.ID == 0 {
		newID, err := insertID(ctx, tx, `INSERT INTO work_history (holder_id, org, position, start_on, end_on, programme, transfer_id, created_at, updated_at, updated_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.HolderID, e.Org, e.Position, e.StartOn, e.EndOn, e.Programme, transfer, ts, ts, db.user)
		if err != nil {
			return mapError("insert work entry", err)
		}
		e.ID = newID
		e.CreatedAt = t.In(data.Beijing)
		e.Version, e.UpdatedBy = 1, db.user
	} else {
		res, err := tx.ExecContext(ctx, `UPDATE work_history SET org = ?, position = ?, start_on = ?, end_on = ?, programme = ?, updated_at = ?, `+stampSet+`
			WHERE id = ? AND `+stampIs, e.Org, e.Position, e.StartOn, e.EndOn, e.Programme, ts, db.user, e.ID, e.Version, e.Version)
		if err != nil {
			return mapError("update work entry", err)
		}
		if err := db.updated(ctx, tx, res, "work_history", "id", "work_entry", e.ID, &e.Stamp); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM work_proofs WHERE work_id = ?`, e.ID); err != nil {
			return internal("update work proofs", err)
		}
	}
	e.UpdatedAt = t.In(data.Beijing)
	for i := range e.Proofs {
		p := &e.Proofs[i]
		if err := db.keepProof(tx, p); err != nil {
			return err
		}
		newID, err := insertID(ctx, tx, `INSERT INTO work_proofs (work_id, name, sha256, size, type, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			e.ID, p.Name, p.SHA256, p.Size, p.Type, ts)
		if err != nil {
			return mapError("insert work proof", err)
		}
		p.ID = newID
	}
	if e.Proofs == nil {
		e.Proofs = []data.Proof{}
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// DeleteWorkEntry removes an entry and its proofs; the files go once
// nothing refers to them.
func (db *DB) DeleteWorkEntry(ctx context.Context, id int64) error {
	err := db.tx(ctx, func(tx *txn) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM work_history WHERE id = ?`, id)
		if err != nil {
			return mapError("delete work entry", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.NotFound("work_entry", id)
		}
		return nil
	})
	if err != nil {
		return err
	}
	_ = db.removeUnreferenced(ctx, nil)
	return nil
}

// Employers lists the employers the database knows, for a form to pick
// from: those of holders, work histories and projects, by name.
func (db *DB) Employers(ctx context.Context, contains string, limit int) ([]string, error) {
	if limit <= 0 {
		limit = data.DefaultPageSize
	}
	like := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(data.NormalizeText(contains))) + "%"
	return column[string](ctx, db.sql, "list employers", `SELECT org FROM (
			SELECT DISTINCT org FROM holders WHERE org <> ''
			UNION SELECT DISTINCT org FROM work_history
			UNION SELECT DISTINCT org FROM projects) AS known
		WHERE lower(org) LIKE ? ESCAPE '\' ORDER BY org LIMIT ?`, like, limit)
}

const honourColumns = `h.id, h.holder_id, h.title, h.date, h.level, h.created_at, h.updated_at, h.version, h.updated_by, p.name, p.sha256, p.size, p.type`

func scanHonour(s scanner) (*data.Honour, error) {
	var h data.Honour
	var created, updated string
	var name, sha, typ *string
	var size *int64
	if err := s.Scan(&h.ID, &h.HolderID, &h.Title, &h.Date, &h.Level, &created, &updated, &h.Version, &h.UpdatedBy, &name, &sha, &size, &typ); err != nil {
		return nil, err
	}
	if sha != nil {
		h.Proof = &data.Proof{ID: h.ID, Name: *name, SHA256: *sha, Size: *size, Type: *typ}
	}
	h.CreatedAt, h.UpdatedAt = parseStamp(created), parseStamp(updated)
	return &h, nil
}

// Honours of a holder, by date.
func (db *DB) Honours(ctx context.Context, holderID int64) ([]data.Honour, error) {
	if _, err := db.Holder(ctx, holderID); err != nil {
		return nil, err
	}
	return db.honoursIn(ctx, db.sql, holderID)
}

func (db *DB) honoursIn(ctx context.Context, q rowQueryer, holderID int64) ([]data.Honour, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+honourColumns+` FROM honours h LEFT JOIN honour_proofs p ON p.honour_id = h.id
		WHERE h.holder_id = ? ORDER BY h.date, h.id`, holderID)
	if err != nil {
		return nil, internal("list honours", err)
	}
	defer rows.Close()
	out := []data.Honour{}
	for rows.Next() {
		h, err := scanHonour(rows)
		if err != nil {
			return nil, internal("list honours", err)
		}
		out = append(out, *h)
	}
	return out, rows.Err()
}

// Honour loads one honour.
func (db *DB) Honour(ctx context.Context, id int64) (*data.Honour, error) {
	h, err := scanHonour(db.sql.QueryRowContext(ctx, `SELECT `+honourColumns+` FROM honours h LEFT JOIN honour_proofs p ON p.honour_id = h.id WHERE h.id = ?`, id))
	if err != nil {
		return nil, notFound(err, "honour", id)
	}
	return h, nil
}

// CreateHonour saves an honour with its proof.
func (db *DB) CreateHonour(ctx context.Context, h *data.Honour) error {
	h.ID = 0
	return db.saveHonour(ctx, h)
}

// UpdateHonour saves an honour; its proof becomes h.Proof.
func (db *DB) UpdateHonour(ctx context.Context, h *data.Honour) error {
	if h.ID == 0 {
		return data.NotFound("honour", 0)
	}
	return db.saveHonour(ctx, h)
}

func (db *DB) saveHonour(ctx context.Context, h *data.Honour) error {
	h.Normalize()
	if err := h.Validate(db.today()); err != nil {
		return err
	}
	err := db.tx(ctx, func(tx *txn) error {
		if h.ID == 0 {
			if _, err := db.holderIn(ctx, tx, h.HolderID); err != nil {
				return err
			}
			return db.insertHonour(ctx, tx, h)
		}
		if err := tx.QueryRowContext(ctx, `SELECT holder_id FROM honours WHERE id = ?`, h.ID).Scan(&h.HolderID); err != nil {
			return notFound(err, "honour", h.ID)
		}
		// Changed: the row over the version read, its proof written again
		// (the old proof's file goes once nothing refers to it). Its proof
		// is checked while the row still refers to it.
		if h.Proof != nil {
			if err := db.checkFiles(ctx, tx, []data.Proof{*h.Proof}); err != nil {
				return err
			}
		}
		t, ts := db.stamp()
		res, err := tx.ExecContext(ctx, `UPDATE honours SET title = ?, date = ?, level = ?, updated_at = ?, `+stampSet+`
			WHERE id = ? AND `+stampIs, h.Title, h.Date, h.Level, ts, db.user, h.ID, h.Version, h.Version)
		if err != nil {
			return mapError("update honour", err)
		}
		if err := db.updated(ctx, tx, res, "honours", "id", "honour", h.ID, &h.Stamp); err != nil {
			return err
		}
		var created string
		if err := tx.QueryRowContext(ctx, `SELECT created_at FROM honours WHERE id = ?`, h.ID).Scan(&created); err != nil {
			return internal("update honour", err)
		}
		h.CreatedAt, h.UpdatedAt = parseStamp(created), t.In(data.Beijing)
		if _, err := tx.ExecContext(ctx, `DELETE FROM honour_proofs WHERE honour_id = ?`, h.ID); err != nil {
			return internal("update honour proof", err)
		}
		return db.insertHonourProof(ctx, tx, h, ts)
	})
	if err != nil {
		return err
	}
	if h.Proof != nil {
		h.Proof.Data = nil
	}
	_ = db.removeUnreferenced(ctx, nil)
	return nil
}

// insertHonour writes a new honour with its proof, checked.
func (db *DB) insertHonour(ctx context.Context, tx *txn, h *data.Honour) error {
	h.Normalize()
	if err := h.Validate(db.today()); err != nil {
		return err
	}
	if h.Proof != nil {
		if err := db.checkFiles(ctx, tx, []data.Proof{*h.Proof}); err != nil {
			return err
		}
	}
	t, ts := db.stamp()
	newID, err := insertID(ctx, tx, `INSERT INTO honours (holder_id, title, date, level, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		h.HolderID, h.Title, h.Date, h.Level, ts, ts, db.user)
	if err != nil {
		return mapError("insert honour", err)
	}
	h.ID = newID
	h.CreatedAt, h.UpdatedAt = t.In(data.Beijing), t.In(data.Beijing)
	h.Version, h.UpdatedBy = 1, db.user
	return db.insertHonourProof(ctx, tx, h, ts)
}

// insertHonourProof writes the proof of a written honour (none: nothing).
func (db *DB) insertHonourProof(ctx context.Context, tx *txn, h *data.Honour, ts string) error {
	if h.Proof == nil {
		return nil
	}
	if err := db.keepProof(tx, h.Proof); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO honour_proofs (honour_id, name, sha256, size, type, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		h.ID, h.Proof.Name, h.Proof.SHA256, h.Proof.Size, h.Proof.Type, ts); err != nil {
		return mapError("insert honour proof", err)
	}
	h.Proof.ID = h.ID
	return nil
}

// DeleteHonour removes an honour with its proof.
func (db *DB) DeleteHonour(ctx context.Context, id int64) error {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM honours WHERE id = ?`, id)
	if err != nil {
		return mapError("delete honour", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return data.NotFound("honour", id)
	}
	_ = db.removeUnreferenced(ctx, nil)
	return nil
}
