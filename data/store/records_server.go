package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"

	"github.com/swcert/swcert/data"
)

// On a server a load of thousands of holder records or projects (a demo)
// is written a statement for many rows of a table, not one a row: a demo
// of 100,000 holders made six million inserts, each a round trip and a
// statement's trigger work (7-10 minutes; 00024 works a statement's
// inserts out once). Each row is checked when it is given, as the
// function that saves it alone checks it, takes its ID from its table's
// sequence then (a pool of them at a time, as the import does), and is
// queued; a table's queue is written, with its parents' before it (a
// certificate's holder, a service record's participant), when it is full
// and at the end. Nothing the walk reads before a row is written depends
// on a queued row, or what is queued is written first:
//   - a day's hours of service (the 24-hour rule) are read for a window
//     of records ahead, once their earlier records are written, and
//     counted on in memory;
//   - a proof that names a file without its content is looked up among
//     the saved proofs once everything queued is written;
//   - a certificate's second paper record of one record, which replaces
//     the first, is written as alone, once the first is.
// A holder's or certificate's number already taken is found by the rows
// its statement did not write (ON CONFLICT DO NOTHING RETURNING id): the
// error names that record, as the row at a time does. Another refusal of
// a statement was not foreseen by the checks; it names the first record
// of its rows. The records a check refuses are refused once what was
// queued before them is written, so an earlier record's refusal is the
// one given, as a row at a time gives it.

// rowAtATime makes a server write a row at a time too (the tests compare
// the two).
var rowAtATime = false

// recordsBatch is the most rows a statement writes, and how many IDs are
// taken from a sequence at once.
const recordsBatch = 1000

// batches says whether many records are written in batches: on a server
// (whose values are never sealed: it keeps no key of the file's kind).
func (db *DB) batches() bool {
	return !rowAtATime && db.sql.dialect == postgresSQL && db.vault.current() == nil
}

// rowQueue is one table's rows not yet written, a column at a time.
type rowQueue struct {
	table   string
	insert  string   // the statement: ?1… the columns' arrays
	types   []string // the array type of each column
	parents []*rowQueue
	// conflict is the refusal of a row the statement did not write (its
	// number taken), when it says ON CONFLICT DO NOTHING RETURNING id.
	conflict *data.Error
	vals     [][]any // the values of each column, as the row's insert gives them
	rows     []int   // the record of each row
	ids      []int64 // taken from the sequence, not yet given
}

// newQueue is the queue of table with columns "name type, …" (bigint or
// text); sel replaces a column's value in the statement (the
// expression, of the column's name); suffix ends the statement.
func newQueue(table, columns string, sel map[string]string, suffix string, parents ...*rowQueue) *rowQueue {
	q := &rowQueue{table: table, parents: parents}
	var names, arrays, exprs []string
	for i, c := range strings.Split(columns, ",") {
		f := strings.Fields(c)
		name := `"` + f[0] + `"`
		q.types = append(q.types, f[1])
		names = append(names, name)
		arrays = append(arrays, fmt.Sprintf("?%d::%s[]", i+1, f[1]))
		if e, ok := sel[f[0]]; ok {
			exprs = append(exprs, e)
		} else {
			exprs = append(exprs, name)
		}
	}
	q.vals = make([][]any, len(names))
	q.insert = `INSERT INTO ` + table + ` (` + strings.Join(names, ", ") + `)
		SELECT ` + strings.Join(exprs, ", ") + `
		FROM unnest(` + strings.Join(arrays, ", ") + `) WITH ORDINALITY AS r (` + strings.Join(names, ", ") + `, n)
		ORDER BY n ` + suffix
	return q
}

// recordBatch writes holder records or projects in batches
// (holderWriter, projectWriter).
type recordBatch struct {
	db  *DB
	ctx context.Context
	tx  *txn
	all []*rowQueue // every queue, parents first: the order of the end's writes

	holders, certs, regs, annotations, papers, ce, ceProofs, profiles, photos,
	works, workProofs, honours, honourProofs, transfers, projects, participants, services *rowQueue

	row    int  // the record being queued
	broken bool // a statement failed: the transaction is over
	// papered: the certificates of the record being queued with a paper
	// record queued.
	papered []int64
	// day: the tenths of service of a holder's day, for the projects up to
	// dayUntil (the window read ahead).
	day      map[dayKey]int64
	dayUntil int
}

type dayKey struct {
	holder int64
	date   string
}

