package docs

import (
	"bytes"
	"context"
	"errors"
	"image"
	_ "image/jpeg" // photos and scans
	_ "image/png"
	"io"
	"strings"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/pdf"
	"github.com/swcert/swcert/data/seal"
)

// Which key signed a seal.
const (
	KeyOwn     = "own"     // this installation's
	KeyTrusted = "trusted" // another installation's, imported and trusted
	KeyUnknown = "unknown" // not known here: the seal cannot be checked
)

// Verdict is what a verification found. Valid means the signature checks
// out with a known key and the seal has not expired; the rest says why
// not, and how the seal's statements compare with the local record.
type Verdict struct {
	Valid       bool   `json:"valid"`
	SignatureOK bool   `json:"signature_ok"`
	Key         string `json:"key"`
	KeyName     string `json:"key_name,omitempty"`
	KID         string `json:"kid"`
	Expired     bool   `json:"expired"`
	// Reason is a message key saying why the seal is not valid.
	Reason string `json:"reason,omitempty"`
	// Doc is the document type; Claims what a certificate's seal states,
	// CE what a CE report's seal states.
	Doc    string           `json:"doc,omitempty"`
	Claims *data.CertClaims `json:"claims,omitempty"`
	CE     *data.CEClaims   `json:"ce,omitempty"`
	Mail   *data.MailClaims `json:"mail,omitempty"`
	// Profile, Service and Project: what the seal of a personal
	// information form, a holder's or a project's service report states.
	Profile *data.ProfileClaims `json:"profile,omitempty"`
	Service *data.ServiceClaims `json:"service,omitempty"`
	Project *data.ProjectClaims `json:"project,omitempty"`
	// MatchesRecord is nil when this database has no certificate with the
	// seal's management number; Mismatches names the fields that differ.
	MatchesRecord *bool    `json:"matches_record"`
	Mismatches    []string `json:"mismatches,omitempty"`
	JWS           string   `json:"jws"`
	// Outcome and Checks say the same for a reader: see checks.go.
	Result string  `json:"outcome"`
	Checks []Check `json:"checks"`
}

// Verify checks the seal in input: a PDF exported by SWCert, a photo or scan
// (PNG or JPEG) of a printed page, or the seal's text. Input with no seal
// in it (an empty file, a picture without a QR code) is an invalid-input
// error; anything that might be a seal gets a Verdict.
func (s *Service) Verify(ctx context.Context, input []byte) (*Verdict, error) {
	v, err := s.verify(ctx, input)
	if v != nil {
		v.Result, v.Checks = v.Outcome(), v.checks()
	}
	return v, err
}

func (s *Service) verify(ctx context.Context, input []byte) (*Verdict, error) {
	jws, err := findSeal(input)
	if err != nil {
		return nil, err
	}
	v := &Verdict{Key: KeyUnknown, JWS: jws}
	// A seal altered in transit may no longer even parse: that is a
	// verdict (not valid), not a mistake of the person asking.
	tok, err := seal.Parse(jws)
	if err != nil {
		v.Reason = "verify.reason.malformed"
		return v, nil
	}
	v.KID = tok.Header.Kid
	claims, err := data.ParseSealPayload(tok.Payload)
	if err != nil {
		v.Reason = "verify.reason.malformed"
		return v, nil
	}
	v.Doc, v.Claims, v.CE, v.Mail = claims.Doc, claims.Cert, claims.CE, claims.Mail
	v.Profile, v.Service, v.Project = claims.Profile, claims.Service, claims.Project

	key, err := s.sealKey(ctx, tok)
	switch {
	case data.ErrorCode(err) == data.ENOTFOUND:
		v.Reason = "verify.reason.unknown_key"
		return v, nil
	case err != nil:
		return nil, err
	}
	v.Key, v.KeyName, v.KID = KeyTrusted, key.Name, key.KID
	if key.Own {
		v.Key = KeyOwn
	}
	v.SignatureOK = tok.Verify(key.Public)
	v.Expired = s.Now().Unix() >= claims.Header().Expires
	switch {
	case !v.SignatureOK:
		v.Reason = "verify.reason.bad_signature"
	case v.Expired:
		v.Reason = "verify.reason.expired"
	default:
		v.Valid = true
	}
	if v.SignatureOK {
		s.compare(ctx, v)
	}
	return v, nil
}

// sealKey finds the key a seal names: by its whole ID (seals of format
// 1), or by the first seal.KIDChars characters of it, among the own and
// trusted keys; of two with the same beginning, the one whose signature
// it is.
func (s *Service) sealKey(ctx context.Context, tok *seal.Token) (*data.SealKey, error) {
	kid := tok.Header.Kid
	if len(kid) != seal.KIDChars {
		return s.Keys.Key(ctx, kid)
	}
	keys, err := s.Keys.Keys(ctx)
	if err != nil {
		return nil, err
	}
	var found *data.SealKey
	for _, k := range keys {
		if strings.HasPrefix(k.KID, kid) && (found == nil || tok.Verify(k.Public)) {
			found = k
		}
	}
	if found == nil {
		return nil, &data.Error{Code: data.ENOTFOUND, Field: "kid", Key: "err.not_found.key", Args: map[string]any{"KID": kid}}
	}
	return found, nil
}

