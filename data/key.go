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

// Decision (issue #15): the exporter a document names is the person's own
// word for who exports it, the agency's or the holder's name, set once in
// Settings (or `swcert key name`) and kept as the name of the database's
// own key, so it travels with the database. A key no one has named yet
// (and the "SWCert 3-lmZFDU" older versions gave every key) is printed as
// unnamed with its key ID, never as a made-up name.

// MaxExporterNameLen bounds the name: it is printed on one line of a page.
const MaxExporterNameLen = 60

// ValidateExporterName requires a name for the own key, short enough for
// the line it is printed on.
func ValidateExporterName(s string) error { return checkText("exporter", s, MaxExporterNameLen, true) }

// ExporterName is the name a document prints and seals for its exporter.
func ExporterName(k *SealKey) string {
	if k.Name == "" || k.Name == legacyKeyName(k.KID) {
		return "未署名导出者（密钥 " + ShortKID(k.KID) + "）"
	}
	return k.Name
}

// Named says whether the own key has a name the person gave it.
func (k *SealKey) Named() bool { return k.Name != "" && k.Name != legacyKeyName(k.KID) }

// legacyKeyName is the name versions before the setting gave a new key.
func legacyKeyName(kid string) string { return "SWCert " + ShortKID(kid) }

// ShortKID is the part of a key ID people are shown to tell keys apart.
func ShortKID(kid string) string {
	if len(kid) > 8 {
		return kid[:8]
	}
	return kid
}

// OwnKeyOf is the own key among keys (a KeyService's Keys, which reads no
// key file: naming the exporter and numbering calendar events need only
// the public half); nil when there is none.
func OwnKeyOf(keys []*SealKey) *SealKey {
	for _, k := range keys {
		if k.Own {
			return k
		}
	}
	return nil
}