func (db *DB) newRecordBatch(ctx context.Context, tx *txn) *recordBatch {
	b := &recordBatch{db: db, ctx: ctx, tx: tx}
	add := func(q *rowQueue) *rowQueue { b.all = append(b.all, q); return q }
	taken := func(field, key string) func(q *rowQueue) *rowQueue {
		return func(q *rowQueue) *rowQueue { q.conflict = data.Conflict(field, key); return add(q) }
	}
	const stamps = `, created_at text, updated_at text, updated_by text`
	const proof = `, name text, sha256 text, size bigint, type text, created_at text`
	b.holders = taken("id_number", "err.duplicate.id_number")(newQueue("holders",
		`id bigint, name text, id_type text, id_number text, phone text, org text, region text, demo bigint, created_at text, updated_at text, office text, updated_by text`,
		map[string]string{"office": `coalesce(nullif("office", ''), swcert_office(), '')`}, `ON CONFLICT DO NOTHING RETURNING id`))
	b.certs = taken("mno", "err.duplicate.mno")(newQueue("certificates",
		`id bigint, holder_id bigint, level text, mno text, exam_year bigint, passed_on text, issued_on text, issuer text, status text`+stamps,
		nil, `ON CONFLICT DO NOTHING RETURNING id`, b.holders))
	b.regs = add(newQueue("registrations",
		`id bigint, cert_id bigint, kind text, status text, applied_on text, valid_from text, region text, org text`+stamps, nil, "", b.certs))
	b.annotations = add(newQueue("annotations",
		`id bigint, cert_id bigint, scene text, days bigint, applied_at text, completed_at text, withdrawn_at text, created_at text, updated_at text`,
		nil, "", b.certs))
	b.papers = add(newQueue("paper",
		`id bigint, cert_id bigint, method text, window_start text, window_end text, status text, place text, proxy_name text, proxy_id_number text,
		sent_on text, sent_to text, courier text, tracking text, collected_on text`+stamps, nil, "", b.certs))
	b.ce = add(newQueue("ce_records",
		`id bigint, holder_id bigint, kind text, title text, provider text, date text, tenths bigint, review text`+stamps, nil, "", b.holders))
	b.ceProofs = add(newQueue("ce_proofs", `id bigint, record_id bigint`+proof, nil, "", b.ce))
	b.profiles = add(newQueue("profiles",
		`holder_id bigint, sex text, birth_date text, ethnicity text, education text, major text, first_reg_on text, first_reg_kind text,
		created_at text, updated_at text, version bigint, updated_by text`, nil, "", b.holders))
	b.photos = add(newQueue("photos",
		`holder_id bigint, name text, sha256 text, size bigint, type text, width bigint, height bigint, created_at text`, nil, "", b.holders))
	b.transfers = add(newQueue("transfers",
		`id bigint, holder_id bigint, applied_on text, from_org text, to_org text, from_region text, to_region text, position text, status text,
		decided_on text`+stamps, nil, "", b.holders))
	b.works = add(newQueue("work_history",
		`id bigint, holder_id bigint, org text, position text, start_on text, end_on text, programme text, transfer_id bigint`+stamps,
		nil, "", b.holders, b.transfers))
	b.workProofs = add(newQueue("work_proofs", `id bigint, work_id bigint`+proof, nil, "", b.works))
	b.honours = add(newQueue("honours", `id bigint, holder_id bigint, title text, date text, level text`+stamps, nil, "", b.holders))
	b.honourProofs = add(newQueue("honour_proofs", `honour_id bigint`+proof, nil, "", b.honours))
	b.projects = add(newQueue("projects", `id bigint, name text, org text, start_on text, end_on text, programme text`+stamps, nil, ""))
	b.participants = add(newQueue("participants", `project_id bigint, holder_id bigint, joined_at text`, nil, `ON CONFLICT DO NOTHING`, b.projects))
	b.services = add(newQueue("service_records",
		`id bigint, project_id bigint, holder_id bigint, date text, content text, tenths bigint`+stamps, nil, "", b.participants))
	return b
}

// queue adds a row of the record being queued to q, and writes q when
// full.
func (b *recordBatch) queue(q *rowQueue, vals ...any) error {
	for i, v := range vals {
		q.vals[i] = append(q.vals[i], v)
	}
	q.rows = append(q.rows, b.row)
	if len(q.rows) >= recordsBatch {
		return b.write(q)
	}
	return nil
}

