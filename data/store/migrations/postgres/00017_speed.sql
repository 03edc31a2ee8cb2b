-- +goose Up
-- The list search by SQL (search_server.go), fast for any query with
-- 1,000,000 holders.

-- The search text with every character beyond ASCII written three times:
-- a trigram index of it has a trigram for a word of one or two Chinese
-- characters (王 is 王王王, 王伟 is 王王王伟伟伟), which the plain text has
-- not (pg_trgm needs three characters, and a surname or a given name is
-- one or two). searchKey in search_server.go writes a query's words the
-- same way.
-- +goose StatementBegin
CREATE FUNCTION swcert_search_key(s text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(s, '([^\x01-\x7f])', '\1\1\1', 'g')
$$;
-- +goose StatementEnd
CREATE INDEX holders_search_key ON holders USING gin (swcert_search_key(search) gin_trgm_ops);

-- A word that many holders share is answered by walking the names in list
-- order to the page's end: with the search text and the phone in the
-- index, no row is read for it (9 s for half the table through
-- holders_name, 0.2 s through this).
CREATE INDEX holders_name_search ON holders (name, id) INCLUDE (search, phone);

-- A word matches a holder whose phone number it is: from an index too, so
-- the rows of either index are all that is read.
CREATE INDEX holders_phone ON holders (phone);

-- +goose Down
DROP INDEX holders_phone;
DROP INDEX holders_name_search;
DROP INDEX holders_search_key;
DROP FUNCTION swcert_search_key(text);
