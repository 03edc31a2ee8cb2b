package docs

import (
	"bytes"
	"context"
	"errors"
	"image"
	"strings"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/pdf"
)

// PhotoFiles opens the kept file of a photo (proofs.Store).
type PhotoFiles interface {
	Open(p data.Proof) ([]byte, error)
}

// Service-report formats, by the file's ending.
const (
	FormatPDF  = ".pdf"
	FormatXLSX = ".xlsx"
)

// ServiceReportOf says whose report: a holder's or a project's, one of
// the two.
type ServiceReportOf struct {
	HolderID  int64
	ProjectID int64
}

// ExportProfile sets the sealed personal information form of a holder
// (个人信息表), complete or not (an incomplete one says what is missing),
// with the name of the file to suggest.
func (s *Service) ExportProfile(ctx context.Context, holderID int64) ([]byte, string, error) {
	b, d, err := s.profileDocument(ctx, holderID)
	if err != nil {
		return nil, "", err
	}
	return b, data.ExportFileName(FormatPDF, d.Dossier.Holder.Name, mnoOf(d.Cert), data.FileProfile), nil
}

// errNoDossierStore: a Service made without the dossier's stores (a
// face wired before them) says so instead of failing on a nil interface.
var errNoDossierStore = errors.New("docs: the service has no dossier or project store")

func (s *Service) profileDocument(ctx context.Context, holderID int64) ([]byte, *data.ProfileDocument, error) {
	if s.Dossiers == nil {
		return nil, nil, errNoDossierStore
	}
	ds, err := s.Dossiers.Dossier(ctx, holderID)
	if err != nil {
		return nil, nil, err
	}
	cert, err := s.bindingCert(ctx, holderID)
	if err != nil {
		return nil, nil, err
	}
	key, err := s.Keys.OwnKey(ctx)
	if err != nil {
		return nil, nil, err
	}
	d := data.NewProfileDocument(ds, cert, s.Now())
	d.ExportedBy, d.KID = data.ExporterName(key), key.KID
	kind := ""
	if ph := ds.Profile.Photo; ph != nil {
		if d.Photo, kind, err = s.photo(*ph); err != nil {
			return nil, nil, err
		}
	}
	b, err := sealed(d.Claims(), key, func(qr func() ([]byte, error)) ([]byte, error) { return pdf.Profile(d, kind, qr) })
	if err != nil {
		return nil, nil, err
	}
	return b, d, nil
}

