-- +goose Up
-- The personal information form (个人信息), agency changes (机构变更) and
-- service records (服务记录) of DOMAIN.md. Dates are YYYY-MM-DD text (NULL:
-- none); timestamps UTC RFC 3339 text from the store's clock; hours whole
-- tenths. Nothing here is sealed while the database is encrypted except
-- the files (the photo and the proofs go to the folder of proof files,
-- which seals them); the base fields here are no ID or phone number.

-- What the form asks beyond the holder: one row a holder, saved even when
-- incomplete ('' or NULL: not given). The date of birth is only kept for
-- ID types that do not encode it; first_reg_kind says which day
-- first_reg_on is (data.FirstRegistration).
CREATE TABLE profiles (
    holder_id      INTEGER PRIMARY KEY REFERENCES holders (id) ON DELETE CASCADE,
    sex            TEXT    NOT NULL DEFAULT '' CHECK (sex IN ('', 'male', 'female')),
    birth_date     TEXT,
    ethnicity      TEXT    NOT NULL DEFAULT '',
    education      TEXT    NOT NULL DEFAULT '' CHECK (education IN ('', 'high_school', 'college', 'bachelor', 'master', 'doctorate')),
    major          TEXT    NOT NULL DEFAULT '',
    first_reg_on   TEXT,
    first_reg_kind TEXT    NOT NULL DEFAULT '' CHECK (first_reg_kind IN ('', 'certificate', 'form')),
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);

