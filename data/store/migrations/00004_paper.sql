-- +goose Up
-- How each certificate's paper copy is collected (one row a certificate):
-- the locality's window, the method, and where it stands.
CREATE TABLE paper (
    id              INTEGER PRIMARY KEY,
    cert_id         INTEGER NOT NULL UNIQUE REFERENCES certificates (id) ON DELETE CASCADE,
    method          TEXT    NOT NULL CHECK (method IN ('onsite', 'mail')),
    window_start    TEXT,
    window_end      TEXT,
    status          TEXT    NOT NULL CHECK (status IN ('not_collected', 'applied', 'under_review', 'shipped', 'collected')),
    place           TEXT    NOT NULL DEFAULT '',
    proxy_name      TEXT    NOT NULL DEFAULT '',
    proxy_id_number TEXT    NOT NULL DEFAULT '',
    sent_on         TEXT,
    sent_to         TEXT    NOT NULL DEFAULT '',
    courier         TEXT    NOT NULL DEFAULT '',
    tracking        TEXT    NOT NULL DEFAULT '',
    collected_on    TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

-- The mail application form (领取申请表) of a certificate.
CREATE TABLE mail_forms (
    cert_id    INTEGER PRIMARY KEY REFERENCES certificates (id) ON DELETE CASCADE,
    sex        TEXT    NOT NULL CHECK (sex IN ('male', 'female')),
    recipient  TEXT    NOT NULL,
    phone      TEXT    NOT NULL,
    province   TEXT    NOT NULL,
    city       TEXT    NOT NULL,
    district   TEXT    NOT NULL,
    address    TEXT    NOT NULL,
    postcode   TEXT    NOT NULL CHECK (length(postcode) = 6),
    fee        TEXT    NOT NULL CHECK (fee IN ('prepaid', 'on_delivery')),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);

-- +goose Down
DROP TABLE mail_forms;
DROP TABLE paper;
