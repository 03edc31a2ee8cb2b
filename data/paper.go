package data

import (
	"time"
)

// PaperMethod is how the paper certificate is collected.
type PaperMethod string

const (
	PaperOnsite PaperMethod = "onsite" // 现场领取
	PaperMail   PaperMethod = "mail"   // 邮寄申领
)

// PaperMethods in the order a form offers them.
var PaperMethods = []PaperMethod{PaperOnsite, PaperMail}

// Known reports whether m is one of PaperMethods.
func (m PaperMethod) Known() bool { return m == PaperOnsite || m == PaperMail }

// PaperStatus is where the collection stands, as recorded.
type PaperStatus string

const (
	PaperNotCollected PaperStatus = "not_collected"
	PaperApplied      PaperStatus = "applied"      // mail application sent
	PaperUnderReview  PaperStatus = "under_review" // the authority reviews it
	PaperShipped      PaperStatus = "shipped"      // the courier has it
	PaperCollected    PaperStatus = "collected"    // collected on site, or received by mail
)

// PaperStatuses in the order of the process.
var PaperStatuses = []PaperStatus{PaperNotCollected, PaperApplied, PaperUnderReview, PaperShipped, PaperCollected}

// Known reports whether s is one of PaperStatuses.
func (s PaperStatus) Known() bool {
	for _, k := range PaperStatuses {
		if k == s {
			return true
		}
	}
	return false
}

// PaperOverdue is the state shown when the window closed before the
// certificate was collected (or, by mail, applied for): it is never reissued.
const PaperOverdue PaperStatus = "overdue"

// Paper is how one certificate's paper copy is collected.
type Paper struct {
	ID          int64       `json:"id"`
	CertID      int64       `json:"cert_id"`
	Method      PaperMethod `json:"method"`
	WindowStart Date        `json:"window_start"` // the locality's announced first day
	WindowEnd   Date        `json:"window_end"`   // and last day
	Status      PaperStatus `json:"status"`
	// On site: where (民政局 or 人社局 and its address); a proxy (代领)
	// brings both ID cards, and is recorded.
	Place         string `json:"place"`
	ProxyName     string `json:"proxy_name"`
	ProxyIDNumber string `json:"proxy_id_number"` // sensitive: shown masked
	// By mail: when and where the application went, and the courier.
	SentOn      Date      `json:"sent_on"`
	SentTo      string    `json:"sent_to"`
	Courier     string    `json:"courier"`
	Tracking    string    `json:"tracking"`
	CollectedOn Date      `json:"collected_on"` // collected, or received
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	Stamp
}

// Normalize trims and fills the default status.
func (p *Paper) Normalize() {
	if p.Status == "" {
		p.Status = PaperNotCollected
	}
	for _, s := range []*string{&p.Place, &p.SentTo, &p.Courier, &p.Tracking} {
		*s = NormalizeText(*s)
	}
	p.ProxyName = NormalizeWords(p.ProxyName)
	p.ProxyIDNumber = NormalizeIDNumber(p.ProxyIDNumber)
}

