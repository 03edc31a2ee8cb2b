-- +goose Up
-- Nothing for SQLite: a file has one office. The server's dialect keeps
-- an office's logins to their own office's audit entries and proof files
-- (migrations/postgres/00023_office_reads.sql).
SELECT 1;

-- +goose Down
SELECT 1;
