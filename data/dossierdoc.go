package data

import (
	"strconv"
	"strings"
	"time"
)

// The documents of the registration dossier (issue #16): the personal
// information form (个人信息表) and the service-record reports (服务记录报告)
// of a holder and of a project. They are sealed like the others
// (sealformat.go): a holder's documents carry the holder's name and masked
// ID number, and the management number and level of the certificate that
// binds them (BindingCertificates) when they have one; a project's carries
// the project's name.

// Document types.
const (
	DocProfile        = "swcert/profile"         // the personal information form
	DocServiceHolder  = "swcert/service-holder"  // a holder's service records
	DocServiceProject = "swcert/service-project" // a project's service records
)

// DossierSealDays: Decision, these seals expire 90 days after export, like
// the other documents' at most: a form or report states the record at a
// moment.
const DossierSealDays = 90

// holderSealHeader is the header of a holder's document: c may be nil (a
// holder with no valid certificate yet: no number, no level).
func holderSealHeader(doc string, h *Holder, c *Certificate, exported time.Time, hash string) SealHeader {
	s := SealHeader{Format: SealFormat, Doc: doc, Name: h.Name, IDMasked: MaskIDNumber(h.IDNumber),
		IssuedAt: exported.Unix(), Expires: exported.AddDate(0, 0, DossierSealDays).Unix(), Hash: hash}
	if c != nil {
		s.MNo, s.Level = c.MNo, c.Level
	}
	return s
}

// ProfileDocument is everything printed on the personal information form.
// The form goes to the authority and carries the full ID number; its seal
// does not.
type ProfileDocument struct {
	Dossier Dossier
	// Cert is the binding certificate (nil: none yet).
	Cert *Certificate
	// FirstRegOn and FirstRegKind: FirstRegistration as of the export.
	FirstRegOn   Date
	FirstRegKind FirstRegKind
	// Photo is the photo file's content (nil: none, or not readable).
	Photo      []byte
	ExportedAt time.Time
	ExportedBy string
	KID        string
}

// NewProfileDocument puts the form together from the dossier as read.
func NewProfileDocument(d *Dossier, cert *Certificate, exported time.Time) *ProfileDocument {
	on, kind := FirstRegistration(&d.Profile, d.Complete(), DateOf(exported))
	return &ProfileDocument{Dossier: *d, Cert: cert, FirstRegOn: on, FirstRegKind: kind, ExportedAt: exported.Truncate(time.Second)}
}

// ProfileClaims is the payload of the form's seal: how many work history
// entries and honours it lists, and how many parts are missing (0: the
// dossier is complete).
type ProfileClaims struct {
	SealHeader
	Work    int `json:"work"`
	Honours int `json:"honours"`
	Missing int `json:"missing"`
}

// Claims are the seal's payload for the form.
func (d *ProfileDocument) Claims() ProfileClaims {
	return ProfileClaims{SealHeader: holderSealHeader(DocProfile, &d.Dossier.Holder, d.Cert, d.ExportedAt, d.Hash()),
		Work: len(d.Dossier.Work), Honours: len(d.Dossier.Honours), Missing: len(d.Dossier.Missing)}
}

// Hash is the hash of the form in the seal's format of today.
func (d *ProfileDocument) Hash() string { return d.SealHash(SealFormat) }

// SealHash covers every field printed on the form, the full ID number and
// the photo's content (by its hash) included.
func (d *ProfileDocument) SealHash(sf int) string {
	ds, h, p := d.Dossier, d.Dossier.Holder, d.Dossier.Profile
	photo := ""
	if p.Photo != nil {
		photo = p.Photo.SHA256
	}
	mno := ""
	if d.Cert != nil {
		mno = d.Cert.MNo + "\t" + string(d.Cert.Level)
	}
	lines := []string{mno, h.Name, string(ds.Sex), string(h.IDType), h.IDNumber, ds.BirthDate.String(), p.Ethnicity, string(p.Education),
		p.Major, h.Phone, h.Org, h.Region, d.FirstRegOn.String(), string(d.FirstRegKind), photo, strings.Join(ds.Missing, ","),
		strconv.FormatInt(d.ExportedAt.Unix(), 10)}
	for _, w := range ds.Work {
		lines = append(lines, strings.Join([]string{"w", w.Org, w.Position, w.StartOn.String(), w.EndOn.String(), string(w.Programme), strconv.Itoa(len(w.Proofs))}, "\t"))
	}
	for _, o := range ds.Honours {
		lines = append(lines, strings.Join([]string{"h", o.Title, o.Date.String(), string(o.Level)}, "\t"))
	}
	return hashLines(sf, DocProfile, d.ExportedBy, lines...)
}

// HolderServiceReport is everything printed on a holder's service-record
// report: their projects with their hours in each, and each record.
type HolderServiceReport struct {
	Holder   Holder
	Cert     *Certificate
	Projects []HolderProject
	// Records are the holder's, in every project, by date.
	Records    []ServiceRecord
	ExportedAt time.Time
	ExportedBy string
	KID        string
}

// Total is the holder's hours over all their projects.
func (r *HolderServiceReport) Total() Hours { return sumRecords(r.Records) }

