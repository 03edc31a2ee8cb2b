package store

import (
	"context"
	"strings"

	"github.com/swcert/swcert/data"
)

const holderColumns = `id, name, id_type, id_number, phone, org, region, demo, created_at, updated_at, office, version, updated_by`

// CreateHolder saves a new holder and fills its ID and timestamps.
func (db *DB) CreateHolder(ctx context.Context, h *data.Holder) error {
	return db.tx(ctx, func(tx *txn) error { return db.insertHolder(ctx, tx, h) })
}

func (db *DB) insertHolder(ctx context.Context, tx *txn, h *data.Holder) error {
	h.Normalize()
	if err := h.Validate(db.today()); err != nil {
		return err
	}
	t, ts := db.stamp()
	id, row, err := db.nextHolderID(ctx, tx)
	if err != nil {
		return err
	}
	newID, err := insertID(ctx, tx, `INSERT INTO holders
		(id, name, id_type, id_number, phone, org, region, demo, created_at, updated_at, id_hash, phone_hash, office, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, `+db.sql.dialect.office("?")+`, ?)`,
		id, h.Name, h.IDType, db.seal("holders/id_number", row, h.IDNumber), db.seal("holders/phone", row, h.Phone),
		h.Org, h.Region, h.Demo, ts, ts, db.hash(hashID, h.IDNumber), db.hash(hashPhone, h.Phone), h.Office, db.user)
	if err != nil {
		return mapError("insert holder", err)
	}
	h.ID = newID
	h.CreatedAt, h.UpdatedAt = t, t
	h.Version, h.UpdatedBy = 1, db.user
	if h.Office == "" && db.sql.dialect == postgresSQL { // the login's office, as the server gave it
		if tx.office == nil {
			var office string
			if err := tx.QueryRowContext(ctx, `SELECT office FROM holders WHERE id = ?`, h.ID).Scan(&office); err != nil {
				return mapError("insert holder", err)
			}
			tx.office = &office
		}
		h.Office = *tx.office
	}
	return nil
}

// UpdateHolder saves the changed fields of a holder; a dossier they
// complete records its first registration time (settleFirstReg).
func (db *DB) UpdateHolder(ctx context.Context, h *data.Holder) error {
	h.Normalize()
	if err := h.Validate(db.today()); err != nil {
		return err
	}
	t, ts := db.stamp()
	return db.tx(ctx, func(tx *txn) error {
		res, err := tx.ExecContext(ctx, `UPDATE holders SET
			name = ?, id_type = ?, id_number = ?, phone = ?, org = ?, region = ?, demo = ?, updated_at = ?, id_hash = ?, phone_hash = ?,
			office = ?, `+stampSet+`
			WHERE id = ? AND `+stampIs,
			h.Name, h.IDType, db.seal("holders/id_number", h.ID, h.IDNumber), db.seal("holders/phone", h.ID, h.Phone),
			h.Org, h.Region, h.Demo, ts, db.hash(hashID, h.IDNumber), db.hash(hashPhone, h.Phone),
			h.Office, db.user, h.ID, h.Version, h.Version)
		if err != nil {
			return mapError("update holder", err)
		}
		if err := db.updated(ctx, tx, res, "holders", "id", "holder", h.ID, &h.Stamp); err != nil {
			return err
		}
		h.UpdatedAt = t
		return db.settleFirstReg(ctx, tx, h)
	})
}

// DeleteHolder removes the holder; the schema cascades to the certificates
// and the CE records with their proofs. The proof files no other record
// refers to go once that is committed.
func (db *DB) DeleteHolder(ctx context.Context, id int64) error {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM holders WHERE id = ?`, id)
	if err != nil {
		return mapError("delete holder", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return data.NotFound("holder", id)
	}
	_ = db.removeUnreferenced(ctx, nil) // else at the next start
	return nil
}

// Holder loads one holder.
func (db *DB) Holder(ctx context.Context, id int64) (*data.Holder, error) {
	h, err := scanHolder(db.sql.QueryRowContext(ctx, `SELECT `+holderColumns+` FROM holders WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, "holder", id)
	}
	if err := db.revealHolder(h); err != nil {
		return nil, err
	}
	return h, nil
}

// FindHolders returns one page of the holders that match f, by name.
func (db *DB) FindHolders(ctx context.Context, f data.HolderFilter) ([]*data.Holder, error) {
	limit, offset := f.Limit, max(f.Offset, 0)
	if limit <= 0 {
		limit = data.DefaultPageSize
	}
	exp, expArgs := experienced(f.Programmes)
	if strings.TrimSpace(f.Search) != "" && db.sql.dialect == postgresSQL {
		ids, _, err := db.serverSearch(ctx, f, limit, offset)
		if err != nil {
			return nil, err
		}
		return db.holdersInOrder(ctx, ids)
	}
	if strings.TrimSpace(f.Search) == "" {
		// The name index gives the order; SQLite reads just this page.
		return db.queryHolders(ctx, `SELECT `+holderColumns+` FROM holders`+exp+` ORDER BY name, id LIMIT ? OFFSET ?`, append(expArgs, limit, offset)...)
	}
	ids, err := db.search.matches(ctx, db.sql, f.Search, db.exactKey)
	if err != nil {
		return nil, err
	}
	if ids, err = db.keepExperienced(ctx, ids, f.Programmes); err != nil {
		return nil, err
	}
	start := min(offset, len(ids))
	return db.holdersInOrder(ctx, ids[start:start+min(limit, len(ids)-start)]) // offset+limit may overflow
}

