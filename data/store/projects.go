package store

import (
	"context"
	"strings"

	"github.com/swcert/swcert/data"
)

// Projects, their participants and service records (服务记录). A record is
// checked (data.CheckServiceRecord) with the holder's hours of its day in
// every project read in the transaction that writes it, so two writers
// cannot together pass 24 hours.

const projectColumns = `p.id, p.name, p.org, p.start_on, p.end_on, p.programme, p.created_at, p.updated_at, p.version, p.updated_by,
	(SELECT count(*) FROM participants x WHERE x.project_id = p.id),
	(SELECT coalesce(sum(tenths), 0) FROM service_records r WHERE r.project_id = p.id)`

func scanProject(s scanner) (*data.Project, error) {
	var p data.Project
	var created, updated string
	var tenths int64
	if err := s.Scan(&p.ID, &p.Name, &p.Org, &p.StartOn, &p.EndOn, &p.Programme, &created, &updated, &p.Version, &p.UpdatedBy, &p.Participants, &tenths); err != nil {
		return nil, err
	}
	p.Hours = data.TenthsOfHour(tenths)
	p.CreatedAt, p.UpdatedAt = parseStamp(created), parseStamp(updated)
	return &p, nil
}

// CreateProject saves a new project.
func (db *DB) CreateProject(ctx context.Context, p *data.Project) error {
	p.Normalize()
	if err := p.Validate(db.today()); err != nil {
		return err
	}
	t, ts := db.stamp()
	newID, err := insertID(ctx, db.sql, `INSERT INTO projects (name, org, start_on, end_on, programme, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		p.Name, p.Org, p.StartOn, p.EndOn, p.Programme, ts, ts, db.user)
	if err != nil {
		return mapError("insert project", err)
	}
	p.ID = newID
	p.CreatedAt, p.UpdatedAt = t.In(data.Beijing), t.In(data.Beijing)
	p.Version, p.UpdatedBy = 1, db.user
	return nil
}

// UpdateProject saves a project whose records stay within its dates.
func (db *DB) UpdateProject(ctx context.Context, p *data.Project) error {
	p.Normalize()
	if err := p.Validate(db.today()); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *txn) error {
		var first, last data.Date
		if err := tx.QueryRowContext(ctx, `SELECT min(date), max(date) FROM service_records WHERE project_id = ?`, p.ID).Scan(&first, &last); err != nil {
			return internal("update project", err)
		}
		if err := data.CheckProjectDates(p, first, last); err != nil {
			return err
		}
		t, ts := db.stamp()
		res, err := tx.ExecContext(ctx, `UPDATE projects SET name = ?, org = ?, start_on = ?, end_on = ?, programme = ?, updated_at = ?, `+stampSet+`
			WHERE id = ? AND `+stampIs, p.Name, p.Org, p.StartOn, p.EndOn, p.Programme, ts, db.user, p.ID, p.Version, p.Version)
		if err != nil {
			return mapError("update project", err)
		}
		if err := db.updated(ctx, tx, res, "projects", "id", "project", p.ID, &p.Stamp); err != nil {
			return err
		}
		p.UpdatedAt = t.In(data.Beijing)
		return nil
	})
}

// DeleteProject removes a project with its participants and records.
func (db *DB) DeleteProject(ctx context.Context, id int64) error {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM projects WHERE id = ?`, id)
	if err != nil {
		return mapError("delete project", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return data.NotFound("project", id)
	}
	return nil
}

// Project loads one project with its counts.
func (db *DB) Project(ctx context.Context, id int64) (*data.Project, error) {
	return db.projectIn(ctx, db.sql, id)
}

func (db *DB) projectIn(ctx context.Context, q rowQueryer, id int64) (*data.Project, error) {
	p, err := scanProject(q.QueryRowContext(ctx, `SELECT `+projectColumns+` FROM projects p WHERE p.id = ?`, id))
	if err != nil {
		return nil, notFound(err, "project", id)
	}
	return p, nil
}

func projectWhere(f data.ProjectFilter) (string, []any) {
	var conds []string
	var args []any
	if s := strings.ToLower(data.NormalizeText(f.Search)); s != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s) + "%"
		conds = append(conds, `(lower(p.name) LIKE ? ESCAPE '\' OR lower(p.org) LIKE ? ESCAPE '\')`)
		args = append(args, like, like)
	}
	if f.Org != "" {
		conds = append(conds, `p.org = ?`)
		args = append(args, data.NormalizeWords(f.Org))
	}
	if f.Programme != nil {
		conds = append(conds, `p.programme = ?`)
		args = append(args, string(*f.Programme))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// FindProjects returns a page of projects, the latest start first.
func (db *DB) FindProjects(ctx context.Context, f data.ProjectFilter) ([]data.Project, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = data.DefaultPageSize
	}
	where, args := projectWhere(f)
	rows, err := db.sql.QueryContext(ctx, `SELECT `+projectColumns+` FROM projects p`+where+` ORDER BY p.start_on DESC, p.id DESC LIMIT ? OFFSET ?`,
		append(args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, internal("list projects", err)
	}
	defer rows.Close()
	out := []data.Project{}
	for rows.Next() {
		p, err := scanProject(rows)
		if err != nil {
			return nil, internal("list projects", err)
		}
		out = append(out, *p)
	}
	return out, rows.Err()
}

// CountProjects counts the projects f selects.
func (db *DB) CountProjects(ctx context.Context, f data.ProjectFilter) (int, error) {
	where, args := projectWhere(f)
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM projects p`+where, args...).Scan(&n); err != nil {
		return 0, internal("count projects", err)
	}
	return n, nil
}

// JoinProject makes the holder a participant (again: no error).
func (db *DB) JoinProject(ctx context.Context, projectID, holderID int64) error {
	return db.tx(ctx, func(tx *txn) error {
		if _, err := db.projectIn(ctx, tx, projectID); err != nil {
			return err
		}
		if _, err := db.holderIn(ctx, tx, holderID); err != nil {
			return err
		}
		_, ts := db.stamp()
		_, err := tx.ExecContext(ctx, `INSERT INTO participants (project_id, holder_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, projectID, holderID, ts)
		return mapError("join project", err)
	})
}

