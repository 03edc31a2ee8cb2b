package data

import (
	"context"
	"iter"
	"time"
)

// HolderFilter selects a page of holders. Search matches the name, the ID
// number, the employer or a certificate's management number; results are
// ordered by name, then id, so pages are stable.
type HolderFilter struct {
	Search string
	// HolderID, when set, keeps only that holder: CountHolders is 1 when
	// they match Search, 0 when not (does the list show the holder a form
	// shows?).
	HolderID int64
	// Programmes, when set, keeps the holders with experience under any
	// of them (project bids ask for it): a work history entry flagged so,
	// or a project under it they take part in.
	Programmes []Programme
	Offset     int
	Limit      int // 0 means DefaultPageSize
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
	// HolderDependents counts what deleting the holder takes along.
	HolderDependents(ctx context.Context, id int64) (Dependents, error)
	Holder(ctx context.Context, id int64) (*Holder, error)
	FindHolders(ctx context.Context, f HolderFilter) ([]*Holder, error)
	CountHolders(ctx context.Context, f HolderFilter) (int, error)
	// CreateHolderRecords writes holders with their certificates in one
	// transaction: all of them, or none when any is invalid.
	CreateHolderRecords(ctx context.Context, recs []HolderRecord) error
	// CreateHolderRecordParts is CreateHolderRecords for records made a
	// part at a time, each part written before the next is made (a demo
	// of 1,000,000 holders): one transaction, all or none.
	CreateHolderRecordParts(ctx context.Context, parts iter.Seq[[]HolderRecord]) error
}

// Dependents are the records a deletion takes along (the store deletes
// them with their holder or certificate): the question before a delete
// says them, and `holder delete` / `cert delete` report them.
type Dependents struct {
	Certificates  int `json:"certificates"`
	Annotations   int `json:"annotations"`
	Registrations int `json:"registrations"`
	CERecords     int `json:"ce_records"`
	ProofFiles    int `json:"proof_files"` // distinct files: one may prove several records
	Papers        int `json:"paper"`
	// The dossier's (holders only): the profile with its photo, the work
	// history, honours, agency changes, the projects the holder takes part
	// in (the projects stay) and their service records.
	Profiles       int `json:"profiles,omitempty"`
	WorkEntries    int `json:"work_entries,omitempty"`
	Honours        int `json:"honours,omitempty"`
	Transfers      int `json:"transfers,omitempty"`
	Participations int `json:"participations,omitempty"`
	ServiceRecords int `json:"service_records,omitempty"`
}

// CertificateService keeps certificates.
type CertificateService interface {
	CreateCertificate(ctx context.Context, c *Certificate) error
	UpdateCertificate(ctx context.Context, c *Certificate) error
	DeleteCertificate(ctx context.Context, id int64) error
	// CertificateDependents counts what deleting the certificate takes
	// along.
	CertificateDependents(ctx context.Context, id int64) (Dependents, error)
	Certificate(ctx context.Context, id int64) (*Certificate, error)
	// Certificates of one holder (holderID > 0), or of everyone (0), ordered
	// by issue date.
	Certificates(ctx context.Context, holderID int64) ([]*Certificate, error)
	// CertificateByMNo finds a certificate by its management number.
	CertificateByMNo(ctx context.Context, mno string) (*Certificate, error)
}

// AnnotationService keeps the annotations (加注) of certificates. The rules
// (CanAnnotate, the 3-in-90-days limit) are checked again inside the
// transaction that writes, so two applications at once cannot exceed them.
type AnnotationService interface {
	ApplyAnnotation(ctx context.Context, certID int64, scene Scene, days int) (*Annotation, error)
	// CompleteAnnotation records when the annotation was completed.
	CompleteAnnotation(ctx context.Context, id int64, at time.Time) (*Annotation, error)
	WithdrawAnnotation(ctx context.Context, id int64) (*Annotation, error)
	Annotation(ctx context.Context, id int64) (*Annotation, error)
	// Annotations of one certificate, oldest application first.
	Annotations(ctx context.Context, certID int64) ([]Annotation, error)
}

