-- +goose Up
-- What needs attention (the dashboard, `swcert due`, reminders, the
-- calendar), kept as a table so that reading it is a query rather than
-- working out every holder's rules again (seconds with 100,000 holders).
-- The items are those of data.AttentionByHolder; days left and "overdue"
-- are not stored, they follow from due and today.
CREATE TABLE attention (
    holder_id INTEGER NOT NULL,
    n         INTEGER NOT NULL, -- the item's place among its holder's
    cert_id   INTEGER NOT NULL,
    kind      TEXT    NOT NULL,
    due       TEXT,             -- NULL: standing, due on whatever day it is read
    key       TEXT    NOT NULL,
    args      TEXT    NOT NULL DEFAULT '',
    name      TEXT    NOT NULL,
    org       TEXT    NOT NULL,
    region    TEXT    NOT NULL,
    level     TEXT    NOT NULL,
    mno       TEXT    NOT NULL,
    -- What the dashboard's search looks in, lower-cased by Go as the query is.
    search    TEXT    NOT NULL,
    -- A holder's items are stored together: they are replaced together.
    PRIMARY KEY (holder_id, n)
) WITHOUT ROWID;
CREATE INDEX attention_due ON attention (due);

-- Until when each holder's items hold (Unix seconds; 0: work them out
-- again), and since when (the instant they were worked out at: a clock
-- set back before it makes them stale too). gen moves with every write,
-- so a computation that raced a write is not saved as fresh. The triggers
-- below mark a holder at every write to what its rules read, so no write
-- path can forget it.
CREATE TABLE attention_fresh (
    holder_id INTEGER PRIMARY KEY,
    until     INTEGER NOT NULL,
    since     INTEGER NOT NULL DEFAULT 0,
    gen       INTEGER NOT NULL
);
CREATE INDEX attention_fresh_until ON attention_fresh (until);
CREATE INDEX attention_fresh_since ON attention_fresh (since);
INSERT INTO attention_fresh (holder_id, until, gen) SELECT id, 0, 1 FROM holders;

-- +goose StatementBegin
CREATE TRIGGER holders_attention_insert AFTER INSERT ON holders BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (NEW.id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER holders_attention_update AFTER UPDATE OF name, org, region ON holders BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (NEW.id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER holders_attention_delete AFTER DELETE ON holders BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (OLD.id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER certificates_attention_insert AFTER INSERT ON certificates BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (NEW.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ce_records_attention_insert AFTER INSERT ON ce_records BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (NEW.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER annotations_attention_insert AFTER INSERT ON annotations BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder_id, 0, 1 FROM certificates WHERE id = NEW.cert_id
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER registrations_attention_insert AFTER INSERT ON registrations BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder_id, 0, 1 FROM certificates WHERE id = NEW.cert_id
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER paper_attention_insert AFTER INSERT ON paper BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder_id, 0, 1 FROM certificates WHERE id = NEW.cert_id
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER certificates_attention_update AFTER UPDATE ON certificates BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (OLD.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
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
CREATE TRIGGER annotations_attention_update AFTER UPDATE ON annotations BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder_id, 0, 1 FROM certificates WHERE id = OLD.cert_id
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder_id, 0, 1 FROM certificates WHERE id = NEW.cert_id
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER registrations_attention_update AFTER UPDATE ON registrations BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder_id, 0, 1 FROM certificates WHERE id = OLD.cert_id
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder_id, 0, 1 FROM certificates WHERE id = NEW.cert_id
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER paper_attention_update AFTER UPDATE ON paper BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder_id, 0, 1 FROM certificates WHERE id = OLD.cert_id
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder_id, 0, 1 FROM certificates WHERE id = NEW.cert_id
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER certificates_attention_delete AFTER DELETE ON certificates BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (OLD.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ce_records_attention_delete AFTER DELETE ON ce_records BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) VALUES (OLD.holder_id, 0, 1)
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER annotations_attention_delete AFTER DELETE ON annotations BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder_id, 0, 1 FROM certificates WHERE id = OLD.cert_id
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER registrations_attention_delete AFTER DELETE ON registrations BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder_id, 0, 1 FROM certificates WHERE id = OLD.cert_id
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER paper_attention_delete AFTER DELETE ON paper BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder_id, 0, 1 FROM certificates WHERE id = OLD.cert_id
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = gen + 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER holders_attention_insert;
DROP TRIGGER holders_attention_update;
DROP TRIGGER holders_attention_delete;
DROP TRIGGER certificates_attention_insert;
DROP TRIGGER ce_records_attention_insert;
DROP TRIGGER annotations_attention_insert;
DROP TRIGGER registrations_attention_insert;
DROP TRIGGER paper_attention_insert;
DROP TRIGGER certificates_attention_update;
DROP TRIGGER ce_records_attention_update;
DROP TRIGGER annotations_attention_update;
DROP TRIGGER registrations_attention_update;
DROP TRIGGER paper_attention_update;
DROP TRIGGER certificates_attention_delete;
DROP TRIGGER ce_records_attention_delete;
DROP TRIGGER annotations_attention_delete;
DROP TRIGGER registrations_attention_delete;
DROP TRIGGER paper_attention_delete;
DROP TABLE attention_fresh;
DROP TABLE attention;