// compare looks the certificate up by its management number and compares
// what the seal states with the record.
func (s *Service) compare(ctx context.Context, v *Verdict) {
	if v.CE != nil {
		s.compareCE(ctx, v)
		return
	}
	if v.Mail != nil {
		s.compareMail(ctx, v)
		return
	}
	if v.Profile != nil || v.Service != nil || v.Project != nil {
		s.compareDossier(ctx, v)
		return
	}
	cert, err := s.Certs.CertificateByMNo(ctx, v.Claims.MNo)
	if err != nil {
		return // not in this database (or unreadable): nothing to compare
	}
	h, err1 := s.Holders.Holder(ctx, cert.HolderID)
	anns, err2 := s.Anns.Annotations(ctx, cert.ID)
	if err1 != nil || err2 != nil {
		return
	}
	v.Mismatches = v.Claims.Mismatches(h, cert, anns)
	match := len(v.Mismatches) == 0
	v.MatchesRecord = &match
}

// findSeal takes the seal's text out of a PDF, an image or the text
// itself. Every input is bounded before it is read further: its size
// (data.MaxInputBytes; the faces read at most one byte more), an image's
// stated size before its pixels are decoded (data.MaxImagePixels), a PDF's
// objects and streams (pdf.EachImage); a panic of an image decoder is a
// refusal too, never a crash.
func findSeal(input []byte) (string, error) {
	if err := data.CheckInputSize(len(input)); err != nil {
		return "", err
	}
	trimmed := bytes.TrimSpace(input)
	switch {
	case len(trimmed) == 0:
		return "", data.Invalid("input", "err.seal.empty")
	case bytes.HasPrefix(trimmed, []byte("%PDF-")):
		var text string
		err := pdf.EachImage(trimmed, func(img image.Image) bool {
			t, err := seal.ReadQR(img)
			text = t
			return err != nil
		})
		switch {
		case text != "":
			return text, nil
		case data.AsError(err) != nil: // the PDF is beyond a limit: say which
			return "", err
		}
		return "", data.Invalid("input", "err.seal.not_found")
	case isImage(trimmed):
		img, err := decodeImage(trimmed)
		if err != nil {
			return "", err
		}
		text, err := seal.ReadQR(img)
		if data.AsError(err) != nil {
			return "", err
		}
		if err != nil {
			return "", data.Invalid("input", "err.seal.not_found")
		}
		return text, nil
	}
	return string(trimmed), nil
}

// decodeImage decodes a PNG or JPEG once its header says it is of a size
// that is read: a PNG of a few hundred kilobytes can state 15,000×15,000
// pixels and take 900 MB to decode.
func decodeImage(b []byte) (img image.Image, err error) {
	defer func() {
		if recover() != nil {
			img, err = nil, data.Invalid("input", "err.image.damaged")
		}
	}()
	cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return nil, imageError(b, err)
	}
	if err := data.CheckImageSize(cfg.Width, cfg.Height); err != nil {
		return nil, err
	}
	img, _, err = image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, imageError(b, err)
	}
	return img, nil
}

// imageError says why the image b could not be decoded: cut short (it
// lacks the end its format requires: the IEND chunk of a PNG, the EOI
// marker of a JPEG), or not readable at all. The decoders' own errors do
// not tell the two apart ("not enough pixel data", "short Huffman data").
func imageError(b []byte, err error) error {
	end := bytes.TrimRight(b, "\x00")
	complete := bytes.HasSuffix(end, []byte("IEND\xaeB`\x82")) || bytes.HasSuffix(end, []byte{0xFF, 0xD9})
	if !complete || errors.Is(err, io.ErrUnexpectedEOF) {
		return data.Invalid("input", "err.image.truncated")
	}
	return data.Invalid("input", "err.seal.bad_image")
}

func isImage(b []byte) bool {
	return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) || bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF})
}

// compareCE sets the report again from today's records, at the seal's
// export time: the same hash means every line still holds.
func (s *Service) compareCE(ctx context.Context, v *Verdict) {
	cl := v.CE
	cert, err := s.Certs.CertificateByMNo(ctx, cl.MNo)
	if err != nil || s.Regs == nil || s.CE == nil {
		return
	}
	st, err := s.CEProgress(ctx, cert.HolderID, cert.ID)
	if err != nil {
		return
	}
	h, err := s.Holders.Holder(ctx, cert.HolderID)
	if err != nil {
		return
	}
	match := false
	v.Mismatches = []string{"period"}
	for _, p := range st.Periods {
		if !p.Start.Equal(cl.PeriodStart) {
			continue
		}
		r := data.CEReport{Holder: *h, Certificate: *cert, Progress: p, ExportedAt: time.Unix(cl.IssuedAt, 0), ExportedBy: cl.Issuer}
		match = r.SealHash(cl.Format) == cl.Hash
		v.Mismatches = nil
		if !match {
			v.Mismatches = []string{"ce_records"}
		}
	}
	v.MatchesRecord = &match
}

// compareMail sets the form again from today's record, at the seal's
// export time: the same hash means every field still holds.
func (s *Service) compareMail(ctx context.Context, v *Verdict) {
	cl := v.Mail
	if s.Paper == nil {
		return
	}
	cert, err := s.Certs.CertificateByMNo(ctx, cl.MNo)
	if err != nil {
		return
	}
	h, err := s.Holders.Holder(ctx, cert.HolderID)
	if err != nil {
		return
	}
	f, err := s.Paper.MailForm(ctx, cert.ID)
	if err != nil || f == nil {
		return
	}
	d := data.MailFormDocument{Holder: *h, Certificate: *cert, Form: *f, ExportedAt: time.Unix(cl.IssuedAt, 0), ExportedBy: cl.Issuer}
	match := d.SealHash(cl.Format) == cl.Hash
	if !match {
		v.Mismatches = []string{"mail_form"}
	}
	v.MatchesRecord = &match
}