// holdersInOrder reads the holders of ids, in their order.
func (db *DB) holdersInOrder(ctx context.Context, ids []int64) ([]*data.Holder, error) {
	if len(ids) == 0 {
		return []*data.Holder{}, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	found, err := db.queryHolders(ctx, `SELECT `+holderColumns+` FROM holders WHERE id IN (?`+strings.Repeat(",?", len(ids)-1)+`)`, args...)
	if err != nil {
		return nil, err
	}
	// Back into list order; a holder deleted since the match drops out.
	byID := make(map[int64]*data.Holder, len(found))
	for _, h := range found {
		byID[h.ID] = h
	}
	out := make([]*data.Holder, 0, len(ids))
	for _, id := range ids {
		if h := byID[id]; h != nil {
			out = append(out, h)
		}
	}
	return out, nil
}

func (db *DB) queryHolders(ctx context.Context, q string, args ...any) ([]*data.Holder, error) {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, internal("find holders", err)
	}
	defer rows.Close()
	out := []*data.Holder{}
	for rows.Next() {
		h, err := scanHolder(rows)
		if err != nil {
			return nil, internal("find holders", err)
		}
		if err := db.revealHolder(h); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("find holders", err)
	}
	return out, nil
}

// CountHolders counts the holders that match f (ignoring its page).
func (db *DB) CountHolders(ctx context.Context, f data.HolderFilter) (int, error) {
	if strings.TrimSpace(f.Search) != "" && db.sql.dialect == postgresSQL {
		_, n, err := db.serverSearch(ctx, f, 0, 0)
		return n, err
	}
	if strings.TrimSpace(f.Search) != "" {
		ids, err := db.search.matches(ctx, db.sql, f.Search, db.exactKey)
		if err == nil {
			ids, err = db.keepExperienced(ctx, ids, f.Programmes)
		}
		if err != nil || f.HolderID == 0 {
			return len(ids), err
		}
		for _, id := range ids {
			if id == f.HolderID {
				return 1, nil
			}
		}
		return 0, nil
	}
	var n int
	exp, args := experienced(f.Programmes)
	q := `SELECT count(*) FROM holders` + exp
	if f.HolderID != 0 {
		if exp == "" {
			q += ` WHERE id = ?`
		} else {
			q += ` AND id = ?`
		}
		args = append(args, f.HolderID)
	}
	if err := db.sql.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, internal("count holders", err)
	}
	return n, nil
}

// experienced is the condition that keeps the holders with experience
// under any of the programmes ("" for none given): a flagged work entry,
// or a project under it they take part in.
func experienced(ps []data.Programme) (string, []any) {
	if len(ps) == 0 {
		return "", nil
	}
	in := "(?" + strings.Repeat(",?", len(ps)-1) + ")"
	args := make([]any, 0, 2*len(ps))
	for range 2 {
		for _, p := range ps {
			args = append(args, string(p))
		}
	}
	return ` WHERE id IN (SELECT holder_id FROM work_history WHERE programme IN ` + in + `
		UNION SELECT x.holder_id FROM participants x JOIN projects p ON p.id = x.project_id WHERE p.programme IN ` + in + `)`, args
}

// keepExperienced keeps, in order, the holders of ids with experience
// under any of the programmes (all when none are given).
func (db *DB) keepExperienced(ctx context.Context, ids []int64, ps []data.Programme) ([]int64, error) {
	if len(ps) == 0 || len(ids) == 0 {
		return ids, nil
	}
	exp, args := experienced(ps)
	kept, err := column[int64](ctx, db.sql, "find holders", `SELECT id FROM holders`+exp, args...)
	if err != nil {
		return nil, err
	}
	keep := map[int64]bool{}
	for _, id := range kept {
		keep[id] = true
	}
	out := make([]int64, 0, min(len(ids), len(keep)))
	for _, id := range ids {
		if keep[id] {
			out = append(out, id)
		}
	}
	return out, nil
}

type scanner interface{ Scan(...any) error }

func scanHolder(s scanner) (*data.Holder, error) {
	var h data.Holder
	var created, updated string
	err := s.Scan(&h.ID, &h.Name, &h.IDType, &h.IDNumber, &h.Phone, &h.Org, &h.Region, &h.Demo, &created, &updated, &h.Office, &h.Version, &h.UpdatedBy)
	if err != nil {
		return nil, err
	}
	h.CreatedAt, h.UpdatedAt = parseStamp(created), parseStamp(updated)
	return &h, nil
}

// CreateHolderRecords saves holders with their certificates in one
// transaction. An invalid or duplicate record saves nothing, and the error
// names the record (1-based) in its Args["Row"].
func (db *DB) CreateHolderRecords(ctx context.Context, recs []data.HolderRecord) error {
	return db.holderRecords(ctx, len(recs) > 1000, false, func(yield func([]data.HolderRecord) bool) { yield(recs) })
}

// withRow adds the record number to an application error.
func withRow(err error, row int) error {
	e := data.AsError(err)
	if e == nil {
		return err
	}
	c := *e
	c.Args = map[string]any{"Row": row}
	for k, v := range e.Args {
		c.Args[k] = v
	}
	return &c
}
