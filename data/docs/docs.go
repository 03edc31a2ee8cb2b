// Package docs exports sealed documents and verifies them: the one place
// the window and the command line call for both. It puts together the
// store (through the data services), the seal and the PDF.
package docs

import (
	"context"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/pdf"
	"github.com/swcert/swcert/data/seal"
)

// Service exports and verifies on one store and one clock.
type Service struct {
	Holders data.HolderService
	Certs   data.CertificateService
	Anns    data.AnnotationService
	Keys    data.KeyService
	Regs    data.RegistrationService
	CE      data.CEService
	Paper   data.PaperService
	// Snapshots and Import serve the agency's dashboard, roster and imports.
	Snapshots data.SnapshotService
	Import    data.ImportService
	// Dossiers, Projects and Photos serve the personal information form
	// and the service-record reports.
	Dossiers data.DossierService
	Projects data.ProjectService
	Photos   PhotoFiles
	Now      func() time.Time
}

// qrModulePx: 4 pixels a module; the page scales the code to 64 mm, and a
// viewer that smooths the scaling still leaves edges a scanner finds.
const qrModulePx = 4

// ExportCertificate seals the certificate as a PDF, or says why it may not
// be exported now (data.CanDownload).
func (s *Service) ExportCertificate(ctx context.Context, certID int64) ([]byte, *data.CertDocument, error) {
	cert, err := s.Certs.Certificate(ctx, certID)
	if err != nil {
		return nil, nil, err
	}
	anns, err := s.Anns.Annotations(ctx, certID)
	if err != nil {
		return nil, nil, err
	}
	now := s.Now()
	if err := data.CanDownload(cert, anns, now); err != nil {
		return nil, nil, err
	}
	h, err := s.Holders.Holder(ctx, cert.HolderID)
	if err != nil {
		return nil, nil, err
	}
	key, err := s.Keys.OwnKey(ctx)
	if err != nil {
		return nil, nil, err
	}
	doc := &data.CertDocument{Holder: *h, Certificate: *cert, ExportedAt: now.Truncate(time.Second), ExportedBy: data.ExporterName(key), KID: key.KID}
	if cert.NeedsAnnotation() {
		doc.Annotation = data.CurrentAnnotation(anns, now)
	}
	b, err := sealed(doc.Claims(), key, func(qr func() ([]byte, error)) ([]byte, error) { return pdf.Certificate(doc, qr) })
	if err != nil {
		return nil, nil, err
	}
	return b, doc, nil
}

// sealed signs a document's claims with key and renders its page, which
// asks for the QR code of the signature when it places it.
func sealed(claims any, key *data.SealKey, render func(qr func() ([]byte, error)) ([]byte, error)) ([]byte, error) {
	jws, err := seal.Sign(claims, key)
	if err != nil {
		return nil, err
	}
	return render(func() ([]byte, error) { return seal.QRPNG(jws, qrModulePx) })
}

// PublicKey is this installation's public key as a JWK file.
func (s *Service) PublicKey(ctx context.Context) ([]byte, error) {
	k, err := s.Keys.OwnKey(ctx)
	if err != nil {
		return nil, err
	}
	return seal.PublicJWK(k)
}

// ReadKeyFile reads a public key file (JWK) without trusting it, to show
// its key ID and the name it suggests.
func (s *Service) ReadKeyFile(jwk []byte) (*data.SealKey, error) { return seal.ParseJWK(jwk) }

// TrustKeyFile trusts the public key in a JWK file, under name (or the
// name the file gives, if name is empty).
func (s *Service) TrustKeyFile(ctx context.Context, jwk []byte, name string) (*data.SealKey, error) {
	k, err := seal.ParseJWK(jwk)
	if err != nil {
		return nil, err
	}
	if name != "" {
		k.Name = name
	}
	if err := s.Keys.TrustKey(ctx, k); err != nil {
		return nil, err
	}
	return k, nil
}
