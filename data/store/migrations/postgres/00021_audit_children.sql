-- +goose Up
-- The children of a certificate, a CE record, a work history entry or an
-- honour are deleted while their parent is still there, as on a file
-- (../00021_audit_children.sql says why: there the cascade left their
-- audit entries without a holder). The server's cascade already let them
-- find it; the triggers keep the two schemas alike. The function runs with
-- the rights of whoever deletes the parent, who may delete its children
-- too (on a cascade from holders, the server runs it as the tables' owner).
-- +goose StatementBegin
CREATE FUNCTION swcert_children_first() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    CASE TG_TABLE_NAME
    WHEN 'certificates' THEN
        DELETE FROM annotations WHERE cert_id = OLD.id;
        DELETE FROM registrations WHERE cert_id = OLD.id;
        DELETE FROM paper WHERE cert_id = OLD.id;
        DELETE FROM mail_forms WHERE cert_id = OLD.id;
    WHEN 'ce_records' THEN
        DELETE FROM ce_proofs WHERE record_id = OLD.id;
    WHEN 'work_history' THEN
        DELETE FROM work_proofs WHERE work_id = OLD.id;
    WHEN 'honours' THEN
        DELETE FROM honour_proofs WHERE honour_id = OLD.id;
    END CASE;
    RETURN OLD;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER certificates_children_first BEFORE DELETE ON certificates FOR EACH ROW EXECUTE FUNCTION swcert_children_first();
CREATE TRIGGER ce_records_children_first BEFORE DELETE ON ce_records FOR EACH ROW EXECUTE FUNCTION swcert_children_first();
CREATE TRIGGER work_history_children_first BEFORE DELETE ON work_history FOR EACH ROW EXECUTE FUNCTION swcert_children_first();
CREATE TRIGGER honours_children_first BEFORE DELETE ON honours FOR EACH ROW EXECUTE FUNCTION swcert_children_first();

-- +goose Down
DROP TRIGGER honours_children_first ON honours;
DROP TRIGGER work_history_children_first ON work_history;
DROP TRIGGER ce_records_children_first ON ce_records;
DROP TRIGGER certificates_children_first ON certificates;
DROP FUNCTION swcert_children_first();
