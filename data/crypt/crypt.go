// Package crypt holds the primitives of encryption at rest: a key derived
// from a passphrase (Argon2id) that wraps a random data key, AES-256-GCM
// for each value and file sealed with that key, and a keyed hash
// (HMAC-SHA256) that finds a sealed value by its exact content. It knows
// nothing of tables or files: the store says what each value is (its
// associated data), and keeps the Lock, which holds nothing secret.
//
// Changing the passphrase wraps the same data key again, so nothing sealed
// has to be sealed again. Losing the passphrase loses the data: there is
// no other way to the data key.
package crypt

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"

	"golang.org/x/crypto/argon2"
)

// Params are Argon2id's costs. They are kept with the Lock, so a database
// made with other costs still opens.
type Params struct {
	Time      uint32 // passes over the memory
	MemoryKiB uint32
	Threads   uint8
}

// Default takes about half a second on the 2-core development machine
// (BenchmarkDeriveDefault: 0.35-0.6 s, 0.37-0.40 s of CPU; up to 1.4 s
// while the shared machine was heavily loaded): slow enough that trying
// passphrases is costly, quick enough to open the database. 64 MiB is
// RFC 9106's second recommended memory size; 2 threads use both cores.
var Default = Params{Time: 8, MemoryKiB: 64 << 10, Threads: 2}

// Check bounds the costs read from a database: a damaged or hostile file
// must not make opening it take terabytes or hours.
func (p Params) Check() error {
	if p.Time < 1 || p.Time > 64 || p.Threads < 1 || p.Threads > 16 ||
		p.MemoryKiB < 8*uint32(p.Threads) || p.MemoryKiB > 1<<20 {
		return ErrDamaged
	}
	return nil
}

// Errors of opening: the store tells a person which it was.
var (
	ErrWrongPassphrase = errors.New("crypt: wrong passphrase")
	ErrDamaged         = errors.New("crypt: damaged")
)

const keySize = 32

// Lock is what a database keeps to get back its data key from the
// passphrase: the derivation's salt and costs and the data key sealed
// (wrapped) with the derived key. KID names the data key (it is derived
// from it): every sealed value carries it, so a value sealed with another
// key is told apart.
type Lock struct {
	Params
	Salt    []byte
	Wrapped []byte
	KID     []byte
}

// Keys are a data key and the keys derived from it.
type Keys struct {
	aead  cipher.AEAD
	index []byte
	kid   []byte
	data  []byte
}

// NewKeys makes a random data key.
func NewKeys() (*Keys, error) {
	dk := make([]byte, keySize)
	if _, err := rand.Read(dk); err != nil {
		return nil, err
	}
	return keysOf(dk)
}

func keysOf(dk []byte) (*Keys, error) {
	enc, err := hkdf.Key(sha256.New, dk, nil, "swcert values v1", keySize)
	if err != nil {
		return nil, err
	}
	idx, err := hkdf.Key(sha256.New, dk, nil, "swcert exact-match index v1", keySize)
	if err != nil {
		return nil, err
	}
	kid, err := hkdf.Key(sha256.New, dk, nil, "swcert key id v1", kidSize)
	if err != nil {
		return nil, err
	}
	aead, err := newGCM(enc)
	if err != nil {
		return nil, err
	}
	return &Keys{aead: aead, index: idx, kid: kid, data: dk}, nil
}

func newGCM(key []byte) (cipher.AEAD, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}

// KID names the data key.
func (k *Keys) KID() []byte { return bytes.Clone(k.kid) }

// Derive is the key-encryption key of a passphrase.
func Derive(passphrase, salt []byte, p Params) []byte {
	return argon2.IDKey(passphrase, salt, p.Time, p.MemoryKiB, p.Threads, keySize)
}

const wrapAD = "swcert data key v1"

// Lock wraps the data key under a passphrase, with a new salt.
func (k *Keys) Lock(passphrase []byte, p Params) (Lock, error) {
	if err := p.Check(); err != nil {
		return Lock{}, err
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return Lock{}, err
	}
	aead, err := newGCM(Derive(passphrase, salt, p))
	if err != nil {
		return Lock{}, err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return Lock{}, err
	}
	return Lock{Params: p, Salt: salt, Wrapped: aead.Seal(nonce, nonce, k.data, []byte(wrapAD)), KID: k.KID()}, nil
}

// Open gets the data key back from the passphrase. The GCM tag of the
// wrapped key checks the passphrase: a wrong one is told before any value
// is read.
func (l Lock) Open(passphrase []byte) (*Keys, error) {
	if err := l.Params.Check(); err != nil {
		return nil, err
	}
	if len(l.Salt) < 8 || len(l.Wrapped) != 12+keySize+16 {
		return nil, ErrDamaged
	}
	aead, err := newGCM(Derive(passphrase, l.Salt, l.Params))
	if err != nil {
		return nil, err
	}
	dk, err := aead.Open(nil, l.Wrapped[:12], l.Wrapped[12:], []byte(wrapAD))
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	k, err := keysOf(dk)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(k.kid, l.KID) {
		return nil, ErrDamaged
	}
	return k, nil
}

// A sealed value or file: magic, version, the key's id, a random nonce,
// then the ciphertext with its tag. The magic opens with a NUL byte,
// which no text value and no PDF, PNG or JPEG file starts with.
const (
	magic     = "\x00SWC"
	version   = 1
	kidSize   = 8
	headSize  = len(magic) + 1 + kidSize
	nonceSize = 12
	// Overhead is how many bytes sealing adds.
	Overhead = headSize + nonceSize + 16
)

// KIDOffset is where (1-based, as SQL's substr counts) the key's id starts
// in a sealed value, for the schema's check that a value was sealed with
// the database's key.
const KIDOffset = len(magic) + 2

// IsSealed tells a sealed value or file from a plain one.
func IsSealed(b []byte) bool { return len(b) >= Overhead && string(b[:len(magic)]) == magic }

// Seal encrypts plain. ad says what the value is and whose (a column and
// a row, a file's hash): a value moved to another place no longer opens.
func (k *Keys) Seal(ad string, plain []byte) []byte {
	out := make([]byte, headSize+nonceSize, Overhead+len(plain))
	copy(out, magic)
	out[len(magic)] = version
	copy(out[len(magic)+1:], k.kid)
	if _, err := rand.Read(out[headSize:]); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return k.aead.Seal(out, out[headSize:], plain, append(out[:headSize:headSize], ad...))
}

// Errors of reading a sealed value.
var (
	ErrOtherKey = errors.New("crypt: sealed with another key")
	ErrTampered = errors.New("crypt: a sealed value was changed or moved")
)

// Open decrypts what Seal made with the same ad.
func (k *Keys) Open(ad string, b []byte) ([]byte, error) {
	if !IsSealed(b) || b[len(magic)] != version {
		return nil, ErrDamaged
	}
	if !bytes.Equal(b[len(magic)+1:headSize], k.kid) {
		return nil, ErrOtherKey
	}
	plain, err := k.aead.Open(nil, b[headSize:headSize+nonceSize], b[headSize+nonceSize:], append(b[:headSize:headSize], ad...))
	if err != nil {
		return nil, ErrTampered
	}
	return plain, nil
}

// Index is the keyed hash of a value of a kind (an ID number, a phone
// number): equal values have equal hashes, so a sealed column can still be
// unique and found by its full value, and without the key nobody can
// compute it to try the few billion possible ID numbers.
func (k *Keys) Index(kind, value string) []byte {
	m := hmac.New(sha256.New, k.index)
	fmt.Fprintf(m, "%s\x00%s", kind, value)
	return m.Sum(nil)
}
