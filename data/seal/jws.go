// Package seal signs and verifies the seal stamped on every exported
// document: a compact JWS (RFC 7515) signed with Ed25519 (alg EdDSA,
// RFC 8037), carried in a QR code. Any JOSE library can verify it with the
// installation's public key, exported as a JWK (RFC 7517, OKP key type).
// Its payload is a document's claims in data.SealFormat, short so that the
// code survives a phone photo of the printed page.
package seal

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"

	"github.com/swcert/swcert/data"
)

// Header is the protected header of a seal.
type Header struct {
	Alg string `json:"alg"`
	Kid string `json:"kid"`
}

const algEdDSA = "EdDSA"

var b64 = base64.RawURLEncoding

// strict decodes base64url as only its canonical text: the unused bits of
// the last character zero (otherwise 16 last characters decode to the same
// bytes, and a seal changed there would still verify).
var strict = base64.RawURLEncoding.Strict()

// decodePart decodes one part of a compact JWS: the base64url alphabet
// alone (no padding; no line breaks or spaces, which the decoder would
// skip), canonical. So each seal has one text, and a change to any
// character of it is a change to what is verified.
func decodePart(s string) ([]byte, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return nil, false
		}
	}
	b, err := strict.DecodeString(s)
	return b, err == nil
}

// Payload is claims that write their own payload: a document's claims in
// the seal's format (data/sealformat.go).
type Payload interface{ SealPayload() ([]byte, error) }

// KIDChars is how much of the key's ID a seal's header names: 11 of its
// 22 characters (66 bits). It only finds the key among the few a verifier
// knows (the signature is checked with that key), and each character
// less is a smaller QR code. Seals of format 1 name all 22.
const KIDChars = 11

// Sign returns the compact JWS of claims signed by the own key k: of their
// payload if they write one, else of their JSON.
func Sign(claims any, k *data.SealKey) (string, error) {
	if len(k.Private) != ed25519.PrivateKeySize || len(k.KID) < KIDChars {
		return "", errors.New("seal: key cannot sign")
	}
	h, err := json.Marshal(Header{Alg: algEdDSA, Kid: k.KID[:KIDChars]})
	if err != nil {
		return "", err
	}
	var p []byte
	if pl, ok := claims.(Payload); ok {
		p, err = pl.SealPayload()
	} else {
		p, err = json.Marshal(claims)
	}
	if err != nil {
		return "", err
	}
	input := b64.EncodeToString(h) + "." + b64.EncodeToString(p)
	return input + "." + b64.EncodeToString(ed25519.Sign(k.Private, []byte(input))), nil
}

// Token is a seal taken apart. Its payload is not to be trusted until
// Verify has checked the signature.
type Token struct {
	Header  Header
	Payload []byte
	input   string
	sig     []byte
}

// Parse splits a compact JWS and decodes its header and payload. The reasons
// it refuses are translation keys: the text is not a seal at all.
func Parse(s string) (*Token, error) {
	s = strings.TrimSpace(s)
	if len(s) > MaxSealText {
		return nil, data.Invalid("seal", "err.seal.not_jws")
	}
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return nil, data.Invalid("seal", "err.seal.not_jws")
	}
	hb, ok1 := decodePart(parts[0])
	pb, ok2 := decodePart(parts[1])
	sig, ok3 := decodePart(parts[2])
	if !ok1 || !ok2 || !ok3 || len(hb) == 0 || len(pb) == 0 {
		return nil, data.Invalid("seal", "err.seal.not_jws")
	}
	var t Token
	if err := json.Unmarshal(hb, &t.Header); err != nil {
		return nil, data.Invalid("seal", "err.seal.not_jws")
	}
	if t.Header.Alg != algEdDSA {
		return nil, data.Invalid("seal", "err.seal.alg", "Alg", shorten(t.Header.Alg, 32))
	}
	if len(sig) != ed25519.SignatureSize {
		return nil, data.Invalid("seal", "err.seal.not_jws")
	}
	t.Payload, t.input, t.sig = pb, parts[0]+"."+parts[1], sig
	return &t, nil
}

// MaxSealText is the longest text that can be a seal: a QR code holds at
// most 4,296 characters (version 40, alphanumeric), a seal fewer. Longer
// text is refused before it is split or decoded.
const MaxSealText = 4296

// shorten keeps at most n characters of s that a refusal quotes: the
// text is anybody's.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// Verify reports whether the token was signed by pub.
func (t *Token) Verify(pub ed25519.PublicKey) bool {
	return len(pub) == ed25519.PublicKeySize && ed25519.Verify(pub, []byte(t.input), t.sig)
}

// JWK is the public half of a seal key as RFC 8037 writes it.
type JWK struct {
	Kty string `json:"kty"`
	Crv string `json:"crv"`
	X   string `json:"x"`
	Kid string `json:"kid,omitempty"`
	Use string `json:"use,omitempty"`
	Alg string `json:"alg,omitempty"`
	// Name is ours: the installation's name, offered when importing.
	Name string `json:"name,omitempty"`
}

// PublicJWK is k's public key to hand to another installation.
func PublicJWK(k *data.SealKey) ([]byte, error) {
	return json.MarshalIndent(JWK{Kty: "OKP", Crv: "Ed25519", X: b64.EncodeToString(k.Public), Kid: k.KID, Use: "sig", Alg: algEdDSA, Name: k.Name}, "", "  ")
}

// ParseJWK reads a public Ed25519 JWK. The kid is recomputed from the key,
// never taken on trust from the file.
func ParseJWK(b []byte) (*data.SealKey, error) {
	if len(b) > MaxJWKBytes {
		return nil, data.Invalid("key", "err.key.not_jwk")
	}
	var j JWK
	if err := json.Unmarshal(b, &j); err != nil || j.Kty != "OKP" || j.Crv != "Ed25519" {
		return nil, data.Invalid("key", "err.key.not_jwk")
	}
	x, ok := decodePart(j.X)
	if !ok || len(x) != ed25519.PublicKeySize {
		return nil, data.Invalid("key", "err.key.not_jwk")
	}
	pub := ed25519.PublicKey(x)
	return &data.SealKey{KID: data.KeyID(pub), Name: strings.TrimSpace(j.Name), Public: pub}, nil
}

// MaxJWKBytes is the largest public key file read: a JWK of an Ed25519 key
// is about 200 bytes.
const MaxJWKBytes = 64 << 10
