-- +goose Up
-- What happened to each reminder (data.ReminderState), kept with the
-- records it is about: before, a preferences file kept which reminders were
-- "sent", so another computer or user opening this database was reminded
-- of nothing, or of everything again, and a notification that could not
-- be shown counted as sent. The key names the item and its window
-- (data.ReminderKey): no name, no ID number. Times are Unix milliseconds;
-- 0 is "not yet".
CREATE TABLE reminders (
    key           TEXT    PRIMARY KEY,
    shown_at      INTEGER NOT NULL DEFAULT 0, -- on screen in the window's reminder centre
    notified_at   INTEGER NOT NULL DEFAULT 0, -- a desktop notification was attempted
    dismissed_at  INTEGER NOT NULL DEFAULT 0,
    snoozed_until INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- +goose Down
DROP TABLE reminders;
