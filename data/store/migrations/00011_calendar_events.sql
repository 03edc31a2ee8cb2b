-- +goose Up
-- The calendar events exported (data.CalendarService): each UID's day and
-- text as last exported, and its SEQUENCE, so that an event whose day or
-- text changed is exported as a revision (SEQUENCE one more) and one that
-- did not keeps its number. Nothing else reads it; losing it only restarts
-- the numbering.
CREATE TABLE calendar_events (
    uid        TEXT    PRIMARY KEY,
    day        TEXT    NOT NULL,
    text_hash  TEXT    NOT NULL,
    sequence   INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    updated_at TEXT    NOT NULL
);

-- +goose Down
DROP TABLE calendar_events;
