-- +goose Up
-- Holders and their certificates. Timestamps are UTC RFC 3339 text written by
-- the store from its clock (so --now governs them too). ID numbers and
-- management numbers are unique: the same person or certificate is never
-- entered twice.
CREATE TABLE holders (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    id_type    TEXT    NOT NULL CHECK (id_type IN ('resident', 'permit', 'passport', 'other')),
    id_number  TEXT    NOT NULL UNIQUE,
    phone      TEXT    NOT NULL DEFAULT '',
    org        TEXT    NOT NULL DEFAULT '',
    region     TEXT    NOT NULL DEFAULT '',
    demo       INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    -- What the list search looks in, lower-cased: name, ID number, employer
    -- and the management numbers of the holder's certificates. Kept by the
    -- triggers below, so no write path can forget it.
    search     TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
-- Lists are ordered by name, then id; this index serves both the order and
-- name-prefix searches.
CREATE INDEX holders_name ON holders (name, id);
CREATE INDEX holders_org ON holders (org);

CREATE TABLE certificates (
    id         INTEGER PRIMARY KEY,
    holder_id  INTEGER NOT NULL REFERENCES holders (id) ON DELETE CASCADE,
    level      TEXT    NOT NULL CHECK (level IN ('assistant', 'social_worker', 'senior')),
    mno        TEXT    NOT NULL UNIQUE CHECK (length(mno) BETWEEN 4 AND 32),
    exam_year  INTEGER NOT NULL CHECK (exam_year >= 2008),
    passed_on  TEXT    NOT NULL,
    issued_on  TEXT    NOT NULL CHECK (issued_on >= passed_on),
    issuer     TEXT    NOT NULL DEFAULT '',
    status     TEXT    NOT NULL CHECK (status IN ('valid', 'revoked')),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX certificates_holder ON certificates (holder_id, issued_on);

-- +goose StatementBegin
CREATE TRIGGER holders_search_insert AFTER INSERT ON holders BEGIN
    UPDATE holders SET search = lower(NEW.name || char(10) || NEW.id_number || char(10) || NEW.org)
    WHERE id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER holders_search_update AFTER UPDATE OF name, id_number, org ON holders BEGIN
    UPDATE holders SET search = lower(NEW.name || char(10) || NEW.id_number || char(10) || NEW.org ||
        coalesce((SELECT char(10) || group_concat(mno, ' ') FROM certificates WHERE holder_id = NEW.id), ''))
    WHERE id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER certificates_search_insert AFTER INSERT ON certificates BEGIN
    UPDATE holders SET search = search || ' ' || lower(NEW.mno) WHERE id = NEW.holder_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER certificates_search_update AFTER UPDATE OF mno, holder_id ON certificates BEGIN
    UPDATE holders SET search = lower(name || char(10) || id_number || char(10) || org ||
        coalesce((SELECT char(10) || group_concat(mno, ' ') FROM certificates WHERE holder_id = holders.id), ''))
    WHERE id IN (OLD.holder_id, NEW.holder_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER certificates_search_delete AFTER DELETE ON certificates BEGIN
    UPDATE holders SET search = lower(name || char(10) || id_number || char(10) || org ||
        coalesce((SELECT char(10) || group_concat(mno, ' ') FROM certificates WHERE holder_id = holders.id), ''))
    WHERE id = OLD.holder_id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TABLE certificates;
DROP TABLE holders;
