package sqlite

import (
	"cmp"
	"context"
	"encoding/json"
	"maps"
	"math"
	"slices"
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
// their rules turn on has come. It is quick when there are none (a day
// brings a few hundred in 100,000); after a demo or a first open it is
// the whole computation, once.
func (db *DB) RefreshAttention(ctx context.Context, now time.Time) error {
	stale, err := db.staleHolders(ctx, now)
	if err != nil || len(stale) == 0 {
		return err
	}
	var results []data.HolderAttention
	var present map[int64]bool
	if len(stale) > wholeSnapshotAbove {
		s, err := db.snapshot(ctx, nil)
		if err != nil {
			return err
		}
		results, present = workOut(s, stale, now)
	} else {
		// In order, so a part's rows lie close together in the file.
		ids := slices.Sorted(maps.Keys(stale))
		present = map[int64]bool{}
		for start := 0; start < len(ids); start += staleChunk {
			s, err := db.snapshot(ctx, ids[start:min(start+staleChunk, len(ids))])
			if err != nil {
				return err
			}
			more, there := workOut(s, stale, now)
			results = append(results, more...)
			maps.Copy(present, there)
		}
	}
	return db.saveAttention(ctx, results, stale, present)
}

// workOut works out the holders of s that are stale, and says which of
// them are there (the others were deleted).
func workOut(s *data.Snapshot, stale map[int64]int64, now time.Time) ([]data.HolderAttention, map[int64]bool) {
	present := map[int64]bool{}
	for id := range s.Holders {
		if _, ok := stale[id]; ok {
			present[id] = true
		} else {
			delete(s.Holders, id)
		}
	}
	return data.AttentionByHolder(s, now), present
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

// saveAttention saves the items worked out for stale holders, in one
// transaction. A holder written to since its gen was read is left marked:
// it is worked out at the next read, from what was written.
func (db *DB) saveAttention(ctx context.Context, results []data.HolderAttention, gens map[int64]int64, present map[int64]bool) error {
	// In the order of the table's key, so pages fill one after another.
	slices.SortFunc(results, func(a, b data.HolderAttention) int { return cmp.Compare(a.HolderID, b.HolderID) })
	return db.tx(ctx, func(tx *txn) error {
		for _, r := range results {
			until := int64(never)
			if !r.Until.IsZero() {
				until = r.Until.Unix()
			}
			res, err := tx.ExecContext(ctx, `UPDATE attention_fresh SET until = ? WHERE holder_id = ? AND gen = ?`, until, r.HolderID, gens[r.HolderID])
			if err != nil {
				return internal("attention", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM attention WHERE holder_id = ?`, r.HolderID); err != nil {
				return internal("attention", err)
			}
			for n, it := range r.Items {
				var due any = it.DueOn.String()
				if it.Standing() {
					due = nil
				}
				args := ""
				if len(it.Args) > 0 {
					b, _ := json.Marshal(it.Args)
					args = string(b)
				}
				search := strings.ToLower(it.Name + "\n" + it.Org + "\n" + it.Region + "\n" + it.MNo)
				if _, err := tx.ExecContext(ctx, `INSERT INTO attention (holder_id, n, cert_id, kind, due, key, args,
					name, org, region, level, mno, search) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`, it.HolderID, n, it.CertID, string(it.Kind), due, it.Key, args,
					it.Name, it.Org, it.Region, string(it.Level), it.MNo, search); err != nil {
					return internal("attention", err)
				}
			}
		}
		// Holders deleted since they were marked: their rows go too.
		for id, gen := range gens {
			if present[id] {
				continue
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM attention_fresh WHERE holder_id = ? AND gen = ?`, id, gen); err != nil {
				return internal("attention", err)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM attention WHERE holder_id = ?`, id); err != nil {
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
		where, args = append(where, "(due <= ? OR due IS NULL)"), append(args, today.AddDays(f.Within).String())
	}
	if f.Upcoming {
		where, args = append(where, "(due >= ? OR due IS NULL)"), append(args, today.String())
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
	err = db.sql.QueryRowContext(ctx, `SELECT coalesce(sum(due < ?), 0), coalesce(sum(due >= ? OR due IS NULL), 0) FROM attention WHERE `+where,
		append([]any{today.String(), today.String()}, args...)...).Scan(&overdue, &rest)
	if err != nil {
		return 0, 0, internal("attention", err)
	}
	return overdue, rest, nil
}

// sections are the dashboard's order, in three parts each read along the
// index on due (?1 is today): overdue, the latest on top; due today, with
// the standing items; then the rest, soonest first. Within a day, by name,
// certificate, kind and message, as data.AttentionItems orders them.
var sections = []struct{ where, order string }{
	{"due < ?1", "due DESC, name, cert_id, kind, key"},
	{"(due = ?1 OR due IS NULL)", "name, cert_id, kind, key"},
	{"due > ?1", "due, name, cert_id, kind, key"},
}

// Attention lists the items f selects at now, in the dashboard's order
// (that of data.AttentionItems): from offset, at most limit of them (0: all).
func (db *DB) Attention(ctx context.Context, f data.AttentionFilter, now time.Time, offset, limit int) ([]data.Attention, error) {
	if err := db.RefreshAttention(ctx, now); err != nil {
		return nil, err
	}
	today := data.DateOf(now)
	where, fargs := attentionWhere(f, today)
	args := append([]any{today.String()}, fargs...)
	var out []data.Attention
	for _, sec := range sections {
		cond := sec.where + " AND " + where
		if offset > 0 {
			// Skip a part at a time: counting is quicker than reading.
			var n int
			if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM attention WHERE `+cond, args...).Scan(&n); err != nil {
				return nil, internal("attention", err)
			}
			if offset >= n {
				offset -= n
				continue
			}
		}
		lim := -1
		if limit > 0 {
			lim = limit - len(out)
		}
		more, err := db.attentionRows(ctx, cond+` ORDER BY `+sec.order+` LIMIT ? OFFSET ?`, today, append(args, lim, offset))
		if err != nil {
			return nil, err
		}
		out, offset = append(out, more...), 0
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	return out, nil
}

func (db *DB) attentionRows(ctx context.Context, query string, today data.Date, args []any) ([]data.Attention, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT holder_id, cert_id, kind, due, key, args, name, org, region, level, mno
		FROM attention WHERE `+query, args...)
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
		if it.DueOn.IsZero() {
			it.DueOn = today // standing
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
		(SELECT count(*) FROM attention), (SELECT count(*) FROM attention WHERE due >= ? AND due <= ? OR due IS NULL),
		(SELECT count(*) FROM attention WHERE due < ?)`,
		today.String(), today.AddDays(data.MonthDays).String(), today.String()).Scan(&f.Holders, &f.Certificates, &f.Items, &f.Month, &f.Overdue)
	if err != nil {
		return f, internal("attention", err)
	}
	return f, nil
}
