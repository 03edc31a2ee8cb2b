package docs

import (
	"context"
	"crypto/ed25519"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/seal"
)

// withTwin is a store's keys and one more trusted key whose ID begins as
// the own key's does: what a seal's header names (seal.KIDChars
// characters) fits both.
type withTwin struct {
	data.KeyService
	twin *data.SealKey
}

func (w withTwin) Keys(ctx context.Context) ([]*data.SealKey, error) {
	keys, err := w.KeyService.Keys(ctx)
	return append([]*data.SealKey{w.twin}, keys...), err
}

// A seal names its key by the beginning of its ID; of two keys that begin
// alike, the one that made the signature is the one the verdict names.
func TestTwoKeysThatBeginAlike(t *testing.T) {
	in := newInstallation(t)
	b, c := exported(t, in)
	own, err := in.db.OwnKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	priv := ed25519.NewKeyFromSeed([]byte("a key whose ID begins like mine."))
	twin := &data.SealKey{KID: own.KID[:seal.KIDChars] + "AAAAAAAAAAA", Name: "同名开头的钥匙", Public: priv.Public().(ed25519.PublicKey), Private: priv}
	in.svc.Keys = withTwin{in.db, twin}

	v, err := in.svc.Verify(ctx, b)
	if err != nil || !v.Valid || v.Key != KeyOwn || v.KID != own.KID {
		t.Errorf("the own seal: %+v %v", v, err)
	}
	anns, _ := in.db.Annotations(ctx, c.ID)
	h, _ := in.db.Holder(ctx, c.HolderID)
	doc := data.CertDocument{Holder: *h, Certificate: *c, Annotation: &anns[0], ExportedAt: in.now, KID: twin.KID}
	jws, err := seal.Sign(doc.Claims(), twin)
	if err != nil {
		t.Fatal(err)
	}
	v, err = in.svc.Verify(ctx, []byte(jws))
	if err != nil || !v.Valid || v.Key != KeyTrusted || v.KeyName != "同名开头的钥匙" || v.KID != twin.KID {
		t.Errorf("the twin's seal: %+v %v", v, err)
	}
}