// Validate checks a normalized record against today.
func (p *Paper) Validate(today Date) error {
	if p.CertID <= 0 {
		return Invalid("cert_id", "err.required")
	}
	if !p.Method.Known() {
		return Invalid("method", "err.paper.method", "Value", string(p.Method))
	}
	if !p.Status.Known() {
		return Invalid("status", "err.paper.status", "Value", string(p.Status))
	}
	if p.Method == PaperOnsite && p.Status != PaperNotCollected && p.Status != PaperCollected {
		return Invalid("status", "err.paper.onsite_status")
	}
	if err := ValidateDay("window_start", p.WindowStart, false, today); err != nil {
		return err
	}
	if err := ValidateDay("window_end", p.WindowEnd, false, today); err != nil {
		return err
	}
	if !p.WindowStart.IsZero() && !p.WindowEnd.IsZero() && p.WindowEnd.Before(p.WindowStart) {
		return Invalid("window_end", "err.paper.window_order")
	}
	mailApplied := p.Method == PaperMail && p.Status != PaperNotCollected && p.Status != PaperCollected
	if err := ValidateDay("sent_on", p.SentOn, mailApplied, today); err != nil {
		return err
	}
	// Decision (DOMAIN.md, a mail application after the window): refused,
	// with the warning; the certificate stays overdue.
	if p.Method == PaperMail && !p.SentOn.IsZero() && !p.WindowEnd.IsZero() && p.SentOn.After(p.WindowEnd) {
		return Invalid("sent_on", "err.paper.sent_after_window", "End", p.WindowEnd.String())
	}
	if err := ValidateDay("collected_on", p.CollectedOn, p.Status == PaperCollected, today); err != nil {
		return err
	}
	// A day of collection with the certificate still awaited would leave
	// the countdown running on a certificate already in hand.
	if !p.CollectedOn.IsZero() && p.Status != PaperCollected {
		return Invalid("collected_on", "err.paper.collected_status")
	}
	if !p.SentOn.IsZero() && !p.CollectedOn.IsZero() && p.CollectedOn.Before(p.SentOn) {
		return Invalid("collected_on", "err.paper.received_before_sent")
	}
	if (p.ProxyName == "") != (p.ProxyIDNumber == "") {
		if p.ProxyName == "" {
			return Invalid("proxy_name", "err.paper.proxy_both")
		}
		return Invalid("proxy_id_number", "err.paper.proxy_both")
	}
	if err := ValidateProxyIDNumber(p.ProxyIDNumber, today); err != nil {
		return err
	}
	if err := ValidateTracking(p.Tracking); err != nil {
		return err
	}
	for _, f := range []struct{ name, v string }{{"place", p.Place}, {"proxy_name", p.ProxyName}, {"sent_to", p.SentTo}, {"courier", p.Courier}} {
		if err := ValidateText(f.name, f.v); err != nil {
			return err
		}
	}
	return nil
}

// ValidateProxy holds the proxy to the holder. Decision (DOMAIN.md, the
// proxy): a proxy (他人代领) is another person, so a proxy ID number equal
// to the holder's is refused.
func ValidateProxy(p *Paper, holderIDNumber string) error {
	if p.ProxyIDNumber != "" && p.ProxyIDNumber == NormalizeIDNumber(holderIDNumber) {
		return Invalid("proxy_id_number", "err.paper.proxy_is_holder")
	}
	return nil
}

// ValidateProxyIDNumber checks the resident ID number of whoever collects
// the certificate for the holder; empty when the holder goes in person.
func ValidateProxyIDNumber(s string, today Date) error {
	if s == "" {
		return nil
	}
	err := ValidateIDNumber(IDResident, s, today)
	if e := AsError(err); e != nil {
		return Invalid("proxy_id_number", e.Key, argList(e.Args)...)
	}
	return err
}

// MaxTrackingLen bounds a courier's tracking number (the longest in use
// are around 20 characters).
const MaxTrackingLen = 40

// ValidateTracking bounds a tracking number; it may be left empty.
func ValidateTracking(s string) error { return checkText("tracking", s, MaxTrackingLen, false) }

func argList(m map[string]any) []any {
	var out []any
	for k, v := range m {
		out = append(out, k, v)
	}
	return out
}

// PaperState is where the collection stands today: the recorded status,
// or overdue when the window closed before the certificate was collected.
// By mail, an application sent in time (on or before the window's last
// day) is not overdue, whatever the courier does after; one with no day
// sent, or sent after the window, is.
func PaperState(p *Paper, today Date) PaperStatus {
	if p.Status == PaperCollected || p.WindowEnd.IsZero() || !today.After(p.WindowEnd) {
		return p.Status
	}
	if p.Method == PaperMail && p.Status != PaperNotCollected && !p.SentOn.IsZero() && !p.SentOn.After(p.WindowEnd) {
		return p.Status
	}
	return PaperOverdue
}

// PaperDaysLeft counts down to the window's last day (negative after it;
// 0 on it). ok is false when no window was entered.
func PaperDaysLeft(p *Paper, today Date) (days int, ok bool) {
	if p.WindowEnd.IsZero() {
		return 0, false
	}
	return today.DaysUntil(p.WindowEnd), true
}
