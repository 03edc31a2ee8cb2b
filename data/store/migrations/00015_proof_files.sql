-- +goose Up
-- Proof files on a shared server (migrations/postgres/00015_proof_files.sql):
-- a SQLite file keeps them in the folder beside it (data/proofs), which
-- only its own computer reads, so nothing changes here. The number is
-- taken so that a database of either kind at version 15 has the same
-- schema but for the server's own table (migrations/postgres/README.md).
SELECT 1;

-- +goose Down
SELECT 1;
