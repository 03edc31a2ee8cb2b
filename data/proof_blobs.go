package data

// ProofBlobs is a database that keeps the proof files itself: a shared
// server, where every office must see every file (a folder beside the
// database would be one office's). The store writes a file in the
// transaction that saves the record referring to it, and removes it in
// the one that finds the last reference gone, as it does for a folder
// (ProofFiles); readers (data/proofs.Store) read the files here.
type ProofBlobs interface {
	// ProofBlob is the content of the file of a hash, refused (an error)
	// when larger than max before it is read; an error wrapping
	// fs.ErrNotExist when the database keeps none.
	ProofBlob(sha256 string, max int64) ([]byte, error)
	// ProofBlobHashes lists the hashes of the files kept.
	ProofBlobHashes() ([]string, error)
}
