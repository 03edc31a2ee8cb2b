package data

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"time"
)

// SealKey is an Ed25519 key that signs (this installation's own key, made
// on first run) or is trusted to have signed (another installation's public
// key, imported by an agency).
type SealKey struct {
	KID       string             `json:"kid"`
	Name      string             `json:"name"`
	Own       bool               `json:"own"`
	Public    ed25519.PublicKey  `json:"-"`
	Private   ed25519.PrivateKey `json:"-"` // own key only; never leaves the database
	CreatedAt time.Time          `json:"created_at"`
}

// KeyID names an Ed25519 public key: the first 128 bits of its RFC 7638
// JWK thumbprint (the SHA-256 of its canonical JWK), base64url, 22
// characters. Any JOSE library computes the same thumbprint; it is cut to
// half so the seal's QR code stays small enough to scan from paper.
func KeyID(pub ed25519.PublicKey) string {
	canonical := `{"crv":"Ed25519","kty":"OKP","x":"` + base64.RawURLEncoding.EncodeToString(pub) + `"}`
	sum := sha256.Sum256([]byte(canonical))
	return base64.RawURLEncoding.EncodeToString(sum[:16])
}

// ValidateKeyName bounds the name an agency gives a trusted key.
func ValidateKeyName(s string) error { return ValidateRequiredText("name", s) }