-- The ID photo of a holder: the file is kept in the folder of proof files
-- under its SHA-256, like every proof.
CREATE TABLE photos (
    holder_id  INTEGER PRIMARY KEY REFERENCES holders (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    sha256     TEXT    NOT NULL CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL CHECK (size BETWEEN 1 AND 512000),
    type       TEXT    NOT NULL CHECK (type IN ('image/jpeg', 'image/png')),
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX photos_sha256 ON photos (sha256);

-- Agency changes. One under review at most per holder (the Decision,
-- checked by the store with its message; the index makes sure). A change
-- within the region has to_region ''.
CREATE TABLE transfers (
    id          INTEGER PRIMARY KEY,
    holder_id   INTEGER NOT NULL REFERENCES holders (id) ON DELETE CASCADE,
    applied_on  TEXT    NOT NULL,
    from_org    TEXT    NOT NULL DEFAULT '',
    to_org      TEXT    NOT NULL CHECK (length(trim(to_org)) > 0),
    from_region TEXT    NOT NULL DEFAULT '',
    to_region   TEXT    NOT NULL DEFAULT '',
    position    TEXT    NOT NULL DEFAULT '',
    status      TEXT    NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_on  TEXT    CHECK ((status = 'pending') = (decided_on IS NULL)),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX transfers_holder ON transfers (holder_id, applied_on);
CREATE UNIQUE INDEX transfers_pending ON transfers (holder_id) WHERE status = 'pending';

-- The work history. end_on NULL: current. transfer_id: the agency change
-- whose passing made the entry.
CREATE TABLE work_history (
    id          INTEGER PRIMARY KEY,
    holder_id   INTEGER NOT NULL REFERENCES holders (id) ON DELETE CASCADE,
    org         TEXT    NOT NULL CHECK (length(trim(org)) > 0),
    position    TEXT    NOT NULL DEFAULT '',
    start_on    TEXT    NOT NULL,
    end_on      TEXT    CHECK (end_on IS NULL OR end_on >= start_on),
    programme   TEXT    NOT NULL DEFAULT '' CHECK (programme IN ('', 'sanqu', 'qianshou')),
    transfer_id INTEGER REFERENCES transfers (id) ON DELETE SET NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX work_history_holder ON work_history (holder_id, start_on);
CREATE INDEX work_history_org ON work_history (org);
CREATE INDEX work_history_transfer ON work_history (transfer_id) WHERE transfer_id IS NOT NULL;
-- At most one current entry per holder.
CREATE UNIQUE INDEX work_history_current ON work_history (holder_id) WHERE end_on IS NULL;

CREATE TABLE work_proofs (
    id         INTEGER PRIMARY KEY,
    work_id    INTEGER NOT NULL REFERENCES work_history (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    sha256     TEXT    NOT NULL CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX work_proofs_work ON work_proofs (work_id);
CREATE INDEX work_proofs_sha256 ON work_proofs (sha256);

CREATE TABLE honours (
    id         INTEGER PRIMARY KEY,
    holder_id  INTEGER NOT NULL REFERENCES holders (id) ON DELETE CASCADE,
    title      TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    date       TEXT    NOT NULL,
    level      TEXT    NOT NULL CHECK (level IN ('village', 'street', 'district', 'city', 'province', 'ministerial')),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX honours_holder ON honours (holder_id, date);

-- An honour's optional proof: one at most.
CREATE TABLE honour_proofs (
    honour_id  INTEGER PRIMARY KEY REFERENCES honours (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    sha256     TEXT    NOT NULL CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX honour_proofs_sha256 ON honour_proofs (sha256);

-- Projects an agency registers, their participants and each participant's
-- service records. A record refers to its participant row, so only a
-- participant has records (the store refuses removing one who has).
CREATE TABLE projects (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    org        TEXT    NOT NULL CHECK (length(trim(org)) > 0),
    start_on   TEXT    NOT NULL,
    end_on     TEXT    CHECK (end_on IS NULL OR end_on >= start_on),
    programme  TEXT    NOT NULL DEFAULT '' CHECK (programme IN ('', 'sanqu', 'qianshou')),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX projects_start ON projects (start_on, id);
CREATE INDEX projects_org ON projects (org);

CREATE TABLE participants (
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    holder_id  INTEGER NOT NULL REFERENCES holders (id) ON DELETE CASCADE,
    joined_at  TEXT    NOT NULL,
    PRIMARY KEY (project_id, holder_id)
) WITHOUT ROWID;
CREATE INDEX participants_holder ON participants (holder_id, project_id);

CREATE TABLE service_records (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL,
    holder_id  INTEGER NOT NULL,
    date       TEXT    NOT NULL,
    content    TEXT    NOT NULL CHECK (length(trim(content)) > 0),
    tenths     INTEGER NOT NULL CHECK (tenths BETWEEN 1 AND 240),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    FOREIGN KEY (project_id, holder_id) REFERENCES participants (project_id, holder_id) ON DELETE CASCADE
);
CREATE INDEX service_records_project ON service_records (project_id, holder_id, date);
-- The 24 hours a day per holder, across all projects.
CREATE INDEX service_records_holder ON service_records (holder_id, date);

-- Every file a record refers to, whichever record: the CE proofs, the
-- photos, the work history's and the honours' proofs. A file is kept
-- while any refers to it; backup and restore carry them all.
CREATE VIEW proof_refs (sha256, type) AS
    SELECT sha256, type FROM ce_proofs
    UNION ALL SELECT sha256, type FROM photos
    UNION ALL SELECT sha256, type FROM work_proofs
    UNION ALL SELECT sha256, type FROM honour_proofs;

-- +goose StatementBegin
CREATE TRIGGER photos_drop AFTER DELETE ON photos BEGIN
    INSERT OR IGNORE INTO proof_drops (sha256) VALUES (OLD.sha256);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER work_proofs_drop AFTER DELETE ON work_proofs BEGIN
    INSERT OR IGNORE INTO proof_drops (sha256) VALUES (OLD.sha256);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER honour_proofs_drop AFTER DELETE ON honour_proofs BEGIN
    INSERT OR IGNORE INTO proof_drops (sha256) VALUES (OLD.sha256);
END;
-- +goose StatementEnd

-- The registration due says "dossier incomplete" (data.DossierMissing):
-- a write to what completeness reads works the holder's items out again,
-- as 00005's triggers do for the rest.
-- +goose StatementBegin
CREATE TRIGGER holders_attention_dossier AFTER UPDATE OF phone ON holders BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (NEW.id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER profiles_attention_insert AFTER INSERT ON profiles BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (NEW.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER profiles_attention_update AFTER UPDATE ON profiles BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (NEW.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER profiles_attention_delete AFTER DELETE ON profiles BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (OLD.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER photos_attention_insert AFTER INSERT ON photos BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (NEW.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER photos_attention_delete AFTER DELETE ON photos BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (OLD.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER work_history_attention_insert AFTER INSERT ON work_history BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (NEW.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER work_history_attention_update AFTER UPDATE OF programme, holder_id ON work_history BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (OLD.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (NEW.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER work_history_attention_delete AFTER DELETE ON work_history BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (OLD.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER work_proofs_attention_insert AFTER INSERT ON work_proofs BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder_id, 0, 1 FROM work_history WHERE id = NEW.work_id
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER work_proofs_attention_delete AFTER DELETE ON work_proofs BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder_id, 0, 1 FROM work_history WHERE id = OLD.work_id
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER work_proofs_attention_delete;
DROP TRIGGER work_proofs_attention_insert;
DROP TRIGGER work_history_attention_delete;
DROP TRIGGER work_history_attention_update;
DROP TRIGGER work_history_attention_insert;
DROP TRIGGER photos_attention_delete;
DROP TRIGGER photos_attention_insert;
DROP TRIGGER profiles_attention_delete;
DROP TRIGGER profiles_attention_update;
DROP TRIGGER profiles_attention_insert;
DROP TRIGGER holders_attention_dossier;
DROP TRIGGER honour_proofs_drop;
DROP TRIGGER work_proofs_drop;
DROP TRIGGER photos_drop;
DROP VIEW proof_refs;
DROP TABLE service_records;
DROP TABLE participants;
DROP TABLE projects;
DROP TABLE honour_proofs;
DROP TABLE honours;
DROP TABLE work_proofs;
DROP TABLE work_history;
DROP TABLE transfers;
DROP TABLE photos;
DROP TABLE profiles;
