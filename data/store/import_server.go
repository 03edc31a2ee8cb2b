package store

import (
	"context"

	"github.com/swcert/swcert/data"
)

// preload reads, on a server, what the rows of an import will look up,
// in a few statements instead of up to three a row: the holders of their
// ID numbers, the certificates of their management numbers with their
// holders, and those holders' profiles. Each lookup is a round trip to
// the server, and 10,000 rows made 30,000 of them. A file answers a
// lookup in microseconds, and its ID numbers may be sealed (looked up by
// their keyed hash, encryption.go): it looks up row by row as before.
func (in *importer) preload(ctx context.Context, rows []data.ImportRow) error {
	if in.db.sql.dialect != postgresSQL {
		return nil
	}
	var idNumbers, mnos []string
	for _, r := range rows {
		idNumbers = append(idNumbers, r.Holder.IDNumber)
		mnos = append(mnos, r.Certificate.MNo)
	}
	found := map[int64]*data.Holder{}
	readHolders := func(where string, arg any) error {
		rs, err := in.tx.QueryContext(ctx, `SELECT `+holderColumns+` FROM holders WHERE `+where, arg)
		if err != nil {
			return internal("import", err)
		}
		defer rs.Close()
		for rs.Next() {
			h, err := scanHolder(rs)
			if err != nil {
				return internal("import", err)
			}
			if err := in.db.revealHolder(h); err != nil {
				return err
			}
			in.byID[h.ID], in.byIDNumber[h.IDNumber], found[h.ID] = h, h, h
		}
		return rs.Err()
	}
	if err := readHolders(`id_number = ANY(?)`, idNumbers); err != nil {
		return err
	}
	for _, n := range idNumbers {
		if _, ok := in.byIDNumber[n]; !ok {
			in.byIDNumber[n] = nil // none saved
		}
	}
	// The certificates, then the holders they belong to that the ID
	// numbers did not bring.
	certs := map[string]*data.Certificate{}
	var owners []int64
	rs, err := in.tx.QueryContext(ctx, `SELECT `+certColumns+` FROM certificates WHERE mno = ANY(?)`, mnos)
	if err != nil {
		return internal("import", err)
	}
	for rs.Next() {
		c, err := scanCertificate(rs)
		if err != nil {
			rs.Close()
			return internal("import", err)
		}
		certs[c.MNo] = c
		if in.byID[c.HolderID] == nil {
			owners = append(owners, c.HolderID)
		}
	}
	rs.Close()
	if err := rs.Err(); err != nil {
		return internal("import", err)
	}
	if len(owners) > 0 {
		if err := readHolders(`id = ANY(?)`, owners); err != nil {
			return err
		}
	}
	for _, m := range mnos {
		if c := certs[m]; c != nil {
			in.byMNo[m] = importedCert{cert: c, owner: in.byID[c.HolderID]}
		} else if _, ok := in.byMNo[m]; !ok {
			in.byMNo[m] = importedCert{}
		}
	}
	// The profiles of the holders found (a holder with none: nil).
	ids := make([]int64, 0, len(found))
	for id := range found {
		ids = append(ids, id)
		in.profiles[id] = nil
	}
	if len(ids) == 0 {
		return nil
	}
	prs, err := in.tx.QueryContext(ctx, `SELECT `+profileColumns+` FROM profiles WHERE holder_id = ANY(?)`, ids)
	if err != nil {
		return internal("import", err)
	}
	defer prs.Close()
	for prs.Next() {
		p, err := scanProfile(prs)
		if err != nil {
			return internal("import", err)
		}
		in.profiles[p.HolderID] = p
	}
	return prs.Err()
}

// On a server an import's new holders and certificates are written a
// statement for many rows, not one a row (insertBatch): 10,000 rows made
// 15,000 inserts, each a round trip and a statement's work on the server,
// some 5 s of the import's time before any trigger ran. The rows are
// checked as insertHolder and insertCertificate check them when they are
// queued, take their IDs from the tables' own sequences then (so a later
// row refers to them), and are written before any other write of the
// import and at its end: what the import reads and writes next finds
// them, as it found them a row at a time. A file writes a row at a time,
// in microseconds.

// batchServerImports: a test's switch, off to write a server's import a
// row at a time, as a file's, and compare.
var batchServerImports = true

// insertBatch is the new holders and certificates of an import not yet
// written, in the order of its rows.
type insertBatch struct {
	holders []*data.Holder
	certs   []*data.Certificate
	line    int // the first queued row's, for an error of their writing

	// rowsLeft: the rows of the import from the one being saved on; a
	// pool of IDs is no larger, so that a small import leaves no gap of
	// a thousand in the numbers.
	rowsLeft int

	holderIDs, certIDs []int64 // taken from the sequences, not yet given
}

// batchSize is how many IDs are taken from a sequence at once, and the
// most rows a batch holds before it is written.
const batchSize = 1000

// batched says whether this import queues its new rows (a server's).
func (in *importer) batched() bool { return in.batch != nil }

// queueHolder checks a new holder as insertHolder does and queues it.
func (in *importer) queueHolder(ctx context.Context, h *data.Holder, line int) error {
	h.Normalize()
	if err := h.Validate(in.today); err != nil {
		return err
	}
	id, err := in.nextID(ctx, "holders", &in.batch.holderIDs)
	if err != nil {
		return err
	}
	if h.Office == "" {
		if h.Office, err = in.loginOffice(ctx); err != nil {
			return err
		}
	}
	t, _ := in.db.stamp()
	h.ID, h.CreatedAt, h.UpdatedAt = id, t, t
	h.Version, h.UpdatedBy = 1, in.db.user
	in.batch.holders = append(in.batch.holders, h)
	return in.queued(ctx, line)
}

