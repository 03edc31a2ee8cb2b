package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"time"
)

// SealFormat is the format of the seals SWCert makes: 2, a JSON array of
// the claims in fixed places. Format 1, a JSON object with long keys, made
// a version-19 QR code (93 modules) that a phone photo of the page could
// not read; pages sealed with it are printed and filed, so it is still
// read (ParseSealPayload), never made.
//
// A format-2 payload, every place always present:
//
//	[2, doc, mno, name, idm, level, iat, exp−iat, hash, …]
//
// doc is "c" (certificate), "e" (CE report) or "m" (mail form); level 1, 2
// or 3 (assistant, social worker, senior); iat the export time in Unix
// seconds and the expiry as seconds after it; hash the document's (see
// SealHash). Then the document's own places:
//
//	certificate: exam year, passed on, issued on (dates as YYYYMMDD, 0 for
//	             none), and with an annotation its scene and its start as
//	             seconds after iat (negative: before); it ends when the
//	             seal does, so its end is not said twice
//	CE report:   period start, period end, hours required, credited (in
//	             tenths), number of records
//	mail form:   recipient ("" when it is the holder), province and city,
//	             postcode
//	personal information form: work history entries, honours, parts
//	             missing (0: complete)
//	holder's service report: projects, records, hours (in tenths)
//	project's service report: start, end, participants, records, hours
//
// The documents of a holder's dossier ("p", "s") carry the number and
// level of the certificate that binds the holder, or "" and 0 when they
// have none yet; a project's report ("j") names the project in the name's
// place, with no number, ID number or level.
//
// The exporter's name is not in it: the seal's key names who exported it
// (the verifier knows the key by its own name for it), and a name set by
// the user in Settings can be as long as the rest of the seal.
const SealFormat = 2

// Document codes of format 2.
var sealDocCodes = map[string]string{DocCert: "c", DocCEReport: "e", DocMailForm: "m",
	DocProfile: "p", DocServiceHolder: "s", DocServiceProject: "j"}

// levelOptional: the documents whose seal may carry no level (0).
func levelOptional(code string) bool { return code == "p" || code == "s" || code == "j" }

// Level codes of format 2, in place order.
var sealLevels = []Level{"", LevelAssistant, LevelSocialWorker, LevelSenior}

// SealClaims is a seal's payload read back: one of the documents.
type SealClaims struct {
	Doc     string
	Cert    *CertClaims
	CE      *CEClaims
	Mail    *MailClaims
	Profile *ProfileClaims
	Service *ServiceClaims
	Project *ProjectClaims
}

// Header is what every document's claims begin with.
func (s *SealClaims) Header() *SealHeader {
	switch {
	case s.Cert != nil:
		return &s.Cert.SealHeader
	case s.CE != nil:
		return &s.CE.SealHeader
	case s.Profile != nil:
		return &s.Profile.SealHeader
	case s.Service != nil:
		return &s.Service.SealHeader
	case s.Project != nil:
		return &s.Project.SealHeader
	}
	return &s.Mail.SealHeader
}

var errSealPayload = errors.New("seal: not a payload SWCert makes")

