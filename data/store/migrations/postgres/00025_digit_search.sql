-- +goose Up
-- An ID number's first digits found fast among 1,000,000 holders
-- (search_server.go). Digits have a thousand trigrams between them, and
-- every ID number shares most of its trigrams with every other (110105,
-- 1960…): for 15 digits the trigram index of holder_search's key named
-- thousands of holders that have all the trigrams somewhere, each then
-- checked on its key (53–87 ms for the 100 holders that match). Six
-- digits in a row are a million different keys, and where they are in an
-- ID number (the region, the date of birth, the order) is in them: the
-- digits of a word are looked up six at a time here, and only the few
-- holders that have each such run are checked. The runs of a key are its
-- every six consecutive digits (as numbers: 000123 is 123, as no other
-- run of six is); digitGrams in search_server.go writes a word's the same.
-- +goose StatementBegin
CREATE FUNCTION swcert_digit_grams(t text) RETURNS int[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(m[1], i, 6)::int), '{}')
    FROM regexp_matches(t, '[0-9]{6,}', 'g') AS m, generate_series(1, length(m[1]) - 5) AS i
$$;
-- +goose StatementEnd
SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX holder_search_digits ON holder_search USING gin (swcert_digit_grams(key));

-- +goose Down
DROP INDEX holder_search_digits;
DROP FUNCTION swcert_digit_grams(text);
