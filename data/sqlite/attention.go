package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"math"
	"strings"
	"time"

	"github.com/swcert/swcert/data"
)

// The attention table holds every holder's items as data.AttentionByHolder
// worked them out, and attention_fresh until when (migration 00005). Every
// read first works out again the holders that a write marked (triggers) or
// whose time has come, so what is read is always what the rules say now,
// while a day's reading costs only the holders that changed.

// wholeSnapshotAbove: with more holders to work out than this, one read of
// every table is quicker than reading them a few hundred at a time.
const (
	wholeSnapshotAbove = 20000
	staleChunk         = 500
)

// never is the until of a holder whose items cannot change by themselves.
const never = math.MaxInt64

// RefreshAttention works out again the holders whose items may have
// changed since they were last worked out: written to since, or a date
// their rules turn on has come. It is quick when there are none; after a
// demo or a first open it is the whole computation, once.
func (db *DB) RefreshAttention(ctx context.Context, now time.Time) error {
	stale, err := db.staleHolders(ctx, now)
	if err != nil || len(stale) == 0 {
		return err
	}
	if len(stale) > wholeSnapshotAbove {
		s, err := db.snapshot(ctx, nil)
		if err != nil {
			return err
		}
		return db.saveAttention(ctx, s, stale, now)
	}
	ids := make([]int64, 0, len(stale))
	for id := range stale {
		ids = append(ids, id)
	}
	for start := 0; start < len(ids); start += staleChunk {
		part := ids[start:min(start+staleChunk, len(ids))]
		s, err := db.snapshot(ctx, part)
		if err != nil {
			return err
		}
		gens := make(map[int64]int64, len(part))
		for _, id := range part {
			gens[id] = stale[id]
		}
		if err := db.saveAttention(ctx, s, gens, now); err != nil {
			return err
		}
	}
	return nil
}

// staleHolders are the holders to work out again, with their gen.
func (db *DB) staleHolders(ctx context.Context, now time.Time) (map[int64]int64, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT holder_id, gen FROM attention_fresh WHERE until <= ?`, now.Unix())
	if err != nil {
		return nil, internal("attention", err)
	}
	defer rows.Close()
	stale := map[int64]int64{}
	for rows.Next() {
		var id, gen int64
		if err := rows.Scan(&id, &gen); err != nil {
			return nil, internal("attention", err)
		}
		stale[id] = gen
	}
	return stale, rows.Err()
}

// saveAttention works out the holders of gens from s and saves their
// items, in one transaction. A holder written to since its gen was read is
// left marked: it is worked out at the next read, from what was written.
func (db *DB) saveAttention(ctx context.Context, s *data.Snapshot, gens map[int64]int64, now time.Time) error {
	for id := range s.Holders {
		if _, ok := gens[id]; !ok {
			delete(s.Holders, id)
		}
	}
	results := data.AttentionByHolder(s, now)
	return db.tx(ctx, func(tx *sql.Tx) error {
		mark, err := tx.PrepareContext(ctx, `UPDATE attention_fresh SET until = ? WHERE holder_id = ? AND gen = ?`)
		if err != nil {
			return internal("attention", err)
		}
		defer mark.Close()
		clear, err := tx.PrepareContext(ctx, `DELETE FROM attention WHERE holder_id = ?`)
		if err != nil {
			return internal("attention", err)
		}
		defer clear.Close()
		insert, err := tx.PrepareContext(ctx, `INSERT INTO attention
			(holder_id, cert_id, kind, due, key, args, name, org, region, level, mno, search) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return internal("attention", err)
		}
		defer insert.Close()
		for _, r := range results {
			until := int64(never)
			if !r.Until.IsZero() {
				until = r.Until.Unix()
			}
			res, err := mark.ExecContext(ctx, until, r.HolderID, gens[r.HolderID])
			if err != nil {
				return internal("attention", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				continue
			}
			if _, err := clear.ExecContext(ctx, r.HolderID); err != nil {
				return internal("attention", err)
			}
			for _, it := range r.Items {
				args := ""
				if len(it.Args) > 0 {
					b, _ := json.Marshal(it.Args)
					args = string(b)
				}
				search := strings.ToLower(it.Name + "\n" + it.Org + "\n" + it.Region + "\n" + it.MNo)
				if _, err := insert.ExecContext(ctx, it.HolderID, it.CertID, string(it.Kind), it.DueOn.String(), it.Key, args,
					it.Name, it.Org, it.Region, string(it.Level), it.MNo, search); err != nil {
					return internal("attention", err)
				}
			}
		}
		// Holders deleted since they were marked: their rows go too.
		for id, gen := range gens {
			if _, ok := s.Holders[id]; ok {
				continue
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM attention_fresh WHERE holder_id = ? AND gen = ?`, id, gen); err != nil {
				return internal("attention", err)
			}
			if _, err := clear.ExecContext(ctx, id); err != nil {
				return internal("attention", err)
			}
		}
		return nil
	})
}

// attentionWhere is the SQL of what f selects, without the order.
func attentionWhere(f data.AttentionFilter, today data.Date) (string, []any) {
	where, args := []string{"1"}, []any{}
	if f.Kind != "" {
		where, args = append(where, "kind = ?"), append(args, string(f.Kind))
	}
	if f.Level != "" {
		where, args = append(where, "level = ?"), append(args, string(f.Level))
	}
	if f.Within > 0 {
		// Overdue items are before today, so they stay.
		where, args = append(where, "due <= ?"), append(args, today.AddDays(f.Within).String())
	}
	if f.Upcoming {
		where, args = append(where, "due >= ?"), append(args, today.String())
	}
	if q := strings.ToLower(strings.TrimSpace(f.Search)); q != "" {
		where, args = append(where, "instr(search, ?) > 0"), append(args, q)
	}
	return strings.Join(where, " AND "), args
}

// CountAttention counts the items f selects at now: those overdue and the
// rest.
func (db *DB) CountAttention(ctx context.Context, f data.AttentionFilter, now time.Time) (overdue, rest int, err error) {
	if err := db.RefreshAttention(ctx, now); err != nil {
		return 0, 0, err
	}
	today := data.DateOf(now)
	where, args := attentionWhere(f, today)
	err = db.sql.QueryRowContext(ctx, `SELECT coalesce(sum(due < ?), 0), coalesce(sum(due >= ?), 0) FROM attention WHERE `+where,
		append([]any{today.String(), today.String()}, args...)...).Scan(&overdue, &rest)
	if err != nil {
		return 0, 0, internal("attention", err)
	}
	return overdue, rest, nil
}

// Attention lists the items f selects at now, in the dashboard's order
// (that of data.AttentionItems): from offset, at most limit of them (0: all).
func (db *DB) Attention(ctx context.Context, f data.AttentionFilter, now time.Time, offset, limit int) ([]data.Attention, error) {
	if err := db.RefreshAttention(ctx, now); err != nil {
		return nil, err
	}
	today := data.DateOf(now)
	where, args := attentionWhere(f, today)
	overdue := 0
	if offset > 0 {
		err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM attention WHERE due < ? AND `+where,
			append([]any{today.String()}, args...)...).Scan(&overdue)
		if err != nil {
			return nil, internal("attention", err)
		}
	}
	// Overdue first, the latest on top; then the rest, soonest first. Two
	// queries, so each walks the index on due in its own direction.
	var out []data.Attention
	if offset == 0 || offset < overdue {
		more, err := db.attentionRows(ctx, `due < ? AND `+where+` ORDER BY due DESC, name, cert_id, kind, key`, today, args, offset, limit)
		if err != nil {
			return nil, err
		}
		out = more
	}
	if limit > 0 && len(out) >= limit {
		return out, nil
	}
	rest := 0
	if limit > 0 {
		rest = limit - len(out)
	}
	more, err := db.attentionRows(ctx, `due >= ? AND `+where+` ORDER BY due, name, cert_id, kind, key`, today, args, max(0, offset-overdue), rest)
	if err != nil {
		return nil, err
	}
	return append(out, more...), nil
}

