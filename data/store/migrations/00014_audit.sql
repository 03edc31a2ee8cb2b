-- The audit log (#18): every write to a table of a person's records leaves
-- an entry saying who wrote, when, which row (and whose: the holder, where
-- one can be found), and the row before and after, as JSON of its columns
-- (derived columns left out: the search text, the keyed hashes; the seal
-- key's private half never). Each entry carries the hash of the one before
-- it, so an entry altered or removed behind the store's back breaks the
-- chain `swcert audit verify` walks (data.AuditHash).
--
-- On a file the triggers cannot know the OS user nor read the store's
-- clock: they leave who, at, prev and hash NULL, and the store seals the
-- entries in id order before the transaction commits (audit.go, sealAudit).
-- audit_head is the end of the sealed chain: the last entry's id and hash,
-- so that removing the newest entries is noticed too.
-- A sealed entry is not changed nor deleted through SQL (audit_sealed_*):
-- the owner of the file can drop those triggers, and the chain tells.
-- (A file has no secret: the chain shows an edit by hand or by another
-- program, not one by someone who computes every later hash again. The
-- server's log is out of its users' reach.)
-- ID and phone numbers are kept masked as data.MaskIDNumber and
-- data.MaskPhone show them (TestAuditMasksAsTheRules checks the SQL
-- against them), never in full: a deleted holder's numbers must leave no
-- trace in the file, and an encrypted database none in clear; a sealed
-- (encrypted) value is kept as sealed, 'sealed:' || hex.
--
-- Demo holders (holders.demo = 1: fake people, data.Holder.Demo) and
-- their records are not logged: a demo of 100,000 holders writes a
-- million rows, and logging them made `swcert demo --holders 100000` half
-- as slow again and the file three times as large, for entries about no
-- one. A holder made demo, or made real, is logged (the change of the
-- flag shows); the records deleted with a demo holder are logged (the
-- cascade finds the holder gone), as on the server.
-- +goose Up
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT,
    who        TEXT,
    table_name TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    holder_id  INTEGER,
    op         TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    before_row TEXT,
    after_row  TEXT,
    prev       TEXT,
    hash       TEXT
);
CREATE INDEX audit_holder ON audit (holder_id, id);
CREATE INDEX audit_who ON audit (who, id);
CREATE TABLE audit_head (
    chain   TEXT PRIMARY KEY,
    last_id INTEGER NOT NULL,
    hash    TEXT NOT NULL
);
INSERT INTO audit_head (chain, last_id, hash) VALUES ('audit', 0, '');
-- +goose StatementBegin
CREATE TRIGGER audit_sealed_update BEFORE UPDATE ON audit WHEN OLD.hash IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'swcert: audit entries are not changed');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_sealed_delete BEFORE DELETE ON audit WHEN OLD.hash IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'swcert: audit entries are not changed');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER holders_audit_insert AFTER INSERT ON holders WHEN NEW.demo = 0 BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('holders', NEW.id, NEW.id, 'insert', NULL, json_object('id', NEW.id, 'name', NEW.name, 'id_type', NEW.id_type, 'id_number', CASE WHEN typeof(NEW.id_number) = 'blob' THEN 'sealed:' || hex(NEW.id_number) ELSE CASE WHEN length(NEW.id_number) >= 15 THEN substr(NEW.id_number, 1, 6) || substr('****************************************************************', 1, length(NEW.id_number) - 10) || substr(NEW.id_number, length(NEW.id_number) - 3) WHEN length(NEW.id_number) > 4 THEN substr(NEW.id_number, 1, 2) || substr('****************************************************************', 1, length(NEW.id_number) - 4) || substr(NEW.id_number, length(NEW.id_number) - 1) ELSE substr('****************************************************************', 1, length(NEW.id_number)) END END, 'phone', CASE WHEN typeof(NEW.phone) = 'blob' THEN 'sealed:' || hex(NEW.phone) ELSE CASE WHEN length(NEW.phone) < 8 THEN substr('****************************************************************', 1, length(NEW.phone)) ELSE substr(NEW.phone, 1, 3) || substr('****************************************************************', 1, length(NEW.phone) - 7) || substr(NEW.phone, length(NEW.phone) - 3) END END, 'org', NEW.org, 'region', NEW.region, 'demo', NEW.demo, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER holders_audit_update AFTER UPDATE ON holders WHEN (OLD.demo = 0 OR NEW.demo = 0) AND (OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.id_type IS NOT NEW.id_type OR OLD.id_number IS NOT NEW.id_number OR OLD.phone IS NOT NEW.phone OR OLD.org IS NOT NEW.org OR OLD.region IS NOT NEW.region OR OLD.demo IS NOT NEW.demo OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('holders', NEW.id, NEW.id, 'update', json_object('id', OLD.id, 'name', OLD.name, 'id_type', OLD.id_type, 'id_number', CASE WHEN typeof(OLD.id_number) = 'blob' THEN 'sealed:' || hex(OLD.id_number) ELSE CASE WHEN length(OLD.id_number) >= 15 THEN substr(OLD.id_number, 1, 6) || substr('****************************************************************', 1, length(OLD.id_number) - 10) || substr(OLD.id_number, length(OLD.id_number) - 3) WHEN length(OLD.id_number) > 4 THEN substr(OLD.id_number, 1, 2) || substr('****************************************************************', 1, length(OLD.id_number) - 4) || substr(OLD.id_number, length(OLD.id_number) - 1) ELSE substr('****************************************************************', 1, length(OLD.id_number)) END END, 'phone', CASE WHEN typeof(OLD.phone) = 'blob' THEN 'sealed:' || hex(OLD.phone) ELSE CASE WHEN length(OLD.phone) < 8 THEN substr('****************************************************************', 1, length(OLD.phone)) ELSE substr(OLD.phone, 1, 3) || substr('****************************************************************', 1, length(OLD.phone) - 7) || substr(OLD.phone, length(OLD.phone) - 3) END END, 'org', OLD.org, 'region', OLD.region, 'demo', OLD.demo, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), json_object('id', NEW.id, 'name', NEW.name, 'id_type', NEW.id_type, 'id_number', CASE WHEN typeof(NEW.id_number) = 'blob' THEN 'sealed:' || hex(NEW.id_number) ELSE CASE WHEN length(NEW.id_number) >= 15 THEN substr(NEW.id_number, 1, 6) || substr('****************************************************************', 1, length(NEW.id_number) - 10) || substr(NEW.id_number, length(NEW.id_number) - 3) WHEN length(NEW.id_number) > 4 THEN substr(NEW.id_number, 1, 2) || substr('****************************************************************', 1, length(NEW.id_number) - 4) || substr(NEW.id_number, length(NEW.id_number) - 1) ELSE substr('****************************************************************', 1, length(NEW.id_number)) END END, 'phone', CASE WHEN typeof(NEW.phone) = 'blob' THEN 'sealed:' || hex(NEW.phone) ELSE CASE WHEN length(NEW.phone) < 8 THEN substr('****************************************************************', 1, length(NEW.phone)) ELSE substr(NEW.phone, 1, 3) || substr('****************************************************************', 1, length(NEW.phone) - 7) || substr(NEW.phone, length(NEW.phone) - 3) END END, 'org', NEW.org, 'region', NEW.region, 'demo', NEW.demo, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER holders_audit_delete AFTER DELETE ON holders WHEN OLD.demo = 0 BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('holders', OLD.id, OLD.id, 'delete', json_object('id', OLD.id, 'name', OLD.name, 'id_type', OLD.id_type, 'id_number', CASE WHEN typeof(OLD.id_number) = 'blob' THEN 'sealed:' || hex(OLD.id_number) ELSE CASE WHEN length(OLD.id_number) >= 15 THEN substr(OLD.id_number, 1, 6) || substr('****************************************************************', 1, length(OLD.id_number) - 10) || substr(OLD.id_number, length(OLD.id_number) - 3) WHEN length(OLD.id_number) > 4 THEN substr(OLD.id_number, 1, 2) || substr('****************************************************************', 1, length(OLD.id_number) - 4) || substr(OLD.id_number, length(OLD.id_number) - 1) ELSE substr('****************************************************************', 1, length(OLD.id_number)) END END, 'phone', CASE WHEN typeof(OLD.phone) = 'blob' THEN 'sealed:' || hex(OLD.phone) ELSE CASE WHEN length(OLD.phone) < 8 THEN substr('****************************************************************', 1, length(OLD.phone)) ELSE substr(OLD.phone, 1, 3) || substr('****************************************************************', 1, length(OLD.phone) - 7) || substr(OLD.phone, length(OLD.phone) - 3) END END, 'org', OLD.org, 'region', OLD.region, 'demo', OLD.demo, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER certificates_audit_insert AFTER INSERT ON certificates WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('certificates', NEW.id, NEW.holder_id, 'insert', NULL, json_object('id', NEW.id, 'holder_id', NEW.holder_id, 'level', NEW.level, 'mno', NEW.mno, 'exam_year', NEW.exam_year, 'passed_on', NEW.passed_on, 'issued_on', NEW.issued_on, 'issuer', NEW.issuer, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER certificates_audit_update AFTER UPDATE ON certificates WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) AND (OLD.id IS NOT NEW.id OR OLD.holder_id IS NOT NEW.holder_id OR OLD.level IS NOT NEW.level OR OLD.mno IS NOT NEW.mno OR OLD.exam_year IS NOT NEW.exam_year OR OLD.passed_on IS NOT NEW.passed_on OR OLD.issued_on IS NOT NEW.issued_on OR OLD.issuer IS NOT NEW.issuer OR OLD.status IS NOT NEW.status OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('certificates', NEW.id, NEW.holder_id, 'update', json_object('id', OLD.id, 'holder_id', OLD.holder_id, 'level', OLD.level, 'mno', OLD.mno, 'exam_year', OLD.exam_year, 'passed_on', OLD.passed_on, 'issued_on', OLD.issued_on, 'issuer', OLD.issuer, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), json_object('id', NEW.id, 'holder_id', NEW.holder_id, 'level', NEW.level, 'mno', NEW.mno, 'exam_year', NEW.exam_year, 'passed_on', NEW.passed_on, 'issued_on', NEW.issued_on, 'issuer', NEW.issuer, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER certificates_audit_delete AFTER DELETE ON certificates WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = OLD.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('certificates', OLD.id, OLD.holder_id, 'delete', json_object('id', OLD.id, 'holder_id', OLD.holder_id, 'level', OLD.level, 'mno', OLD.mno, 'exam_year', OLD.exam_year, 'passed_on', OLD.passed_on, 'issued_on', OLD.issued_on, 'issuer', OLD.issuer, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER annotations_audit_insert AFTER INSERT ON annotations WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM certificates WHERE id = NEW.cert_id) AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('annotations', NEW.id, (SELECT holder_id FROM certificates WHERE id = NEW.cert_id), 'insert', NULL, json_object('id', NEW.id, 'cert_id', NEW.cert_id, 'scene', NEW.scene, 'days', NEW.days, 'applied_at', NEW.applied_at, 'completed_at', NEW.completed_at, 'withdrawn_at', NEW.withdrawn_at, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER annotations_audit_update AFTER UPDATE ON annotations WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM certificates WHERE id = NEW.cert_id) AND demo = 1) AND (OLD.id IS NOT NEW.id OR OLD.cert_id IS NOT NEW.cert_id OR OLD.scene IS NOT NEW.scene OR OLD.days IS NOT NEW.days OR OLD.applied_at IS NOT NEW.applied_at OR OLD.completed_at IS NOT NEW.completed_at OR OLD.withdrawn_at IS NOT NEW.withdrawn_at OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('annotations', NEW.id, (SELECT holder_id FROM certificates WHERE id = NEW.cert_id), 'update', json_object('id', OLD.id, 'cert_id', OLD.cert_id, 'scene', OLD.scene, 'days', OLD.days, 'applied_at', OLD.applied_at, 'completed_at', OLD.completed_at, 'withdrawn_at', OLD.withdrawn_at, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), json_object('id', NEW.id, 'cert_id', NEW.cert_id, 'scene', NEW.scene, 'days', NEW.days, 'applied_at', NEW.applied_at, 'completed_at', NEW.completed_at, 'withdrawn_at', NEW.withdrawn_at, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER annotations_audit_delete AFTER DELETE ON annotations WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM certificates WHERE id = OLD.cert_id) AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('annotations', OLD.id, (SELECT holder_id FROM certificates WHERE id = OLD.cert_id), 'delete', json_object('id', OLD.id, 'cert_id', OLD.cert_id, 'scene', OLD.scene, 'days', OLD.days, 'applied_at', OLD.applied_at, 'completed_at', OLD.completed_at, 'withdrawn_at', OLD.withdrawn_at, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER registrations_audit_insert AFTER INSERT ON registrations WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM certificates WHERE id = NEW.cert_id) AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('registrations', NEW.id, (SELECT holder_id FROM certificates WHERE id = NEW.cert_id), 'insert', NULL, json_object('id', NEW.id, 'cert_id', NEW.cert_id, 'kind', NEW.kind, 'status', NEW.status, 'applied_on', NEW.applied_on, 'valid_from', NEW.valid_from, 'region', NEW.region, 'org', NEW.org, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER registrations_audit_update AFTER UPDATE ON registrations WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM certificates WHERE id = NEW.cert_id) AND demo = 1) AND (OLD.id IS NOT NEW.id OR OLD.cert_id IS NOT NEW.cert_id OR OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status OR OLD.applied_on IS NOT NEW.applied_on OR OLD.valid_from IS NOT NEW.valid_from OR OLD.region IS NOT NEW.region OR OLD.org IS NOT NEW.org OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('registrations', NEW.id, (SELECT holder_id FROM certificates WHERE id = NEW.cert_id), 'update', json_object('id', OLD.id, 'cert_id', OLD.cert_id, 'kind', OLD.kind, 'status', OLD.status, 'applied_on', OLD.applied_on, 'valid_from', OLD.valid_from, 'region', OLD.region, 'org', OLD.org, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), json_object('id', NEW.id, 'cert_id', NEW.cert_id, 'kind', NEW.kind, 'status', NEW.status, 'applied_on', NEW.applied_on, 'valid_from', NEW.valid_from, 'region', NEW.region, 'org', NEW.org, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER registrations_audit_delete AFTER DELETE ON registrations WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM certificates WHERE id = OLD.cert_id) AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('registrations', OLD.id, (SELECT holder_id FROM certificates WHERE id = OLD.cert_id), 'delete', json_object('id', OLD.id, 'cert_id', OLD.cert_id, 'kind', OLD.kind, 'status', OLD.status, 'applied_on', OLD.applied_on, 'valid_from', OLD.valid_from, 'region', OLD.region, 'org', OLD.org, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ce_records_audit_insert AFTER INSERT ON ce_records WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('ce_records', NEW.id, NEW.holder_id, 'insert', NULL, json_object('id', NEW.id, 'holder_id', NEW.holder_id, 'kind', NEW.kind, 'title', NEW.title, 'provider', NEW.provider, 'date', NEW.date, 'tenths', NEW.tenths, 'review', NEW.review, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ce_records_audit_update AFTER UPDATE ON ce_records WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) AND (OLD.id IS NOT NEW.id OR OLD.holder_id IS NOT NEW.holder_id OR OLD.kind IS NOT NEW.kind OR OLD.title IS NOT NEW.title OR OLD.provider IS NOT NEW.provider OR OLD.date IS NOT NEW.date OR OLD.tenths IS NOT NEW.tenths OR OLD.review IS NOT NEW.review OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('ce_records', NEW.id, NEW.holder_id, 'update', json_object('id', OLD.id, 'holder_id', OLD.holder_id, 'kind', OLD.kind, 'title', OLD.title, 'provider', OLD.provider, 'date', OLD.date, 'tenths', OLD.tenths, 'review', OLD.review, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), json_object('id', NEW.id, 'holder_id', NEW.holder_id, 'kind', NEW.kind, 'title', NEW.title, 'provider', NEW.provider, 'date', NEW.date, 'tenths', NEW.tenths, 'review', NEW.review, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ce_records_audit_delete AFTER DELETE ON ce_records WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = OLD.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('ce_records', OLD.id, OLD.holder_id, 'delete', json_object('id', OLD.id, 'holder_id', OLD.holder_id, 'kind', OLD.kind, 'title', OLD.title, 'provider', OLD.provider, 'date', OLD.date, 'tenths', OLD.tenths, 'review', OLD.review, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ce_proofs_audit_insert AFTER INSERT ON ce_proofs WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM ce_records WHERE id = NEW.record_id) AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('ce_proofs', NEW.id, (SELECT holder_id FROM ce_records WHERE id = NEW.record_id), 'insert', NULL, json_object('id', NEW.id, 'record_id', NEW.record_id, 'name', NEW.name, 'sha256', NEW.sha256, 'size', NEW.size, 'type', NEW.type, 'created_at', NEW.created_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ce_proofs_audit_update AFTER UPDATE ON ce_proofs WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM ce_records WHERE id = NEW.record_id) AND demo = 1) AND (OLD.id IS NOT NEW.id OR OLD.record_id IS NOT NEW.record_id OR OLD.name IS NOT NEW.name OR OLD.sha256 IS NOT NEW.sha256 OR OLD.size IS NOT NEW.size OR OLD.type IS NOT NEW.type OR OLD.created_at IS NOT NEW.created_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('ce_proofs', NEW.id, (SELECT holder_id FROM ce_records WHERE id = NEW.record_id), 'update', json_object('id', OLD.id, 'record_id', OLD.record_id, 'name', OLD.name, 'sha256', OLD.sha256, 'size', OLD.size, 'type', OLD.type, 'created_at', OLD.created_at), json_object('id', NEW.id, 'record_id', NEW.record_id, 'name', NEW.name, 'sha256', NEW.sha256, 'size', NEW.size, 'type', NEW.type, 'created_at', NEW.created_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ce_proofs_audit_delete AFTER DELETE ON ce_proofs WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM ce_records WHERE id = OLD.record_id) AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('ce_proofs', OLD.id, (SELECT holder_id FROM ce_records WHERE id = OLD.record_id), 'delete', json_object('id', OLD.id, 'record_id', OLD.record_id, 'name', OLD.name, 'sha256', OLD.sha256, 'size', OLD.size, 'type', OLD.type, 'created_at', OLD.created_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER paper_audit_insert AFTER INSERT ON paper WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM certificates WHERE id = NEW.cert_id) AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('paper', NEW.id, (SELECT holder_id FROM certificates WHERE id = NEW.cert_id), 'insert', NULL, json_object('id', NEW.id, 'cert_id', NEW.cert_id, 'method', NEW.method, 'window_start', NEW.window_start, 'window_end', NEW.window_end, 'status', NEW.status, 'place', NEW.place, 'proxy_name', NEW.proxy_name, 'proxy_id_number', CASE WHEN typeof(NEW.proxy_id_number) = 'blob' THEN 'sealed:' || hex(NEW.proxy_id_number) ELSE CASE WHEN length(NEW.proxy_id_number) >= 15 THEN substr(NEW.proxy_id_number, 1, 6) || substr('****************************************************************', 1, length(NEW.proxy_id_number) - 10) || substr(NEW.proxy_id_number, length(NEW.proxy_id_number) - 3) WHEN length(NEW.proxy_id_number) > 4 THEN substr(NEW.proxy_id_number, 1, 2) || substr('****************************************************************', 1, length(NEW.proxy_id_number) - 4) || substr(NEW.proxy_id_number, length(NEW.proxy_id_number) - 1) ELSE substr('****************************************************************', 1, length(NEW.proxy_id_number)) END END, 'sent_on', NEW.sent_on, 'sent_to', NEW.sent_to, 'courier', NEW.courier, 'tracking', NEW.tracking, 'collected_on', NEW.collected_on, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER paper_audit_update AFTER UPDATE ON paper WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM certificates WHERE id = NEW.cert_id) AND demo = 1) AND (OLD.id IS NOT NEW.id OR OLD.cert_id IS NOT NEW.cert_id OR OLD.method IS NOT NEW.method OR OLD.window_start IS NOT NEW.window_start OR OLD.window_end IS NOT NEW.window_end OR OLD.status IS NOT NEW.status OR OLD.place IS NOT NEW.place OR OLD.proxy_name IS NOT NEW.proxy_name OR OLD.proxy_id_number IS NOT NEW.proxy_id_number OR OLD.sent_on IS NOT NEW.sent_on OR OLD.sent_to IS NOT NEW.sent_to OR OLD.courier IS NOT NEW.courier OR OLD.tracking IS NOT NEW.tracking OR OLD.collected_on IS NOT NEW.collected_on OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('paper', NEW.id, (SELECT holder_id FROM certificates WHERE id = NEW.cert_id), 'update', json_object('id', OLD.id, 'cert_id', OLD.cert_id, 'method', OLD.method, 'window_start', OLD.window_start, 'window_end', OLD.window_end, 'status', OLD.status, 'place', OLD.place, 'proxy_name', OLD.proxy_name, 'proxy_id_number', CASE WHEN typeof(OLD.proxy_id_number) = 'blob' THEN 'sealed:' || hex(OLD.proxy_id_number) ELSE CASE WHEN length(OLD.proxy_id_number) >= 15 THEN substr(OLD.proxy_id_number, 1, 6) || substr('****************************************************************', 1, length(OLD.proxy_id_number) - 10) || substr(OLD.proxy_id_number, length(OLD.proxy_id_number) - 3) WHEN length(OLD.proxy_id_number) > 4 THEN substr(OLD.proxy_id_number, 1, 2) || substr('****************************************************************', 1, length(OLD.proxy_id_number) - 4) || substr(OLD.proxy_id_number, length(OLD.proxy_id_number) - 1) ELSE substr('****************************************************************', 1, length(OLD.proxy_id_number)) END END, 'sent_on', OLD.sent_on, 'sent_to', OLD.sent_to, 'courier', OLD.courier, 'tracking', OLD.tracking, 'collected_on', OLD.collected_on, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), json_object('id', NEW.id, 'cert_id', NEW.cert_id, 'method', NEW.method, 'window_start', NEW.window_start, 'window_end', NEW.window_end, 'status', NEW.status, 'place', NEW.place, 'proxy_name', NEW.proxy_name, 'proxy_id_number', CASE WHEN typeof(NEW.proxy_id_number) = 'blob' THEN 'sealed:' || hex(NEW.proxy_id_number) ELSE CASE WHEN length(NEW.proxy_id_number) >= 15 THEN substr(NEW.proxy_id_number, 1, 6) || substr('****************************************************************', 1, length(NEW.proxy_id_number) - 10) || substr(NEW.proxy_id_number, length(NEW.proxy_id_number) - 3) WHEN length(NEW.proxy_id_number) > 4 THEN substr(NEW.proxy_id_number, 1, 2) || substr('****************************************************************', 1, length(NEW.proxy_id_number) - 4) || substr(NEW.proxy_id_number, length(NEW.proxy_id_number) - 1) ELSE substr('****************************************************************', 1, length(NEW.proxy_id_number)) END END, 'sent_on', NEW.sent_on, 'sent_to', NEW.sent_to, 'courier', NEW.courier, 'tracking', NEW.tracking, 'collected_on', NEW.collected_on, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER paper_audit_delete AFTER DELETE ON paper WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM certificates WHERE id = OLD.cert_id) AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('paper', OLD.id, (SELECT holder_id FROM certificates WHERE id = OLD.cert_id), 'delete', json_object('id', OLD.id, 'cert_id', OLD.cert_id, 'method', OLD.method, 'window_start', OLD.window_start, 'window_end', OLD.window_end, 'status', OLD.status, 'place', OLD.place, 'proxy_name', OLD.proxy_name, 'proxy_id_number', CASE WHEN typeof(OLD.proxy_id_number) = 'blob' THEN 'sealed:' || hex(OLD.proxy_id_number) ELSE CASE WHEN length(OLD.proxy_id_number) >= 15 THEN substr(OLD.proxy_id_number, 1, 6) || substr('****************************************************************', 1, length(OLD.proxy_id_number) - 10) || substr(OLD.proxy_id_number, length(OLD.proxy_id_number) - 3) WHEN length(OLD.proxy_id_number) > 4 THEN substr(OLD.proxy_id_number, 1, 2) || substr('****************************************************************', 1, length(OLD.proxy_id_number) - 4) || substr(OLD.proxy_id_number, length(OLD.proxy_id_number) - 1) ELSE substr('****************************************************************', 1, length(OLD.proxy_id_number)) END END, 'sent_on', OLD.sent_on, 'sent_to', OLD.sent_to, 'courier', OLD.courier, 'tracking', OLD.tracking, 'collected_on', OLD.collected_on, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER mail_forms_audit_insert AFTER INSERT ON mail_forms WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM certificates WHERE id = NEW.cert_id) AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('mail_forms', NEW.cert_id, (SELECT holder_id FROM certificates WHERE id = NEW.cert_id), 'insert', NULL, json_object('cert_id', NEW.cert_id, 'sex', NEW.sex, 'recipient', NEW.recipient, 'phone', CASE WHEN typeof(NEW.phone) = 'blob' THEN 'sealed:' || hex(NEW.phone) ELSE CASE WHEN length(NEW.phone) < 8 THEN substr('****************************************************************', 1, length(NEW.phone)) ELSE substr(NEW.phone, 1, 3) || substr('****************************************************************', 1, length(NEW.phone) - 7) || substr(NEW.phone, length(NEW.phone) - 3) END END, 'province', NEW.province, 'city', NEW.city, 'district', NEW.district, 'address', NEW.address, 'postcode', NEW.postcode, 'fee', NEW.fee, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER mail_forms_audit_update AFTER UPDATE ON mail_forms WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM certificates WHERE id = NEW.cert_id) AND demo = 1) AND (OLD.cert_id IS NOT NEW.cert_id OR OLD.sex IS NOT NEW.sex OR OLD.recipient IS NOT NEW.recipient OR OLD.phone IS NOT NEW.phone OR OLD.province IS NOT NEW.province OR OLD.city IS NOT NEW.city OR OLD.district IS NOT NEW.district OR OLD.address IS NOT NEW.address OR OLD.postcode IS NOT NEW.postcode OR OLD.fee IS NOT NEW.fee OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('mail_forms', NEW.cert_id, (SELECT holder_id FROM certificates WHERE id = NEW.cert_id), 'update', json_object('cert_id', OLD.cert_id, 'sex', OLD.sex, 'recipient', OLD.recipient, 'phone', CASE WHEN typeof(OLD.phone) = 'blob' THEN 'sealed:' || hex(OLD.phone) ELSE CASE WHEN length(OLD.phone) < 8 THEN substr('****************************************************************', 1, length(OLD.phone)) ELSE substr(OLD.phone, 1, 3) || substr('****************************************************************', 1, length(OLD.phone) - 7) || substr(OLD.phone, length(OLD.phone) - 3) END END, 'province', OLD.province, 'city', OLD.city, 'district', OLD.district, 'address', OLD.address, 'postcode', OLD.postcode, 'fee', OLD.fee, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), json_object('cert_id', NEW.cert_id, 'sex', NEW.sex, 'recipient', NEW.recipient, 'phone', CASE WHEN typeof(NEW.phone) = 'blob' THEN 'sealed:' || hex(NEW.phone) ELSE CASE WHEN length(NEW.phone) < 8 THEN substr('****************************************************************', 1, length(NEW.phone)) ELSE substr(NEW.phone, 1, 3) || substr('****************************************************************', 1, length(NEW.phone) - 7) || substr(NEW.phone, length(NEW.phone) - 3) END END, 'province', NEW.province, 'city', NEW.city, 'district', NEW.district, 'address', NEW.address, 'postcode', NEW.postcode, 'fee', NEW.fee, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER mail_forms_audit_delete AFTER DELETE ON mail_forms WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM certificates WHERE id = OLD.cert_id) AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('mail_forms', OLD.cert_id, (SELECT holder_id FROM certificates WHERE id = OLD.cert_id), 'delete', json_object('cert_id', OLD.cert_id, 'sex', OLD.sex, 'recipient', OLD.recipient, 'phone', CASE WHEN typeof(OLD.phone) = 'blob' THEN 'sealed:' || hex(OLD.phone) ELSE CASE WHEN length(OLD.phone) < 8 THEN substr('****************************************************************', 1, length(OLD.phone)) ELSE substr(OLD.phone, 1, 3) || substr('****************************************************************', 1, length(OLD.phone) - 7) || substr(OLD.phone, length(OLD.phone) - 3) END END, 'province', OLD.province, 'city', OLD.city, 'district', OLD.district, 'address', OLD.address, 'postcode', OLD.postcode, 'fee', OLD.fee, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER profiles_audit_insert AFTER INSERT ON profiles WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('profiles', NEW.holder_id, NEW.holder_id, 'insert', NULL, json_object('holder_id', NEW.holder_id, 'sex', NEW.sex, 'birth_date', NEW.birth_date, 'ethnicity', NEW.ethnicity, 'education', NEW.education, 'major', NEW.major, 'first_reg_on', NEW.first_reg_on, 'first_reg_kind', NEW.first_reg_kind, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER profiles_audit_update AFTER UPDATE ON profiles WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) AND (OLD.holder_id IS NOT NEW.holder_id OR OLD.sex IS NOT NEW.sex OR OLD.birth_date IS NOT NEW.birth_date OR OLD.ethnicity IS NOT NEW.ethnicity OR OLD.education IS NOT NEW.education OR OLD.major IS NOT NEW.major OR OLD.first_reg_on IS NOT NEW.first_reg_on OR OLD.first_reg_kind IS NOT NEW.first_reg_kind OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('profiles', NEW.holder_id, NEW.holder_id, 'update', json_object('holder_id', OLD.holder_id, 'sex', OLD.sex, 'birth_date', OLD.birth_date, 'ethnicity', OLD.ethnicity, 'education', OLD.education, 'major', OLD.major, 'first_reg_on', OLD.first_reg_on, 'first_reg_kind', OLD.first_reg_kind, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), json_object('holder_id', NEW.holder_id, 'sex', NEW.sex, 'birth_date', NEW.birth_date, 'ethnicity', NEW.ethnicity, 'education', NEW.education, 'major', NEW.major, 'first_reg_on', NEW.first_reg_on, 'first_reg_kind', NEW.first_reg_kind, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER profiles_audit_delete AFTER DELETE ON profiles WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = OLD.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('profiles', OLD.holder_id, OLD.holder_id, 'delete', json_object('holder_id', OLD.holder_id, 'sex', OLD.sex, 'birth_date', OLD.birth_date, 'ethnicity', OLD.ethnicity, 'education', OLD.education, 'major', OLD.major, 'first_reg_on', OLD.first_reg_on, 'first_reg_kind', OLD.first_reg_kind, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER photos_audit_insert AFTER INSERT ON photos WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('photos', NEW.holder_id, NEW.holder_id, 'insert', NULL, json_object('holder_id', NEW.holder_id, 'name', NEW.name, 'sha256', NEW.sha256, 'size', NEW.size, 'type', NEW.type, 'width', NEW.width, 'height', NEW.height, 'created_at', NEW.created_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER photos_audit_update AFTER UPDATE ON photos WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) AND (OLD.holder_id IS NOT NEW.holder_id OR OLD.name IS NOT NEW.name OR OLD.sha256 IS NOT NEW.sha256 OR OLD.size IS NOT NEW.size OR OLD.type IS NOT NEW.type OR OLD.width IS NOT NEW.width OR OLD.height IS NOT NEW.height OR OLD.created_at IS NOT NEW.created_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('photos', NEW.holder_id, NEW.holder_id, 'update', json_object('holder_id', OLD.holder_id, 'name', OLD.name, 'sha256', OLD.sha256, 'size', OLD.size, 'type', OLD.type, 'width', OLD.width, 'height', OLD.height, 'created_at', OLD.created_at), json_object('holder_id', NEW.holder_id, 'name', NEW.name, 'sha256', NEW.sha256, 'size', NEW.size, 'type', NEW.type, 'width', NEW.width, 'height', NEW.height, 'created_at', NEW.created_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER photos_audit_delete AFTER DELETE ON photos WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = OLD.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('photos', OLD.holder_id, OLD.holder_id, 'delete', json_object('holder_id', OLD.holder_id, 'name', OLD.name, 'sha256', OLD.sha256, 'size', OLD.size, 'type', OLD.type, 'width', OLD.width, 'height', OLD.height, 'created_at', OLD.created_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER work_history_audit_insert AFTER INSERT ON work_history WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('work_history', NEW.id, NEW.holder_id, 'insert', NULL, json_object('id', NEW.id, 'holder_id', NEW.holder_id, 'org', NEW.org, 'position', NEW.position, 'start_on', NEW.start_on, 'end_on', NEW.end_on, 'programme', NEW.programme, 'transfer_id', NEW.transfer_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER work_history_audit_update AFTER UPDATE ON work_history WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) AND (OLD.id IS NOT NEW.id OR OLD.holder_id IS NOT NEW.holder_id OR OLD.org IS NOT NEW.org OR OLD.position IS NOT NEW.position OR OLD.start_on IS NOT NEW.start_on OR OLD.end_on IS NOT NEW.end_on OR OLD.programme IS NOT NEW.programme OR OLD.transfer_id IS NOT NEW.transfer_id OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('work_history', NEW.id, NEW.holder_id, 'update', json_object('id', OLD.id, 'holder_id', OLD.holder_id, 'org', OLD.org, 'position', OLD.position, 'start_on', OLD.start_on, 'end_on', OLD.end_on, 'programme', OLD.programme, 'transfer_id', OLD.transfer_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), json_object('id', NEW.id, 'holder_id', NEW.holder_id, 'org', NEW.org, 'position', NEW.position, 'start_on', NEW.start_on, 'end_on', NEW.end_on, 'programme', NEW.programme, 'transfer_id', NEW.transfer_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER work_history_audit_delete AFTER DELETE ON work_history WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = OLD.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('work_history', OLD.id, OLD.holder_id, 'delete', json_object('id', OLD.id, 'holder_id', OLD.holder_id, 'org', OLD.org, 'position', OLD.position, 'start_on', OLD.start_on, 'end_on', OLD.end_on, 'programme', OLD.programme, 'transfer_id', OLD.transfer_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER work_proofs_audit_insert AFTER INSERT ON work_proofs WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM work_history WHERE id = NEW.work_id) AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('work_proofs', NEW.id, (SELECT holder_id FROM work_history WHERE id = NEW.work_id), 'insert', NULL, json_object('id', NEW.id, 'work_id', NEW.work_id, 'name', NEW.name, 'sha256', NEW.sha256, 'size', NEW.size, 'type', NEW.type, 'created_at', NEW.created_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER work_proofs_audit_update AFTER UPDATE ON work_proofs WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM work_history WHERE id = NEW.work_id) AND demo = 1) AND (OLD.id IS NOT NEW.id OR OLD.work_id IS NOT NEW.work_id OR OLD.name IS NOT NEW.name OR OLD.sha256 IS NOT NEW.sha256 OR OLD.size IS NOT NEW.size OR OLD.type IS NOT NEW.type OR OLD.created_at IS NOT NEW.created_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('work_proofs', NEW.id, (SELECT holder_id FROM work_history WHERE id = NEW.work_id), 'update', json_object('id', OLD.id, 'work_id', OLD.work_id, 'name', OLD.name, 'sha256', OLD.sha256, 'size', OLD.size, 'type', OLD.type, 'created_at', OLD.created_at), json_object('id', NEW.id, 'work_id', NEW.work_id, 'name', NEW.name, 'sha256', NEW.sha256, 'size', NEW.size, 'type', NEW.type, 'created_at', NEW.created_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER work_proofs_audit_delete AFTER DELETE ON work_proofs WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM work_history WHERE id = OLD.work_id) AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('work_proofs', OLD.id, (SELECT holder_id FROM work_history WHERE id = OLD.work_id), 'delete', json_object('id', OLD.id, 'work_id', OLD.work_id, 'name', OLD.name, 'sha256', OLD.sha256, 'size', OLD.size, 'type', OLD.type, 'created_at', OLD.created_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER honours_audit_insert AFTER INSERT ON honours WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('honours', NEW.id, NEW.holder_id, 'insert', NULL, json_object('id', NEW.id, 'holder_id', NEW.holder_id, 'title', NEW.title, 'date', NEW.date, 'level', NEW.level, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER honours_audit_update AFTER UPDATE ON honours WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) AND (OLD.id IS NOT NEW.id OR OLD.holder_id IS NOT NEW.holder_id OR OLD.title IS NOT NEW.title OR OLD.date IS NOT NEW.date OR OLD.level IS NOT NEW.level OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('honours', NEW.id, NEW.holder_id, 'update', json_object('id', OLD.id, 'holder_id', OLD.holder_id, 'title', OLD.title, 'date', OLD.date, 'level', OLD.level, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), json_object('id', NEW.id, 'holder_id', NEW.holder_id, 'title', NEW.title, 'date', NEW.date, 'level', NEW.level, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER honours_audit_delete AFTER DELETE ON honours WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = OLD.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('honours', OLD.id, OLD.holder_id, 'delete', json_object('id', OLD.id, 'holder_id', OLD.holder_id, 'title', OLD.title, 'date', OLD.date, 'level', OLD.level, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER honour_proofs_audit_insert AFTER INSERT ON honour_proofs WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM honours WHERE id = NEW.honour_id) AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('honour_proofs', NEW.honour_id, (SELECT holder_id FROM honours WHERE id = NEW.honour_id), 'insert', NULL, json_object('honour_id', NEW.honour_id, 'name', NEW.name, 'sha256', NEW.sha256, 'size', NEW.size, 'type', NEW.type, 'created_at', NEW.created_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER honour_proofs_audit_update AFTER UPDATE ON honour_proofs WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM honours WHERE id = NEW.honour_id) AND demo = 1) AND (OLD.honour_id IS NOT NEW.honour_id OR OLD.name IS NOT NEW.name OR OLD.sha256 IS NOT NEW.sha256 OR OLD.size IS NOT NEW.size OR OLD.type IS NOT NEW.type OR OLD.created_at IS NOT NEW.created_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('honour_proofs', NEW.honour_id, (SELECT holder_id FROM honours WHERE id = NEW.honour_id), 'update', json_object('honour_id', OLD.honour_id, 'name', OLD.name, 'sha256', OLD.sha256, 'size', OLD.size, 'type', OLD.type, 'created_at', OLD.created_at), json_object('honour_id', NEW.honour_id, 'name', NEW.name, 'sha256', NEW.sha256, 'size', NEW.size, 'type', NEW.type, 'created_at', NEW.created_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER honour_proofs_audit_delete AFTER DELETE ON honour_proofs WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = (SELECT holder_id FROM honours WHERE id = OLD.honour_id) AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('honour_proofs', OLD.honour_id, (SELECT holder_id FROM honours WHERE id = OLD.honour_id), 'delete', json_object('honour_id', OLD.honour_id, 'name', OLD.name, 'sha256', OLD.sha256, 'size', OLD.size, 'type', OLD.type, 'created_at', OLD.created_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER transfers_audit_insert AFTER INSERT ON transfers WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('transfers', NEW.id, NEW.holder_id, 'insert', NULL, json_object('id', NEW.id, 'holder_id', NEW.holder_id, 'applied_on', NEW.applied_on, 'from_org', NEW.from_org, 'to_org', NEW.to_org, 'from_region', NEW.from_region, 'to_region', NEW.to_region, 'position', NEW.position, 'status', NEW.status, 'decided_on', NEW.decided_on, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER transfers_audit_update AFTER UPDATE ON transfers WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) AND (OLD.id IS NOT NEW.id OR OLD.holder_id IS NOT NEW.holder_id OR OLD.applied_on IS NOT NEW.applied_on OR OLD.from_org IS NOT NEW.from_org OR OLD.to_org IS NOT NEW.to_org OR OLD.from_region IS NOT NEW.from_region OR OLD.to_region IS NOT NEW.to_region OR OLD.position IS NOT NEW.position OR OLD.status IS NOT NEW.status OR OLD.decided_on IS NOT NEW.decided_on OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('transfers', NEW.id, NEW.holder_id, 'update', json_object('id', OLD.id, 'holder_id', OLD.holder_id, 'applied_on', OLD.applied_on, 'from_org', OLD.from_org, 'to_org', OLD.to_org, 'from_region', OLD.from_region, 'to_region', OLD.to_region, 'position', OLD.position, 'status', OLD.status, 'decided_on', OLD.decided_on, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), json_object('id', NEW.id, 'holder_id', NEW.holder_id, 'applied_on', NEW.applied_on, 'from_org', NEW.from_org, 'to_org', NEW.to_org, 'from_region', NEW.from_region, 'to_region', NEW.to_region, 'position', NEW.position, 'status', NEW.status, 'decided_on', NEW.decided_on, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER transfers_audit_delete AFTER DELETE ON transfers WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = OLD.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('transfers', OLD.id, OLD.holder_id, 'delete', json_object('id', OLD.id, 'holder_id', OLD.holder_id, 'applied_on', OLD.applied_on, 'from_org', OLD.from_org, 'to_org', OLD.to_org, 'from_region', OLD.from_region, 'to_region', OLD.to_region, 'position', OLD.position, 'status', OLD.status, 'decided_on', OLD.decided_on, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER projects_audit_insert AFTER INSERT ON projects BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('projects', NEW.id, NULL, 'insert', NULL, json_object('id', NEW.id, 'name', NEW.name, 'org', NEW.org, 'start_on', NEW.start_on, 'end_on', NEW.end_on, 'programme', NEW.programme, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER projects_audit_update AFTER UPDATE ON projects WHEN (OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.org IS NOT NEW.org OR OLD.start_on IS NOT NEW.start_on OR OLD.end_on IS NOT NEW.end_on OR OLD.programme IS NOT NEW.programme OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('projects', NEW.id, NULL, 'update', json_object('id', OLD.id, 'name', OLD.name, 'org', OLD.org, 'start_on', OLD.start_on, 'end_on', OLD.end_on, 'programme', OLD.programme, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), json_object('id', NEW.id, 'name', NEW.name, 'org', NEW.org, 'start_on', NEW.start_on, 'end_on', NEW.end_on, 'programme', NEW.programme, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER projects_audit_delete AFTER DELETE ON projects BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('projects', OLD.id, NULL, 'delete', json_object('id', OLD.id, 'name', OLD.name, 'org', OLD.org, 'start_on', OLD.start_on, 'end_on', OLD.end_on, 'programme', OLD.programme, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER participants_audit_insert AFTER INSERT ON participants WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('participants', NEW.project_id || '/' || NEW.holder_id, NEW.holder_id, 'insert', NULL, json_object('project_id', NEW.project_id, 'holder_id', NEW.holder_id, 'joined_at', NEW.joined_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER participants_audit_update AFTER UPDATE ON participants WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) AND (OLD.project_id IS NOT NEW.project_id OR OLD.holder_id IS NOT NEW.holder_id OR OLD.joined_at IS NOT NEW.joined_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('participants', NEW.project_id || '/' || NEW.holder_id, NEW.holder_id, 'update', json_object('project_id', OLD.project_id, 'holder_id', OLD.holder_id, 'joined_at', OLD.joined_at), json_object('project_id', NEW.project_id, 'holder_id', NEW.holder_id, 'joined_at', NEW.joined_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER participants_audit_delete AFTER DELETE ON participants WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = OLD.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('participants', OLD.project_id || '/' || OLD.holder_id, OLD.holder_id, 'delete', json_object('project_id', OLD.project_id, 'holder_id', OLD.holder_id, 'joined_at', OLD.joined_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER service_records_audit_insert AFTER INSERT ON service_records WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('service_records', NEW.id, NEW.holder_id, 'insert', NULL, json_object('id', NEW.id, 'project_id', NEW.project_id, 'holder_id', NEW.holder_id, 'date', NEW.date, 'content', NEW.content, 'tenths', NEW.tenths, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER service_records_audit_update AFTER UPDATE ON service_records WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = NEW.holder_id AND demo = 1) AND (OLD.id IS NOT NEW.id OR OLD.project_id IS NOT NEW.project_id OR OLD.holder_id IS NOT NEW.holder_id OR OLD.date IS NOT NEW.date OR OLD.content IS NOT NEW.content OR OLD.tenths IS NOT NEW.tenths OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('service_records', NEW.id, NEW.holder_id, 'update', json_object('id', OLD.id, 'project_id', OLD.project_id, 'holder_id', OLD.holder_id, 'date', OLD.date, 'content', OLD.content, 'tenths', OLD.tenths, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), json_object('id', NEW.id, 'project_id', NEW.project_id, 'holder_id', NEW.holder_id, 'date', NEW.date, 'content', NEW.content, 'tenths', NEW.tenths, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER service_records_audit_delete AFTER DELETE ON service_records WHEN NOT EXISTS (SELECT 1 FROM holders WHERE id = OLD.holder_id AND demo = 1) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('service_records', OLD.id, OLD.holder_id, 'delete', json_object('id', OLD.id, 'project_id', OLD.project_id, 'holder_id', OLD.holder_id, 'date', OLD.date, 'content', OLD.content, 'tenths', OLD.tenths, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER seal_keys_audit_insert AFTER INSERT ON seal_keys BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('seal_keys', NEW.kid, NULL, 'insert', NULL, json_object('kid', NEW.kid, 'name', NEW.name, 'own', NEW.own, 'public_key', hex(NEW.public_key), 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER seal_keys_audit_update AFTER UPDATE ON seal_keys WHEN (OLD.kid IS NOT NEW.kid OR OLD.name IS NOT NEW.name OR OLD.own IS NOT NEW.own OR OLD.public_key IS NOT NEW.public_key OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at) BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('seal_keys', NEW.kid, NULL, 'update', json_object('kid', OLD.kid, 'name', OLD.name, 'own', OLD.own, 'public_key', hex(OLD.public_key), 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), json_object('kid', NEW.kid, 'name', NEW.name, 'own', NEW.own, 'public_key', hex(NEW.public_key), 'created_at', NEW.created_at, 'updated_at', NEW.updated_at));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER seal_keys_audit_delete AFTER DELETE ON seal_keys BEGIN
    INSERT INTO audit (table_name, row_id, holder_id, op, before_row, after_row)
    VALUES ('seal_keys', OLD.kid, NULL, 'delete', json_object('kid', OLD.kid, 'name', OLD.name, 'own', OLD.own, 'public_key', hex(OLD.public_key), 'created_at', OLD.created_at, 'updated_at', OLD.updated_at), NULL);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER holders_audit_insert;
DROP TRIGGER holders_audit_update;
DROP TRIGGER holders_audit_delete;
DROP TRIGGER certificates_audit_insert;
DROP TRIGGER certificates_audit_update;
DROP TRIGGER certificates_audit_delete;
DROP TRIGGER annotations_audit_insert;
DROP TRIGGER annotations_audit_update;
DROP TRIGGER annotations_audit_delete;
DROP TRIGGER registrations_audit_insert;
DROP TRIGGER registrations_audit_update;
DROP TRIGGER registrations_audit_delete;
DROP TRIGGER ce_records_audit_insert;
DROP TRIGGER ce_records_audit_update;
DROP TRIGGER ce_records_audit_delete;
DROP TRIGGER ce_proofs_audit_insert;
DROP TRIGGER ce_proofs_audit_update;
DROP TRIGGER ce_proofs_audit_delete;
DROP TRIGGER paper_audit_insert;
DROP TRIGGER paper_audit_update;
DROP TRIGGER paper_audit_delete;
DROP TRIGGER mail_forms_audit_insert;
DROP TRIGGER mail_forms_audit_update;
DROP TRIGGER mail_forms_audit_delete;
DROP TRIGGER profiles_audit_insert;
DROP TRIGGER profiles_audit_update;
DROP TRIGGER profiles_audit_delete;
DROP TRIGGER photos_audit_insert;
DROP TRIGGER photos_audit_update;
DROP TRIGGER photos_audit_delete;
DROP TRIGGER work_history_audit_insert;
DROP TRIGGER work_history_audit_update;
DROP TRIGGER work_history_audit_delete;
DROP TRIGGER work_proofs_audit_insert;
DROP TRIGGER work_proofs_audit_update;
DROP TRIGGER work_proofs_audit_delete;
DROP TRIGGER honours_audit_insert;
DROP TRIGGER honours_audit_update;
DROP TRIGGER honours_audit_delete;
DROP TRIGGER honour_proofs_audit_insert;
DROP TRIGGER honour_proofs_audit_update;
DROP TRIGGER honour_proofs_audit_delete;
DROP TRIGGER transfers_audit_insert;
DROP TRIGGER transfers_audit_update;
DROP TRIGGER transfers_audit_delete;
DROP TRIGGER projects_audit_insert;
DROP TRIGGER projects_audit_update;
DROP TRIGGER projects_audit_delete;
DROP TRIGGER participants_audit_insert;
DROP TRIGGER participants_audit_update;
DROP TRIGGER participants_audit_delete;
DROP TRIGGER service_records_audit_insert;
DROP TRIGGER service_records_audit_update;
DROP TRIGGER service_records_audit_delete;
DROP TRIGGER seal_keys_audit_insert;
DROP TRIGGER seal_keys_audit_update;
DROP TRIGGER seal_keys_audit_delete;
DROP TRIGGER audit_sealed_update;
DROP TRIGGER audit_sealed_delete;
DROP TABLE audit_head;
DROP TABLE audit;