// photo reads the photo's file and says its kind for the page; a file
// gone or no longer a JPEG or PNG is the holder's to upload again, never
// a form printed without its photo.
func (s *Service) photo(p data.Proof) ([]byte, string, error) {
	missing := data.Invalid("photo", "err.profile.photo_missing")
	if s.Photos == nil {
		return nil, "", missing
	}
	b, err := s.Photos.Open(p)
	if err != nil {
		return nil, "", missing
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || data.CheckImageSize(cfg.Width, cfg.Height) != nil {
		return nil, "", missing
	}
	switch format {
	case "jpeg":
		return b, "JPG", nil
	case "png":
		return b, "PNG", nil
	}
	return nil, "", missing
}

// bindingCert is the certificate that binds the holder (nil: none valid).
func (s *Service) bindingCert(ctx context.Context, holderID int64) (*data.Certificate, error) {
	certs, err := s.Certs.Certificates(ctx, holderID)
	if err != nil {
		return nil, err
	}
	return data.BindingCertificates(certs)[holderID], nil
}

func mnoOf(c *data.Certificate) string {
	if c == nil {
		return ""
	}
	return c.MNo
}

// ExportServiceReport sets the service-record report (服务记录报告) of a
// holder or of a project as a sealed PDF (ext FormatPDF) or a sheet
// (FormatXLSX), with the name of the file to suggest.
func (s *Service) ExportServiceReport(ctx context.Context, of ServiceReportOf, ext string) ([]byte, string, error) {
	if s.Projects == nil {
		return nil, "", errNoDossierStore
	}
	ext = strings.ToLower(ext)
	if ext != FormatPDF && ext != FormatXLSX {
		return nil, "", data.Invalid("out", "err.service_report.type")
	}
	switch {
	case of.HolderID > 0 && of.ProjectID > 0:
		return nil, "", data.Invalid("project", "err.service_report.which")
	case of.HolderID > 0:
		r, err := s.holderReport(ctx, of.HolderID, s.Now())
		if err != nil {
			return nil, "", err
		}
		name := data.ExportFileName(ext, r.Holder.Name, mnoOf(r.Cert), data.FileServiceReport)
		if ext == FormatXLSX {
			b, err := holderReportSheet(r)
			return b, name, err
		}
		b, err := s.sealHolderReport(ctx, r)
		return b, name, err
	case of.ProjectID > 0:
		r, err := s.projectReport(ctx, of.ProjectID, s.Now())
		if err != nil {
			return nil, "", err
		}
		name := data.ExportFileName(ext, r.Project.Name, data.FileServiceReport)
		if ext == FormatXLSX {
			b, err := projectReportSheet(r)
			return b, name, err
		}
		b, err := s.sealProjectReport(ctx, r)
		return b, name, err
	}
	return nil, "", data.Invalid("holder", "err.service_report.which")
}

func (s *Service) holderReport(ctx context.Context, holderID int64, at time.Time) (*data.HolderServiceReport, error) {
	h, err := s.Holders.Holder(ctx, holderID)
	if err != nil {
		return nil, err
	}
	cert, err := s.bindingCert(ctx, holderID)
	if err != nil {
		return nil, err
	}
	projects, err := s.Projects.HolderProjects(ctx, holderID)
	if err != nil {
		return nil, err
	}
	recs, err := s.Projects.ServiceRecords(ctx, data.ServiceFilter{HolderID: holderID})
	if err != nil {
		return nil, err
	}
	return &data.HolderServiceReport{Holder: *h, Cert: cert, Projects: projects, Records: recs, ExportedAt: at.Truncate(time.Second)}, nil
}

func (s *Service) projectReport(ctx context.Context, projectID int64, at time.Time) (*data.ProjectServiceReport, error) {
	p, err := s.Projects.Project(ctx, projectID)
	if err != nil {
		return nil, err
	}
	parts, err := s.Projects.Participants(ctx, projectID)
	if err != nil {
		return nil, err
	}
	recs, err := s.Projects.ServiceRecords(ctx, data.ServiceFilter{ProjectID: projectID})
	if err != nil {
		return nil, err
	}
	return &data.ProjectServiceReport{Project: *p, Participants: parts, Records: recs, ExportedAt: at.Truncate(time.Second)}, nil
}

func (s *Service) sealHolderReport(ctx context.Context, r *data.HolderServiceReport) ([]byte, error) {
	key, err := s.Keys.OwnKey(ctx)
	if err != nil {
		return nil, err
	}
	r.ExportedBy, r.KID = data.ExporterName(key), key.KID
	return sealed(r.Claims(), key, func(qr func() ([]byte, error)) ([]byte, error) { return pdf.HolderServiceReport(r, qr) })
}

func (s *Service) sealProjectReport(ctx context.Context, r *data.ProjectServiceReport) ([]byte, error) {
	key, err := s.Keys.OwnKey(ctx)
	if err != nil {
		return nil, err
	}
	r.ExportedBy, r.KID = data.ExporterName(key), key.KID
	return sealed(r.Claims(), key, func(qr func() ([]byte, error)) ([]byte, error) { return pdf.ProjectServiceReport(r, qr) })
}

// compareDossier sets the document again from today's records, at the
// seal's export time: the same hash means every line still holds. A
// holder's document finds the holder by the certificate number it states,
// or, with none, by the name and masked ID number (when one holder alone
// has both); a project's report finds the project by its name and start.
func (s *Service) compareDossier(ctx context.Context, v *Verdict) {
	h := v.Header()
	at := time.Unix(h.IssuedAt, 0)
	var same bool
	switch {
	case v.Project != nil:
		if s.Projects == nil {
			return
		}
		// Of the projects the seal may name (a long name is cut in it),
		// the one whose report it is.
		found := s.findProjects(ctx, h.Name, v.Project.StartOn)
		if len(found) == 0 {
			return
		}
		for _, p := range found {
			r, err := s.projectReport(ctx, p.ID, at)
			if err != nil {
				return
			}
			r.ExportedBy = h.Issuer
			same = same || r.SealHash(h.Format) == h.Hash
		}
		if !same {
			v.Mismatches = []string{"service_records"}
		}
	case v.Service != nil:
		id := s.findHolder(ctx, h)
		if id == 0 || s.Projects == nil {
			return
		}
		r, err := s.holderReport(ctx, id, at)
		if err != nil {
			return
		}
		r.ExportedBy = h.Issuer
		same = r.SealHash(h.Format) == h.Hash
		if !same {
			v.Mismatches = []string{"service_records"}
		}
	default:
		id := s.findHolder(ctx, h)
		if id == 0 || s.Dossiers == nil {
			return
		}
		ds, err1 := s.Dossiers.Dossier(ctx, id)
		cert, err2 := s.bindingCert(ctx, id)
		if err1 != nil || err2 != nil {
			return
		}
		d := data.NewProfileDocument(ds, cert, at)
		d.ExportedBy = h.Issuer
		same = d.SealHash(h.Format) == h.Hash
		if !same {
			v.Mismatches = []string{"dossier"}
		}
	}
	v.MatchesRecord = &same
}

// findHolder is the holder a seal's header names (0: none found here).
func (s *Service) findHolder(ctx context.Context, h *data.SealHeader) int64 {
	if h.MNo != "" {
		c, err := s.Certs.CertificateByMNo(ctx, h.MNo)
		if err != nil {
			return 0
		}
		return c.HolderID
	}
	found, err := s.Holders.FindHolders(ctx, data.HolderFilter{Search: h.Name, Limit: 100})
	if err != nil {
		return 0
	}
	var id int64
	for _, f := range found {
		if f.Name == h.Name && data.MaskIDNumber(f.IDNumber) == h.IDMasked {
			if id != 0 {
				return 0 // two alike: which one cannot be told
			}
			id = f.ID
		}
	}
	return id
}

// findProjects are the projects a seal's name may be (data.SealNames)
// starting that day.
func (s *Service) findProjects(ctx context.Context, sealed string, start data.Date) []data.Project {
	found, err := s.Projects.FindProjects(ctx, data.ProjectFilter{Search: strings.TrimSuffix(sealed, "…"), Limit: 100})
	if err != nil {
		return nil
	}
	var out []data.Project
	for _, p := range found {
		if data.SealNames(sealed, p.Name) && p.StartOn.Equal(start) {
			out = append(out, p)
		}
	}
	return out
}
