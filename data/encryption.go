package data

import (
	"context"
	"unicode/utf8"
)

// EncryptionService turns encryption at rest on and off (the SQLite file;
// a shared server keeps its own and does not offer it). While it is on,
// ID numbers, phone numbers and proof files are stored sealed under a key
// that only the passphrase unlocks; names, dates and everything else stay
// plain so that lists, search and the rules work as before.
type EncryptionService interface {
	Encryption(ctx context.Context) (EncryptionStatus, error)
	// EnableEncryption seals every ID and phone number in one transaction
	// (all or nothing), then every proof file.
	EnableEncryption(ctx context.Context, passphrase []byte) error
	// ChangePassphrase wraps the same data key under the next passphrase:
	// nothing else is written again.
	ChangePassphrase(ctx context.Context, current, next []byte) error
	// DisableEncryption gives back every value and file plain.
	DisableEncryption(ctx context.Context, current []byte) error
}

// EncryptionStatus says whether the store is encrypted, and with which
// costs its passphrase is derived (Argon2id).
type EncryptionStatus struct {
	On        bool   `json:"on"`
	Time      uint32 `json:"argon2_time,omitempty"`
	MemoryKiB uint32 `json:"argon2_memory_kib,omitempty"`
	Threads   uint8  `json:"argon2_threads,omitempty"`
}

// Bounds of a new passphrase. Short ones are guessed whatever the
// derivation costs; the upper bound only keeps input bounded.
const (
	MinPassphrase = 8 // characters
	MaxPassphrase = 1024
)

// ValidatePassphrase checks a new passphrase.
func ValidatePassphrase(p []byte) error {
	if !utf8.Valid(p) || len(p) > MaxPassphrase {
		return Invalid("passphrase", "err.crypt.passphrase_bad")
	}
	if utf8.RuneCount(p) < MinPassphrase {
		return Invalid("passphrase", "err.crypt.passphrase_short", "Min", MinPassphrase)
	}
	return nil
}

// FileSealer seals and opens files for a folder of proof files: the store
// gives it its key, and a file is written sealed while encryption is on.
// OpenFile takes a plain file as it is.
type FileSealer interface {
	SealFile(name string, plain []byte) ([]byte, error)
	OpenFile(name string, b []byte) ([]byte, error)
}

// SealedProofFiles is a folder of proof files that can keep them sealed.
type SealedProofFiles interface {
	ProofFiles
	UseSealer(FileSealer)
	// Reseal writes the file of a hash again in the form the sealer now
	// writes (sealed or plain), atomically; a file already in that form,
	// or gone, is left alone.
	Reseal(sha256 string) error
}