// KeyService keeps the seal keys: this installation's own signing key,
// made on first run, and the public keys of other installations it trusts.
type KeyService interface {
	OwnKey(ctx context.Context) (*SealKey, error)
	TrustKey(ctx context.Context, k *SealKey) error
	UntrustKey(ctx context.Context, kid string) error
	// Key finds a key by kid: the own key or a trusted one.
	Key(ctx context.Context, kid string) (*SealKey, error)
	Keys(ctx context.Context) ([]*SealKey, error)
	// SetOwnKeyName names the exporter the documents print (ExporterName).
	SetOwnKeyName(ctx context.Context, name string) (*SealKey, error)
}

// RegistrationService keeps the registrations of certificates.
type RegistrationService interface {
	CreateRegistration(ctx context.Context, r *Registration) error
	// UpdateRegistration refuses changes CanChangeRegistration refuses.
	UpdateRegistration(ctx context.Context, r *Registration) error
	DeleteRegistration(ctx context.Context, id int64) error
	Registration(ctx context.Context, id int64) (*Registration, error)
	// Registrations of one certificate, oldest first.
	Registrations(ctx context.Context, certID int64) ([]Registration, error)
}

// CEService keeps continuing-education records with their proof files. A
// proof attached but not saved yet carries its Data: the store keeps its
// file with the record, so a record refused keeps no file, and removes the
// files no record refers to any more (a record changed or deleted, a
// holder deleted).
type CEService interface {
	CreateCERecord(ctx context.Context, r *CERecord) error
	UpdateCERecord(ctx context.Context, r *CERecord) error
	DeleteCERecord(ctx context.Context, id int64) error
	CERecord(ctx context.Context, id int64) (*CERecord, error)
	// CERecords of one holder, by date.
	CERecords(ctx context.Context, holderID int64) ([]CERecord, error)
}

// ProofFiles keeps proof files, each under the SHA-256 of its content
// (data/proofs). The CE store writes a record's new files, and removes
// those no record refers to, while it holds the database's write lock: a
// file is never removed between another writer's finding it kept and its
// saving the record that refers to it.
type ProofFiles interface {
	// Keep writes p.Data, unless a whole file of that content is kept.
	Keep(p Proof) error
	// Remove removes the file of a hash; one already gone is no error.
	Remove(sha256 string) error
	// Kept lists the hashes of the files kept.
	Kept() ([]string, error)
	// Claim says whether the database db (its path), known by id, may
	// remove files here: only the one database that uses the folder may.
	Claim(id, db string) (bool, error)
}

// PaperService keeps how each certificate's paper copy is collected and
// the mail application form.
type PaperService interface {
	// SetPaper saves the collection record of p.CertID (one per certificate).
	SetPaper(ctx context.Context, p *Paper) error
	// Paper is nil, without error, when none was recorded yet.
	Paper(ctx context.Context, certID int64) (*Paper, error)
	SaveMailForm(ctx context.Context, f *MailForm) error
	// SavePaper saves p and, when f is not nil, f in one transaction:
	// both or neither.
	SavePaper(ctx context.Context, p *Paper, f *MailForm) error
	// MailForm is nil, without error, when none was saved yet.
	MailForm(ctx context.Context, certID int64) (*MailForm, error)
}

// ReminderService keeps what happened to each reminder (data.Reminder)
// in the database.
type ReminderService interface {
	// ReminderStates loads the states of keys (absent: nothing happened).
	ReminderStates(ctx context.Context, keys []string) (map[string]ReminderState, error)
	// MarkRemindersShown: on screen in the window's reminder centre.
	MarkRemindersShown(ctx context.Context, keys []string) error
	// MarkRemindersNotified: a desktop notification was attempted.
	MarkRemindersNotified(ctx context.Context, keys []string) error
	DismissReminder(ctx context.Context, key string) error
	SnoozeReminder(ctx context.Context, key string, until time.Time) error
}

// SnapshotService loads what the rules read of every holder, a part at a
// time (the roster).
type SnapshotService interface {
	// EachSnapshot gives fn what the rules read of every holder, a part
	// of at most size holders at a time, in the list's order (by name,
	// then ID), order being the part's holders in it: the roster of
	// 1,000,000 holders is never read at once.
	EachSnapshot(ctx context.Context, size int, fn func(order []int64, s *Snapshot) error) error
	// CountCertificates is how many certificates there are (the rows of
	// the roster).
	CountCertificates(ctx context.Context) (int, error)
}

