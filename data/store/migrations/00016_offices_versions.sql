-- +goose Up
-- The agency edition (#18): a holder belongs to an office of the agency
-- (row-level security keeps an office's staff to its own holders on a
-- server; a file has one office, ''), and holders, certificates,
-- personal information (profiles), registrations and CE records carry
-- a version that every save moves: a save based on an older version is
-- refused, naming who changed the record (updated_by) and when
-- (updated_at), instead of overwriting their change.
ALTER TABLE holders ADD COLUMN office TEXT NOT NULL DEFAULT '';
ALTER TABLE holders ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE holders ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE certificates ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE profiles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE profiles ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE registrations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE registrations ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE ce_records ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE ce_records ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
CREATE INDEX holders_office ON holders (office);

-- +goose Down
DROP INDEX holders_office;
ALTER TABLE ce_records DROP COLUMN updated_by;
ALTER TABLE ce_records DROP COLUMN version;
ALTER TABLE registrations DROP COLUMN updated_by;
ALTER TABLE registrations DROP COLUMN version;
ALTER TABLE profiles DROP COLUMN updated_by;
ALTER TABLE profiles DROP COLUMN version;
ALTER TABLE certificates DROP COLUMN updated_by;
ALTER TABLE certificates DROP COLUMN version;
ALTER TABLE holders DROP COLUMN updated_by;
ALTER TABLE holders DROP COLUMN version;
ALTER TABLE holders DROP COLUMN office;