// nextID is the next ID of q's table, from a pool taken from its sequence
// recordsBatch at a time (what is left at the end is never used: a gap,
// as a rolled-back insert leaves one).
func (b *recordBatch) nextID(q *rowQueue) (int64, error) {
	if len(q.ids) == 0 {
		ids, err := column[int64](b.ctx, b.tx, "insert "+q.table, `SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)`, q.table, recordsBatch)
		if err != nil {
			return 0, err
		}
		q.ids = ids
	}
	id := q.ids[0]
	q.ids = q.ids[1:]
	return id, nil
}

// write writes q's rows in one statement, its parents' before.
func (b *recordBatch) write(q *rowQueue) error {
	for _, p := range q.parents {
		if err := b.write(p); err != nil {
			return err
		}
	}
	if len(q.rows) == 0 {
		return nil
	}
	args := make([]any, len(q.vals))
	for i, vs := range q.vals {
		a, err := pgArray(q.types[i], vs)
		if err != nil {
			b.broken = true
			return internal("insert "+q.table, err)
		}
		args[i] = a
	}
	if err := b.exec(q, args); err != nil {
		b.broken = true
		return err
	}
	for i := range q.vals {
		clear(q.vals[i])
		q.vals[i] = q.vals[i][:0]
	}
	q.rows = q.rows[:0]
	return nil
}

// exec runs q's statement on its arrays; with ON CONFLICT … RETURNING id,
// a row it did not write is the refusal of its record.
func (b *recordBatch) exec(q *rowQueue, args []any) error {
	if q.conflict == nil {
		if _, err := b.tx.ExecContext(b.ctx, q.insert, args...); err != nil {
			return withRow(mapError("insert "+q.table, err), q.rows[0])
		}
		return nil
	}
	rs, err := b.tx.QueryContext(b.ctx, q.insert, args...)
	if err != nil {
		return withRow(mapError("insert "+q.table, err), q.rows[0])
	}
	defer rs.Close()
	written := make(map[int64]bool, len(q.rows))
	for rs.Next() {
		var id int64
		if err := rs.Scan(&id); err != nil {
			return internal("insert "+q.table, err)
		}
		written[id] = true
	}
	if err := rs.Err(); err != nil {
		return withRow(mapError("insert "+q.table, err), q.rows[0])
	}
	for i, id := range q.vals[0] { // the id is the first column
		if !written[id.(int64)] {
			return withRow(q.conflict, q.rows[i])
		}
	}
	return nil
}

// flush writes every queue, parents first.
func (b *recordBatch) flush() error {
	for _, q := range b.all {
		if err := b.write(q); err != nil {
			return err
		}
	}
	return nil
}

// refuse: the record numbered row is refused by a check; a refusal of an
// earlier record by the server (a number taken) comes first.
func (b *recordBatch) refuse(err error, row int) error {
	if b.broken || data.AsError(err) == nil {
		return withRow(err, row)
	}
	if ferr := b.flush(); ferr != nil {
		return ferr
	}
	return withRow(err, row)
}

// pgArray is the values of a column as the array the statement takes:
// each as database/sql would send it alone (a date as its text, a flag
// as 0 or 1, an absent value as NULL).
func pgArray(typ string, vals []any) (any, error) {
	switch typ {
	case "bigint":
		return arrayOf(typ, vals, func(v any) (*int64, bool) {
			switch x := v.(type) {
			case int64:
				return &x, true
			case bool:
				n := int64(0)
				if x {
					n = 1
				}
				return &n, true
			}
			return nil, false
		})
	case "text":
		return arrayOf(typ, vals, func(v any) (*string, bool) {
			x, ok := v.(string)
			return &x, ok
		})
	}
	return nil, fmt.Errorf("no arrays of %s", typ)
}

// arrayOf converts each value as database/sql does, then with as: nil
// stays NULL, a value as does not take is refused.
func arrayOf[T any](typ string, vals []any, as func(any) (*T, bool)) ([]*T, error) {
	out := make([]*T, len(vals))
	for i, v := range vals {
		dv, err := driver.DefaultParameterConverter.ConvertValue(v)
		if err != nil {
			return nil, err
		}
		if dv == nil {
			continue
		}
		p, ok := as(dv)
		if !ok {
			return nil, fmt.Errorf("a %T for a %s column", dv, typ)
		}
		out[i] = p
	}
	return out, nil
}

