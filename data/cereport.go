package data

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"
)

// DocCEReport is the document type of an exported CE report.
const DocCEReport = "swcert/ce"

// CEReportSealDays: a CE report states hours at a moment; Decision, its
// seal expires 90 days after export, like an annotation at most.
const CEReportSealDays = 90

// CEReport is everything printed on an exported CE report.
type CEReport struct {
	Holder      Holder
	Certificate Certificate
	Progress    Progress
	ExportedAt  time.Time
	ExportedBy  string
	KID         string
}

// CEClaims is the payload of a CE report's seal.
type CEClaims struct {
	SealHeader
	PeriodStart Date  `json:"from"`
	PeriodEnd   Date  `json:"to"`
	Required    Hours `json:"req"`
	Credited    Hours `json:"hrs"`
	Records     int   `json:"n"`
}

// UnmarshalJSON reads a seal's claims. Reports sealed before hours were
// kept in tenths state a floating-point sum (71.99999999999999 for 72):
// the signed bytes cannot change, so a number within a thousandth of a
// tenth reads as that tenth. Hours typed by a person are never read so.
func (c *CEClaims) UnmarshalJSON(b []byte) error {
	type plain CEClaims
	aux := struct {
		*plain
		Required json.Number `json:"req"`
		Credited json.Number `json:"hrs"`
	}{plain: (*plain)(c)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	var err error
	if c.Required, err = sealedHours(aux.Required); err == nil {
		c.Credited, err = sealedHours(aux.Credited)
	}
	return err
}

func sealedHours(n json.Number) (Hours, error) {
	if n == "" {
		return Hours{}, nil
	}
	if h, err := ParseHours("hours", string(n)); err == nil {
		return h, nil
	}
	f, err := n.Float64()
	t := math.Round(f * 10)
	if err != nil || math.Abs(f*10-t) > 0.001 || math.Abs(t) > maxParsedHours*10 {
		return Hours{}, Invalid("hours", "err.ce.hours", "Max", MaxCEHours)
	}
	return Hours{int64(t)}, nil
}

// Claims are the seal's payload for the report.
func (r *CEReport) Claims() CEClaims {
	return CEClaims{
		SealHeader:  sealHeader(DocCEReport, &r.Holder, &r.Certificate, r.ExportedAt, CEReportSealDays, r.Hash()),
		PeriodStart: r.Progress.Start, PeriodEnd: r.Progress.End,
		Required: r.Progress.Required, Credited: r.Progress.Credited, Records: len(r.Progress.Records),
	}
}

// Hash is the hash of the report in the seal's format of today.
func (r *CEReport) Hash() string { return r.SealHash(SealFormat) }

// SealHash is the hash a seal of format sf states. It covers every line of
// the report: each record as credited. Its lines are those of the first
// version, so reports sealed then still match: hours with one decimal
// (72.0), and a record with no review status (a kind that needs none) as
// "approved", as those records were stored then.
func (r *CEReport) SealHash(sf int) string {
	f := Hours.decimal
	lines := []string{r.Certificate.MNo, r.Holder.Name, MaskIDNumber(r.Holder.IDNumber),
		string(r.Certificate.Level), r.Progress.Start.String(), r.Progress.End.String(), f(r.Progress.Required),
		f(r.Progress.Credited), f(r.Progress.Pending), strconv.FormatInt(r.ExportedAt.Unix(), 10)}
	for _, c := range r.Progress.Records {
		review := c.Record.Review
		if review == "" {
			review = ReviewApproved
		}
		lines = append(lines, strings.Join([]string{c.Record.Date.String(), string(c.Record.Kind), c.Record.Title,
			c.Record.Provider, f(c.Record.Hours), string(review), f(c.Hours), f(c.Pending)}, "\t"))
	}
	return hashLines(sf, DocCEReport, r.ExportedBy, lines...)
}
