-- +goose Up
-- A load of many statements in one transaction (a demo of 1,000,000
-- holders: 30,000 statements of a thousand rows) costs each statement
-- the same, however many rows came before it (#18).
--
-- The search texts of a statement's new certificates are written by a
-- query planned at each statement (EXECUTE). PL/pgSQL keeps a query's plan
-- for the session, and nothing in one transaction makes it plan again:
-- the plan of the first statement of a load, made when holders had a few
-- hundred rows, read the whole table at every statement after (a hash
-- join of every holder), and a demo slowed from 1,000 holders a second to
-- 325 at 400,000, ever slower. (The store's queries of a load are planned
-- at each run too: plan_cache_mode in bulkTx, db.go.)
--
-- A statement's rows of demo holders are left out of the audit by one
-- query, not one a row in its loop. Demo holders and their records are
-- not logged (../00014_audit.sql says why); the audit trigger looked each
-- row's holder up to find that it kept none of them. The rows it keeps,
-- and their entries, are the same (TestServerDemoBatchesAsRows,
-- TestAuditMatchesTheRules).
--
-- Both functions are given whole, as 00024 wrote them but for the lines
-- that say why: PostgreSQL replaces a function whole, and a migration
-- that ran stays as it was.

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION swcert_certificates_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        EXECUTE $q$UPDATE holders h SET search = h.search || a.mnos
        FROM (SELECT holder_id, string_agg(' ' || lower(mno COLLATE "C"), '' ORDER BY n) AS mnos
              FROM (SELECT holder_id, mno, row_number() OVER () AS n FROM added) c GROUP BY holder_id) a
        WHERE h.id = a.holder_id$q$;
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
        -- but a demo holder's (below), left out here by one query.
        added_rows := ARRAY(
            SELECT a.r FROM (SELECT to_jsonb(t) AS r, row_number() OVER () AS n FROM added t) a
            WHERE CASE WHEN TG_TABLE_NAME = 'holders' THEN (a.r->>'demo')::bigint = 0
                -- A scalar subquery, each row's holder found by its key:
                -- NOT EXISTS became a hash of every demo holder, the
                -- whole table read again at each statement.
                ELSE coalesce((SELECT h.demo FROM holders h WHERE h.id = swcert_audit_holder(TG_TABLE_NAME, a.r)), 0) = 0 END
            ORDER BY a.n);
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
        ELSIF TG_LEVEL = 'ROW' AND holder IS NOT NULL AND EXISTS (SELECT 1 FROM holders WHERE id = holder AND demo = 1) THEN
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

-- +goose Down
-- Nothing: the functions write what 00024's wrote (and 00024's Down puts
-- back the ones before it).
SELECT 1;
