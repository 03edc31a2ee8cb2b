-- +goose Up
-- CE hours are kept as whole tenths of an hour (DOMAIN.md, Decision): an
-- INTEGER column, so sums are exact. The column is named tenths, not
-- hours, so that nothing (an older SWCert, a hand-written query) can take
-- 7.5 for 75 or write hours into it. A kind that needs no review (online
-- courses) records no review status: review is NULL for them.
--
-- SQLite changes a column's type only by rebuilding the table, here inside
-- this migration's transaction with foreign keys on. DROP TABLE then does
-- an implicit DELETE, whose ON DELETE CASCADE would empty ce_proofs: so
-- both tables are rebuilt, the new ce_proofs referring to the new
-- ce_records, and the old child is dropped before the old parent. The
-- indexes and the attention triggers of 00005 went with the old tables
-- and are made again exactly.
CREATE TABLE ce_records_new (
    id         INTEGER PRIMARY KEY,
    holder_id  INTEGER NOT NULL REFERENCES holders (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    provider   TEXT    NOT NULL DEFAULT '',
    date       TEXT    NOT NULL,
    tenths     INTEGER NOT NULL CHECK (typeof(tenths) = 'integer' AND tenths > 0),
    review     TEXT    CHECK (review IN ('pending', 'approved', 'rejected')),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
-- The first version rounded hours to tenths before storing them, so
-- round(hours * 10) is the tenth the person typed (7.8 is stored as
-- 7.7999999999999998 and becomes 78). Online courses counted whatever
-- their stored review said, so dropping it changes no count.
INSERT INTO ce_records_new (id, holder_id, kind, title, provider, date, tenths, review, created_at, updated_at)
    SELECT id, holder_id, kind, title, provider, date, CAST(round(hours * 10) AS INTEGER),
           CASE WHEN kind = 'online' THEN NULL ELSE review END, created_at, updated_at
    FROM ce_records;

CREATE TABLE ce_proofs_new (
    id         INTEGER PRIMARY KEY,
    record_id  INTEGER NOT NULL REFERENCES ce_records_new (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    sha256     TEXT    NOT NULL CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
INSERT INTO ce_proofs_new (id, record_id, name, sha256, size, type, created_at)
    SELECT id, record_id, name, sha256, size, type, created_at FROM ce_proofs;

DROP TABLE ce_proofs;
DROP TABLE ce_records;
-- Renaming also renames the reference of ce_proofs_new.
ALTER TABLE ce_records_new RENAME TO ce_records;
ALTER TABLE ce_proofs_new RENAME TO ce_proofs;
CREATE INDEX ce_records_holder ON ce_records (holder_id, date);
CREATE INDEX ce_proofs_record ON ce_proofs (record_id);
-- A file is removed when no proof refers to its hash any more.
CREATE INDEX ce_proofs_sha256 ON ce_proofs (sha256);

-- The hashes whose last reference may have gone (a record deleted or
-- changed, a holder deleted with their records): the store removes their
-- files once the delete is committed, under the write lock, and whatever
-- is left here (a crash in between) at the next start.
CREATE TABLE proof_drops (
    sha256 TEXT PRIMARY KEY
) WITHOUT ROWID;
-- +goose StatementBegin
CREATE TRIGGER ce_proofs_drop AFTER DELETE ON ce_proofs BEGIN
    INSERT OR IGNORE INTO proof_drops (sha256) VALUES (OLD.sha256);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER ce_records_attention_insert AFTER INSERT ON ce_records BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (NEW.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ce_records_attention_update AFTER UPDATE ON ce_records BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (OLD.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (NEW.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ce_records_attention_delete AFTER DELETE ON ce_records BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (OLD.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd

-- What the dashboard kept for holders with records was worked out from
-- floating-point sums ("missing 0.0 h"): work it out again.
UPDATE attention_fresh SET until = 0, gen = gen + 1 WHERE holder_id IN (SELECT holder_id FROM ce_records);

-- +goose Down
CREATE TABLE ce_records_old (
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
INSERT INTO ce_records_old (id, holder_id, kind, title, provider, date, hours, review, created_at, updated_at)
    SELECT id, holder_id, kind, title, provider, date, tenths / 10.0, coalesce(review, 'approved'), created_at, updated_at
    FROM ce_records;
CREATE TABLE ce_proofs_old (
    id         INTEGER PRIMARY KEY,
    record_id  INTEGER NOT NULL REFERENCES ce_records_old (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    sha256     TEXT    NOT NULL CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
INSERT INTO ce_proofs_old (id, record_id, name, sha256, size, type, created_at)
    SELECT id, record_id, name, sha256, size, type, created_at FROM ce_proofs;
DROP TABLE proof_drops;
DROP TABLE ce_proofs;
DROP TABLE ce_records;
ALTER TABLE ce_records_old RENAME TO ce_records;
ALTER TABLE ce_proofs_old RENAME TO ce_proofs;
CREATE INDEX ce_records_holder ON ce_records (holder_id, date);
CREATE INDEX ce_proofs_record ON ce_proofs (record_id);
-- +goose StatementBegin
CREATE TRIGGER ce_records_attention_insert AFTER INSERT ON ce_records BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (NEW.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ce_records_attention_update AFTER UPDATE ON ce_records BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (OLD.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (NEW.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ce_records_attention_delete AFTER DELETE ON ce_records BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (OLD.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
UPDATE attention_fresh SET until = 0, gen = gen + 1 WHERE holder_id IN (SELECT holder_id FROM ce_records);