// queueCertificate checks a new certificate as insertCertificate does and
// queues it.
func (in *importer) queueCertificate(ctx context.Context, c *data.Certificate, line int) error {
	c.Normalize()
	if err := c.Validate(in.today); err != nil {
		return err
	}
	id, err := in.nextID(ctx, "certificates", &in.batch.certIDs)
	if err != nil {
		return err
	}
	t, _ := in.db.stamp()
	c.ID, c.CreatedAt, c.UpdatedAt = id, t, t
	c.Version, c.UpdatedBy = 1, in.db.user
	in.batch.certs = append(in.batch.certs, c)
	return in.queued(ctx, line)
}

// queued notes the row of what was queued and writes the batch when full.
func (in *importer) queued(ctx context.Context, line int) error {
	if in.batch.line == 0 {
		in.batch.line = line
	}
	if len(in.batch.holders)+len(in.batch.certs) >= batchSize {
		return in.flush(ctx)
	}
	return nil
}

// nextID is the next ID of table, from a pool taken from its sequence
// batchSize at a time, or as many as rows are left (what is left at the
// end is never used: a gap, as a rolled-back insert leaves one).
func (in *importer) nextID(ctx context.Context, table string, pool *[]int64) (int64, error) {
	if len(*pool) == 0 {
		ids, err := column[int64](ctx, in.tx, "import", `SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)`,
			table, max(1, min(batchSize, in.batch.rowsLeft)))
		if err != nil {
			return 0, err
		}
		*pool = ids
	}
	id := (*pool)[0]
	*pool = (*pool)[1:]
	return id, nil
}

// loginOffice is the office the server gives a new holder of this login
// (insertHolder reads it back from the row).
func (in *importer) loginOffice(ctx context.Context) (string, error) {
	if in.tx.office == nil {
		var office string
		if err := in.tx.QueryRowContext(ctx, `SELECT coalesce(swcert_office(), '')`).Scan(&office); err != nil {
			return "", internal("import", err)
		}
		in.tx.office = &office
	}
	return *in.tx.office, nil
}

// flush writes the queued rows: the holders, then the certificates (which
// may be theirs), a statement each. A refusal here was not foreseen by the
// checks of the rows; it ends the import with nothing written, and names
// the batch's first row.
func (in *importer) flush(ctx context.Context) error {
	b := in.batch
	if b == nil || len(b.holders)+len(b.certs) == 0 {
		return nil
	}
	if len(b.holders) > 0 {
		n := len(b.holders)
		ids, demo := make([]int64, n), make([]int64, n)
		name, idType, idNumber, phone, org, region, office := make([]string, n), make([]string, n), make([]string, n),
			make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		for i, h := range b.holders {
			ids[i], name[i], idType[i], idNumber[i], phone[i], org[i], region[i], office[i] =
				h.ID, h.Name, string(h.IDType), h.IDNumber, h.Phone, h.Org, h.Region, h.Office
			if h.Demo {
				demo[i] = 1
			}
		}
		_, ts := in.db.stamp()
		if _, err := in.tx.ExecContext(ctx, `INSERT INTO holders
			(id, name, id_type, id_number, phone, org, region, demo, created_at, updated_at, office, updated_by)
			SELECT id, name, id_type, id_number, phone, org, region, demo, ?1, ?1, office, ?2
			FROM unnest(?3::bigint[], ?4::text[], ?5::text[], ?6::text[], ?7::text[], ?8::text[], ?9::text[], ?10::bigint[], ?11::text[])
				WITH ORDINALITY AS r (id, name, id_type, id_number, phone, org, region, demo, office, n)
			ORDER BY n`, ts, in.db.user, ids, name, idType, idNumber, phone, org, region, demo, office); err != nil {
			return withRow(mapError("import holder", err), b.line)
		}
	}
	if len(b.certs) > 0 {
		n := len(b.certs)
		ids, holder, year := make([]int64, n), make([]int64, n), make([]int64, n)
		level, mno, passed, issued, issuer, status := make([]string, n), make([]string, n), make([]string, n),
			make([]string, n), make([]string, n), make([]string, n)
		for i, c := range b.certs {
			ids[i], holder[i], year[i], level[i], mno[i], passed[i], issued[i], issuer[i], status[i] =
				c.ID, c.HolderID, int64(c.ExamYear), string(c.Level), c.MNo, c.PassedOn.String(), c.IssuedOn.String(), c.Issuer, string(c.Status)
		}
		_, ts := in.db.stamp()
		if _, err := in.tx.ExecContext(ctx, `INSERT INTO certificates
			(id, holder_id, level, mno, exam_year, passed_on, issued_on, issuer, status, created_at, updated_at, updated_by)
			SELECT id, holder_id, level, mno, exam_year, nullif(passed_on, ''), nullif(issued_on, ''), issuer, status, ?1, ?1, ?2
			FROM unnest(?3::bigint[], ?4::bigint[], ?5::text[], ?6::text[], ?7::bigint[], ?8::text[], ?9::text[], ?10::text[], ?11::text[])
				WITH ORDINALITY AS r (id, holder_id, level, mno, exam_year, passed_on, issued_on, issuer, status, n)
			ORDER BY n`, ts, in.db.user, ids, holder, level, mno, year, passed, issued, issuer, status); err != nil {
			return withRow(mapError("import certificate", err), b.line)
		}
	}
	b.holders, b.certs, b.line = b.holders[:0], b.certs[:0], 0
	return nil
}
