-- +goose Up
-- Nothing for SQLite: a file searches its holders in memory (search.go).
-- The server's dialect indexes the digits of the search keys
-- (migrations/postgres/00025_digit_search.sql).
SELECT 1;

-- +goose Down
SELECT 1;
