-- +goose Up
-- Annotations (加注) of certificates. Their state (generating, valid,
-- expired, withdrawn) is derived from these times and now, never stored.
CREATE TABLE annotations (
    id           INTEGER PRIMARY KEY,
    cert_id      INTEGER NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
    scene        TEXT    NOT NULL,
    days         INTEGER NOT NULL CHECK (days BETWEEN 1 AND 90),
    applied_at   TEXT    NOT NULL,
    completed_at TEXT,
    withdrawn_at TEXT,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);
CREATE INDEX annotations_cert ON annotations (cert_id, applied_at);

-- Seal keys: this installation's own Ed25519 key (with its private half,
-- made on first run) and the public keys of installations it trusts.
CREATE TABLE seal_keys (
    kid         TEXT    PRIMARY KEY,
    name        TEXT    NOT NULL,
    own         INTEGER NOT NULL DEFAULT 0 CHECK (own IN (0, 1)),
    public_key  BLOB    NOT NULL CHECK (length(public_key) = 32),
    private_key BLOB CHECK (private_key IS NULL OR length(private_key) = 64),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
-- At most one own key.
CREATE UNIQUE INDEX seal_keys_own ON seal_keys (own) WHERE own = 1;

-- +goose Down
DROP TABLE seal_keys;
DROP TABLE annotations;
