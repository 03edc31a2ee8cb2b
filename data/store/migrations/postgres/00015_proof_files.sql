-- +goose Up
-- Proof files on the shared server (#18): every office must see every CE
-- proof, photo and work or honour proof, so the files live in the
-- database rather than in a folder beside one office's program. A file is
-- kept once under the SHA-256 of its content, as in the folder
-- (data/proofs); the store writes it in the transaction that saves the
-- record referring to it and deletes it in the one that finds no
-- reference left (proof_refs, proof_drops). size is the content's length,
-- checked, so that a reader can refuse a file larger than its bound
-- before reading it.
CREATE TABLE proof_files (
    sha256     text COLLATE "C" PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    data       bytea NOT NULL,
    size       bigint NOT NULL CHECK (size = length(data)),
    created_at text COLLATE "C" NOT NULL
);

-- Whether any record refers to a hash, seen with the owner's rights: an
-- office's login sees only its own office's records (row-level security,
-- 00016), and a file another office's record refers to must not look
-- unreferenced to it and be deleted.
-- +goose StatementBegin
CREATE FUNCTION swcert_proof_used(sha text) RETURNS boolean LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM proof_refs WHERE sha256 = sha)
$$;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION swcert_proof_used(text);
DROP TABLE proof_files;
