package store

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/seal"
)

// rawContains reports whether the database file or its -wal holds b.
func rawContains(t *testing.T, path string, b []byte) string {
	t.Helper()
	for _, p := range []string{path, path + "-wal"} {
		raw, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(raw, b) {
			return p
		}
	}
	return ""
}

func wantKeyFile(t *testing.T, dbPath string, pub ed25519.PublicKey) ed25519.PrivateKey {
	t.Helper()
	st, err := os.Stat(KeyPath(dbPath))
	if err != nil {
		t.Fatalf("no key file: %v", err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", st.Mode().Perm())
	}
	priv, err := readKeyFile(KeyPath(dbPath))
	if err != nil || !bytes.Equal(priv.Public().(ed25519.PublicKey), pub) {
		t.Fatalf("key file holds another key (%v)", err)
	}
	return priv
}

func errKey(err error) string {
	if e := data.AsError(err); e != nil {
		return e.Key
	}
	return ""
}

// A new database keeps its private key in the file beside it (0600),
// never in the database or its log: a copy of the database cannot sign.
func TestNewDatabaseKeepsItsPrivateKeyOutOfTheFile(t *testing.T) {
	fileOnly(t, "the key file beside the database")
	path := filepath.Join(t.TempDir(), "swcert.db")
	db, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	own, err := db.OwnKey(ctx)
	if err != nil || len(own.Private) != ed25519.PrivateKeySize {
		t.Fatalf("own key %v", err)
	}
	priv := wantKeyFile(t, path, own.Public)
	if !bytes.Equal(priv, own.Private) {
		t.Error("OwnKey signs with another key than the file's")
	}
	seed := priv.Seed()
	if p := rawContains(t, path, seed); p != "" {
		t.Errorf("the private key is in %s", p)
	}
	var col []byte
	if err := db.sql.QueryRow(`SELECT private_key FROM seal_keys WHERE own = 1`).Scan(&col); err != nil || col != nil {
		t.Errorf("private_key column %x (%v)", col, err)
	}
	db.Close()
	if p := rawContains(t, path, seed); p != "" {
		t.Errorf("after closing, the private key is in %s", p)
	}
	// Opened again: the same key, from the file.
	again, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	k, err := again.OwnKey(ctx)
	if err != nil || k.KID != own.KID || !bytes.Equal(k.Private, priv) {
		t.Errorf("reopened: %v", err)
	}
}

// Two databases in one folder have a key each.
func TestTwoDatabasesInOneFolderHaveKeysOfTheirOwn(t *testing.T) {
	fileOnly(t, "the key file beside the database")
	dir := t.TempDir()
	a, err := Open(filepath.Join(dir, "a.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(filepath.Join(dir, "b.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ka, _ := a.OwnKey(ctx)
	kb, _ := b.OwnKey(ctx)
	if ka == nil || kb == nil || ka.KID == kb.KID {
		t.Fatal("the two databases share a key")
	}
	wantKeyFile(t, filepath.Join(dir, "a.db"), ka.Public)
	wantKeyFile(t, filepath.Join(dir, "b.db"), kb.Public)
}

// oldDatabase makes a database as the releases before migration 00010
// left it: the schema up to 00006 and the own key with its private half
// in the seal_keys table. It returns the key and a seal it signed.
func oldDatabase(t *testing.T, path string) (ed25519.PrivateKey, string) {
	t.Helper()
	raw := atVersion(t, path, 6)
	defer raw.Close()
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	kid := data.KeyID(pub)
	ts := "2025-06-01T08:00:00.000Z"
	if _, err := raw.Exec(`INSERT INTO seal_keys (kid, name, own, public_key, private_key, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?)`,
		kid, "SWCert "+kid[:8], []byte(pub), []byte(priv), ts, ts); err != nil {
		t.Fatal(err)
	}
	jws, err := seal.Sign(map[string]string{"typ": "cert", "mno": "2023A110001"}, &data.SealKey{KID: kid, Public: pub, Private: priv})
	if err != nil {
		t.Fatal(err)
	}
	return priv, jws
}

// An old database's key moves into the file at the first open: the file
// (0600) holds it, the table and the raw file no longer do, and a seal it
// signed before the move verifies with the key the database names.
func TestOldDatabaseKeyMovesToItsFile(t *testing.T) {
	fileOnly(t, "the key file beside the database")
	path := filepath.Join(t.TempDir(), "swcert.db")
	priv, jws := oldDatabase(t, path)
	if rawContains(t, path, priv.Seed()) == "" {
		t.Fatal("the old database does not hold its key: the test proves nothing")
	}
	db, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	pub := priv.Public().(ed25519.PublicKey)
	if got := wantKeyFile(t, path, pub); !bytes.Equal(got, priv) {
		t.Fatal("the file holds another key")
	}
	var col []byte
	if err := db.sql.QueryRow(`SELECT private_key FROM seal_keys WHERE own = 1`).Scan(&col); err != nil || col != nil {
		t.Errorf("private_key column still %x (%v)", col, err)
	}
	if p := rawContains(t, path, priv.Seed()); p != "" {
		t.Errorf("after the move the private key is still in %s", p)
	}
	own, err := db.OwnKey(ctx)
	if err != nil || own.KID != data.KeyID(pub) || !bytes.Equal(own.Private, priv) {
		t.Fatalf("own key after the move: %v", err)
	}
	tok, err := seal.Parse(jws)
	if err != nil || tok.Header.Kid != own.KID[:seal.KIDChars] || !tok.Verify(own.Public) { // a seal names its key by the beginning of its ID
		t.Errorf("a seal made before the move does not verify (%v)", err)
	}
	// A seal made now verifies with the same key.
	now, err := seal.Sign(map[string]string{"typ": "cert"}, own)
	if tok, err2 := seal.Parse(now); err != nil || err2 != nil || !tok.Verify(pub) {
		t.Errorf("a new seal does not verify: %v %v", err, err2)
	}
}

// A crash after the file was written and before the column was cleared
// leaves both: the next open finishes the move.
func TestKeyMoveInterruptedIsFinishedAtTheNextOpen(t *testing.T) {
	fileOnly(t, "the key file beside the database")
	path := filepath.Join(t.TempDir(), "swcert.db")
	priv, _ := oldDatabase(t, path)
	if err := WriteKeyFile(KeyPath(path), priv, false); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var col []byte
	if err := db.sql.QueryRow(`SELECT private_key FROM seal_keys WHERE own = 1`).Scan(&col); err != nil || col != nil {
		t.Errorf("private_key column still %x (%v)", col, err)
	}
	if own, err := db.OwnKey(ctx); err != nil || !bytes.Equal(own.Private, priv) {
		t.Errorf("own key: %v", err)
	}
}

// A file beside an old database that holds another key is refused and
// left as it is; the database keeps its key.
func TestKeyFileOfAnotherKeyIsNeverOverwritten(t *testing.T) {
	fileOnly(t, "the key file beside the database")
	path := filepath.Join(t.TempDir(), "swcert.db")
	priv, _ := oldDatabase(t, path)
	_, other, _ := ed25519.GenerateKey(rand.Reader)
	if err := WriteKeyFile(KeyPath(path), other, false); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(KeyPath(path))
	db, err := Open(path, nil)
	if err == nil {
		db.Close()
		t.Fatal("opened with a key file of another key")
	}
	if errKey(err) != "err.key.file_mismatch" {
		t.Errorf("error %v, want err.key.file_mismatch", err)
	}
	after, _ := os.ReadFile(KeyPath(path))
	if !bytes.Equal(before, after) {
		t.Error("the other key's file was overwritten")
	}
	raw, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var col []byte
	if err := raw.QueryRow(`SELECT private_key FROM seal_keys WHERE own = 1`).Scan(&col); err != nil || !bytes.Equal(col, priv) {
		t.Errorf("the database lost its key: %v", err)
	}
}

// The key file of a database whose key moved is gone: signing says so,
// and no new key takes its place (the seals made would not be this
// database's). The records stay readable.
func TestMissingKeyFileIsAnErrorNotANewKey(t *testing.T) {
	fileOnly(t, "the key file beside the database")
	path := filepath.Join(t.TempDir(), "swcert.db")
	db, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	own, _ := db.OwnKey(ctx)
	db.Close()
	if err := os.Remove(KeyPath(path)); err != nil {
		t.Fatal(err)
	}
	db, err = Open(path, nil)
	if err != nil {
		t.Fatalf("the database does not open without its key file: %v", err)
	}
	defer db.Close()
	if _, err := db.OwnKey(ctx); errKey(err) != "err.key.file_missing" {
		t.Errorf("OwnKey without the file: %v, want err.key.file_missing", err)
	}
	if _, err := os.Stat(KeyPath(path)); !os.IsNotExist(err) {
		t.Error("a new key file was made")
	}
	keys, err := db.Keys(ctx)
	if err != nil || len(keys) != 1 || keys[0].KID != own.KID {
		t.Errorf("the own key changed: %v", err)
	}
	// A file of another key is refused the same way.
	_, other, _ := ed25519.GenerateKey(rand.Reader)
	if err := WriteKeyFile(KeyPath(path), other, false); err != nil {
		t.Fatal(err)
	}
	if _, err := db.OwnKey(ctx); errKey(err) != "err.key.file_mismatch" {
		t.Errorf("OwnKey with another key's file: %v", err)
	}
}
