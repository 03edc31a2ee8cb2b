package data

import (
	"strconv"
	"strings"
	"time"
)

// Sex as the application form asks it.
type Sex string

const (
	SexMale   Sex = "male"
	SexFemale Sex = "female"
)

// Sexes in the order a form offers them.
var Sexes = []Sex{SexMale, SexFemale}

// IDSex reads the sex from an 18-character resident or permit number: the
// 17th digit is odd for men, even for women. "" when the number says none.
func IDSex(t IDType, s string) Sex {
	if (t != IDResident && t != IDPermit) || len(s) != 18 || s[16] < '0' || s[16] > '9' {
		return ""
	}
	if (s[16]-'0')%2 == 1 {
		return SexMale
	}
	return SexFemale
}

// Fee is how the express fee is paid.
type Fee string

const (
	FeePrepaid    Fee = "prepaid"     // 寄付 (paid when sending)
	FeeOnDelivery Fee = "on_delivery" // 到付
)

// Fees in the order a form offers them.
var Fees = []Fee{FeeOnDelivery, FeePrepaid}

// MailForm is the application to receive the paper certificate by mail
// (社会工作者职业水平证书领取申请表): what the holder fills in besides what
// the app knows from the holder and certificate.
type MailForm struct {
	CertID    int64     `json:"cert_id"`
	Sex       Sex       `json:"sex"`
	Recipient string    `json:"recipient"` // default: the holder
	Phone     string    `json:"phone"`     // the recipient's mobile; sensitive
	Province  string    `json:"province"`
	City      string    `json:"city"`
	District  string    `json:"district"`
	Address   string    `json:"address"` // street and number
	Postcode  string    `json:"postcode"`
	Fee       Fee       `json:"fee"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Stamp
}

// FillFromHolder fills the fields left empty with what the holder's record
// already says: the sex from the ID number, the holder as recipient, the
// holder's mobile when the holder is the recipient, and the fee paid on
// delivery. The form and the command line both start from it.
func (f *MailForm) FillFromHolder(h *Holder) {
	if f.Sex == "" {
		f.Sex = IDSex(h.IDType, h.IDNumber)
	}
	if NormalizeWords(f.Recipient) == "" { // nothing visible: none given
		f.Recipient = h.Name
	}
	if f.Phone == "" && f.Recipient == h.Name {
		f.Phone = h.Phone
	}
	if f.Fee == "" {
		f.Fee = FeeOnDelivery
	}
}

// Normalize trims the fields and puts numbers into canonical form.
func (f *MailForm) Normalize() {
	for _, s := range []*string{&f.Recipient, &f.Province, &f.City, &f.District, &f.Address} {
		*s = NormalizeWords(*s)
	}
	f.Phone = NormalizePhone(f.Phone)
	f.Postcode = strings.ReplaceAll(strings.TrimSpace(f.Postcode), " ", "")
	if f.Fee == "" {
		f.Fee = FeeOnDelivery
	}
}

// Validate checks every field, in the order the form shows them.
func (f *MailForm) Validate() error {
	if f.CertID <= 0 {
		return Invalid("cert_id", "err.required")
	}
	if f.Sex != SexMale && f.Sex != SexFemale {
		return Invalid("sex", "err.required")
	}
	if err := ValidateName("recipient", f.Recipient); err != nil {
		return err
	}
	if err := ValidateRequiredMobile("phone", f.Phone); err != nil {
		return err
	}
	for _, r := range []struct{ field, v string }{{"province", f.Province}, {"city", f.City}, {"district", f.District}, {"address", f.Address}} {
		if err := ValidateRequiredText(r.field, r.v); err != nil {
			return err
		}
	}
	if err := ValidatePostcode(f.Postcode); err != nil {
		return err
	}
	if f.Fee != FeePrepaid && f.Fee != FeeOnDelivery {
		return Invalid("fee", "err.mail.fee", "Value", string(f.Fee))
	}
	return nil
}

// ValidatePostcode requires a mainland postal code: 6 digits.
func ValidatePostcode(s string) error {
	if s == "" {
		return Invalid("postcode", "err.required")
	}
	if len(s) != 6 || !isDigits(s) {
		return Invalid("postcode", "err.mail.postcode")
	}
	return nil
}

// FullAddress is the address as written on an envelope, each part once:
// 北京市 as province and as city is 北京市, not 北京市北京市.
func (f *MailForm) FullAddress() string {
	return JoinAddress(f.Province, f.City, f.District, f.Address)
}

// JoinAddress writes the parts of an address one after the other, leaving
// out what is said already: a part the address so far ends with (the city
// of a municipality, 北京市 after 北京市), and a part the next one starts
// with or spells out (北京 before 北京市; 北京市朝阳区 before a street
// address typed as 北京市朝阳区建国路 88 号).
func JoinAddress(parts ...string) string {
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		so := strings.Join(out, "")
		switch {
		case so == "":
			out = append(out, p)
		case strings.HasSuffix(so, p):
		case strings.HasPrefix(p, so):
			out = []string{p}
		case strings.HasPrefix(p, out[len(out)-1]):
			out[len(out)-1] = p
		default:
			out = append(out, p)
		}
	}
	return strings.Join(out, "")
}

// rawAddress is the parts as saved, one after the other: what a seal's
// hash covers, so a form sealed before FullAddress left repeats out still
// matches its record.
func (f *MailForm) rawAddress() string {
	return f.Province + f.City + f.District + f.Address
}

// DocMailForm is the document type of an exported mail application form.
const DocMailForm = "swcert/mail"

// MailFormSealDays: Decision, the form's seal expires 90 days after
// export, like the other documents' at most.
const MailFormSealDays = 90

// MailFormDocument is everything printed on the exported form. The form
// goes to the authority and carries the full ID number; its seal does not.
type MailFormDocument struct {
	Holder      Holder
	Certificate Certificate
	Form        MailForm
	ExportedAt  time.Time
	ExportedBy  string
	KID         string
}

// MailClaims is the payload of the form's seal.
type MailClaims struct {
	SealHeader
	Recipient string `json:"to"`
	City      string `json:"city"`
	Postcode  string `json:"zip"`
}

// Claims are the seal's payload for the form.
func (d *MailFormDocument) Claims() MailClaims {
	return MailClaims{
		SealHeader: sealHeader(DocMailForm, &d.Holder, &d.Certificate, d.ExportedAt, MailFormSealDays, d.Hash()),
		Recipient:  d.Form.Recipient, City: JoinAddress(d.Form.Province, d.Form.City), Postcode: d.Form.Postcode,
	}
}

// Hash is the hash of the form in the seal's format of today.
func (d *MailFormDocument) Hash() string { return d.SealHash(SealFormat) }

// SealHash is the hash a seal of format sf states: of every field printed
// on the form.
func (d *MailFormDocument) SealHash(sf int) string {
	f, c, h := d.Form, d.Certificate, d.Holder
	return hashLines(sf, DocMailForm, d.ExportedBy, c.MNo, h.Name, string(f.Sex), string(h.IDType), h.IDNumber, string(c.Level),
		strconv.Itoa(c.ExamYear), f.Phone, f.Recipient, f.rawAddress(), f.Postcode, string(f.Fee), strconv.FormatInt(d.ExportedAt.Unix(), 10))
}
