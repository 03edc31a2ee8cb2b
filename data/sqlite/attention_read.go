package sqlite

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/swcert/swcert/data"
)

// section is a part of the dashboard's order that a query reads along the
// index on due: its condition on due, given today and the last day a
// filter lets in, and its order.
type section struct {
	due   func(today, last string) (string, []any)
	order string
}

// sections: overdue, the latest on top; due today; standing (due every
// day); then later, soonest first. Within a day by name, certificate, kind
// and message, as data.AttentionItems orders them. Each part is its own
// query: a condition like "due <= ? OR due IS NULL" makes SQLite look up
// every row, 50 times slower than counting along the index.
var sections = []section{
	{func(today, _ string) (string, []any) { return "due < ?", []any{today} }, "due DESC, name, cert_id, kind, key"},
	{func(today, _ string) (string, []any) { return "due = ?", []any{today} }, "name, cert_id, kind, key"},
	{func(_, _ string) (string, []any) { return "due IS NULL", nil }, "name, cert_id, kind, key"},
	{func(today, last string) (string, []any) { return "due > ? AND due <= ?", []any{today, last} }, "due, name, cert_id, kind, key"},
}

const overdueSection = 0

// attentionQuery is a filter in SQL.
type attentionQuery struct {
	today, last string
	where       string // the conditions apart from due
	args        []any
	upcoming    bool // the overdue section is left out
}

func newAttentionQuery(f data.AttentionFilter, today data.Date) attentionQuery {
	q := attentionQuery{today: today.String(), last: "9999-12-31", upcoming: f.Upcoming}
	if f.Within > 0 {
		q.last = today.AddDays(f.Within).String() // overdue items stay
	}
	where := []string{"1"}
	if f.Kind != "" {
		where, q.args = append(where, "kind = ?"), append(q.args, string(f.Kind))
	}
	if f.Level != "" {
		where, q.args = append(where, "level = ?"), append(q.args, string(f.Level))
	}
	if s := strings.ToLower(strings.TrimSpace(f.Search)); s != "" {
		where, q.args = append(where, "instr(search, ?) > 0"), append(q.args, s)
	}
	q.where = strings.Join(where, " AND ")
	return q
}

// of is the condition and arguments of section i, and whether the filter
// leaves it out.
func (q attentionQuery) of(i int) (string, []any, bool) {
	due, args := sections[i].due(q.today, q.last)
	return due + " AND " + q.where, append(args, q.args...), q.upcoming && i == overdueSection
}

// counts counts the items of each section.
func (db *DB) counts(ctx context.Context, q attentionQuery) ([]int, error) {
	n := make([]int, len(sections))
	for i := range sections {
		cond, args, skip := q.of(i)
		if skip {
			continue
		}
		if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM attention WHERE `+cond, args...).Scan(&n[i]); err != nil {
			return nil, internal("attention", err)
		}
	}
	return n, nil
}

// CountAttention counts the items f selects at now: those overdue and the
// rest.
func (db *DB) CountAttention(ctx context.Context, f data.AttentionFilter, now time.Time) (overdue, rest int, err error) {
	if err := db.RefreshAttention(ctx, now); err != nil {
		return 0, 0, err
	}
	n, err := db.counts(ctx, newAttentionQuery(f, data.DateOf(now)))
	if err != nil {
		return 0, 0, err
	}
	for i := range n {
		if i == overdueSection {
			overdue += n[i]
		} else {
			rest += n[i]
		}
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
	q := newAttentionQuery(f, today)
	var n []int
	if offset > 0 {
		// Whole sections are skipped by count, not read.
		var err error
		if n, err = db.counts(ctx, q); err != nil {
			return nil, err
		}
	}
	var out []data.Attention
	for i, sec := range sections {
		cond, args, skip := q.of(i)
		if skip {
			continue
		}
		if offset > 0 && offset >= n[i] {
			offset -= n[i]
			continue
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
	n, err := db.counts(ctx, newAttentionQuery(data.AttentionFilter{Within: data.MonthDays}, data.DateOf(now)))
	if err != nil {
		return f, err
	}
	f.Overdue, f.Month = n[overdueSection], n[1]+n[2]+n[3]
	err = db.sql.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM holders), (SELECT count(*) FROM certificates),
		(SELECT count(*) FROM attention)`).Scan(&f.Holders, &f.Certificates, &f.Items)
	if err != nil {
		return f, internal("attention", err)
	}
	return f, nil
}