// AttentionService reads what needs attention (the dashboard, reminders,
// `swcert due`, the calendar) at an instant. The store keeps the items
// worked out and works out again only the holders that were written to or
// whose dates came, so every read is current and quick.
type AttentionService interface {
	// Attention lists the items f selects in the order of AttentionItems.
	Attention(ctx context.Context, f AttentionFilter, now time.Time) ([]Attention, error)
	// AttentionKeys names them, in that order (with the groups f.Group
	// makes of them), and AttentionPage reads a page of them: a list pages
	// through many that way, quickly at any depth.
	AttentionKeys(ctx context.Context, f AttentionFilter, now time.Time) ([]AttentionKey, []AttentionSpan, error)
	AttentionPage(ctx context.Context, keys []AttentionKey, now time.Time) ([]Attention, error)
	// AttentionCount says how many there are (and the groups), and
	// AttentionAt reads a page of them from an offset, without reading
	// every key first: a list's first screen at once, with 1,000,000
	// holders too (a page far down is quicker by keys).
	AttentionCount(ctx context.Context, f AttentionFilter, now time.Time) (int, []AttentionSpan, error)
	AttentionAt(ctx context.Context, f AttentionFilter, now time.Time, offset, limit int) ([]Attention, error)
	AttentionFigures(ctx context.Context, now time.Time) (AttentionFigures, error)
	// Version changes whenever a write is committed, by this process or
	// another: while it stays put (and the minute too), what was read holds.
	Version(ctx context.Context) (int64, error)
}

// ImportRow is what one spreadsheet row says about a holder and one of
// their certificates (see MergeImport).
type ImportRow struct {
	Line        int // the row number as the spreadsheet shows it
	Holder      HolderUpdate
	Profile     ProfileUpdate
	Certificate CertificateUpdate
}

// ImportOptions say how far an import goes.
type ImportOptions struct {
	DryRun   bool // merge and report every row, write nothing
	GoodOnly bool // write the good rows even when some are bad
	// BadRows are the rows found bad before the store saw them (cells that
	// do not read); with them, and not GoodOnly, nothing is written.
	BadRows int
}

// ImportRowError is a row the merge refused.
type ImportRowError struct {
	Row int
	Err error // an application error naming the field
}

// ImportResult is what an import wrote, or, in a dry run, would write:
// each record counted once (ImportTally), each new or changed one listed.
// When the import does not go ahead (ImportGoesAhead) it writes nothing,
// and the counts and changes are empty.
type ImportResult struct {
	Imported  int
	Updated   int
	Unchanged int
	Changes   []ImportChange
	Errors    []ImportRowError // every row refused, in row order
	Written   bool             // the transaction was committed
}

// ImportService merges rows into the saved records (MergeImport), in
// order and all in one transaction: a holder is found by ID number and a
// certificate by management number, as earlier rows of the same import
// left them. Importing a file again creates nothing new.
type ImportService interface {
	ImportRows(ctx context.Context, rows []ImportRow, opt ImportOptions) (ImportResult, error)
}

// DossierService keeps the personal information (个人信息) of holders: the
// profile with its photo, the work history and the honours. Files attached
// and not saved yet carry their Data, kept with the record as the CE
// store keeps its proofs (CEService). Every write records the first
// registration time when the dossier becomes complete (FirstRegistration).
type DossierService interface {
	// Dossier reads everything the section shows at once: holder,
	// profile, work history, honours, agency changes, projects with hours,
	// and what is missing.
	Dossier(ctx context.Context, holderID int64) (*Dossier, error)
	// Profile is the holder's profile; an empty one (HolderID set) when
	// none was saved yet.
	Profile(ctx context.Context, holderID int64) (*Profile, error)
	// SetProfile saves the profile's fields; its Photo is left as saved
	// (SetPhoto changes it).
	SetProfile(ctx context.Context, p *Profile) error
	// SetPhoto replaces the photo (CheckPhoto); nil removes it. The photo
	// is made by proofs.NewPhoto or proofs.ReadPhotoFile (its Data, hash,
	// size and type).
	SetPhoto(ctx context.Context, holderID int64, photo *Proof) error

	// WorkHistory of a holder, by start date.
	WorkHistory(ctx context.Context, holderID int64) ([]WorkEntry, error)
	WorkEntry(ctx context.Context, id int64) (*WorkEntry, error)
	// CreateWorkEntry and UpdateWorkEntry check the entry against the
	// holder's others (CheckWorkHistory) in the transaction that writes;
	// its proofs become exactly e.Proofs.
	CreateWorkEntry(ctx context.Context, e *WorkEntry) error
	UpdateWorkEntry(ctx context.Context, e *WorkEntry) error
	DeleteWorkEntry(ctx context.Context, id int64) error
	// Employers lists the employers in the database (holders', work
	// histories', projects') that contain the text, any case, for a form
	// to pick from: at most limit, by name.
	Employers(ctx context.Context, contains string, limit int) ([]string, error)

	// Honours of a holder, by date.
	Honours(ctx context.Context, holderID int64) ([]Honour, error)
	Honour(ctx context.Context, id int64) (*Honour, error)
	CreateHonour(ctx context.Context, h *Honour) error
	UpdateHonour(ctx context.Context, h *Honour) error
	DeleteHonour(ctx context.Context, id int64) error
}

