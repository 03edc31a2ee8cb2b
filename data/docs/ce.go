package docs

import (
	"context"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/pdf"
)

// CEStanding is a holder's continuing education against one certificate's
// registration periods.
type CEStanding struct {
	Certificate *data.Certificate `json:"certificate"`
	Periods     []data.Progress   `json:"periods"`
	// Outside are records in no registration period.
	Outside []data.CERecord `json:"outside"`
}

// CEProgress credits a holder's records toward the periods of certID, or,
// with certID 0, of their highest-level valid certificate (the one whose
// requirement binds them).
func (s *Service) CEProgress(ctx context.Context, holderID, certID int64) (*CEStanding, error) {
	recs, err := s.CE.CERecords(ctx, holderID)
	if err != nil {
		return nil, err
	}
	return s.CEProgressOf(ctx, holderID, certID, recs)
}

// CEProgressOf is CEProgress over the holder's records already read (the
// CE tab lists them beside the progress).
func (s *Service) CEProgressOf(ctx context.Context, holderID, certID int64, recs []data.CERecord) (*CEStanding, error) {
	cert, err := s.ceCertificate(ctx, holderID, certID)
	if err != nil {
		return nil, err
	}
	regs, err := s.Regs.Registrations(ctx, cert.ID)
	if err != nil {
		return nil, err
	}
	periods, outside := data.CEProgress(cert.Level, data.Periods(regs), recs, data.DateOf(s.Now()))
	if periods == nil {
		periods = []data.Progress{}
	}
	if outside == nil {
		outside = []data.CERecord{}
	}
	return &CEStanding{Certificate: cert, Periods: periods, Outside: outside}, nil
}

func (s *Service) ceCertificate(ctx context.Context, holderID, certID int64) (*data.Certificate, error) {
	if certID > 0 {
		c, err := s.Certs.Certificate(ctx, certID)
		if err != nil {
			return nil, err
		}
		if c.HolderID != holderID {
			return nil, data.Invalid("cert_id", "err.ce.not_holders_cert")
		}
		return c, nil
	}
	certs, err := s.Certs.Certificates(ctx, holderID)
	if err != nil {
		return nil, err
	}
	best := data.BindingCertificates(certs)[holderID]
	if best == nil {
		return nil, data.Invalid("holder_id", "err.ce.no_certificate")
	}
	return best, nil
}

// ExportCEReport sets the sealed CE report of one period: the one that
// starts on periodStart, or the current one (else the latest) when zero.
func (s *Service) ExportCEReport(ctx context.Context, holderID, certID int64, periodStart data.Date) ([]byte, *data.CEReport, error) {
	st, err := s.CEProgress(ctx, holderID, certID)
	if err != nil {
		return nil, nil, err
	}
	if len(st.Periods) == 0 {
		return nil, nil, data.Invalid("period_start", "err.ce.no_period")
	}
	today := data.DateOf(s.Now())
	p := &st.Periods[len(st.Periods)-1]
	for i := range st.Periods {
		q := &st.Periods[i]
		if (!periodStart.IsZero() && q.Start.Equal(periodStart)) || (periodStart.IsZero() && q.Contains(today)) {
			p = q
		}
	}
	if !periodStart.IsZero() && !p.Start.Equal(periodStart) {
		return nil, nil, data.Invalid("period_start", "err.ce.no_such_period", "Start", periodStart.String())
	}
	h, err := s.Holders.Holder(ctx, holderID)
	if err != nil {
		return nil, nil, err
	}
	key, err := s.Keys.OwnKey(ctx)
	if err != nil {
		return nil, nil, err
	}
	r := &data.CEReport{Holder: *h, Certificate: *st.Certificate, Progress: *p, ExportedAt: s.Now().Truncate(time.Second), ExportedBy: data.ExporterName(key), KID: key.KID}
	b, err := sealed(r.Claims(), key, func(qr func() ([]byte, error)) ([]byte, error) { return pdf.CEReport(r, qr) })
	if err != nil {
		return nil, nil, err
	}
	return b, r, nil
}
