package docs

import (
	"cmp"
	"context"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/swcert/swcert/assets"
	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/sheet"
)

// ImportReport is what an import found and did, or in a dry run would
// do: the counts and changes are those of the records written (none when
// the import does not go ahead), each record counted once.
type ImportReport struct {
	Rows      int                 `json:"rows"` // the rows checked (not blank, not the example)
	Imported  int                 `json:"imported"`
	Updated   int                 `json:"updated"`
	Unchanged int                 `json:"unchanged"`
	Errors    []sheet.RowError    `json:"errors"`
	Skipped   []int               `json:"-"` // the template's example row(s)
	Changes   []data.ImportChange `json:"changes"`
	DryRun    bool                `json:"dry_run"`
	Written   bool                `json:"written"`
}

// Refused is an import that does not go ahead because rows are bad: it
// writes nothing (the command line exits 2).
func (r *ImportReport) Refused() bool {
	return len(r.Errors) > 0 && r.Imported+r.Updated+r.Unchanged == 0
}

// ImportSheet reads a spreadsheet and merges its rows into the saved
// records (data.MergeImport), all in one transaction: all the good rows
// when goodOnly, otherwise nothing at all when any row is bad. A dry run
// merges every row the same way and writes nothing, so it reports what the
// import would do. The report names every bad row, its column and what is
// wrong, and every change to a saved record.
func (s *Service) ImportSheet(ctx context.Context, name string, r io.Reader, dryRun, goodOnly bool) (*ImportReport, error) {
	t, err := sheet.Read(name, r)
	if err != nil {
		return nil, err
	}
	p, err := sheet.Parse(t)
	if err != nil {
		return nil, err
	}
	rep := &ImportReport{Rows: len(p.Rows) + len(p.Errors), Errors: p.Errors, Skipped: p.Example, Changes: []data.ImportChange{}, DryRun: dryRun}
	if rep.Errors == nil {
		rep.Errors = []sheet.RowError{}
	}
	if len(p.Rows) == 0 {
		return rep, nil
	}
	res, err := s.Import.ImportRows(ctx, p.Rows, data.ImportOptions{DryRun: dryRun, GoodOnly: goodOnly, BadRows: len(p.Errors)})
	if err != nil {
		// A row the store refused as it wrote: reported like the others,
		// nothing written.
		if e := data.AsError(err); e != nil {
			line, _ := e.Args["Row"].(int)
			rep.Errors = append(rep.Errors, sheet.RowError{Row: line, Column: p.Column(e.Field), Field: e.Field, Err: err})
			sortRowErrors(rep.Errors)
			return rep, nil
		}
		return nil, err
	}
	for _, e := range res.Errors {
		field := data.AsError(e.Err).Field
		rep.Errors = append(rep.Errors, sheet.RowError{Row: e.Row, Column: p.Column(field), Field: field, Err: e.Err})
	}
	sortRowErrors(rep.Errors)
	rep.Imported, rep.Updated, rep.Unchanged, rep.Written = res.Imported, res.Updated, res.Unchanged, res.Written
	for _, c := range res.Changes {
		for i := range c.Fields {
			c.Fields[i].Column = p.Column(c.Fields[i].Field)
		}
		rep.Changes = append(rep.Changes, c)
	}
	return rep, nil
}

// sortRowErrors puts the errors in row order, as the sheet shows them.
func sortRowErrors(errs []sheet.RowError) {
	slices.SortStableFunc(errs, func(a, b sheet.RowError) int { return cmp.Compare(a.Row, b.Row) })
}

// RosterColumns are the roster's columns: the import's own first, so an
// exported roster imports again, then the state of each certificate.
// Their headers are the translations' words (sheet.col.*), like the
// template's (field.*).
var RosterColumns = append(append([]sheet.Column{}, sheet.TemplateColumns...),
	rosterCol("ann_state", sheet.KindText), rosterCol("ann_until", sheet.KindDateTime),
	rosterCol("reg_from", sheet.KindDate), rosterCol("reg_to", sheet.KindDate),
	rosterCol("ce_credited", sheet.KindHours), rosterCol("ce_required", sheet.KindHours),
	rosterCol("paper_state", sheet.KindText))

func rosterCol(name string, k sheet.Kind) sheet.Column {
	return sheet.Column{Header: assets.Word(assets.Chinese, "sheet.col."+name), Kind: k}
}

// RosterHeader is the roster's header row.
var RosterHeader = func() []string {
	h := make([]string, len(RosterColumns))
	for i, c := range RosterColumns {
		h[i] = c.Header
	}
	return h
}()

// rosterPart is how many holders the roster reads at a time.
const rosterPart = 5000