func (db *DB) attentionRows(ctx context.Context, query string, today data.Date, args []any, offset, limit int) ([]data.Attention, error) {
	if limit == 0 {
		limit = -1
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT holder_id, cert_id, kind, due, key, args, name, org, region, level, mno
		FROM attention WHERE `+query+` LIMIT ? OFFSET ?`, append(append([]any{today.String()}, args...), limit, offset)...)
	if err != nil {
		return nil, internal("attention", err)
	}
	defer rows.Close()
	var out []data.Attention
	for rows.Next() {
		var it data.Attention
		var args string
		if err := rows.Scan(&it.HolderID, &it.CertID, &it.Kind, &it.DueOn, &it.Key, &args, &it.Name, &it.Org, &it.Region, &it.Level, &it.MNo); err != nil {
			return nil, internal("attention", err)
		}
		if args != "" {
			if err := json.Unmarshal([]byte(args), &it.Args); err != nil {
				return nil, internal("attention", err)
			}
		}
		it.DaysLeft, it.Overdue = today.DaysUntil(it.DueOn), it.DueOn.Before(today)
		out = append(out, it)
	}
	return out, rows.Err()
}

// AttentionFigures are the dashboard's figures at now.
func (db *DB) AttentionFigures(ctx context.Context, now time.Time) (data.AttentionFigures, error) {
	var f data.AttentionFigures
	if err := db.RefreshAttention(ctx, now); err != nil {
		return f, err
	}
	today := data.DateOf(now)
	err := db.sql.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM holders), (SELECT count(*) FROM certificates),
		(SELECT count(*) FROM attention), (SELECT count(*) FROM attention WHERE due >= ? AND due <= ?),
		(SELECT count(*) FROM attention WHERE due < ?)`,
		today.String(), today.AddDays(data.MonthDays).String(), today.String()).Scan(&f.Holders, &f.Certificates, &f.Items, &f.Month, &f.Overdue)
	if err != nil {
		return f, internal("attention", err)
	}
	return f, nil
}
