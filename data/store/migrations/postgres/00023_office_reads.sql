-- +goose Up
-- Row-level security (00016) kept an office's logins to their own
-- holders in every table of records, but three tables carry the holders'
-- data outside them: the audit log (each entry holds the record before
-- and after: names, employers, masked numbers), the proof files (CE
-- certificates, photos) and the search's keys (names, phones). Any login could read every office's with a
-- plain SELECT. Now an office's login reads the entries of its own
-- holders (and those of no holder: projects, keys) and the files its
-- own records refer to; a login of the whole agency reads everything.
-- The audit triggers write as the owner, whom row-level security lets
-- through; the whole chain is verified by a login of the whole agency
-- (an office's sees a part of it: VerifyAudit says so).
ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY office ON audit FOR SELECT USING ((SELECT swcert_office() IS NULL)
    OR holder_id IS NULL OR EXISTS (SELECT 1 FROM holders h WHERE h.id = holder_id));

-- The search's key table (00020) holds every holder's name and phone.
ALTER TABLE holder_search ENABLE ROW LEVEL SECURITY;
CREATE POLICY office ON holder_search USING ((SELECT swcert_office() IS NULL)
    OR EXISTS (SELECT 1 FROM holders h WHERE h.id = holder_search.id));

-- A file is read by the office whose records refer to it (the tables of
-- proofs are under row-level security in turn). It is written and dropped
-- with the owner's rights, by swcert_proof_keep and swcert_proof_drop: an
-- office's login may keep a file another office has (unseen to it), and
-- drop one none of its records refers to any more, which it cannot see.
-- Kept, a file must be what its hash says (a login could otherwise put
-- other content under the hash of another office's file), and only by a
-- login that may write proofs.
ALTER TABLE proof_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY office_read ON proof_files FOR SELECT USING ((SELECT swcert_office() IS NULL)
    OR EXISTS (SELECT 1 FROM ce_proofs p WHERE p.sha256 = proof_files.sha256)
    OR EXISTS (SELECT 1 FROM photos p WHERE p.sha256 = proof_files.sha256)
    OR EXISTS (SELECT 1 FROM work_proofs p WHERE p.sha256 = proof_files.sha256)
    OR EXISTS (SELECT 1 FROM honour_proofs p WHERE p.sha256 = proof_files.sha256));
-- +goose StatementBegin
CREATE FUNCTION swcert_proof_keep(sha text, content bytea, at text) RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT has_table_privilege(session_user, 'ce_proofs', 'INSERT') THEN
        RAISE EXCEPTION 'permission denied for table proof_files' USING ERRCODE = '42501';
    END IF;
    IF encode(sha256(content), 'hex') <> sha THEN
        RAISE EXCEPTION 'swcert: the content is not the proof''s' USING ERRCODE = '23514';
    END IF;
    INSERT INTO proof_files (sha256, data, size, created_at) VALUES (sha, content, length(content), at)
    ON CONFLICT (sha256) DO NOTHING;
END
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION swcert_proof_drop(sha text) RETURNS void LANGUAGE sql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DELETE FROM proof_files WHERE sha256 = sha AND NOT EXISTS (SELECT 1 FROM proof_refs WHERE sha256 = sha)
$$;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION swcert_proof_drop(text);
DROP FUNCTION swcert_proof_keep(text, bytea, text);
DROP POLICY office_read ON proof_files;
ALTER TABLE proof_files DISABLE ROW LEVEL SECURITY;
DROP POLICY office ON holder_search;
ALTER TABLE holder_search DISABLE ROW LEVEL SECURITY;
DROP POLICY office ON audit;
ALTER TABLE audit DISABLE ROW LEVEL SECURITY;
