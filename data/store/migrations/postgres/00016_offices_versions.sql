-- +goose Up
-- ../00016_offices_versions.sql: offices and record versions. On the
-- server also what the offices mean: staff_offices says which office a
-- login belongs to (none: the whole agency), and row-level security keeps
-- each office's staff to the holders of their office and everything that
-- hangs on them. The roles themselves (viewer, editor, admin) are made by
-- `swcert admin init` (data/store/roles.go): role names belong to the
-- whole server, not to one database.
CREATE TABLE staff_offices (
    role_name text COLLATE "C" PRIMARY KEY,
    office    text COLLATE "C" NOT NULL CHECK (length(office) BETWEEN 1 AND 50)
);

-- The office of the login running the statement; NULL: the whole agency.
-- +goose StatementBegin
CREATE FUNCTION swcert_office() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT office FROM staff_offices WHERE role_name = session_user
$$;
-- +goose StatementEnd

ALTER TABLE holders ADD COLUMN office text COLLATE "C" NOT NULL DEFAULT coalesce(swcert_office(), '');
ALTER TABLE holders ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE holders ADD COLUMN updated_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE certificates ADD COLUMN updated_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE profiles ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE profiles ADD COLUMN updated_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE registrations ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE registrations ADD COLUMN updated_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE ce_records ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE ce_records ADD COLUMN updated_by text COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX holders_office ON holders (office);

-- The triggers keep derived tables (the attention marks, the proofs to
-- drop) for every office: they run with the owner's rights, so that
-- neither a role's grants nor an office's rows limit them.
ALTER FUNCTION swcert_mark(bigint) SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION swcert_attention() SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION swcert_proof_drop() SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION swcert_holder_of(text, bigint) SECURITY DEFINER SET search_path = public, pg_temp;

-- Row-level security. The owner (who runs swcert admin init) is not
-- subject to it; every login is. "Whole agency" is worked out once a
-- statement (an uncorrelated subquery), not once a row.
ALTER TABLE holders ENABLE ROW LEVEL SECURITY;
CREATE POLICY office ON holders
    USING ((SELECT swcert_office() IS NULL) OR office = (SELECT swcert_office()))
    WITH CHECK ((SELECT swcert_office() IS NULL) OR office = (SELECT swcert_office()));
-- +goose StatementBegin
DO $$
DECLARE
    t record;
BEGIN
    -- Tables of a holder's, by holder_id.
    FOR t IN SELECT unnest(ARRAY['certificates', 'ce_records', 'profiles', 'photos', 'work_history', 'honours',
            'transfers', 'participants', 'service_records', 'attention', 'attention_fresh']) AS name LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
        EXECUTE format('CREATE POLICY office ON %I USING ((SELECT swcert_office() IS NULL)
            OR EXISTS (SELECT 1 FROM holders h WHERE h.id = holder_id))', t.name);
    END LOOP;
    -- Tables of a certificate's, by cert_id (certificates are filtered in turn).
    FOR t IN SELECT unnest(ARRAY['annotations', 'registrations', 'paper', 'mail_forms']) AS name LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
        EXECUTE format('CREATE POLICY office ON %I USING ((SELECT swcert_office() IS NULL)
            OR EXISTS (SELECT 1 FROM certificates c WHERE c.id = cert_id))', t.name);
    END LOOP;
END;
$$;
-- +goose StatementEnd
ALTER TABLE ce_proofs ENABLE ROW LEVEL SECURITY;
CREATE POLICY office ON ce_proofs USING ((SELECT swcert_office() IS NULL)
    OR EXISTS (SELECT 1 FROM ce_records r WHERE r.id = record_id));
ALTER TABLE work_proofs ENABLE ROW LEVEL SECURITY;
CREATE POLICY office ON work_proofs USING ((SELECT swcert_office() IS NULL)
    OR EXISTS (SELECT 1 FROM work_history w WHERE w.id = work_id));
ALTER TABLE honour_proofs ENABLE ROW LEVEL SECURITY;
CREATE POLICY office ON honour_proofs USING ((SELECT swcert_office() IS NULL)
    OR EXISTS (SELECT 1 FROM honours h WHERE h.id = honour_id));

-- +goose Down
DROP POLICY office ON honour_proofs;
ALTER TABLE honour_proofs DISABLE ROW LEVEL SECURITY;
DROP POLICY office ON work_proofs;
ALTER TABLE work_proofs DISABLE ROW LEVEL SECURITY;
DROP POLICY office ON ce_proofs;
ALTER TABLE ce_proofs DISABLE ROW LEVEL SECURITY;
-- +goose StatementBegin
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['certificates', 'ce_records', 'profiles', 'photos', 'work_history', 'honours',
            'transfers', 'participants', 'service_records', 'attention', 'attention_fresh',
            'annotations', 'registrations', 'paper', 'mail_forms', 'holders'] LOOP
        EXECUTE format('DROP POLICY office ON %I', t);
        EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', t);
    END LOOP;
END;
$$;
-- +goose StatementEnd
ALTER FUNCTION swcert_mark(bigint) SECURITY INVOKER;
ALTER FUNCTION swcert_attention() SECURITY INVOKER;
ALTER FUNCTION swcert_proof_drop() SECURITY INVOKER;
ALTER FUNCTION swcert_holder_of(text, bigint) SECURITY INVOKER;
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
DROP FUNCTION swcert_office();
DROP TABLE staff_offices;
