package screens

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// sealOf exports the certificate and returns its seal's text, as pasted.
func (f *fixture) sealOf(c *data.Certificate) string {
	f.t.Helper()
	b, _, err := f.svc.Docs.ExportCertificate(context.Background(), c.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	v, err := f.svc.Docs.Verify(context.Background(), b)
	if err != nil || !v.Valid {
		f.t.Fatalf("the export does not verify: %v %+v", err, v)
	}
	return v.JWS
}

// checkStacked fails when two visible rows of the tab's result column
// overlap, or a row is laid out taller than it needs (a gap), as a person
// sees it after a check without resizing the window.
func checkStacked(t *testing.T, s *Verify, when string) {
	t.Helper()
	var prev fyne.CanvasObject
	for _, o := range s.left.Objects {
		if !o.Visible() {
			continue
		}
		if o.Size().Height+0.5 < o.MinSize().Height {
			t.Errorf("%s: a row is squeezed to %v of its %v (its contents overlap)", when, o.Size().Height, o.MinSize().Height)
		}
		if prev != nil {
			end := prev.Position().Y + prev.Size().Height
			if o.Position().Y+0.5 < end {
				t.Errorf("%s: a row starts at %v, inside the row above it (ends at %v)", when, o.Position().Y, end)
			}
			if gap := o.Position().Y - end; gap > 2*fyne.CurrentApp().Settings().Theme().Size("padding")+0.5 {
				t.Errorf("%s: a gap of %v above a row", when, gap)
			}
		}
		prev = o
	}
}

// Result rows never overlap after a check, nor leave a gap after the next
// (issue #15: they did until the window was resized).
func TestVerifyResultRowsStack(t *testing.T) {
	f := newFixture(t, i18n.English)
	c := f.certOf(f.addHolder("张伟", validID), data.NewDate(2016, 6, 20))
	jws := f.sealOf(c)
	s := NewVerify(f.svc, f.win)
	f.win.SetContent(s.Content())
	f.win.Resize(fyne.NewSize(1200, 800))

	typeInto(s.paste, jws)
	test.Tap(findButton(s.Content(), "Verify"))
	waitFor(t, func() bool { return strings.Contains(s.verdict.Text, "valid") })
	checkStacked(t, s, "after the first check")

	typeInto(s.paste, "eyJhbGciOiJFZERTQSJ9.eyJkb2MiOiJzd2NlcnQvY2VydCJ9."+strings.Repeat("A", 86))
	test.Tap(findButton(s.Content(), "Verify"))
	waitFor(t, func() bool {
		return strings.Contains(s.verdict.Text, "unknown") || strings.Contains(s.verdict.Text, "NOT")
	})
	checkStacked(t, s, "after the second check")

	typeInto(s.paste, jws)
	test.Tap(findButton(s.Content(), "Verify"))
	waitFor(t, func() bool {
		return strings.Contains(s.verdict.Text, "valid") && !strings.Contains(s.verdict.Text, "NOT")
	})
	checkStacked(t, s, "after the third check")
}

func mustDecode(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func encode(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// A seal altered after export is not valid, says the signature does not
// match, and never claims the certificate is missing from this database
// (it was not compared): each check on its own line.
func TestVerifyTamperedSeal(t *testing.T) {
	f := newFixture(t, i18n.English)
	c := f.certOf(f.addHolder("张伟", validID), data.NewDate(2016, 6, 20))
	jws := f.sealOf(c)
	parts := strings.Split(jws, ".")
	// Another management number in the payload, the signature kept.
	payload := strings.Replace(string(mustDecode(t, parts[1])), c.MNo, "2099S119999", 1)
	parts[1] = encode([]byte(payload))
	s := NewVerify(f.svc, f.win)
	f.win.SetContent(s.Content())
	typeInto(s.paste, strings.Join(parts, "."))
	test.Tap(findButton(s.Content(), "Verify"))
	waitFor(t, func() bool { return strings.Contains(s.verdict.Text, "NOT valid") })
	checks := collectText(s.checks)
	for _, want := range []string{
		"Integrity\n✔  the seal is whole",
		"Signature\n✘  does not match",
		"Issuer\n✔  this installation",
		"Expiry\n?  not confirmed",
		"This database\n?  not compared",
	} {
		if !strings.Contains(checks, want) {
			t.Errorf("the checks lack %q:\n%s", want, checks)
		}
	}
	if strings.Contains(checks, "no certificate") {
		t.Errorf("a tampered seal claims the certificate is missing:\n%s", checks)
	}
}
