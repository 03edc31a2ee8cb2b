package seal

import (
	"crypto/ed25519"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

func testKey() *data.SealKey {
	priv := ed25519.NewKeyFromSeed([]byte("swcert seal test key, not secret"))
	pub := priv.Public().(ed25519.PublicKey)
	return &data.SealKey{KID: data.KeyID(pub), Name: "测试", Own: true, Public: pub, Private: priv}
}

func TestKeyIDIsTheRFC7638Thumbprint(t *testing.T) {
	// RFC 8037, appendix A.3: the thumbprint of the example Ed25519 key.
	x, _ := base64.RawURLEncoding.DecodeString("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
	full, _ := base64.RawURLEncoding.DecodeString("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")
	if got, want := data.KeyID(x), base64.RawURLEncoding.EncodeToString(full[:16]); got != want {
		t.Errorf("KeyID = %s, want the first 128 bits of the RFC thumbprint, %s", got, want)
	}
}

func TestSignParseVerify(t *testing.T) {
	k := testKey()
	jws, err := Sign(map[string]any{"doc": "swcert/cert", "name": "欧阳娜娜"}, k)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(jws, ".") != 2 || strings.ContainsAny(jws, "+/= ") {
		t.Fatalf("not a compact JWS: %s", jws)
	}
	tok, err := Parse(jws)
	// The header names the key by the first KIDChars characters of its ID.
	if err != nil || tok.Header.Alg != "EdDSA" || tok.Header.Kid != k.KID[:KIDChars] || len(tok.Header.Kid) != 11 || !tok.Verify(k.Public) {
		t.Fatalf("round trip: %+v %v", tok, err)
	}
	other := ed25519.NewKeyFromSeed([]byte("another key of another install.."))
	if tok.Verify(other.Public().(ed25519.PublicKey)) {
		t.Error("verified with the wrong key")
	}
	for _, bad := range []string{"", "a.b", "a.b.c.d", "!!.??.**"} {
		if _, err := Parse(bad); data.ErrorCode(err) != data.EINVALID {
			t.Errorf("Parse(%q) = %v", bad, err)
		}
	}
	hs256 := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256"}`)) + ".e30.AA"
	if _, err := Parse(hs256); data.AsError(err) == nil || data.AsError(err).Key != "err.seal.alg" {
		t.Errorf("HS256 accepted: %v", err)
	}
}

func TestJWKRoundTrip(t *testing.T) {
	k := testKey()
	b, err := PublicJWK(k)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), `"d"`) {
		t.Fatalf("the private key left: %s", b)
	}
	got, err := ParseJWK(b)
	if err != nil || got.KID != k.KID || got.Name != "测试" || !got.Public.Equal(k.Public) || got.Private != nil {
		t.Fatalf("parsed %+v %v", got, err)
	}
	// The kid in a file is never trusted: it is recomputed from the key.
	forged := strings.Replace(string(b), k.KID, "forged", 1)
	if got, _ := ParseJWK([]byte(forged)); got.KID != k.KID {
		t.Errorf("kid taken from the file: %s", got.KID)
	}
	for _, bad := range []string{`{}`, `{"kty":"RSA"}`, `{"kty":"OKP","crv":"Ed25519","x":"short"}`, `not json`} {
		if _, err := ParseJWK([]byte(bad)); data.ErrorCode(err) != data.EINVALID {
			t.Errorf("ParseJWK(%s) = %v", bad, err)
		}
	}
}

func TestQRRoundTrip(t *testing.T) {
	jws, _ := Sign(map[string]any{"doc": "swcert/cert", "name": "欧阳娜娜", "pad": strings.Repeat("x", 300)}, testKey())
	img, err := QR(jws, 3)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadQR(img)
	if err != nil || got != jws {
		t.Fatalf("read back %q, %v", got, err)
	}
}

// Parse takes each seal in one text only: the signature's unused low bits
// set, padding, a line break or a space inside a part (which the base64
// decoder skips), a signature of another length, are no seal.
func TestParseIsStrict(t *testing.T) {
	jws, err := Sign(map[string]any{"doc": "swcert/cert"}, testKey())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(jws); err != nil {
		t.Fatal(err)
	}
	p := strings.Split(jws, ".")
	alphabet := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	last := strings.IndexByte(alphabet, p[2][len(p[2])-1])
	aliased := p[2][:len(p[2])-1] + string(alphabet[last^1]) // a low bit set: decodes to the same bytes leniently
	for name, bad := range map[string]string{
		"unused bits set":     p[0] + "." + p[1] + "." + aliased,
		"padding":             jws + "==",
		"a line break inside": p[0] + "." + p[1][:5] + "\n" + p[1][5:] + "." + p[2],
		"a CR inside":         p[0][:3] + "\r" + p[0][3:] + "." + p[1] + "." + p[2],
		"a space inside":      p[0] + "." + p[1] + "." + p[2][:9] + " " + p[2][9:],
		"a short signature":   p[0] + "." + p[1] + "." + p[2][:80],
		"standard base64":     p[0] + "." + p[1] + "." + strings.NewReplacer("-", "+", "_", "/").Replace(p[2]) + "+/",
		"an empty payload":    p[0] + ".." + p[2],
	} {
		if _, err := Parse(bad); data.ErrorCode(err) != data.EINVALID {
			t.Errorf("%s: %v", name, err)
		}
	}
}
