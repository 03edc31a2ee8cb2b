package store

import (
	"context"
	"strings"
	"time"

	"github.com/swcert/swcert/data"
)

// ReminderStates loads what happened to the reminders of keys; a key with
// no row is a reminder nothing happened to yet (absent from the map).
func (db *DB) ReminderStates(ctx context.Context, keys []string) (map[string]data.ReminderState, error) {
	out := make(map[string]data.ReminderState, len(keys))
	const batch = 500 // SQLite's bound on variables is far above; a roster's keys come in thousands
	for len(keys) > 0 {
		n := min(batch, len(keys))
		part := keys[:n]
		keys = keys[n:]
		args := make([]any, len(part))
		for i, k := range part {
			args[i] = k
		}
		rows, err := db.sql.QueryContext(ctx, `SELECT key, shown_at, notified_at, dismissed_at, snoozed_until FROM reminders
			WHERE key IN (?`+strings.Repeat(", ?", n-1)+`)`, args...)
		if err != nil {
			return nil, internal("load reminders", err)
		}
		for rows.Next() {
			var st data.ReminderState
			var shown, notified, dismissed, snoozed int64
			if err := rows.Scan(&st.Key, &shown, &notified, &dismissed, &snoozed); err != nil {
				rows.Close()
				return nil, internal("load reminders", err)
			}
			st.ShownAt, st.NotifiedAt, st.DismissedAt, st.SnoozedUntil = millis(shown), millis(notified), millis(dismissed), millis(snoozed)
			out[st.Key] = st
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, internal("load reminders", err)
		}
	}
	return out, nil
}

// MarkRemindersShown records that the reminders were on screen in the
// window's reminder centre, now; a reminder shown before keeps its time.
func (db *DB) MarkRemindersShown(ctx context.Context, keys []string) error {
	return db.markReminders(ctx, keys, "shown_at", db.now())
}

// MarkRemindersNotified records that a desktop notification was attempted
// for the reminders (it does not make them shown: see data.ReminderState).
func (db *DB) MarkRemindersNotified(ctx context.Context, keys []string) error {
	return db.markReminders(ctx, keys, "notified_at", db.now())
}

// DismissReminder records that the person knows of the reminder: it is not
// shown again.
func (db *DB) DismissReminder(ctx context.Context, key string) error {
	return db.setReminder(ctx, key, "dismissed_at", db.now())
}

// SnoozeReminder hides the reminder until the time given.
func (db *DB) SnoozeReminder(ctx context.Context, key string, until time.Time) error {
	return db.setReminder(ctx, key, "snoozed_until", until)
}

// markReminders sets column to at where it is not set yet, for each key.
func (db *DB) markReminders(ctx context.Context, keys []string, column string, at time.Time) error {
	if len(keys) == 0 {
		return nil
	}
	return db.tx(ctx, func(tx *txn) error {
		for _, k := range keys {
			if err := validReminderKey(k); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO reminders (key, `+column+`) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET `+column+` = excluded.`+column+` WHERE reminders.`+column+` = 0`, k, at.UnixMilli()); err != nil {
				return internal("mark reminders", err)
			}
		}
		return nil
	})
}

// setReminder sets column to at for key, whatever it was.
func (db *DB) setReminder(ctx context.Context, key, column string, at time.Time) error {
	if err := validReminderKey(key); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *txn) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO reminders (key, `+column+`) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET `+column+` = excluded.`+column, key, at.UnixMilli()); err != nil {
			return internal("set reminder", err)
		}
		return nil
	})
}

// validReminderKey refuses what is no reminder key (data.ReminderKey makes
// them: short, printable).
func validReminderKey(k string) error {
	if k == "" || len(k) > 200 || !strings.Contains(k, "@") {
		return data.Invalid("reminder", "err.reminder.key")
	}
	return nil
}

// millis reads a stored Unix-milliseconds time; 0 is the zero time.
func millis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).In(data.Beijing)
}
