package data

import "context"

// HolderFilter selects a page of holders. Search matches the name, the ID
// number, the employer or a certificate's management number; results are
// ordered by name, then id, so pages are stable.
type HolderFilter struct {
	Search string
	Offset int
	Limit  int // 0 means DefaultPageSize
}

// DefaultPageSize is the page a list fetches at a time: lists never load
// all rows.
const DefaultPageSize = 50

// HolderService keeps holders. Create and Update normalize and validate
// the holder (against the service's clock) and fill ID and timestamps.
type HolderService interface {
	CreateHolder(ctx context.Context, h *Holder) error
	UpdateHolder(ctx context.Context, h *Holder) error
	// DeleteHolder removes the holder and, with them, their certificates.
	DeleteHolder(ctx context.Context, id int64) error
	Holder(ctx context.Context, id int64) (*Holder, error)
	FindHolders(ctx context.Context, f HolderFilter) ([]*Holder, error)
	CountHolders(ctx context.Context, f HolderFilter) (int, error)
	// CreateHolderRecords writes holders with their certificates in one
	// transaction: all of them, or none when any is invalid.
	CreateHolderRecords(ctx context.Context, recs []HolderRecord) error
}

// CertificateService keeps certificates.
type CertificateService interface {
	CreateCertificate(ctx context.Context, c *Certificate) error
	UpdateCertificate(ctx context.Context, c *Certificate) error
	DeleteCertificate(ctx context.Context, id int64) error
	Certificate(ctx context.Context, id int64) (*Certificate, error)
	// Certificates of one holder (holderID > 0), or of everyone (0), ordered
	// by issue date.
	Certificates(ctx context.Context, holderID int64) ([]*Certificate, error)
}
