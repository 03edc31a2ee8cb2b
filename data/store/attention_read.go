package store

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/swcert/swcert/data"
)

// attentionOrder is the order of data.AttentionItems in SQL (?1 is today):
// overdue first, the latest on top; then due today, standing, and later,
// soonest first; within a day by name, certificate, kind and message.
const attentionOrder = `CASE WHEN due IS NULL THEN 2 WHEN due < ?1 THEN 0 WHEN due = ?1 THEN 1 ELSE 3 END,
	CASE WHEN due < ?1 THEN due END DESC, due, name, cert_id, kind, key, n`

// groupColumn is the column a group is of, and groupRank how groups are
// ordered: kinds and levels as data lists them, employers and regions by
// name. An unknown group is no group (nothing of a caller's reaches SQL).
func groupColumn(g data.AttentionGroup) string {
	switch g {
	case data.GroupKind:
		return "kind"
	case data.GroupOrg:
		return "org"
	case data.GroupRegion:
		return "region"
	case data.GroupLevel:
		return "level"
	}
	return ""
}

func groupRank(g data.AttentionGroup) string {
	rank := func(column string, values []string) string {
		var b strings.Builder
		b.WriteString("CASE " + column)
		for i, v := range values {
			b.WriteString(" WHEN '" + v + "' THEN " + strconv.Itoa(i))
		}
		b.WriteString(" END")
		return b.String()
	}
	switch g {
	case data.GroupKind:
		return rank("kind", codes(data.AttentionKinds))
	case data.GroupLevel:
		return rank("level", codes(data.Levels))
	}
	return groupColumn(g)
}

func codes[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// orderBy is the dashboard's order, by group first when f asks.
func orderBy(f data.AttentionFilter) string {
	if groupColumn(f.Group) == "" {
		return " ORDER BY " + attentionOrder
	}
	return " ORDER BY " + groupRank(f.Group) + ", " + attentionOrder
}

// attentionWhere is what f selects, in SQL whose first argument is today.
// A standing item (due NULL) is due today. The conditions on due are
// written so that SQLite reads the table through rather than the index on
// due: looking up each row from the index was four times slower than
// reading them all, and the order needs a sort either way.
func attentionWhere(d dialect, f data.AttentionFilter, today data.Date) (string, []any) {
	where, args := []string{"1 = 1"}, []any{today.String()}
	arg := func(v any) string {
		args = append(args, v)
		return "?" + strconv.Itoa(len(args))
	}
	if f.Within > 0 { // overdue items stay
		where = append(where, "coalesce(due, ?1) <= "+arg(today.AddDays(f.Within).String()))
	}
	if f.Upcoming {
		where = append(where, "coalesce(due, ?1) >= ?1")
	}
	if f.Kind != "" {
		where = append(where, "kind = "+arg(string(f.Kind)))
	}
	if f.DossierIncomplete { // the item says what is missing (holderAttention): open, or opening soon
		where = append(where, "kind = 'registration' AND args LIKE '%\"Missing\"%' AND (key LIKE 'att.reg_open.%' OR due <= "+
			arg(today.AddDays(data.DossierAheadDays).String())+")")
	}
	if f.Level != "" {
		where = append(where, "level = "+arg(string(f.Level)))
	}
	if q := strings.ToLower(strings.TrimSpace(f.Search)); q != "" {
		where = append(where, d.contains("search", arg(q)))
	}
	return strings.Join(where, " AND "), args
}

// Attention lists the items f selects at now, in the dashboard's order
// (that of data.AttentionItems).
func (db *DB) Attention(ctx context.Context, f data.AttentionFilter, now time.Time) ([]data.Attention, error) {
	if err := db.RefreshAttention(ctx, now); err != nil {
		return nil, err
	}
	today := data.DateOf(now)
	where, args := attentionWhere(db.sql.dialect, f, today)
	return db.attentionRows(ctx, today, where+orderBy(f), args...)
}

// AttentionKeys names, in the dashboard's order, the items f selects at
// now: the window pages through them with AttentionPage. Reading 185,000
// keys takes under a second, and then every page a few milliseconds,
// however far down. Grouped (f.Group), it also says where each group
// begins and ends, from the same pass over the table.
func (db *DB) AttentionKeys(ctx context.Context, f data.AttentionFilter, now time.Time) ([]data.AttentionKey, []data.AttentionSpan, error) {
	if err := db.RefreshAttention(ctx, now); err != nil {
		return nil, nil, err
	}
	where, args := attentionWhere(db.sql.dialect, f, data.DateOf(now))
	group := groupColumn(f.Group)
	value := "''"
	if group != "" {
		value = group
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT holder_id, n, `+value+` FROM attention WHERE `+where+orderBy(f), args...)
	if err != nil {
		return nil, nil, internal("attention", err)
	}
	defer rows.Close()
	var keys []data.AttentionKey
	var spans []data.AttentionSpan
	for rows.Next() {
		var k data.AttentionKey
		var v string
		if err := rows.Scan(&k.HolderID, &k.N, &v); err != nil {
			return nil, nil, internal("attention", err)
		}
		keys = append(keys, k)
		if group == "" {
			continue
		}
		if len(spans) == 0 || spans[len(spans)-1].Value != v {
			spans = append(spans, data.AttentionSpan{Value: v})
		}
		spans[len(spans)-1].Count++
	}
	return keys, spans, rows.Err()
}

// AttentionCount is how many items f selects at now and, grouped
// (f.Group), the groups in their order with their counts: what
// AttentionKeys says of them without reading every key. On a server with
// 1,000,000 holders, every one with an item in the 30-day view, reading
// and sorting the keys took 3.2 s; counting them, a tenth of that.
func (db *DB) AttentionCount(ctx context.Context, f data.AttentionFilter, now time.Time) (int, []data.AttentionSpan, error) {
	if err := db.RefreshAttention(ctx, now); err != nil {
		return 0, nil, err
	}
	where, args := attentionWhere(db.sql.dialect, f, data.DateOf(now))
	// Today (?1) is an argument whether the filter reads it or not: a
	// server takes no argument its statement does not name.
	where += " AND CAST(?1 AS TEXT) IS NOT NULL"
	group := groupColumn(f.Group)
	if group == "" {
		var n int
		if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM attention WHERE `+where, args...).Scan(&n); err != nil {
			return 0, nil, internal("attention", err)
		}
		return n, nil, nil
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+group+`, count(*) FROM attention WHERE `+where+
		` GROUP BY `+group+` ORDER BY min(`+groupRank(f.Group)+`), `+group, args...)
	if err != nil {
		return 0, nil, internal("attention", err)
	}
	defer rows.Close()
	var n int
	var spans []data.AttentionSpan
	for rows.Next() {
		var sp data.AttentionSpan
		if err := rows.Scan(&sp.Value, &sp.Count); err != nil {
			return 0, nil, internal("attention", err)
		}
		n += sp.Count
		spans = append(spans, sp)
	}
	return n, spans, rows.Err()
}