// LeaveProject removes a participant who has no records in the project.
func (db *DB) LeaveProject(ctx context.Context, projectID, holderID int64) error {
	return db.tx(ctx, func(tx *txn) error {
		p, err := db.projectIn(ctx, tx, projectID)
		if err != nil {
			return err
		}
		var member bool
		var records int
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM participants WHERE project_id = ?1 AND holder_id = ?2),
			(SELECT count(*) FROM service_records WHERE project_id = ?1 AND holder_id = ?2)`, projectID, holderID).Scan(&member, &records); err != nil {
			return internal("leave project", err)
		}
		if !member {
			return data.Invalid("holder", "err.service.not_participant", "Project", p.Name)
		}
		if err := data.CanLeaveProject(records); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM participants WHERE project_id = ? AND holder_id = ?`, projectID, holderID)
		return mapError("leave project", err)
	})
}

// Participants of a project, by name, with their hours in it.
func (db *DB) Participants(ctx context.Context, projectID int64) ([]data.Participant, error) {
	if _, err := db.Project(ctx, projectID); err != nil {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT x.project_id, x.holder_id, h.name, h.org, x.joined_at,
			count(r.id), coalesce(sum(r.tenths), 0)
		FROM participants x JOIN holders h ON h.id = x.holder_id
		LEFT JOIN service_records r ON r.project_id = x.project_id AND r.holder_id = x.holder_id
		WHERE x.project_id = ? GROUP BY x.project_id, x.holder_id, h.id ORDER BY h.name, h.id`, projectID)
	if err != nil {
		return nil, internal("list participants", err)
	}
	defer rows.Close()
	out := []data.Participant{}
	for rows.Next() {
		var p data.Participant
		var joined string
		var tenths int64
		if err := rows.Scan(&p.ProjectID, &p.HolderID, &p.Name, &p.Org, &joined, &p.Records, &tenths); err != nil {
			return nil, internal("list participants", err)
		}
		p.JoinedAt, p.Hours = parseStamp(joined), data.TenthsOfHour(tenths)
		out = append(out, p)
	}
	return out, rows.Err()
}

// HolderProjects are the projects a holder takes part in, with hours.
func (db *DB) HolderProjects(ctx context.Context, holderID int64) ([]data.HolderProject, error) {
	if _, err := db.Holder(ctx, holderID); err != nil {
		return nil, err
	}
	return db.holderProjectsIn(ctx, db.sql, holderID)
}

func (db *DB) holderProjectsIn(ctx context.Context, q rowQueryer, holderID int64) ([]data.HolderProject, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+projectColumns+`,
			(SELECT count(*) FROM service_records r WHERE r.project_id = p.id AND r.holder_id = x.holder_id),
			(SELECT coalesce(sum(tenths), 0) FROM service_records r WHERE r.project_id = p.id AND r.holder_id = x.holder_id)
		FROM participants x JOIN projects p ON p.id = x.project_id
		WHERE x.holder_id = ? ORDER BY p.start_on DESC, p.id DESC`, holderID)
	if err != nil {
		return nil, internal("list holder projects", err)
	}
	defer rows.Close()
	out := []data.HolderProject{}
	for rows.Next() {
		var hp data.HolderProject
		var created, updated string
		var total, mine int64
		p := &hp.Project
		if err := rows.Scan(&p.ID, &p.Name, &p.Org, &p.StartOn, &p.EndOn, &p.Programme, &created, &updated, &p.Version, &p.UpdatedBy, &p.Participants, &total, &hp.Records, &mine); err != nil {
			return nil, internal("list holder projects", err)
		}
		p.CreatedAt, p.UpdatedAt = parseStamp(created), parseStamp(updated)
		p.Hours, hp.Hours = data.TenthsOfHour(total), data.TenthsOfHour(mine)
		out = append(out, hp)
	}
	return out, rows.Err()
}

const serviceColumns = `id, project_id, holder_id, date, content, tenths, created_at, updated_at, version, updated_by`

func scanService(s scanner) (*data.ServiceRecord, error) {
	var r data.ServiceRecord
	var created, updated string
	var tenths int64
	if err := s.Scan(&r.ID, &r.ProjectID, &r.HolderID, &r.Date, &r.Content, &tenths, &created, &updated, &r.Version, &r.UpdatedBy); err != nil {
		return nil, err
	}
	r.Hours = data.TenthsOfHour(tenths)
	r.CreatedAt, r.UpdatedAt = parseStamp(created), parseStamp(updated)
	return &r, nil
}

// CreateServiceRecord saves a participant's record.
func (db *DB) CreateServiceRecord(ctx context.Context, r *data.ServiceRecord) error {
	r.ID = 0
	return db.saveService(ctx, r)
}

// UpdateServiceRecord saves a record's day, content and hours (the
// project and the holder stay).
func (db *DB) UpdateServiceRecord(ctx context.Context, r *data.ServiceRecord) error {
	if r.ID == 0 {
		return data.NotFound("service_record", 0)
	}
	return db.saveService(ctx, r)
}

func (db *DB) saveService(ctx context.Context, r *data.ServiceRecord) error {
	r.Normalize()
	return db.tx(ctx, func(tx *txn) error {
		if r.ID != 0 {
			if err := tx.QueryRowContext(ctx, `SELECT project_id, holder_id FROM service_records WHERE id = ?`, r.ID).Scan(&r.ProjectID, &r.HolderID); err != nil {
				return notFound(err, "service_record", r.ID)
			}
		}
		p, err := db.projectIn(ctx, tx, r.ProjectID)
		if err != nil {
			return err
		}
		if _, err := db.holderIn(ctx, tx, r.HolderID); err != nil {
			return err
		}
		var member bool
		var others int64
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM participants WHERE project_id = ?1 AND holder_id = ?2),
			(SELECT coalesce(sum(tenths), 0) FROM service_records WHERE holder_id = ?2 AND date = ?3 AND id <> ?4)`,
			r.ProjectID, r.HolderID, r.Date, r.ID).Scan(&member, &others); err != nil {
			return internal("check service record", err)
		}
		if err := data.CheckServiceRecord(p, r, member, data.TenthsOfHour(others), db.today()); err != nil {
			return err
		}
		t, ts := db.stamp()
		if r.ID == 0 {
			newID, err := insertID(ctx, tx, `INSERT INTO service_records (project_id, holder_id, date, content, tenths, created_at, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.ProjectID, r.HolderID, r.Date, r.Content, r.Hours.Tenths(), ts, ts, db.user)
			if err != nil {
				return mapError("insert service record", err)
			}
			r.ID = newID
			r.CreatedAt = t.In(data.Beijing)
			r.Version, r.UpdatedBy = 1, db.user
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE service_records SET date = ?, content = ?, tenths = ?, updated_at = ?, `+stampSet+`
				WHERE id = ? AND `+stampIs, r.Date, r.Content, r.Hours.Tenths(), ts, db.user, r.ID, r.Version, r.Version)
			if err != nil {
				return mapError("update service record", err)
			}
			if err := db.updated(ctx, tx, res, "service_records", "id", "service_record", r.ID, &r.Stamp); err != nil {
				return err
			}
		}
		r.UpdatedAt = t.In(data.Beijing)
		return nil
	})
}