// loginOffice is the office the server gives a new holder of this login
// (insertHolder reads it back from the row).
func (b *recordBatch) loginOffice() (string, error) {
	if b.tx.office == nil {
		var office string
		if err := b.tx.QueryRowContext(b.ctx, `SELECT coalesce(swcert_office(), '')`).Scan(&office); err != nil {
			return "", internal("insert holder", err)
		}
		b.tx.office = &office
	}
	return *b.tx.office, nil
}

// checkFiles checks proofs as checkFiles does, once every proof queued is
// written when one of them names a file by its hash alone (it is looked
// up among the saved proofs).
func (b *recordBatch) checkFiles(proofs []data.Proof) error {
	for _, p := range proofs {
		if p.Data == nil {
			if err := b.flush(); err != nil {
				return err
			}
			break
		}
	}
	return b.db.checkFiles(b.ctx, b.tx, proofs)
}

// The rows of holder records, as insertHolder, insertCertificate, … check
// and write them.

func (b *recordBatch) holder(h *data.Holder) error {
	b.row++
	b.papered = b.papered[:0]
	h.Normalize()
	if err := h.Validate(b.db.today()); err != nil {
		return err
	}
	id, err := b.nextID(b.holders)
	if err != nil {
		return err
	}
	t, ts := b.db.stamp()
	if err := b.queue(b.holders, id, h.Name, h.IDType, h.IDNumber, h.Phone, h.Org, h.Region, h.Demo, ts, ts, h.Office, b.db.user); err != nil {
		return err
	}
	h.ID = id
	h.CreatedAt, h.UpdatedAt = t, t
	h.Version, h.UpdatedBy = 1, b.db.user
	if h.Office == "" {
		if h.Office, err = b.loginOffice(); err != nil {
			return err
		}
	}
	return nil
}

func (b *recordBatch) certificate(c *data.Certificate) error {
	c.Normalize()
	if err := c.Validate(b.db.today()); err != nil {
		return err
	}
	id, err := b.nextID(b.certs)
	if err != nil {
		return err
	}
	t, ts := b.db.stamp()
	if err := b.queue(b.certs, id, c.HolderID, c.Level, c.MNo, c.ExamYear, c.PassedOn, c.IssuedOn, c.Issuer, c.Status, ts, ts, b.db.user); err != nil {
		return err
	}
	c.ID = id
	c.CreatedAt, c.UpdatedAt = t, t
	c.Version, c.UpdatedBy = 1, b.db.user
	return nil
}

func (b *recordBatch) registration(c *data.Certificate, others []data.Registration, r *data.Registration) error {
	r.Normalize()
	if err := r.Validate(b.db.today()); err != nil {
		return err
	}
	if err := data.CheckRegistration(c, others, r, nil); err != nil {
		return err
	}
	id, err := b.nextID(b.regs)
	if err != nil {
		return err
	}
	t, ts := b.db.stamp()
	if err := b.queue(b.regs, id, r.CertID, r.Kind, r.Status, r.AppliedOn, r.ValidFrom, r.Region, r.Org, ts, ts, b.db.user); err != nil {
		return err
	}
	r.ID = id
	r.CreatedAt, r.UpdatedAt = t.In(data.Beijing), t.In(data.Beijing)
	r.Version, r.UpdatedBy = 1, b.db.user
	return nil
}

func (b *recordBatch) annotation(a *data.Annotation) error {
	if err := data.ValidateAnnotationRequest(a.Scene, a.Days); err != nil {
		return err
	}
	id, err := b.nextID(b.annotations)
	if err != nil {
		return err
	}
	t, ts := b.db.stamp()
	var completed, withdrawn any
	if a.CompletedAt != nil {
		completed = a.CompletedAt.UTC().Format(stampLayout)
	}
	if a.WithdrawnAt != nil {
		withdrawn = a.WithdrawnAt.UTC().Format(stampLayout)
	}
	if err := b.queue(b.annotations, id, a.CertID, a.Scene, a.Days, a.AppliedAt.UTC().Format(stampLayout), completed, withdrawn, ts, ts); err != nil {
		return err
	}
	a.ID = id
	a.CreatedAt, a.UpdatedAt = t.In(data.Beijing), t.In(data.Beijing)
	return nil
}

