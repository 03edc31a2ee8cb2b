package store

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
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

// wholeSnapshotAbove: with more holders to work out than this, reading
// every table for a span of IDs is quicker than reading them a few
// hundred at a time (staleChunk); spanHolders are read, worked out and
// saved before the next span: a whole read of 1,000,000 holders' tables
// and their items took gigabytes. Variables for the tests.
var (
	wholeSnapshotAbove = 20000
	staleChunk         = 500
	spanHolders        = 25000
)

// never is the until of a holder whose items cannot change by themselves.
const never = math.MaxInt64

// followRules marks every holder to be worked out again when the items kept
// were made by other rules than data.AttentionRules. The version is kept in
// a SQLite file's user_version, which goose leaves alone, and in the
// store_meta table of a server.
func followRules(ctx context.Context, db handle) error {
	var v int
	read, write := rulesVersionSQL(db.dialect, data.AttentionRules)
	if err := db.QueryRowContext(ctx, read).Scan(&v); err != nil {
		return fmt.Errorf("rules version: %w", err)
	}
	if v == data.AttentionRules {
		return nil
	}
	if _, err := db.ExecContext(ctx, `UPDATE attention_fresh SET until = 0, gen = gen + 1`); err != nil {
		return fmt.Errorf("rules version: %w", err)
	}
	_, err := db.ExecContext(ctx, write)
	return err
}

// rulesVersionSQL reads the rules version, and writes v as it.
func rulesVersionSQL(d dialect, v int) (read, write string) {
	if d == postgresSQL {
		return `SELECT coalesce((SELECT value::bigint FROM store_meta WHERE key = 'attention_rules'), 0)`,
			fmt.Sprintf(`INSERT INTO store_meta (key, value) VALUES ('attention_rules', '%d')
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, v)
	}
	return `PRAGMA user_version`, fmt.Sprintf(`PRAGMA user_version = %d`, v)
}

// RefreshAttention works out again the holders whose items may have
// changed since they were last worked out: written to since, or a date
// their rules turn on has come (or the clock was set back before when
// they were worked out). It is quick when there are none (a day
// brings a few hundred in 100,000); after a demo or a first open it is
// the whole computation, once.
func (db *DB) RefreshAttention(ctx context.Context, now time.Time) error {
	stale, err := db.staleHolders(ctx, now)
	if err != nil || len(stale) == 0 {
		return err
	}
	// In order, so a part's rows lie close together in the file.
	ids := slices.Sorted(maps.Keys(stale))
	if len(ids) <= wholeSnapshotAbove {
		var results []data.HolderAttention
		present := map[int64]bool{}
		for start := 0; start < len(ids); start += staleChunk {
			s, err := db.snapshot(ctx, ids[start:min(start+staleChunk, len(ids))])
			if err != nil {
				return err
			}
			more, there := workOut(s, stale, now)
			results = append(results, more...)
			maps.Copy(present, there)
		}
		return db.saveAttention(ctx, now, results, stale, present, nil)
	}
	// Many: each table read whole for a span of IDs at a time, and what
	// was worked out saved before the next is read (1,000,000 holders'
	// tables and items would take gigabytes at once).
	for start := 0; start < len(ids); start += spanHolders {
		part := ids[start:min(start+spanHolders, len(ids))]
		span := &idSpan{part[0], part[len(part)-1]}
		s, err := db.snapshotSpan(ctx, span.lo, span.hi)
		if err != nil {
			return err
		}
		results, present := workOut(s, stale, now)
		gens := make(map[int64]int64, len(part))
		for _, id := range part {
			gens[id] = stale[id]
		}
		if err := db.saveAttention(ctx, now, results, gens, present, span); err != nil {
			return err
		}
	}
	return nil
}

// idSpan is the holders with IDs from lo to hi.
type idSpan struct{ lo, hi int64 }

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
	rows, err := db.sql.QueryContext(ctx, `SELECT holder_id, gen FROM attention_fresh WHERE until <= ?1 OR since > ?1`, now.Unix())
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
// it is worked out at the next read, from what was written. With a span,
// gens are of holders within it, and the rows of the span are replaced
// in one statement when gens are all of its holders.
func (db *DB) saveAttention(ctx context.Context, now time.Time, results []data.HolderAttention, gens map[int64]int64, present map[int64]bool, span *idSpan) error {
	// In the order of the table's key, so pages fill one after another.
	slices.SortFunc(results, func(a, b data.HolderAttention) int { return cmp.Compare(a.HolderID, b.HolderID) })
	return db.tx(ctx, func(tx *txn) error {
		// When every holder is worked out again, their rows go in one
		// statement rather than one a holder (1.2 s of 7 with 100,000).
		var holders int
		inSpan := ""
		if span != nil {
			inSpan = fmt.Sprintf(" WHERE holder_id BETWEEN %d AND %d", span.lo, span.hi)
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM attention_fresh`+inSpan).Scan(&holders); err != nil {
			return internal("attention", err)
		}
		wipe := holders == len(gens)
		if wipe {
			if _, err := tx.ExecContext(ctx, `DELETE FROM attention`+inSpan); err != nil {
				return internal("attention", err)
			}
		}
		rows := attentionRows{batch: 1}
		if db.sql.dialect == postgresSQL {
			rows.batch = attentionBatch
		}
		for _, r := range results {
			until := int64(never)
			if !r.Until.IsZero() {
				until = r.Until.Unix()
			}
			res, err := tx.ExecContext(ctx, `UPDATE attention_fresh SET until = ?, since = ? WHERE holder_id = ? AND gen = ?`,
				until, now.Unix(), r.HolderID, gens[r.HolderID])
			if err != nil {
				return internal("attention", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				continue
			}
			if !wipe {
				if _, err := tx.ExecContext(ctx, `DELETE FROM attention WHERE holder_id = ?`, r.HolderID); err != nil {
					return internal("attention", err)
				}
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
				if err := rows.add(ctx, tx, it.HolderID, n, it.CertID, string(it.Kind), due, it.Key, args,
					it.Name, it.Org, it.Region, string(it.Level), it.MNo, search); err != nil {
					return err
				}
			}
		}
		if err := rows.flush(ctx, tx); err != nil {
			return err
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

// attentionBatch is how many items go to the server in one INSERT: one
// statement a row is a round trip a row, and working out 100,000 demo
// holders wrote 185,000 of them (47 s on the server). A file takes them
// one at a time, with no trip to make.
const attentionBatch = 500

// attentionRows gathers the rows of attention to insert, batch at a time.
type attentionRows struct {
	batch int
	n     int
	args  []any
}

const attentionColumns = 13

func (a *attentionRows) add(ctx context.Context, tx *txn, values ...any) error {
	a.args = append(a.args, values...)
	if a.n++; a.n >= a.batch {
		return a.flush(ctx, tx)
	}
	return nil
}

func (a *attentionRows) flush(ctx context.Context, tx *txn) error {
	if a.n == 0 {
		return nil
	}
	row := "(?" + strings.Repeat(",?", attentionColumns-1) + ")"
	q := `INSERT INTO attention (holder_id, n, cert_id, kind, due, key, args,
		name, org, region, level, mno, search) VALUES ` + row + strings.Repeat(","+row, a.n-1)
	if _, err := tx.ExecContext(ctx, q, a.args...); err != nil {
		return internal("attention", err)
	}
	a.n, a.args = 0, a.args[:0]
	return nil
}