// RosterExport is the roster as a sheet to write, made now: one row a
// certificate, every holder, in the list's order (by name), read and
// written rosterPart holders at a time (1,000,000 holders' rows took
// 4 GB at once). Its Total is counted first, so that an .xlsx too large
// for a sheet is refused at once.
func (s *Service) RosterExport(ctx context.Context) (sheet.Export, error) {
	now := s.Now()
	total, err := s.Snapshots.CountCertificates(ctx)
	if err != nil {
		return sheet.Export{}, err
	}
	return sheet.Export{Columns: RosterColumns, Title: assets.Word(assets.Chinese, "sheet.file_roster"), At: now, Total: total,
		Each: func(row func([]string) error) error { return s.roster(ctx, now, row) }}, nil
}

func (s *Service) roster(ctx context.Context, now time.Time, row func([]string) error) error {
	today := data.DateOf(now)
	return s.Snapshots.EachSnapshot(ctx, rosterPart, func(order []int64, snap *data.Snapshot) error {
		certs := snap.Certificates
		slices.SortFunc(certs, func(a, b *data.Certificate) int {
			return cmp.Or(a.IssuedOn.Time().Compare(b.IssuedOn.Time()), cmp.Compare(a.ID, b.ID))
		})
		byHolder := map[int64][]*data.Certificate{}
		for _, c := range certs {
			byHolder[c.HolderID] = append(byHolder[c.HolderID], c)
		}
		binding := data.BindingCertificates(snap.Certificates)
		for _, id := range order {
			h := snap.Holders[id]
			if h == nil {
				continue // deleted since the list was read
			}
			ce := ceFor(snap, binding[h.ID], today)
			for _, c := range byHolder[h.ID] {
				r := []string{h.Name, h.IDType.ChineseName(), h.IDNumber, h.Phone, h.Org, h.Region, c.Level.ChineseName(), c.MNo,
					strconv.Itoa(c.ExamYear), c.PassedOn.String(), c.IssuedOn.String(), c.Issuer, c.Status.ChineseName()}
				r = append(r, profileCells(h, snap.Profiles[h.ID])...)
				r = append(r, annotationState(c, snap.Annotations[c.ID], now)...)
				r = append(r, registrationSpan(snap.Registrations[c.ID])...)
				if ce != nil && ce.cert == c.ID {
					r = append(r, hours(ce.p.Credited), hours(ce.p.Required))
				} else {
					r = append(r, "", "")
				}
				r = append(r, paperState(snap.Paper[c.ID], today))
				if err := row(r); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

var (
	annZH   = map[data.AnnotationState]string{data.AnnGenerating: "证书生成中", data.AnnValid: "有效", data.AnnExpired: "加注件已过期", data.AnnWithdrawn: "已撤回"}
	paperZH = map[data.PaperStatus]string{data.PaperNotCollected: "未领取", data.PaperApplied: "已申请邮寄", data.PaperUnderReview: "审核中",
		data.PaperShipped: "已寄出", data.PaperCollected: "已领取", data.PaperOverdue: "逾期未领取"}
)

func hours(h data.Hours) string { return h.String() }

// profileCells are the personal information's base fields of a roster row
// (sheet.TemplateFields): the sex and date of birth as the ID number says
// them when it does.
func profileCells(h *data.Holder, p *data.Profile) []string {
	if p == nil {
		p = &data.Profile{}
	}
	sex, edu := data.SexOf(h, p), ""
	if p.Education != "" {
		edu = data.Chinese(p.Education)
	}
	sexText := ""
	if sex != "" {
		sexText = data.Chinese(sex)
	}
	return []string{sexText, data.BirthDateOf(h, p).String(), p.Ethnicity, edu, p.Major}
}

// annotationState is the annotation in force, else the latest one.
func annotationState(c *data.Certificate, anns []data.Annotation, now time.Time) []string {
	if !c.NeedsAnnotation() {
		return []string{"无需加注", ""}
	}
	a := data.CurrentAnnotation(anns, now)
	if a == nil && len(anns) > 0 {
		a = &anns[len(anns)-1]
	}
	if a == nil {
		return []string{"未申请", ""}
	}
	return []string{annZH[a.State(now)], data.FormatTime(a.ValidUntil())}
}

func registrationSpan(regs []data.Registration) []string {
	ps := data.Periods(regs)
	if len(ps) == 0 {
		return []string{"", ""}
	}
	p := ps[len(ps)-1]
	return []string{p.Start.String(), p.End.String()}
}

func paperState(p *data.Paper, today data.Date) string {
	if p == nil {
		return ""
	}
	return paperZH[data.PaperState(p, today)]
}

type ceStanding struct {
	cert int64
	p    data.Progress
}

// ceFor is the holder's current CE period, against their binding
// certificate (nil when there is none or no period runs today).
func ceFor(snap *data.Snapshot, c *data.Certificate, today data.Date) *ceStanding {
	if c == nil {
		return nil
	}
	progress, _ := data.CEProgress(c.Level, data.Periods(snap.Registrations[c.ID]), snap.CERecords[c.HolderID], today)
	for _, p := range progress {
		if p.Contains(today) {
			return &ceStanding{cert: c.ID, p: p}
		}
	}
	return nil
}
