-- +goose Up
-- Registrations (登记) of certificates: first registration and renewals.
CREATE TABLE registrations (
    id         INTEGER PRIMARY KEY,
    cert_id    INTEGER NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('first', 'renewal')),
    status     TEXT    NOT NULL CHECK (status IN ('not_applied', 'pending', 'first_passed', 'first_failed',
                                                  'final_passed', 'final_failed', 'completed', 'issued')),
    applied_on TEXT,
    valid_from TEXT,
    region     TEXT    NOT NULL DEFAULT '',
    org        TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX registrations_cert ON registrations (cert_id, valid_from);

-- Continuing-education (继续教育) records of holders. The kinds are a table
-- in data/ (a locality may add its own), so no CHECK on kind here.
CREATE TABLE ce_records (
    id         INTEGER PRIMARY KEY,
    holder_id  INTEGER NOT NULL REFERENCES holders (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    provider   TEXT    NOT NULL DEFAULT '',
    date       TEXT    NOT NULL,
    hours      REAL    NOT NULL CHECK (hours > 0),
    review     TEXT    NOT NULL CHECK (review IN ('pending', 'approved', 'rejected')),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX ce_records_holder ON ce_records (holder_id, date);

-- Proof files of records: the files live in the proofs directory beside the
-- database, named by their SHA-256; here is what the user called them.
CREATE TABLE ce_proofs (
    id         INTEGER PRIMARY KEY,
    record_id  INTEGER NOT NULL REFERENCES ce_records (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    sha256     TEXT    NOT NULL CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX ce_proofs_record ON ce_proofs (record_id);

-- +goose Down
DROP TABLE ce_proofs;
DROP TABLE ce_records;
DROP TABLE registrations;