// AttentionAt reads limit items from offset of those f selects at now, in
// the dashboard's order: the page of AttentionKeys and AttentionPage
// without reading every key first (on a server the first page of
// 1,000,000 items takes a pass over them, and no sort of them all).
func (db *DB) AttentionAt(ctx context.Context, f data.AttentionFilter, now time.Time, offset, limit int) ([]data.Attention, error) {
	if err := db.RefreshAttention(ctx, now); err != nil {
		return nil, err
	}
	today := data.DateOf(now)
	where, args := attentionWhere(db.sql.dialect, f, today)
	n := len(args)
	args = append(args, limit, offset)
	return db.attentionRows(ctx, today, where+orderBy(f)+` LIMIT ?`+strconv.Itoa(n+1)+` OFFSET ?`+strconv.Itoa(n+2), args...)
}

// AttentionPage reads the items of keys, in their order, as at now. An
// item worked out again since its key was read is the holder's item at that
// place now, or left out when there is none.
func (db *DB) AttentionPage(ctx context.Context, keys []data.AttentionKey, now time.Time) ([]data.Attention, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	// Typed for PostgreSQL, which takes a bare VALUES placeholder as text.
	values := strings.TrimSuffix(strings.Repeat("("+db.sql.dialect.integer("?")+","+db.sql.dialect.integer("?")+"),", len(keys)), ",")
	args := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		args = append(args, k.HolderID, k.N)
	}
	items, err := db.attentionRows(ctx, data.DateOf(now),
		`(holder_id, n) IN (VALUES `+values+`)`, args...)
	if err != nil {
		return nil, err
	}
	at := make(map[data.AttentionKey]data.Attention, len(items))
	for _, it := range items {
		at[it.Ref()] = it
	}
	out := make([]data.Attention, 0, len(keys))
	for _, k := range keys {
		if it, ok := at[k]; ok {
			out = append(out, it)
		}
	}
	return out, nil
}

func (db *DB) attentionRows(ctx context.Context, today data.Date, where string, args ...any) ([]data.Attention, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT holder_id, n, cert_id, kind, due, key, args, name, org, region, level, mno
		FROM attention WHERE `+where, args...)
	if err != nil {
		return nil, internal("attention", err)
	}
	defer rows.Close()
	var out []data.Attention
	for rows.Next() {
		var it data.Attention
		var args string
		if err := rows.Scan(&it.HolderID, &it.N, &it.CertID, &it.Kind, &it.DueOn, &it.Key, &args, &it.Name, &it.Org, &it.Region, &it.Level, &it.MNo); err != nil {
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

// AttentionFigures are the dashboard's figures at now. The counts by due
// walk the index on due alone, in ranges.
func (db *DB) AttentionFigures(ctx context.Context, now time.Time) (data.AttentionFigures, error) {
	var f data.AttentionFigures
	if err := db.RefreshAttention(ctx, now); err != nil {
		return f, err
	}
	today := data.DateOf(now)
	var standing int
	err := db.sql.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM holders), (SELECT count(*) FROM certificates),
		(SELECT count(*) FROM attention), (SELECT count(*) FROM attention WHERE due < ?1),
		(SELECT count(*) FROM attention WHERE due >= ?1 AND due <= ?2), (SELECT count(*) FROM attention WHERE due IS NULL)`,
		today.String(), today.AddDays(data.MonthDays).String()).Scan(&f.Holders, &f.Certificates, &f.Items, &f.Overdue, &f.Month, &standing)
	if err != nil {
		return f, internal("attention", err)
	}
	f.Month += standing
	return f, nil
}
