package data

import (
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// DocCert is the document type of an exported electronic certificate.
const DocCert = "swcert/cert"

// UnannotatedSealDays: a certificate issued before 2021-12-17 needs no
// annotation, so nothing bounds its seal; Decision: such a seal expires 90
// days after export, the longest an annotation would allow.
const UnannotatedSealDays = 90

// SealHeader begins the claims of every sealed document: which document,
// when it was sealed, whose certificate (never the full ID number), until
// when the seal holds, and the hash of the page. Times are Unix seconds
// (JWT NumericDate). The seal carries them in the form of its Format
// (sealformat.go).
type SealHeader struct {
	Format int    `json:"format"`
	Doc    string `json:"doc"`
	// Issuer is the exporter's name, as seals of format 1 state it; a seal
	// of format 2 is known by its key alone.
	Issuer   string `json:"iss,omitempty"`
	MNo      string `json:"mno"`
	Name     string `json:"name"`
	IDMasked string `json:"idm"`
	Level    Level  `json:"lvl"`
	IssuedAt int64  `json:"iat"`
	Expires  int64  `json:"exp"`
	// Hash is of every field printed on the page, the issuing body and
	// status included, so the page and its record can be compared in full.
	Hash string `json:"h"`
}

// sealHeader is the header of doc about h's certificate c, exported at
// exported, its seal holding sealDays.
func sealHeader(doc string, h *Holder, c *Certificate, exported time.Time, sealDays int, hash string) SealHeader {
	return SealHeader{Format: SealFormat, Doc: doc, MNo: c.MNo, Name: h.Name, IDMasked: MaskIDNumber(h.IDNumber), Level: c.Level,
		IssuedAt: exported.Unix(), Expires: exported.AddDate(0, 0, sealDays).Unix(), Hash: hash}
}

// CertClaims is the payload of the seal on an exported certificate: what the
// page states, compactly, so that the QR code alone proves it.
type CertClaims struct {
	SealHeader
	ExamYear int    `json:"exam"`
	PassedOn Date   `json:"passed"`
	IssuedOn Date   `json:"issued"`
	Scene    string `json:"scene,omitempty"`
	AnnFrom  int64  `json:"ann_from,omitempty"`
	AnnUntil int64  `json:"ann_until,omitempty"`
}

// CertDocument is everything printed on an exported certificate page.
type CertDocument struct {
	Holder      Holder
	Certificate Certificate
	Annotation  *Annotation // nil when the certificate needs none
	ExportedAt  time.Time
	ExportedBy  string // the own key's name
	KID         string
}

// Claims are the seal's payload for the document.
func (d *CertDocument) Claims() CertClaims {
	c := CertClaims{
		SealHeader: sealHeader(DocCert, &d.Holder, &d.Certificate, d.ExportedAt, UnannotatedSealDays, d.Hash()),
		ExamYear:   d.Certificate.ExamYear,
		PassedOn:   d.Certificate.PassedOn,
		IssuedOn:   d.Certificate.IssuedOn,
	}
	if a := d.Annotation; a != nil {
		c.Scene = string(a.Scene)
		c.AnnFrom, c.AnnUntil = a.ValidFrom().Unix(), a.ValidUntil().Unix()
		c.Expires = c.AnnUntil // never later than the annotation's end
	}
	return c
}

// Hash is the hash of the printed fields in the seal's format of today.
func (d *CertDocument) Hash() string { return d.SealHash(SealFormat) }

// SealHash is the hash a seal of format f states: of the printed fields,
// one per line in a fixed order (hashLines).
func (d *CertDocument) SealHash(f int) string {
	c := d.Certificate
	fields := []string{c.MNo, d.Holder.Name, MaskIDNumber(d.Holder.IDNumber),
		string(c.Level), strconv.Itoa(c.ExamYear), c.PassedOn.String(), c.IssuedOn.String(), c.Issuer, string(c.Status),
		strconv.FormatInt(d.ExportedAt.Unix(), 10)}
	if a := d.Annotation; a != nil {
		fields = append(fields, string(a.Scene), strconv.FormatInt(a.ValidFrom().Unix(), 10), strconv.FormatInt(a.ValidUntil().Unix(), 10))
	}
	return hashLines(f, DocCert, d.ExportedBy, fields...)
}

// hashLines is how every document hashes its printed fields: the
// base64url first bytes of the SHA-256 of the lines, the document type
// first. Format 1 hashed the exporter's name second and kept 16 bytes;
// format 2 leaves the name out (the seal no longer states it, so a
// verifier could not hash it again) and keeps 12: the signature makes the
// hash trustworthy, the hash only tells a changed record from the same.
func hashLines(format int, doc, exportedBy string, fields ...string) string {
	lines, n := append([]string{doc}, fields...), 12
	if format == 1 {
		lines, n = append([]string{doc, exportedBy}, fields...), 16
	}
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return base64.RawURLEncoding.EncodeToString(sum[:n])
}

// Mismatches compares what a seal states with the local record of the same
// management number and returns the fields that differ (none: it matches).
// The annotation window must be one of the certificate's annotations.
func (c *CertClaims) Mismatches(h *Holder, cert *Certificate, anns []Annotation) []string {
	var out []string
	check := func(field string, same bool) {
		if !same {
			out = append(out, field)
		}
	}
	check("name", c.Name == h.Name)
	check("id_number", c.IDMasked == MaskIDNumber(h.IDNumber))
	check("level", c.Level == cert.Level)
	check("exam_year", c.ExamYear == cert.ExamYear)
	check("passed_on", c.PassedOn.Equal(cert.PassedOn))
	check("issued_on", c.IssuedOn.Equal(cert.IssuedOn))
	check("status", cert.Status == StatusValid)
	if c.AnnFrom != 0 {
		var ann *Annotation
		for i := range anns {
			if anns[i].ValidFrom().Unix() == c.AnnFrom && anns[i].ValidUntil().Unix() == c.AnnUntil {
				ann = &anns[i]
			}
		}
		check("annotation", ann != nil && ann.WithdrawnAt == nil)
		if len(out) == 0 && ann != nil {
			d := CertDocument{Holder: *h, Certificate: *cert, Annotation: ann, ExportedAt: time.Unix(c.IssuedAt, 0), ExportedBy: c.Issuer}
			check("issuer", d.SealHash(c.Format) == c.Hash)
		}
	} else if len(out) == 0 {
		d := CertDocument{Holder: *h, Certificate: *cert, ExportedAt: time.Unix(c.IssuedAt, 0), ExportedBy: c.Issuer}
		check("issuer", d.SealHash(c.Format) == c.Hash)
	}
	return out
}
