-- +goose Up
-- Encryption at rest (optional; `swcert encryption on`). When this table
-- has its row, ID numbers and phone numbers are stored sealed (BLOBs made
-- by data/crypt: AES-GCM under a data key, bound to their column and row),
-- and the data key is kept here wrapped under a key derived from the
-- passphrase (Argon2id with this salt and these costs). Nothing here is
-- secret without the passphrase. files_pending: proof files may still be
-- in the other form (a conversion was stopped); the store finishes it.
CREATE TABLE encryption (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    kdf           TEXT    NOT NULL CHECK (kdf = 'argon2id'),
    time          INTEGER NOT NULL,
    memory_kib    INTEGER NOT NULL,
    threads       INTEGER NOT NULL,
    salt          BLOB    NOT NULL,
    wrapped_key   BLOB    NOT NULL,
    kid           BLOB    NOT NULL CHECK (length(kid) = 8),
    files_pending INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);

-- Keyed hashes (HMAC-SHA256) of the ID and phone numbers of an encrypted
-- database: the duplicate check and the search by a full number use them.
-- NULL in a plain database, where id_number itself is unique.
ALTER TABLE holders ADD COLUMN id_hash BLOB;
ALTER TABLE holders ADD COLUMN phone_hash BLOB;
CREATE UNIQUE INDEX holders_id_hash ON holders (id_hash);

-- The search text holds the ID number only while it is plain: a sealed one
-- is found through id_hash, and its bytes must not match a search.
DROP TRIGGER holders_search_insert;
DROP TRIGGER holders_search_update;
DROP TRIGGER certificates_search_update;
DROP TRIGGER certificates_search_delete;
-- +goose StatementBegin
CREATE TRIGGER holders_search_insert AFTER INSERT ON holders BEGIN
    UPDATE holders SET search = lower(NEW.name || char(10) || iif(typeof(NEW.id_number) = 'blob', '', NEW.id_number) || char(10) || NEW.org)
    WHERE id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER holders_search_update AFTER UPDATE OF name, id_number, org ON holders BEGIN
    UPDATE holders SET search = lower(NEW.name || char(10) || iif(typeof(NEW.id_number) = 'blob', '', NEW.id_number) || char(10) || NEW.org ||
        coalesce((SELECT char(10) || group_concat(mno, ' ') FROM certificates WHERE holder_id = NEW.id), ''))
    WHERE id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER certificates_search_update AFTER UPDATE OF mno, holder_id ON certificates BEGIN
    UPDATE holders SET search = lower(name || char(10) || iif(typeof(id_number) = 'blob', '', id_number) || char(10) || org ||
        coalesce((SELECT char(10) || group_concat(mno, ' ') FROM certificates WHERE holder_id = holders.id), ''))
    WHERE id IN (OLD.holder_id, NEW.holder_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER certificates_search_delete AFTER DELETE ON certificates BEGIN
    UPDATE holders SET search = lower(name || char(10) || iif(typeof(id_number) = 'blob', '', id_number) || char(10) || org ||
        coalesce((SELECT char(10) || group_concat(mno, ' ') FROM certificates WHERE holder_id = holders.id), ''))
    WHERE id = OLD.holder_id;
END;
-- +goose StatementEnd

-- A value is written in the database's present form: sealed with its key
-- (its id at bytes 6-13 of the value) while encrypted, plain otherwise; an
-- empty phone stays empty. Another program that opened the file before
-- encryption was turned on or off (the window beside the command line)
-- still writes in the old form: refused here, so no value is ever left
-- plain in an encrypted file or sealed with a key that is gone.
-- +goose StatementBegin
CREATE TRIGGER holders_encryption_insert BEFORE INSERT ON holders
WHEN NOT (
    iif(typeof(NEW.id_number) = 'blob', substr(NEW.id_number, 6, 8) IS (SELECT kid FROM encryption), NOT EXISTS (SELECT 1 FROM encryption)) AND
    iif(typeof(NEW.phone) = 'blob', substr(NEW.phone, 6, 8) IS (SELECT kid FROM encryption), NEW.phone = '' OR NOT EXISTS (SELECT 1 FROM encryption)) AND
    (NEW.id_hash IS NULL) = NOT EXISTS (SELECT 1 FROM encryption))
BEGIN
    SELECT RAISE(ABORT, 'swcert: encryption changed');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER holders_encryption_update BEFORE UPDATE OF id_number, phone, id_hash ON holders
WHEN NOT (
    iif(typeof(NEW.id_number) = 'blob', substr(NEW.id_number, 6, 8) IS (SELECT kid FROM encryption), NOT EXISTS (SELECT 1 FROM encryption)) AND
    iif(typeof(NEW.phone) = 'blob', substr(NEW.phone, 6, 8) IS (SELECT kid FROM encryption), NEW.phone = '' OR NOT EXISTS (SELECT 1 FROM encryption)) AND
    (NEW.id_hash IS NULL) = NOT EXISTS (SELECT 1 FROM encryption))
BEGIN
    SELECT RAISE(ABORT, 'swcert: encryption changed');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER paper_encryption_insert BEFORE INSERT ON paper
WHEN NOT iif(typeof(NEW.proxy_id_number) = 'blob', substr(NEW.proxy_id_number, 6, 8) IS (SELECT kid FROM encryption),
    NEW.proxy_id_number = '' OR NOT EXISTS (SELECT 1 FROM encryption))
BEGIN
    SELECT RAISE(ABORT, 'swcert: encryption changed');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER paper_encryption_update BEFORE UPDATE OF proxy_id_number ON paper
WHEN NOT iif(typeof(NEW.proxy_id_number) = 'blob', substr(NEW.proxy_id_number, 6, 8) IS (SELECT kid FROM encryption),
    NEW.proxy_id_number = '' OR NOT EXISTS (SELECT 1 FROM encryption))
BEGIN
    SELECT RAISE(ABORT, 'swcert: encryption changed');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER mail_forms_encryption_insert BEFORE INSERT ON mail_forms
WHEN NOT iif(typeof(NEW.phone) = 'blob', substr(NEW.phone, 6, 8) IS (SELECT kid FROM encryption),
    NEW.phone = '' OR NOT EXISTS (SELECT 1 FROM encryption))
BEGIN
    SELECT RAISE(ABORT, 'swcert: encryption changed');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER mail_forms_encryption_update BEFORE UPDATE OF phone ON mail_forms
WHEN NOT iif(typeof(NEW.phone) = 'blob', substr(NEW.phone, 6, 8) IS (SELECT kid FROM encryption),
    NEW.phone = '' OR NOT EXISTS (SELECT 1 FROM encryption))
BEGIN
    SELECT RAISE(ABORT, 'swcert: encryption changed');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER mail_forms_encryption_update;
DROP TRIGGER mail_forms_encryption_insert;
DROP TRIGGER paper_encryption_update;
DROP TRIGGER paper_encryption_insert;
DROP TRIGGER holders_encryption_update;
DROP TRIGGER holders_encryption_insert;
DROP TRIGGER holders_search_insert;
DROP TRIGGER holders_search_update;
DROP TRIGGER certificates_search_update;
DROP TRIGGER certificates_search_delete;
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
DROP INDEX holders_id_hash;
ALTER TABLE holders DROP COLUMN phone_hash;
ALTER TABLE holders DROP COLUMN id_hash;
DROP TABLE encryption;
