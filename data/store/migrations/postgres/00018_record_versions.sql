-- +goose Up
-- ../00018_record_versions.sql: the version and the last saver of paper
-- certificates, mail forms, work history entries, honours, projects,
-- service records and agency changes, as 00016 gave the other records.
ALTER TABLE paper ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE paper ADD COLUMN updated_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE mail_forms ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE mail_forms ADD COLUMN updated_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE work_history ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE work_history ADD COLUMN updated_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE honours ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE honours ADD COLUMN updated_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE projects ADD COLUMN updated_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE service_records ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE service_records ADD COLUMN updated_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE transfers ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE transfers ADD COLUMN updated_by text COLLATE "C" NOT NULL DEFAULT '';

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