// paper: a certificate's first paper record of the record is queued; a
// second replaces it, as insertPaper does, once the first is written.
func (b *recordBatch) paper(p *data.Paper, h *data.Holder) error {
	for _, c := range b.papered {
		if c == p.CertID {
			if err := b.flush(); err != nil {
				return err
			}
			return b.db.insertPaper(b.ctx, b.tx, p)
		}
	}
	p.Normalize()
	if err := p.Validate(b.db.today()); err != nil {
		return err
	}
	if err := data.ValidateProxy(p, h.IDNumber); err != nil {
		return err
	}
	id, err := b.nextID(b.papers)
	if err != nil {
		return err
	}
	t, ts := b.db.stamp()
	if err := b.queue(b.papers, id, p.CertID, p.Method, p.WindowStart, p.WindowEnd, p.Status, p.Place, p.ProxyName, p.ProxyIDNumber,
		p.SentOn, p.SentTo, p.Courier, p.Tracking, p.CollectedOn, ts, ts, b.db.user); err != nil {
		return err
	}
	b.papered = append(b.papered, p.CertID)
	p.ID = id
	p.UpdatedAt = t.In(data.Beijing)
	b.tx.moving(&p.Stamp)
	p.UpdatedBy, p.Version = b.db.user, 1
	return nil
}

func (b *recordBatch) ceRecord(r *data.CERecord) error {
	r.Normalize()
	if err := r.Validate(b.db.today()); err != nil {
		return err
	}
	if err := b.checkFiles(r.Proofs); err != nil {
		return err
	}
	id, err := b.nextID(b.ce)
	if err != nil {
		return err
	}
	t, ts := b.db.stamp()
	if err := b.queue(b.ce, id, r.HolderID, r.Kind, r.Title, r.Provider, r.Date, r.Hours.Tenths(), review(r.Review), ts, ts, b.db.user); err != nil {
		return err
	}
	r.ID = id
	r.Created, r.Updated = t.In(data.Beijing), t.In(data.Beijing)
	r.Version, r.UpdatedBy = 1, b.db.user
	for i := range r.Proofs {
		if err := b.proof(b.ceProofs, r.ID, &r.Proofs[i], ts); err != nil {
			return err
		}
	}
	return nil
}

// proof keeps a proof's file and queues its row of q (an ID of its own).
func (b *recordBatch) proof(q *rowQueue, owner int64, p *data.Proof, ts string) error {
	if err := b.db.keepProof(b.tx, p); err != nil {
		return err
	}
	id, err := b.nextID(q)
	if err != nil {
		return err
	}
	if err := b.queue(q, id, owner, p.Name, p.SHA256, p.Size, p.Type, ts); err != nil {
		return err
	}
	p.ID = id
	return nil
}

func (b *recordBatch) profile(p *data.Profile) error {
	t, ts := b.db.stamp()
	if err := b.queue(b.profiles, p.HolderID, p.Sex, p.BirthDate, p.Ethnicity, p.Education, p.Major, p.FirstRegOn, p.FirstRegKind,
		ts, ts, int64(1), b.db.user); err != nil {
		return err
	}
	p.UpdatedAt = t.In(data.Beijing)
	b.tx.moving(&p.Stamp)
	p.UpdatedBy = b.db.user
	if p.Version != 0 {
		p.Version++ // as updated counts a version read before
	} else {
		p.Version = 1
	}
	return nil
}

func (b *recordBatch) photo(holderID int64, photo *data.Proof) error {
	info, err := b.db.checkNewPhoto(b.ctx, b.tx, photo)
	if err != nil {
		return err
	}
	if err := b.db.keepProof(b.tx, photo); err != nil {
		return err
	}
	_, ts := b.db.stamp()
	return b.queue(b.photos, holderID, photo.Name, photo.SHA256, photo.Size, info.Type, info.Width, info.Height, ts)
}

func (b *recordBatch) work(e *data.WorkEntry) error {
	if err := b.checkFiles(e.Proofs); err != nil {
		return err
	}
	id, err := b.nextID(b.works)
	if err != nil {
		return err
	}
	t, ts := b.db.stamp()
	if err := b.queue(b.works, id, e.HolderID, e.Org, e.Position, e.StartOn, e.EndOn, e.Programme, nullID(e.Transfer), ts, ts, b.db.user); err != nil {
		return err
	}
	e.ID = id
	e.CreatedAt, e.UpdatedAt = t.In(data.Beijing), t.In(data.Beijing)
	e.Version, e.UpdatedBy = 1, b.db.user
	for i := range e.Proofs {
		if err := b.proof(b.workProofs, e.ID, &e.Proofs[i], ts); err != nil {
			return err
		}
	}
	if e.Proofs == nil {
		e.Proofs = []data.Proof{}
	}
	return nil
}