// TransferService keeps agency changes (机构变更).
type TransferService interface {
	// ApplyTransfer records a change under review, from the holder's
	// present employer and region; refused while another is under review
	// (CanApplyTransfer), checked in the transaction that writes.
	ApplyTransfer(ctx context.Context, t *Transfer) error
	// DecideTransfer records the outcome on the day on, over the version
	// read (0: not based on a read; refused naming who changed it). A
	// change that passes changes the holder's employer and region and
	// their work history (PassTransfer), all in the one transaction.
	DecideTransfer(ctx context.Context, id, version int64, status Review, on Date) (*Transfer, error)
	Transfer(ctx context.Context, id int64) (*Transfer, error)
	// Transfers of one holder (holderID > 0), or those of everyone under
	// review (0), latest applied first.
	Transfers(ctx context.Context, holderID int64) ([]Transfer, error)
}

// ProjectFilter selects a page of projects, by start date (latest first),
// then id.
type ProjectFilter struct {
	Search    string // in the name or the agency, any case
	Org       string // exactly this agency
	Programme *Programme
	Offset    int
	Limit     int // 0 means DefaultPageSize
}

// ServiceFilter selects service records: of a project, of a holder, or of
// a holder in a project; by date.
type ServiceFilter struct {
	ProjectID int64
	HolderID  int64
}

// ProjectRecord is a project with its participants (holder IDs) and their
// service records, written together (demo data, imports).
type ProjectRecord struct {
	Project      Project         `json:"project"`
	Participants []int64         `json:"participants"`
	Records      []ServiceRecord `json:"records"` // each with its HolderID
}

// ProjectService keeps projects, their participants and their service
// records (服务记录). A record is checked (CheckServiceRecord), the 24 h a
// day across all projects included, in the transaction that writes it.
type ProjectService interface {
	CreateProject(ctx context.Context, p *Project) error
	// UpdateProject refuses dates that would leave records outside
	// (CheckProjectDates).
	UpdateProject(ctx context.Context, p *Project) error
	// DeleteProject removes the project with its participants and records.
	DeleteProject(ctx context.Context, id int64) error
	Project(ctx context.Context, id int64) (*Project, error)
	FindProjects(ctx context.Context, f ProjectFilter) ([]Project, error)
	CountProjects(ctx context.Context, f ProjectFilter) (int, error)

	JoinProject(ctx context.Context, projectID, holderID int64) error
	// LeaveProject refuses a participant who has records (CanLeaveProject).
	LeaveProject(ctx context.Context, projectID, holderID int64) error
	// Participants of a project, by name, with their hours in it.
	Participants(ctx context.Context, projectID int64) ([]Participant, error)
	// HolderProjects are the projects a holder takes part in, latest
	// start first, with their hours in each.
	HolderProjects(ctx context.Context, holderID int64) ([]HolderProject, error)

	// CreateProjectRecords writes projects with their participants and
	// records in one transaction, each record checked as
	// CreateServiceRecord checks it: all of them, or none.
	CreateProjectRecords(ctx context.Context, recs []ProjectRecord) error

	CreateServiceRecord(ctx context.Context, r *ServiceRecord) error
	UpdateServiceRecord(ctx context.Context, r *ServiceRecord) error
	DeleteServiceRecord(ctx context.Context, id int64) error
	ServiceRecord(ctx context.Context, id int64) (*ServiceRecord, error)
	ServiceRecords(ctx context.Context, f ServiceFilter) ([]ServiceRecord, error)
}
