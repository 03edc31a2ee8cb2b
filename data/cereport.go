package data

import (
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
	PeriodStart Date    `json:"from"`
	PeriodEnd   Date    `json:"to"`
	Required    float64 `json:"req"`
	Credited    float64 `json:"hrs"`
	Records     int     `json:"n"`
}

// Claims are the seal's payload for the report.
func (r *CEReport) Claims() CEClaims {
	return CEClaims{
		SealHeader:  sealHeader(DocCEReport, r.ExportedBy, &r.Holder, &r.Certificate, r.ExportedAt, CEReportSealDays, r.Hash()),
		PeriodStart: r.Progress.Start, PeriodEnd: r.Progress.End,
		Required: r.Progress.Required, Credited: r.Progress.Credited, Records: len(r.Progress.Records),
	}
}

// Hash covers every line of the report: each record as credited.
func (r *CEReport) Hash() string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
	lines := []string{DocCEReport, r.ExportedBy, r.Certificate.MNo, r.Holder.Name, MaskIDNumber(r.Holder.IDNumber),
		string(r.Certificate.Level), r.Progress.Start.String(), r.Progress.End.String(), f(r.Progress.Required),
		f(r.Progress.Credited), f(r.Progress.Pending), strconv.FormatInt(r.ExportedAt.Unix(), 10)}
	for _, c := range r.Progress.Records {
		lines = append(lines, strings.Join([]string{c.Record.Date.String(), string(c.Record.Kind), c.Record.Title,
			c.Record.Provider, f(c.Record.Hours), string(c.Record.Review), f(c.Hours), f(c.Pending)}, "\t"))
	}
	return hashLines(lines...)
}
