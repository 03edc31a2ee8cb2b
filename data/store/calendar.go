package store

import (
	"context"
	"crypto/sha256"
	"encoding/base64"

	"github.com/swcert/swcert/data"
)

// CalendarSequences records the events as exported now and numbers their
// revisions (data.CalendarService): each UID's day and text are kept, and
// SEQUENCE goes up by one when either changed since the last export.
func (db *DB) CalendarSequences(ctx context.Context, events []data.CalendarEvent) ([]int, error) {
	seqs := make([]int, len(events))
	if len(events) == 0 {
		return seqs, nil
	}
	err := db.tx(ctx, func(tx *txn) error {
		type saved struct {
			day, hash string
			seq       int
		}
		// All of them at once: a calendar of every deadline is most of
		// the table, and one query reads it faster than one a row.
		known := map[string]saved{}
		rows, err := tx.QueryContext(ctx, `SELECT uid, day, text_hash, sequence FROM calendar_events`)
		if err != nil {
			return internal("read calendar events", err)
		}
		for rows.Next() {
			var uid string
			var s saved
			if err := rows.Scan(&uid, &s.day, &s.hash, &s.seq); err != nil {
				rows.Close()
				return internal("read calendar events", err)
			}
			known[uid] = s
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return internal("read calendar events", err)
		}
		_, ts := db.stamp()
		for i, e := range events {
			sum := sha256.Sum256([]byte(e.Text))
			day, hash := e.Day.String(), base64.RawStdEncoding.EncodeToString(sum[:12])
			s, ok := known[e.UID]
			switch {
			case ok && s.day == day && s.hash == hash:
				seqs[i] = s.seq
				continue
			case ok:
				seqs[i] = s.seq + 1
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO calendar_events (uid, day, text_hash, sequence, updated_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (uid) DO UPDATE SET day = excluded.day, text_hash = excluded.text_hash, sequence = excluded.sequence, updated_at = excluded.updated_at`,
				e.UID, day, hash, seqs[i], ts); err != nil {
				return internal("save calendar event", err)
			}
			known[e.UID] = saved{day, hash, seqs[i]}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return seqs, nil
}