// ProgrammeProjects are the holder's projects under the 三区计划 or the
// 牵手计划: what the programme flags of their work history rest on.
func (r *HolderServiceReport) ProgrammeProjects() []HolderProject {
	var out []HolderProject
	for _, p := range r.Projects {
		if p.Project.Programme != ProgrammeNone {
			out = append(out, p)
		}
	}
	return out
}

// ServiceClaims is the payload of a holder's report's seal: how many
// projects and records it lists and the hours they add up to.
type ServiceClaims struct {
	SealHeader
	Projects int   `json:"projects"`
	Records  int   `json:"records"`
	Hours    Hours `json:"hours"`
}

// Claims are the seal's payload for the report.
func (r *HolderServiceReport) Claims() ServiceClaims {
	return ServiceClaims{SealHeader: holderSealHeader(DocServiceHolder, &r.Holder, r.Cert, r.ExportedAt, r.Hash()),
		Projects: len(r.Projects), Records: len(r.Records), Hours: r.Total()}
}

// Hash is the hash of the report in the seal's format of today.
func (r *HolderServiceReport) Hash() string { return r.SealHash(SealFormat) }

// SealHash covers every line of the report.
func (r *HolderServiceReport) SealHash(sf int) string {
	mno := ""
	if r.Cert != nil {
		mno = r.Cert.MNo
	}
	lines := []string{mno, r.Holder.Name, MaskIDNumber(r.Holder.IDNumber), strconv.FormatInt(r.ExportedAt.Unix(), 10)}
	for _, p := range r.Projects {
		lines = append(lines, projectLine(&p.Project)+"\t"+strconv.Itoa(p.Records)+"\t"+p.Hours.String())
	}
	for _, s := range r.Records {
		lines = append(lines, recordLine(&s))
	}
	return hashLines(sf, DocServiceHolder, r.ExportedBy, lines...)
}

// ProjectServiceReport is everything printed on a project's report: who
// served and how many hours, and each record.
type ProjectServiceReport struct {
	Project      Project
	Participants []Participant
	// Records are the project's, by date.
	Records    []ServiceRecord
	ExportedAt time.Time
	ExportedBy string
	KID        string
}

// Total is the hours of every participant.
func (r *ProjectServiceReport) Total() Hours { return sumRecords(r.Records) }

// ProjectClaims is the payload of a project report's seal: the header
// names the project (no holder, number or level), then its dates, how many
// participants and records and their hours.
type ProjectClaims struct {
	SealHeader
	StartOn      Date  `json:"from"`
	EndOn        Date  `json:"to"`
	Participants int   `json:"participants"`
	Records      int   `json:"records"`
	Hours        Hours `json:"hours"`
}

// Claims are the seal's payload for the report.
func (r *ProjectServiceReport) Claims() ProjectClaims {
	h := SealHeader{Format: SealFormat, Doc: DocServiceProject, Name: SealProjectName(r.Project.Name),
		IssuedAt: r.ExportedAt.Unix(), Expires: r.ExportedAt.AddDate(0, 0, DossierSealDays).Unix(), Hash: r.Hash()}
	return ProjectClaims{SealHeader: h, StartOn: r.Project.StartOn, EndOn: r.Project.EndOn,
		Participants: len(r.Participants), Records: len(r.Records), Hours: r.Total()}
}

// Hash is the hash of the report in the seal's format of today.
func (r *ProjectServiceReport) Hash() string { return r.SealHash(SealFormat) }

// SealHash covers every line of the report.
func (r *ProjectServiceReport) SealHash(sf int) string {
	lines := make([]string, 0, 2+len(r.Participants)+len(r.Records))
	lines = append(lines, projectLine(&r.Project), strconv.FormatInt(r.ExportedAt.Unix(), 10))
	for _, p := range r.Participants {
		lines = append(lines, strings.Join([]string{"p", strconv.FormatInt(p.HolderID, 10), p.Name, p.Org, strconv.Itoa(p.Records), p.Hours.String()}, "\t"))
	}
	for _, s := range r.Records {
		lines = append(lines, recordLine(&s))
	}
	return hashLines(sf, DocServiceProject, r.ExportedBy, lines...)
}

// SealNameRunes bounds the project's name in a seal: a name may have 200
// characters, which would make a code no phone reads off paper. Decision:
// a longer name is cut to its first 19 and "…"; the hash covers the whole
// name, and a verifier finds the project by the beginning and its start.
const SealNameRunes = 20

// SealProjectName is the project's name as its report's seal states it.
func SealProjectName(name string) string {
	r := []rune(name)
	if len(r) <= SealNameRunes {
		return name
	}
	return string(r[:SealNameRunes-1]) + "…"
}

// SealNames reports whether a project's name is the one a seal states.
func SealNames(sealed, name string) bool { return SealProjectName(name) == sealed }

func projectLine(p *Project) string {
	return strings.Join([]string{"j", p.Name, p.Org, p.StartOn.String(), p.EndOn.String(), string(p.Programme)}, "\t")
}

func recordLine(s *ServiceRecord) string {
	return strings.Join([]string{"r", strconv.FormatInt(s.ProjectID, 10), strconv.FormatInt(s.HolderID, 10), s.Date.String(), s.Content, s.Hours.String()}, "\t")
}

func sumRecords(recs []ServiceRecord) Hours {
	var t Hours
	for _, r := range recs {
		t = t.Add(r.Hours)
	}
	return t
}