// DeleteServiceRecord removes a record.
func (db *DB) DeleteServiceRecord(ctx context.Context, id int64) error {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM service_records WHERE id = ?`, id)
	if err != nil {
		return mapError("delete service record", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return data.NotFound("service_record", id)
	}
	return nil
}

// ServiceRecord loads one record.
func (db *DB) ServiceRecord(ctx context.Context, id int64) (*data.ServiceRecord, error) {
	r, err := scanService(db.sql.QueryRowContext(ctx, `SELECT `+serviceColumns+` FROM service_records WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, "service_record", id)
	}
	return r, nil
}

// ServiceRecords of a project, a holder, or a holder in a project, by date.
func (db *DB) ServiceRecords(ctx context.Context, f data.ServiceFilter) ([]data.ServiceRecord, error) {
	var conds []string
	var args []any
	if f.ProjectID != 0 {
		if _, err := db.Project(ctx, f.ProjectID); err != nil {
			return nil, err
		}
		conds, args = append(conds, "project_id = ?"), append(args, f.ProjectID)
	}
	if f.HolderID != 0 {
		if _, err := db.Holder(ctx, f.HolderID); err != nil {
			return nil, err
		}
		conds, args = append(conds, "holder_id = ?"), append(args, f.HolderID)
	}
	if len(conds) == 0 {
		return nil, data.Invalid("project", "err.service.filter")
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+serviceColumns+` FROM service_records WHERE `+strings.Join(conds, " AND ")+` ORDER BY date, id`, args...)
	if err != nil {
		return nil, internal("list service records", err)
	}
	defer rows.Close()
	out := []data.ServiceRecord{}
	for rows.Next() {
		r, err := scanService(rows)
		if err != nil {
			return nil, internal("list service records", err)
		}
		out = append(out, *r)
	}
	return out, rows.Err()
}
