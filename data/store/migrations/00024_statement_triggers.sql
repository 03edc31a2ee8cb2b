-- +goose Up
-- Nothing for SQLite: a file writes a row a statement, and its triggers
-- cost microseconds. The server's dialect works a statement's inserts out
-- once (migrations/postgres/00024_statement_triggers.sql).
SELECT 1;

-- +goose Down
SELECT 1;
