-- +goose Up
-- Nothing for SQLite: its list search is answered from memory
-- (search.go). The server's dialect adds the table of the search by SQL
-- (migrations/postgres/00020_server_paging.sql), which a file does not need.
SELECT 1;

-- +goose Down
SELECT 1;
