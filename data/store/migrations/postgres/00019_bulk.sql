-- +goose Up
-- The server's bulk writes (#18): an import of 10,000 rows into one
-- transaction wrote 15,000 audit entries, and each moved the chain's end,
-- the one row of audit_head. Every update of a row leaves a new version
-- that the same transaction's next read walks past (none can be pruned
-- before it commits): the n-th entry walked n versions, and the head's
-- read and update took half of the import's time (0.27 ms each, growing).
--
-- Now the entry chains on this transaction's newest entry after the head
-- (found by the primary key) and the head moves once, at commit: a
-- deferred trigger on audit moves it to the newest entry. The head is
-- still locked FOR UPDATE at the first entry, so writers still append
-- one after another and a SERIALIZABLE one that raced another is refused
-- and run again (00014); the committed head is the chain's end as before,
-- what VerifyAudit compares with.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION swcert_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
DECLARE
    old_row jsonb;
    new_row jsonb;
    r jsonb;
    key text;
    holder bigint;
    last bigint;
    prev text;
    stamp text := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    op text := lower(TG_OP);
    h text;
    own_last bigint;
    own_prev text;
BEGIN
    -- Only a derived column changed (the search text): no entry, as on a
    -- file, where the WHEN of the update trigger says the same.
    IF TG_OP = 'UPDATE' AND to_jsonb(OLD) - ARRAY['search', 'id_hash', 'phone_hash', 'private_key']
            = to_jsonb(NEW) - ARRAY['search', 'id_hash', 'phone_hash', 'private_key'] THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN old_row := swcert_audit_row(to_jsonb(OLD), TG_TABLE_NAME); END IF;
    IF TG_OP <> 'DELETE' THEN new_row := swcert_audit_row(to_jsonb(NEW), TG_TABLE_NAME); END IF;
    r := coalesce(new_row, old_row);
    key := CASE TG_TABLE_NAME
        WHEN 'seal_keys' THEN r->>'kid'
        WHEN 'participants' THEN (r->>'project_id') || '/' || (r->>'holder_id')
        WHEN 'mail_forms' THEN r->>'cert_id'
        WHEN 'profiles' THEN r->>'holder_id'
        WHEN 'photos' THEN r->>'holder_id'
        WHEN 'honour_proofs' THEN r->>'honour_id'
        ELSE r->>'id' END;
    holder := CASE
        WHEN TG_TABLE_NAME = 'holders' THEN (r->>'id')::bigint
        WHEN TG_TABLE_NAME IN ('annotations', 'registrations', 'paper', 'mail_forms') THEN
            (SELECT holder_id FROM certificates WHERE id = (r->>'cert_id')::bigint)
        WHEN TG_TABLE_NAME = 'ce_proofs' THEN (SELECT holder_id FROM ce_records WHERE id = (r->>'record_id')::bigint)
        WHEN TG_TABLE_NAME = 'work_proofs' THEN (SELECT holder_id FROM work_history WHERE id = (r->>'work_id')::bigint)
        WHEN TG_TABLE_NAME = 'honour_proofs' THEN (SELECT holder_id FROM honours WHERE id = (r->>'honour_id')::bigint)
        ELSE (r->>'holder_id')::bigint END;
    -- Demo holders and their records are not logged (../00014_audit.sql
    -- says why); a holder made demo or made real is.
    IF TG_TABLE_NAME = 'holders' THEN
        IF coalesce((old_row->>'demo')::bigint, 1) = 1 AND coalesce((new_row->>'demo')::bigint, 1) = 1 THEN
            RETURN NULL;
        END IF;
    ELSIF holder IS NOT NULL AND EXISTS (SELECT 1 FROM holders WHERE id = holder AND demo = 1) THEN
        RETURN NULL;
    END IF;
    -- The head is locked (as before: writers append one after another)
    -- but moves once, at commit (swcert_audit_head_move); until then the
    -- chain's end is this transaction's newest entry after it.
    SELECT last_id, hash INTO last, prev FROM audit_head WHERE chain = 'audit' FOR UPDATE;
    SELECT id, hash INTO own_last, own_prev FROM audit WHERE id > last ORDER BY id DESC LIMIT 1;
    IF own_last IS NOT NULL THEN
        last := own_last;
        prev := own_prev;
    END IF;
    h := swcert_audit_hash(prev, last + 1, stamp, session_user::text, TG_TABLE_NAME, key, op, old_row::text, new_row::text);
    INSERT INTO audit (id, at, who, table_name, row_id, holder_id, op, before_row, after_row, prev, hash)
    VALUES (last + 1, stamp, session_user, TG_TABLE_NAME, key, holder, op, old_row::text, new_row::text, prev, h);
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION swcert_audit_head_move() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
BEGIN
    -- Fired for every entry at commit; only the newest moves the head.
    IF NEW.id = (SELECT max(id) FROM audit) THEN
        UPDATE audit_head SET last_id = NEW.id, hash = NEW.hash WHERE chain = 'audit' AND last_id < NEW.id;
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE CONSTRAINT TRIGGER audit_head_move AFTER INSERT ON audit DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION swcert_audit_head_move();