func (b *recordBatch) honour(x *data.Honour) error {
	x.Normalize()
	if err := x.Validate(b.db.today()); err != nil {
		return err
	}
	if x.Proof != nil {
		if err := b.checkFiles([]data.Proof{*x.Proof}); err != nil {
			return err
		}
	}
	id, err := b.nextID(b.honours)
	if err != nil {
		return err
	}
	t, ts := b.db.stamp()
	if err := b.queue(b.honours, id, x.HolderID, x.Title, x.Date, x.Level, ts, ts, b.db.user); err != nil {
		return err
	}
	x.ID = id
	x.CreatedAt, x.UpdatedAt = t.In(data.Beijing), t.In(data.Beijing)
	x.Version, x.UpdatedBy = 1, b.db.user
	if p := x.Proof; p != nil {
		if err := b.db.keepProof(b.tx, p); err != nil {
			return err
		}
		if err := b.queue(b.honourProofs, x.ID, p.Name, p.SHA256, p.Size, p.Type, ts); err != nil {
			return err
		}
		p.ID = x.ID
	}
	return nil
}

func (b *recordBatch) transfer(t *data.Transfer) error {
	id, err := b.nextID(b.transfers)
	if err != nil {
		return err
	}
	_, ts := b.db.stamp()
	if err := b.queue(b.transfers, id, t.HolderID, t.AppliedOn, t.FromOrg, t.ToOrg, t.FromRegion, t.ToRegion, t.Position, t.Status, t.DecidedOn,
		ts, ts, b.db.user); err != nil {
		return err
	}
	t.ID = id
	t.Version, t.UpdatedBy = 1, b.db.user
	return nil
}

// The rows of projects.

// ahead reads, before the project i, the hours already recorded on the
// days of the service records of it and the next projects (a window of up
// to recordsBatch records), once the records queued before are written:
// the records of the window are counted on in memory.
func (b *recordBatch) ahead(recs []data.ProjectRecord, i int) error {
	b.row = i + 1
	if i < b.dayUntil {
		return nil
	}
	if err := b.write(b.services); err != nil {
		return err
	}
	var holders []int64
	var dates []string
	n := 0
	end := i
	for ; end < len(recs) && (end == i || n+len(recs[end].Records) <= recordsBatch); end++ {
		for _, r := range recs[end].Records {
			if !r.Date.IsZero() {
				holders, dates = append(holders, r.HolderID), append(dates, r.Date.String())
			}
		}
		n += len(recs[end].Records)
	}
	b.day, b.dayUntil = make(map[dayKey]int64, n), end
	if len(holders) == 0 {
		return nil
	}
	rs, err := b.tx.QueryContext(b.ctx, `SELECT s.holder_id, s.date, sum(s.tenths) FROM service_records s
		WHERE (s.holder_id, s.date) IN (SELECT h, d FROM unnest(?::bigint[], ?::text[]) AS k (h, d))
		GROUP BY s.holder_id, s.date`, holders, dates)
	if err != nil {
		return internal("check service record", err)
	}
	defer rs.Close()
	for rs.Next() {
		var k dayKey
		var tenths int64
		if err := rs.Scan(&k.holder, &k.date, &tenths); err != nil {
			return internal("check service record", err)
		}
		b.day[k] = tenths
	}
	if err := rs.Err(); err != nil {
		return internal("check service record", err)
	}
	return nil
}

func (b *recordBatch) project(p *data.Project, ts string) error {
	id, err := b.nextID(b.projects)
	if err != nil {
		return err
	}
	if err := b.queue(b.projects, id, p.Name, p.Org, p.StartOn, p.EndOn, p.Programme, ts, ts, b.db.user); err != nil {
		return err
	}
	p.ID = id
	return nil
}

func (b *recordBatch) join(projectID, holderID int64, ts string) error {
	return b.queue(b.participants, projectID, holderID, ts)
}

func (b *recordBatch) dayTotal(holderID int64, date data.Date) (int64, error) {
	return b.day[dayKey{holderID, date.String()}], nil
}

func (b *recordBatch) service(r *data.ServiceRecord, ts string) error {
	id, err := b.nextID(b.services)
	if err != nil {
		return err
	}
	if err := b.queue(b.services, id, r.ProjectID, r.HolderID, r.Date, r.Content, r.Hours.Tenths(), ts, ts, b.db.user); err != nil {
		return err
	}
	r.ID = id
	b.day[dayKey{r.HolderID, r.Date.String()}] += r.Hours.Tenths()
	return nil
}