// ParseSealPayload reads the claims of a seal, of either format. A format-2
// payload is read only in its one canonical text: written again from what
// was read it must be the same bytes (no spaces, escapes, other number
// forms, places more or fewer), so one seal has one text.
func ParseSealPayload(b []byte) (*SealClaims, error) {
	if len(b) > 0 && b[0] == '{' {
		return parseSealV1(b)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var a []any
	if err := d.Decode(&a); err != nil || d.More() || len(a) < 9 {
		return nil, errSealPayload
	}
	r := &places{a: a}
	if r.int() != SealFormat {
		return nil, errSealPayload
	}
	code := r.str()
	h := SealHeader{Format: SealFormat, MNo: r.str(), Name: r.str(), IDMasked: r.str()}
	if lvl := r.int(); lvl >= 1 && lvl < int64(len(sealLevels)) || lvl == 0 && levelOptional(code) {
		h.Level = sealLevels[lvl]
	} else {
		r.bad = true
	}
	h.IssuedAt = r.int()
	h.Expires = h.IssuedAt + r.int()
	h.Hash = r.str()
	s := &SealClaims{}
	switch code {
	case "c":
		h.Doc = DocCert
		c := &CertClaims{SealHeader: h, ExamYear: int(r.int()), PassedOn: r.date(), IssuedOn: r.date()}
		if len(a) == 14 {
			c.Scene, c.AnnFrom, c.AnnUntil = r.str(), h.IssuedAt+r.int(), h.Expires
		}
		s.Cert = c
	case "e":
		h.Doc = DocCEReport
		s.CE = &CEClaims{SealHeader: h, PeriodStart: r.date(), PeriodEnd: r.date(), Required: r.hours(), Credited: r.hours(), Records: int(r.int())}
	case "m":
		h.Doc = DocMailForm
		m := &MailClaims{SealHeader: h, Recipient: r.str(), City: r.str(), Postcode: r.str()}
		if m.Recipient == "" {
			m.Recipient = m.Name
		}
		s.Mail = m
	case "p":
		h.Doc = DocProfile
		s.Profile = &ProfileClaims{SealHeader: h, Work: int(r.int()), Honours: int(r.int()), Missing: int(r.int())}
	case "s":
		h.Doc = DocServiceHolder
		s.Service = &ServiceClaims{SealHeader: h, Projects: int(r.int()), Records: int(r.int()), Hours: r.tenths()}
	case "j":
		h.Doc = DocServiceProject
		s.Project = &ProjectClaims{SealHeader: h, StartOn: r.date(), EndOn: r.date(), Participants: int(r.int()), Records: int(r.int()), Hours: r.tenths()}
	default:
		return nil, errSealPayload
	}
	s.Doc = h.Doc
	if r.bad || r.i != len(a) {
		return nil, errSealPayload
	}
	again, err := s.payload()
	if err != nil || !bytes.Equal(again, b) {
		return nil, errSealPayload
	}
	return s, nil
}

// parseSealV1 reads a format-1 payload: a JSON object naming its document.
func parseSealV1(b []byte) (*SealClaims, error) {
	var head struct {
		Doc string `json:"doc"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, errSealPayload
	}
	s := &SealClaims{Doc: head.Doc}
	var err error
	switch head.Doc {
	case DocCert:
		s.Cert = &CertClaims{}
		err = json.Unmarshal(b, s.Cert)
	case DocCEReport:
		s.CE = &CEClaims{}
		err = json.Unmarshal(b, s.CE)
	case DocMailForm:
		s.Mail = &MailClaims{}
		err = json.Unmarshal(b, s.Mail)
	default:
		err = errSealPayload
	}
	if err != nil {
		return nil, errSealPayload
	}
	s.Header().Format = 1
	return s, nil
}

// payload writes the claims in format 2.
func (s *SealClaims) payload() ([]byte, error) {
	h := s.Header()
	lvl := 0
	for i, l := range sealLevels {
		if i > 0 && l == h.Level {
			lvl = i
		}
	}
	code, ok := sealDocCodes[s.Doc]
	if lvl == 0 && !levelOptional(code) || !ok {
		return nil, errSealPayload
	}
	a := []any{SealFormat, code, h.MNo, h.Name, h.IDMasked, lvl, h.IssuedAt, h.Expires - h.IssuedAt, h.Hash}
	switch {
	case s.Cert != nil:
		c := s.Cert
		a = append(a, c.ExamYear, sealDate(c.PassedOn), sealDate(c.IssuedOn))
		if c.AnnFrom != 0 {
			if c.AnnUntil != c.Expires {
				return nil, errSealPayload // the one place says both
			}
			a = append(a, c.Scene, c.AnnFrom-h.IssuedAt)
		}
	case s.CE != nil:
		c := s.CE
		a = append(a, sealDate(c.PeriodStart), sealDate(c.PeriodEnd), c.Required.tenths, c.Credited.tenths, c.Records)
	case s.Profile != nil:
		c := s.Profile
		a = append(a, c.Work, c.Honours, c.Missing)
	case s.Service != nil:
		c := s.Service
		a = append(a, c.Projects, c.Records, c.Hours.tenths)
	case s.Project != nil:
		c := s.Project
		a = append(a, sealDate(c.StartOn), sealDate(c.EndOn), c.Participants, c.Records, c.Hours.tenths)
	default:
		m := s.Mail
		to := m.Recipient
		if to == m.Name {
			to = ""
		}
		a = append(a, to, m.City, m.Postcode)
	}
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false) // "&" is a byte, not six
	if err := e.Encode(a); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// SealPayload is the claims as the seal carries them (format 2).
func (c CertClaims) SealPayload() ([]byte, error) {
	return (&SealClaims{Doc: DocCert, Cert: &c}).payload()
}

// SealPayload is the claims as the seal carries them (format 2).
func (c CEClaims) SealPayload() ([]byte, error) {
	return (&SealClaims{Doc: DocCEReport, CE: &c}).payload()
}

// SealPayload is the claims as the seal carries them (format 2).
func (c MailClaims) SealPayload() ([]byte, error) {
	return (&SealClaims{Doc: DocMailForm, Mail: &c}).payload()
}

// SealPayload is the claims as the seal carries them (format 2).
func (c ProfileClaims) SealPayload() ([]byte, error) {
	return (&SealClaims{Doc: DocProfile, Profile: &c}).payload()
}

// SealPayload is the claims as the seal carries them (format 2).
func (c ServiceClaims) SealPayload() ([]byte, error) {
	return (&SealClaims{Doc: DocServiceHolder, Service: &c}).payload()
}

// SealPayload is the claims as the seal carries them (format 2).
func (c ProjectClaims) SealPayload() ([]byte, error) {
	return (&SealClaims{Doc: DocServiceProject, Project: &c}).payload()
}

// sealDate is a date as format 2 writes it: YYYYMMDD, 0 for none.
func sealDate(d Date) int {
	if d.IsZero() {
		return 0
	}
	return d.Year()*10000 + int(d.t.Month())*100 + d.t.Day()
}

// places reads a format-2 array in order; a place of the wrong kind, or
// one too many, marks it bad.
type places struct {
	a   []any
	i   int
	bad bool
}

func (p *places) next() any {
	if p.i >= len(p.a) {
		p.bad = true
		return nil
	}
	p.i++
	return p.a[p.i-1]
}

func (p *places) str() string {
	s, ok := p.next().(string)
	p.bad = p.bad || !ok
	return s
}

func (p *places) int() int64 {
	n, ok := p.next().(json.Number)
	v, err := strconv.ParseInt(string(n), 10, 64)
	if !ok || err != nil {
		p.bad = true
	}
	return v
}

func (p *places) date() Date {
	n := p.int()
	if n == 0 {
		return Date{}
	}
	if n < 10000101 || n > 99991231 {
		p.bad = true
		return Date{}
	}
	return NewDate(int(n/10000), time.Month(n/100%100), int(n%100)) // a day that is none comes back as another: not canonical
}

// tenths is a total of service hours, in tenths: never negative.
func (p *places) tenths() Hours {
	n := p.int()
	if n < 0 {
		p.bad = true
	}
	return Hours{n}
}

func (p *places) hours() Hours {
	n := p.int()
	if n < 0 || n > maxParsedHours*10 {
		p.bad = true
	}
	return Hours{n}
}