-- The attention marks: swcert_mark and swcert_holder_of were SQL
-- functions, planned anew at every call (an INSERT ... ON CONFLICT is
-- never inlined), 0.18 ms a mark, one a row written. In PL/pgSQL their
-- plans are kept for the session; what they do is the same (00013), and
-- they keep 00016's rights.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION swcert_mark(holder bigint) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF holder IS NOT NULL THEN
        INSERT INTO attention_fresh (holder_id, until, gen) VALUES (holder, 0, 1)
        ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = attention_fresh.gen + 1;
    END IF;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION swcert_holder_of(via text, ref bigint) RETURNS bigint LANGUAGE plpgsql STABLE
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    CASE via
        WHEN 'id', 'holder_id' THEN RETURN ref;
        WHEN 'cert_id' THEN RETURN (SELECT holder_id FROM certificates WHERE id = ref);
        WHEN 'work_id' THEN RETURN (SELECT holder_id FROM work_history WHERE id = ref);
        ELSE RETURN NULL;
    END CASE;
END;
$$;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER audit_head_move ON audit;
DROP FUNCTION swcert_audit_head_move();
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION swcert_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
DECLARE
    old_row jsonb;
    new_row jsonb;
    r jsonb;
    key text;
    holder bigint;
    last bigint;
    prev text;
    stamp text := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    op text := lower(TG_OP);
    h text;
BEGIN
    -- Only a derived column changed (the search text): no entry, as on a
    -- file, where the WHEN of the update trigger says the same.
    IF TG_OP = 'UPDATE' AND to_jsonb(OLD) - ARRAY['search', 'id_hash', 'phone_hash', 'private_key']
            = to_jsonb(NEW) - ARRAY['search', 'id_hash', 'phone_hash', 'private_key'] THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN old_row := swcert_audit_row(to_jsonb(OLD), TG_TABLE_NAME); END IF;
    IF TG_OP <> 'DELETE' THEN new_row := swcert_audit_row(to_jsonb(NEW), TG_TABLE_NAME); END IF;
    r := coalesce(new_row, old_row);
    key := CASE TG_TABLE_NAME
        WHEN 'seal_keys' THEN r->>'kid'
        WHEN 'participants' THEN (r->>'project_id') || '/' || (r->>'holder_id')
        WHEN 'mail_forms' THEN r->>'cert_id'
        WHEN 'profiles' THEN r->>'holder_id'
        WHEN 'photos' THEN r->>'holder_id'
        WHEN 'honour_proofs' THEN r->>'honour_id'
        ELSE r->>'id' END;
    holder := CASE
        WHEN TG_TABLE_NAME = 'holders' THEN (r->>'id')::bigint
        WHEN TG_TABLE_NAME IN ('annotations', 'registrations', 'paper', 'mail_forms') THEN
            (SELECT holder_id FROM certificates WHERE id = (r->>'cert_id')::bigint)
        WHEN TG_TABLE_NAME = 'ce_proofs' THEN (SELECT holder_id FROM ce_records WHERE id = (r->>'record_id')::bigint)
        WHEN TG_TABLE_NAME = 'work_proofs' THEN (SELECT holder_id FROM work_history WHERE id = (r->>'work_id')::bigint)
        WHEN TG_TABLE_NAME = 'honour_proofs' THEN (SELECT holder_id FROM honours WHERE id = (r->>'honour_id')::bigint)
        ELSE (r->>'holder_id')::bigint END;
    -- Demo holders and their records are not logged (../00014_audit.sql
    -- says why); a holder made demo or made real is.
    IF TG_TABLE_NAME = 'holders' THEN
        IF coalesce((old_row->>'demo')::bigint, 1) = 1 AND coalesce((new_row->>'demo')::bigint, 1) = 1 THEN
            RETURN NULL;
        END IF;
    ELSIF holder IS NOT NULL AND EXISTS (SELECT 1 FROM holders WHERE id = holder AND demo = 1) THEN
        RETURN NULL;
    END IF;
    SELECT last_id, hash INTO last, prev FROM audit_head WHERE chain = 'audit' FOR UPDATE;
    h := swcert_audit_hash(prev, last + 1, stamp, session_user::text, TG_TABLE_NAME, key, op, old_row::text, new_row::text);
    INSERT INTO audit (id, at, who, table_name, row_id, holder_id, op, before_row, after_row, prev, hash)
    VALUES (last + 1, stamp, session_user, TG_TABLE_NAME, key, holder, op, old_row::text, new_row::text, prev, h);
    UPDATE audit_head SET last_id = last + 1, hash = h WHERE chain = 'audit';
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION swcert_mark(holder bigint) RETURNS void LANGUAGE sql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO attention_fresh (holder_id, until, gen) SELECT holder, 0, 1 WHERE holder IS NOT NULL
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = attention_fresh.gen + 1
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION swcert_holder_of(via text, ref bigint) RETURNS bigint LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE via
        WHEN 'id' THEN ref
        WHEN 'holder_id' THEN ref
        WHEN 'cert_id' THEN (SELECT holder_id FROM certificates WHERE id = ref)
        WHEN 'work_id' THEN (SELECT holder_id FROM work_history WHERE id = ref)
    END
$$;
-- +goose StatementEnd
