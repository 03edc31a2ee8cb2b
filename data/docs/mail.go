package docs

import (
	"context"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/pdf"
)

// ExportMailForm sets the sealed mail application form of a certificate;
// the form must have been saved (and so validated) first.
func (s *Service) ExportMailForm(ctx context.Context, certID int64) ([]byte, *data.MailFormDocument, error) {
	cert, err := s.Certs.Certificate(ctx, certID)
	if err != nil {
		return nil, nil, err
	}
	f, err := s.Paper.MailForm(ctx, certID)
	if err != nil {
		return nil, nil, err
	}
	if f == nil {
		return nil, nil, data.Invalid("cert_id", "err.mail.no_form")
	}
	h, err := s.Holders.Holder(ctx, cert.HolderID)
	if err != nil {
		return nil, nil, err
	}
	key, err := s.Keys.OwnKey(ctx)
	if err != nil {
		return nil, nil, err
	}
	d := &data.MailFormDocument{Holder: *h, Certificate: *cert, Form: *f, ExportedAt: s.Now().Truncate(time.Second), ExportedBy: data.ExporterName(key), KID: key.KID}
	b, err := sealed(d.Claims(), key, func(qr func() ([]byte, error)) ([]byte, error) { return pdf.MailForm(d, qr) })
	if err != nil {
		return nil, nil, err
	}
	return b, d, nil
}
