-- +goose Up
-- A statement's inserts are worked out once, not once a row (#18). An
-- import now writes its new holders and certificates a statement for a
-- thousand rows (import_server.go), and a row trigger ran its queries for
-- each of them: with 10,000 rows, 6 s of the import's 6.6 s were in the
-- triggers. After an INSERT the audit, the search texts, holder_search
-- and the attention marks now read the statement's rows from its
-- transition table (REFERENCING NEW TABLE AS added) and write what they
-- keep in a statement each. A single-row insert, as every other write
-- path makes, gets the same as before: the functions are the same
-- (a TG_LEVEL branch), and so are the texts, marks and entries
-- (TestPostgresTriggersMatchSQLite, TestAuditMatchesTheRules, and
-- TestServerImportBatchesAsRows for an import's thousands).
--
-- A transition table's rows are read in the order they were inserted
-- (it is a tuplestore, read from the start), which is the order a row
-- trigger saw them: the audit chains them in it.
--
-- Besides:
--   - the audit's guard checks who writes once a statement: who it is does
--     not change from row to row;
--   - an update of holders.search alone (a certificate's search text) no
--     longer calls the audit, which left it out anyway: holders_audit
--     fires on the other columns only (every update of a holder's own
--     fields sets its version, so names one of them);
--   - holders_search_trgm goes: no search reads it since 00020 (the
--     server searches holder_search's key, and holders.search by strpos,
--     which no trigram index serves), and each insert and each new
--     certificate wrote a dozen of its entries.

-- The row of an audited table as its entry names it, and whose it is
-- (were in swcert_audit, 00019).
-- +goose StatementBegin
CREATE FUNCTION swcert_audit_key(table_name text, r jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE table_name
        WHEN 'seal_keys' THEN r->>'kid'
        WHEN 'participants' THEN (r->>'project_id') || '/' || (r->>'holder_id')
        WHEN 'mail_forms' THEN r->>'cert_id'
        WHEN 'profiles' THEN r->>'holder_id'
        WHEN 'photos' THEN r->>'holder_id'
        WHEN 'honour_proofs' THEN r->>'honour_id'
        ELSE r->>'id' END
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION swcert_audit_holder(table_name text, r jsonb) RETURNS bigint LANGUAGE plpgsql STABLE
SET search_path FROM CURRENT AS $$
BEGIN
    RETURN CASE
        WHEN table_name = 'holders' THEN (r->>'id')::bigint
        WHEN table_name IN ('annotations', 'registrations', 'paper', 'mail_forms') THEN
            (SELECT holder_id FROM certificates WHERE id = (r->>'cert_id')::bigint)
        WHEN table_name = 'ce_proofs' THEN (SELECT holder_id FROM ce_records WHERE id = (r->>'record_id')::bigint)
        WHEN table_name = 'work_proofs' THEN (SELECT holder_id FROM work_history WHERE id = (r->>'work_id')::bigint)
        WHEN table_name = 'honour_proofs' THEN (SELECT holder_id FROM honours WHERE id = (r->>'honour_id')::bigint)
        ELSE (r->>'holder_id')::bigint END;
END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION swcert_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
DECLARE
    old_row jsonb;
    new_row jsonb;
    added_row jsonb;
    added_rows jsonb[] := ARRAY[NULL::jsonb]; -- a row trigger's: one entry, of OLD and NEW
    r jsonb;
    holder bigint;
    last bigint;
    prev text;
    stamp text := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    op text := lower(TG_OP);
    own_last bigint;
    own_prev text;
    -- The entries of a statement, written at its end in one insert (set
    -- by subscript: PL/pgSQL grows an array in place that way).
    n int := 0;
    ids bigint[] := '{}';
    keys text[] := '{}';
    holders bigint[] := '{}';
    befores text[] := '{}';
    afters text[] := '{}';
    hashes text[] := '{}';
    prevs text[] := '{}';
BEGIN
    -- Only a derived column changed (the search text): no entry, as on a
    -- file, where the WHEN of the update trigger says the same.
    IF TG_LEVEL = 'ROW' AND TG_OP = 'UPDATE' AND to_jsonb(OLD) - ARRAY['search', 'id_hash', 'phone_hash', 'private_key']
            = to_jsonb(NEW) - ARRAY['search', 'id_hash', 'phone_hash', 'private_key'] THEN
        RETURN NULL;
    END IF;
    IF TG_LEVEL = 'STATEMENT' THEN -- after an INSERT: an entry a row
        added_rows := ARRAY(SELECT to_jsonb(a) FROM added a);
    END IF;
    FOREACH added_row IN ARRAY added_rows LOOP
        IF TG_LEVEL = 'STATEMENT' THEN
            old_row := NULL;
            new_row := swcert_audit_row(added_row, TG_TABLE_NAME);
        ELSE
            IF TG_OP <> 'INSERT' THEN old_row := swcert_audit_row(to_jsonb(OLD), TG_TABLE_NAME); END IF;
            IF TG_OP <> 'DELETE' THEN new_row := swcert_audit_row(to_jsonb(NEW), TG_TABLE_NAME); END IF;
        END IF;
        r := coalesce(new_row, old_row);
        holder := swcert_audit_holder(TG_TABLE_NAME, r);
        -- Demo holders and their records are not logged (00014 says why);
        -- a holder made demo or made real is.
        IF TG_TABLE_NAME = 'holders' THEN
            IF coalesce((old_row->>'demo')::bigint, 1) = 1 AND coalesce((new_row->>'demo')::bigint, 1) = 1 THEN
                CONTINUE;
            END IF;
        ELSIF holder IS NOT NULL AND EXISTS (SELECT 1 FROM holders WHERE id = holder AND demo = 1) THEN
            CONTINUE;
        END IF;
        -- The head is locked (writers append one after another) but moves
        -- once, at commit (swcert_audit_head_move, 00019); until then the
        -- chain's end is this transaction's newest entry after it.
        IF last IS NULL THEN
            SELECT last_id, hash INTO last, prev FROM audit_head WHERE chain = 'audit' FOR UPDATE;
            SELECT id, hash INTO own_last, own_prev FROM audit WHERE id > last ORDER BY id DESC LIMIT 1;
            IF own_last IS NOT NULL THEN
                last := own_last;
                prev := own_prev;
            END IF;
        END IF;
        n := n + 1;
        last := last + 1;
        prevs[n] := prev;
        ids[n] := last;
        keys[n] := swcert_audit_key(TG_TABLE_NAME, r);
        holders[n] := holder;
        befores[n] := old_row::text;
        afters[n] := new_row::text;
        prev := swcert_audit_hash(prev, last, stamp, session_user::text, TG_TABLE_NAME, keys[n], op, old_row::text, new_row::text);
        hashes[n] := prev;
    END LOOP;
    IF n > 0 THEN
        INSERT INTO audit (id, at, who, table_name, row_id, holder_id, op, before_row, after_row, prev, hash)
        SELECT e.id, stamp, session_user, TG_TABLE_NAME, e.row_id, e.holder_id, op, e.before_row, e.after_row, e.prev, e.hash
        FROM unnest(ids, keys, holders, befores, afters, prevs, hashes) WITH ORDINALITY
            AS e (id, row_id, holder_id, before_row, after_row, prev, hash, n)
        ORDER BY e.n;
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

-- Every audited table (00014): its updates and deletes a row at a time,
-- its inserts a statement at a time.
-- +goose StatementBegin
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['holders', 'certificates', 'annotations', 'registrations', 'ce_records', 'ce_proofs',
            'paper', 'mail_forms', 'profiles', 'photos', 'work_history', 'work_proofs', 'honours', 'honour_proofs',
            'transfers', 'projects', 'participants', 'service_records', 'seal_keys'] LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_audit', t);
        IF t <> 'holders' THEN
            EXECUTE format('CREATE TRIGGER %I AFTER UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION swcert_audit()',
                t || '_audit', t);
        END IF;
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION swcert_audit()', t || '_audit_insert', t);
    END LOOP;
END;
$$;
-- +goose StatementEnd
-- Every column but the search text (TestHoldersAuditWatchesEveryColumn).
CREATE TRIGGER holders_audit AFTER DELETE OR UPDATE OF id, name, id_type, id_number, phone, org, region, demo,
        created_at, updated_at, id_hash, phone_hash, office, version, updated_by ON holders
    FOR EACH ROW EXECUTE FUNCTION swcert_audit();

DROP TRIGGER audit_guard ON audit;
CREATE TRIGGER audit_guard BEFORE INSERT OR UPDATE OR DELETE ON audit FOR EACH STATEMENT EXECUTE FUNCTION swcert_audit_guard();
DROP TRIGGER audit_head_guard ON audit_head;
CREATE TRIGGER audit_head_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_head FOR EACH STATEMENT EXECUTE FUNCTION swcert_audit_guard();

DROP INDEX holders_search_trgm;

-- The search text (00013): a statement's new certificates are appended
-- to their holders' texts, each after a space, in the order inserted, as
-- one at a time would append them.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION swcert_certificates_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        UPDATE holders h SET search = h.search || a.mnos
        FROM (SELECT holder_id, string_agg(' ' || lower(mno COLLATE "C"), '' ORDER BY n) AS mnos
              FROM (SELECT holder_id, mno, row_number() OVER () AS n FROM added) c GROUP BY holder_id) a
        WHERE h.id = a.holder_id;
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE holders SET search = swcert_search_text(name, id_number, org, id)
        WHERE id IN (OLD.holder_id, NEW.holder_id);
    ELSE
        UPDATE holders SET search = swcert_search_text(name, id_number, org, id) WHERE id = OLD.holder_id;
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
DROP TRIGGER certificates_search ON certificates;
CREATE TRIGGER certificates_search AFTER UPDATE OF mno, holder_id OR DELETE ON certificates
    FOR EACH ROW EXECUTE FUNCTION swcert_certificates_search();
CREATE TRIGGER certificates_search_insert AFTER INSERT ON certificates REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION swcert_certificates_search();

-- holder_search (00020): a statement's new holders in one insert, and
-- the holders whose search text, name or phone it changed in another (the
-- holders of a statement's new certificates: their search texts).
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION swcert_holder_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_LEVEL = 'STATEMENT' AND TG_OP = 'INSERT' THEN
        INSERT INTO holder_search (id, name, phone, key)
        SELECT id, name, phone, swcert_search_key(search) FROM added
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, key = EXCLUDED.key;
        RETURN NULL;
    ELSIF TG_LEVEL = 'STATEMENT' THEN
        INSERT INTO holder_search (id, name, phone, key)
        SELECT n.id, n.name, n.phone, swcert_search_key(n.search) FROM added n JOIN gone o ON o.id = n.id
        WHERE o.search IS DISTINCT FROM n.search OR o.name IS DISTINCT FROM n.name OR o.phone IS DISTINCT FROM n.phone
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, key = EXCLUDED.key;
        RETURN NULL;
    END IF;
    INSERT INTO holder_search (id, name, phone, key)
    VALUES (NEW.id, NEW.name, NEW.phone, swcert_search_key(NEW.search))
    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, key = EXCLUDED.key;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
DROP TRIGGER holder_search_insert ON holders;
CREATE TRIGGER holder_search_insert AFTER INSERT ON holders REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION swcert_holder_search();
DROP TRIGGER holder_search_update ON holders;
CREATE TRIGGER holder_search_update AFTER UPDATE ON holders REFERENCING OLD TABLE AS gone NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION swcert_holder_search();

-- The attention marks (00013, 00019): a statement's inserts mark each
-- holder they touch once. (gen counts writes only to tell that one came
-- after a reading: one move for a statement of many rows says as much.)
-- +goose StatementBegin
CREATE FUNCTION swcert_mark_all(holders bigint[]) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO attention_fresh (holder_id, until, gen)
    SELECT DISTINCT h, 0, 1 FROM unnest(holders) h WHERE h IS NOT NULL
    ON CONFLICT (holder_id) DO UPDATE SET until = 0, gen = attention_fresh.gen + 1;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION swcert_attention() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    via text := TG_ARGV[0];
    old_ref bigint;
    new_ref bigint;
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN -- after an INSERT: the column named by via is the reference
        PERFORM swcert_mark_all(ARRAY(SELECT swcert_holder_of(via, (to_jsonb(a)->>via)::bigint) FROM added a));
        RETURN NULL;
    END IF;
    -- A record's fields cannot be named by a variable: one branch a kind
    -- (each is only planned when it runs, so a table without the others'
    -- columns is fine).
    IF via = 'id' THEN
        IF TG_OP <> 'INSERT' THEN old_ref := OLD.id; END IF;
        IF TG_OP <> 'DELETE' THEN new_ref := NEW.id; END IF;
    ELSIF via = 'holder_id' THEN
        IF TG_OP <> 'INSERT' THEN old_ref := OLD.holder_id; END IF;
        IF TG_OP <> 'DELETE' THEN new_ref := NEW.holder_id; END IF;
    ELSIF via = 'cert_id' THEN
        IF TG_OP <> 'INSERT' THEN old_ref := OLD.cert_id; END IF;
        IF TG_OP <> 'DELETE' THEN new_ref := NEW.cert_id; END IF;
    ELSIF via = 'work_id' THEN
        IF TG_OP <> 'INSERT' THEN old_ref := OLD.work_id; END IF;
        IF TG_OP <> 'DELETE' THEN new_ref := NEW.work_id; END IF;
    ELSE
        RAISE EXCEPTION 'swcert_attention: unknown argument %', via;
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (TG_NARGS < 2 OR TG_ARGV[1] <> 'new')) THEN
        PERFORM swcert_mark(swcert_holder_of(via, old_ref));
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM swcert_mark(swcert_holder_of(via, new_ref));
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
DROP TRIGGER holders_attention ON holders;
CREATE TRIGGER holders_attention AFTER UPDATE OF name, org, region OR DELETE ON holders
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('id', 'new');
CREATE TRIGGER holders_attention_insert AFTER INSERT ON holders REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION swcert_attention('id');
DROP TRIGGER certificates_attention ON certificates;
CREATE TRIGGER certificates_attention AFTER UPDATE OR DELETE ON certificates
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('holder_id');
CREATE TRIGGER certificates_attention_insert AFTER INSERT ON certificates REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION swcert_attention('holder_id');
DROP TRIGGER ce_records_attention ON ce_records;
CREATE TRIGGER ce_records_attention AFTER UPDATE OR DELETE ON ce_records
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('holder_id');
CREATE TRIGGER ce_records_attention_insert AFTER INSERT ON ce_records REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION swcert_attention('holder_id');
DROP TRIGGER annotations_attention ON annotations;
CREATE TRIGGER annotations_attention AFTER UPDATE OR DELETE ON annotations
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('cert_id');
CREATE TRIGGER annotations_attention_insert AFTER INSERT ON annotations REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION swcert_attention('cert_id');
DROP TRIGGER registrations_attention ON registrations;
CREATE TRIGGER registrations_attention AFTER UPDATE OR DELETE ON registrations
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('cert_id');
CREATE TRIGGER registrations_attention_insert AFTER INSERT ON registrations REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION swcert_attention('cert_id');
DROP TRIGGER paper_attention ON paper;
CREATE TRIGGER paper_attention AFTER UPDATE OR DELETE ON paper
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('cert_id');
CREATE TRIGGER paper_attention_insert AFTER INSERT ON paper REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION swcert_attention('cert_id');
DROP TRIGGER profiles_attention ON profiles;
CREATE TRIGGER profiles_attention AFTER UPDATE OR DELETE ON profiles
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('holder_id', 'new');
CREATE TRIGGER profiles_attention_insert AFTER INSERT ON profiles REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION swcert_attention('holder_id');
DROP TRIGGER photos_attention ON photos;
CREATE TRIGGER photos_attention AFTER DELETE ON photos
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('holder_id');
CREATE TRIGGER photos_attention_insert AFTER INSERT ON photos REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION swcert_attention('holder_id');
DROP TRIGGER work_history_attention ON work_history;
CREATE TRIGGER work_history_attention AFTER UPDATE OF programme, holder_id OR DELETE ON work_history
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('holder_id');
CREATE TRIGGER work_history_attention_insert AFTER INSERT ON work_history REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION swcert_attention('holder_id');
DROP TRIGGER work_proofs_attention ON work_proofs;
CREATE TRIGGER work_proofs_attention AFTER DELETE ON work_proofs
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('work_id');
CREATE TRIGGER work_proofs_attention_insert AFTER INSERT ON work_proofs REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION swcert_attention('work_id');

-- +goose Down
-- As 00013, 00014, 00019 and 00020 made them.
DROP TRIGGER work_proofs_attention_insert ON work_proofs;
DROP TRIGGER work_proofs_attention ON work_proofs;
CREATE TRIGGER work_proofs_attention AFTER INSERT OR DELETE ON work_proofs
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('work_id');
DROP TRIGGER work_history_attention_insert ON work_history;
DROP TRIGGER work_history_attention ON work_history;
CREATE TRIGGER work_history_attention AFTER INSERT OR UPDATE OF programme, holder_id OR DELETE ON work_history
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('holder_id');
DROP TRIGGER photos_attention_insert ON photos;
DROP TRIGGER photos_attention ON photos;
CREATE TRIGGER photos_attention AFTER INSERT OR DELETE ON photos
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('holder_id');
DROP TRIGGER profiles_attention_insert ON profiles;
DROP TRIGGER profiles_attention ON profiles;
CREATE TRIGGER profiles_attention AFTER INSERT OR UPDATE OR DELETE ON profiles
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('holder_id', 'new');
DROP TRIGGER paper_attention_insert ON paper;
DROP TRIGGER paper_attention ON paper;
CREATE TRIGGER paper_attention AFTER INSERT OR UPDATE OR DELETE ON paper
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('cert_id');
DROP TRIGGER registrations_attention_insert ON registrations;
DROP TRIGGER registrations_attention ON registrations;
CREATE TRIGGER registrations_attention AFTER INSERT OR UPDATE OR DELETE ON registrations
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('cert_id');
DROP TRIGGER annotations_attention_insert ON annotations;
DROP TRIGGER annotations_attention ON annotations;
CREATE TRIGGER annotations_attention AFTER INSERT OR UPDATE OR DELETE ON annotations
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('cert_id');
DROP TRIGGER ce_records_attention_insert ON ce_records;
DROP TRIGGER ce_records_attention ON ce_records;
CREATE TRIGGER ce_records_attention AFTER INSERT OR UPDATE OR DELETE ON ce_records
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('holder_id');
DROP TRIGGER certificates_attention_insert ON certificates;
DROP TRIGGER certificates_attention ON certificates;
CREATE TRIGGER certificates_attention AFTER INSERT OR UPDATE OR DELETE ON certificates
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('holder_id');
DROP TRIGGER holders_attention_insert ON holders;
DROP TRIGGER holders_attention ON holders;
CREATE TRIGGER holders_attention AFTER INSERT OR UPDATE OF name, org, region OR DELETE ON holders
    FOR EACH ROW EXECUTE FUNCTION swcert_attention('id', 'new');
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION swcert_attention() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    via text := TG_ARGV[0];
    old_ref bigint;
    new_ref bigint;
BEGIN
    -- A record's fields cannot be named by a variable: one branch a kind
    -- (each is only planned when it runs, so a table without the others'
    -- columns is fine).
    IF via = 'id' THEN
        IF TG_OP <> 'INSERT' THEN old_ref := OLD.id; END IF;
        IF TG_OP <> 'DELETE' THEN new_ref := NEW.id; END IF;
    ELSIF via = 'holder_id' THEN
        IF TG_OP <> 'INSERT' THEN old_ref := OLD.holder_id; END IF;
        IF TG_OP <> 'DELETE' THEN new_ref := NEW.holder_id; END IF;
    ELSIF via = 'cert_id' THEN
        IF TG_OP <> 'INSERT' THEN old_ref := OLD.cert_id; END IF;
        IF TG_OP <> 'DELETE' THEN new_ref := NEW.cert_id; END IF;
    ELSIF via = 'work_id' THEN
        IF TG_OP <> 'INSERT' THEN old_ref := OLD.work_id; END IF;
        IF TG_OP <> 'DELETE' THEN new_ref := NEW.work_id; END IF;
    ELSE
        RAISE EXCEPTION 'swcert_attention: unknown argument %', via;
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (TG_NARGS < 2 OR TG_ARGV[1] <> 'new')) THEN
        PERFORM swcert_mark(swcert_holder_of(via, old_ref));
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM swcert_mark(swcert_holder_of(via, new_ref));
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
DROP FUNCTION swcert_mark_all(bigint[]);

DROP TRIGGER holder_search_update ON holders;
DROP TRIGGER holder_search_insert ON holders;
CREATE TRIGGER holder_search_insert AFTER INSERT ON holders
    FOR EACH ROW EXECUTE FUNCTION swcert_holder_search();
CREATE TRIGGER holder_search_update AFTER UPDATE ON holders
    FOR EACH ROW WHEN (OLD.search IS DISTINCT FROM NEW.search OR OLD.name IS DISTINCT FROM NEW.name
        OR OLD.phone IS DISTINCT FROM NEW.phone)
    EXECUTE FUNCTION swcert_holder_search();
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION swcert_holder_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO holder_search (id, name, phone, key)
    VALUES (NEW.id, NEW.name, NEW.phone, swcert_search_key(NEW.search))
    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, key = EXCLUDED.key;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

DROP TRIGGER certificates_search_insert ON certificates;
DROP TRIGGER certificates_search ON certificates;
CREATE TRIGGER certificates_search AFTER INSERT OR UPDATE OF mno, holder_id OR DELETE ON certificates
    FOR EACH ROW EXECUTE FUNCTION swcert_certificates_search();
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION swcert_certificates_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE holders SET search = search || ' ' || lower(NEW.mno COLLATE "C") WHERE id = NEW.holder_id;
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE holders SET search = swcert_search_text(name, id_number, org, id)
        WHERE id IN (OLD.holder_id, NEW.holder_id);
    ELSE
        UPDATE holders SET search = swcert_search_text(name, id_number, org, id) WHERE id = OLD.holder_id;
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

CREATE INDEX holders_search_trgm ON holders USING gin (search gin_trgm_ops);

DROP TRIGGER audit_head_guard ON audit_head;
CREATE TRIGGER audit_head_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_head FOR EACH ROW EXECUTE FUNCTION swcert_audit_guard();
DROP TRIGGER audit_guard ON audit;
CREATE TRIGGER audit_guard BEFORE INSERT OR UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION swcert_audit_guard();

DROP TRIGGER holders_audit ON holders;
-- +goose StatementBegin
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['holders', 'certificates', 'annotations', 'registrations', 'ce_records', 'ce_proofs',
            'paper', 'mail_forms', 'profiles', 'photos', 'work_history', 'work_proofs', 'honours', 'honour_proofs',
            'transfers', 'projects', 'participants', 'service_records', 'seal_keys'] LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_audit_insert', t);
        IF t <> 'holders' THEN
            EXECUTE format('DROP TRIGGER %I ON %I', t || '_audit', t);
        END IF;
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION swcert_audit()',
            t || '_audit', t);
    END LOOP;
END;
$$;
-- +goose StatementEnd
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
DROP FUNCTION swcert_audit_holder(text, jsonb);
DROP FUNCTION swcert_audit_key(text, jsonb);
