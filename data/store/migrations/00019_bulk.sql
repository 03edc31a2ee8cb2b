-- +goose Up
-- Nothing for SQLite: a file seals its audit entries once per transaction
-- (audit.go sealAudit). The server's dialect moves the chain's end once
-- per transaction too (migrations/postgres/00019_bulk.sql).
SELECT 1;

-- +goose Down
SELECT 1;
