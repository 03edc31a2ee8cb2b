package crypt

import (
	"bytes"
	"errors"
	"testing"
)

// cheap keeps the tests quick; Default is measured by the benchmark.
var cheap = Params{Time: 1, MemoryKiB: 64, Threads: 1}

func TestLockOpensWithThePassphraseOnly(t *testing.T) {
	k, err := NewKeys()
	if err != nil {
		t.Fatal(err)
	}
	l, err := k.Lock([]byte("correct horse"), cheap)
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.Open([]byte("correct horse"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.data, k.data) {
		t.Fatal("another data key came back")
	}
	if _, err := l.Open([]byte("correct horsf")); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	// A new lock of the same key (a new passphrase) opens what the old sealed.
	sealed := k.Seal("holders.id_number:1", []byte("110105194912310029"))
	l2, err := k.Lock([]byte("new one"), cheap)
	if err != nil {
		t.Fatal(err)
	}
	k2, err := l2.Open([]byte("new one"))
	if err != nil {
		t.Fatal(err)
	}
	if plain, err := k2.Open("holders.id_number:1", sealed); err != nil || string(plain) != "110105194912310029" {
		t.Fatalf("after a new passphrase: %q, %v", plain, err)
	}
	if bytes.Equal(l.Salt, l2.Salt) {
		t.Fatal("the salt was reused")
	}
}

func TestLockRefusesDamagedCosts(t *testing.T) {
	k, _ := NewKeys()
	l, _ := k.Lock([]byte("p"), cheap)
	for _, p := range []Params{{0, 64, 1}, {1, 4 << 30 >> 10, 1}, {1, 64, 0}, {65, 64, 1}} {
		l2 := l
		l2.Params = p
		if _, err := l2.Open([]byte("p")); !errors.Is(err, ErrDamaged) {
			t.Errorf("%+v: %v", p, err)
		}
	}
	l2 := l
	l2.KID = []byte("12345678")
	if _, err := l2.Open([]byte("p")); !errors.Is(err, ErrDamaged) {
		t.Errorf("another key id: %v", err)
	}
}

func TestSealedValuesOpenOnlyInTheirPlace(t *testing.T) {
	k, _ := NewKeys()
	a := k.Seal("holders.phone:1", []byte("13800138000"))
	b := k.Seal("holders.phone:1", []byte("13800138000"))
	if bytes.Equal(a, b) {
		t.Fatal("two seals of one value are equal: the nonce is not random")
	}
	if bytes.Contains(a, []byte("13800138000")) || !IsSealed(a) || len(a) != Overhead+11 {
		t.Fatalf("sealed: %q", a)
	}
	if _, err := k.Open("holders.phone:2", a); !errors.Is(err, ErrTampered) {
		t.Fatalf("moved to another row: %v", err)
	}
	if _, err := k.Open("holders.id_number:1", a); !errors.Is(err, ErrTampered) {
		t.Fatalf("moved to another column: %v", err)
	}
	for i := range a {
		c := bytes.Clone(a)
		c[i] ^= 1
		if _, err := k.Open("holders.phone:1", c); err == nil {
			t.Fatalf("a change at byte %d went unnoticed", i)
		}
	}
	other, _ := NewKeys()
	if _, err := other.Open("holders.phone:1", a); !errors.Is(err, ErrOtherKey) {
		t.Fatalf("another key: %v", err)
	}
	if IsSealed([]byte("%PDF-1.4 ........................................")) || IsSealed([]byte("110105194912310029")) {
		t.Fatal("plain taken for sealed")
	}
}

func TestIndexIsKeyedAndExact(t *testing.T) {
	k, _ := NewKeys()
	other, _ := NewKeys()
	id := "110105194912310029"
	if !bytes.Equal(k.Index("id", id), k.Index("id", id)) {
		t.Fatal("not deterministic")
	}
	if bytes.Equal(k.Index("id", id), other.Index("id", id)) {
		t.Fatal("not keyed")
	}
	if bytes.Equal(k.Index("id", id), k.Index("phone", id)) || bytes.Equal(k.Index("id", id), k.Index("id", id[:17])) {
		t.Fatal("not exact")
	}
}

func BenchmarkDeriveDefault(b *testing.B) {
	salt := make([]byte, 16)
	for b.Loop() {
		Derive([]byte("a passphrase"), salt, Default)
	}
}
