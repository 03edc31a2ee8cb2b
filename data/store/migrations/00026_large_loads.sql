-- +goose Up
-- Nothing for SQLite: its triggers work a row at a time, as a file writes
-- them, each with the plan of a statement SQLite prepares for it. The
-- server's dialect plans a load's statements as the tables grow
-- (migrations/postgres/00026_large_loads.sql).
SELECT 1;

-- +goose Down
SELECT 1;
