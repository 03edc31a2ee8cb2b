-- +goose Up
-- The other records a person edits and saves carry a version too (#18, as
-- 00016 gave holders, certificates, profiles, registrations and CE
-- records): paper certificates, mail forms, work history entries,
-- honours, projects, service records and agency changes. Every save moves
-- the version; a save based on an older one is refused, naming who
-- changed the record (updated_by) and when (updated_at, which each of
-- these tables has since it was made).
ALTER TABLE paper ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE paper ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_forms ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE mail_forms ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE work_history ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE work_history ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE honours ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE honours ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE projects ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE service_records ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE service_records ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE transfers ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE transfers ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE transfers DROP COLUMN updated_by;
ALTER TABLE transfers DROP COLUMN version;
ALTER TABLE service_records DROP COLUMN updated_by;
ALTER TABLE service_records DROP COLUMN version;
ALTER TABLE projects DROP COLUMN updated_by;
ALTER TABLE projects DROP COLUMN version;
ALTER TABLE honours DROP COLUMN updated_by;
ALTER TABLE honours DROP COLUMN version;
ALTER TABLE work_history DROP COLUMN updated_by;
ALTER TABLE work_history DROP COLUMN version;
ALTER TABLE mail_forms DROP COLUMN updated_by;
ALTER TABLE mail_forms DROP COLUMN version;
ALTER TABLE paper DROP COLUMN updated_by;
ALTER TABLE paper DROP COLUMN version;
