package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/swcert/swcert/data"
)

// errNotWritten ends an import's transaction without committing it: a dry
// run, or an import that does not go ahead.
var errNotWritten = errors.New("import not written")

// ImportRows merges spreadsheet rows into the saved records and writes
// them in one transaction (data.ImportService). A dry run goes through
// the same merge, row by row, as the import would, and writes nothing, so
// its counts and changes are the import's.
func (db *DB) ImportRows(ctx context.Context, rows []data.ImportRow, opt data.ImportOptions) (data.ImportResult, error) {
	var res data.ImportResult
	err := db.tx(ctx, func(tx *txn) error {
		res = data.ImportResult{}
		in := &importer{db: db, tx: tx, today: db.today(), write: !opt.DryRun && (opt.GoodOnly || opt.BadRows == 0),
			byIDNumber: map[string]*data.Holder{}, byID: map[int64]*data.Holder{}, byMNo: map[string]importedCert{},
			profiles: map[int64]*data.Profile{}}
		if in.write && db.sql.dialect == postgresSQL && batchServerImports {
			in.batch = &insertBatch{}
		}
		if err := in.preload(ctx, rows); err != nil {
			return err
		}
		var tally data.ImportTally
		for i, r := range rows {
			if in.batched() {
				in.batch.rowsLeft = len(rows) - i
			}
			m, saved, err := in.merge(ctx, r)
			if err != nil {
				if data.AsError(err) == nil {
					return err
				}
				res.Errors = append(res.Errors, data.ImportRowError{Row: r.Line, Err: err})
				in.write = in.write && opt.GoodOnly // all or nothing: what was written is rolled back
				continue
			}
			if in.write {
				// The merge checked the row as the store will: a refusal
				// here is unforeseen, and ends the import with nothing
				// written rather than leave half a row.
				if err := in.save(ctx, &m, r.Line); err != nil {
					return withRow(err, r.Line)
				}
			}
			in.remember(m, saved)
			tally.Add(m)
			res.Changes = append(res.Changes, m.Changes(r.Line)...)
		}
		if err := in.flush(ctx); err != nil {
			return err
		}
		if !data.ImportGoesAhead(len(rows)-len(res.Errors), opt.BadRows+len(res.Errors), opt.GoodOnly) {
			res.Changes = nil
			return errNotWritten
		}
		res.Imported, res.Updated, res.Unchanged = tally.Imported, tally.Updated, tally.Unchanged
		if opt.DryRun {
			return errNotWritten
		}
		res.Written = true
		return nil
	})
	if errors.Is(err, errNotWritten) {
		err = nil
	}
	return res, err
}

// importer is one import's transaction, with the records its rows read
// and wrote: a later row finds what an earlier one left, written or (in a
// dry run) not.
type importer struct {
	db    *DB
	tx    *txn
	today data.Date // read once: every row is checked against the same day
	write bool

	byIDNumber map[string]*data.Holder // nil: looked up, none saved
	byID       map[int64]*data.Holder
	profiles   map[int64]*data.Profile // by holder ID; nil: none saved
	byMNo      map[string]importedCert
	batch      *insertBatch // a server's new rows not yet written (import_server.go); nil: a row at a time
}

type importedCert struct {
	cert  *data.Certificate // nil: looked up, none saved
	owner *data.Holder
}

// merge merges a row into what is saved under its keys (the holder as
// found, to be remembered with what the row made of it).
func (in *importer) merge(ctx context.Context, r data.ImportRow) (data.ImportMerge, *data.Holder, error) {
	h, err := in.holder(ctx, r.Holder.IDNumber)
	if err != nil {
		return data.ImportMerge{}, nil, err
	}
	c, err := in.certificate(ctx, r.Certificate.MNo)
	if err != nil {
		return data.ImportMerge{}, nil, err
	}
	var p *data.Profile
	if h != nil {
		if p, err = in.profile(ctx, h.ID); err != nil {
			return data.ImportMerge{}, nil, err
		}
	}
	m, err := data.MergeImport(r, data.ImportSaved{Holder: h, Profile: p, Certificate: c.cert, Owner: c.owner}, in.today)
	return m, h, err
}

// profile is the profile saved (or imported so far) of a saved holder.
func (in *importer) profile(ctx context.Context, holderID int64) (*data.Profile, error) {
	if p, ok := in.profiles[holderID]; ok {
		return p, nil
	}
	p, err := scanProfile(in.tx.QueryRowContext(ctx, `SELECT `+profileColumns+` FROM profiles WHERE holder_id = ?`, holderID))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		p = nil
	case err != nil:
		return nil, internal("import", err)
	}
	in.profiles[holderID] = p
	return p, nil
}

// remember keeps what a row made of its records for the rows after it.
func (in *importer) remember(m data.ImportMerge, h *data.Holder) {
	if h == nil {
		h = new(data.Holder)
		in.byIDNumber[m.Holder.IDNumber] = h
	}
	*h = m.Holder
	if h.ID != 0 {
		in.byID[h.ID] = h
		switch {
		case m.WriteProfile || in.profiles[h.ID] != nil:
			p := m.Profile
			p.HolderID = h.ID
			in.profiles[h.ID] = &p
		case m.HolderOutcome == data.ImportNew:
			in.profiles[h.ID] = nil // a new holder has none: no need to ask
		}
	}
	c := m.Certificate
	in.byMNo[c.MNo] = importedCert{cert: &c, owner: h}
}

// holder is the holder saved (or imported so far) with the ID number.
func (in *importer) holder(ctx context.Context, idNumber string) (*data.Holder, error) {
	if h, ok := in.byIDNumber[idNumber]; ok {
		return h, nil
	}
	where, arg := in.db.idNumberIs(idNumber)
	h, err := scanHolder(in.tx.QueryRowContext(ctx, `SELECT `+holderColumns+` FROM holders WHERE `+where, arg))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		h = nil
	case err != nil:
		return nil, internal("import", err)
	default:
		if err := in.db.revealHolder(h); err != nil {
			return nil, err
		}
		in.byID[h.ID] = h
	}
	in.byIDNumber[idNumber] = h
	return h, nil
}

// certificate is the certificate saved (or imported so far) with the
// management number, and whose it is.
func (in *importer) certificate(ctx context.Context, mno string) (importedCert, error) {
	if c, ok := in.byMNo[mno]; ok {
		return c, nil
	}
	c, err := scanCertificate(in.tx.QueryRowContext(ctx, `SELECT `+certColumns+` FROM certificates WHERE mno = ?`, mno))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		in.byMNo[mno] = importedCert{}
		return importedCert{}, nil
	case err != nil:
		return importedCert{}, internal("import", err)
	}
	owner := in.byID[c.HolderID]
	if owner == nil {
		if owner, err = scanHolder(in.tx.QueryRowContext(ctx, `SELECT `+holderColumns+` FROM holders WHERE id = ?`, c.HolderID)); err != nil {
			return importedCert{}, internal("import", err)
		}
		if err := in.db.revealHolder(owner); err != nil {
			return importedCert{}, err
		}
		in.byID[owner.ID] = owner
		in.byIDNumber[owner.IDNumber] = owner
	}
	found := importedCert{cert: c, owner: owner}
	in.byMNo[mno] = found
	return found, nil
}

// save writes what the merge made of a row (line: the row's, for an
// error of a batch, import_server.go).
func (in *importer) save(ctx context.Context, m *data.ImportMerge, line int) error {
	h := &m.Holder
	c := &m.Certificate
	if in.batched() && (m.HolderOutcome == data.ImportUpdated || m.WriteProfile || m.CertOutcome == data.ImportUpdated) {
		// A write a batch does not hold: what was queued goes first, for
		// it to find.
		if err := in.flush(ctx); err != nil {
			return err
		}
	}
	switch {
	case m.HolderOutcome == data.ImportNew && in.batched():
		if err := in.queueHolder(ctx, h, line); err != nil {
			return err
		}
	case m.HolderOutcome == data.ImportNew:
		if err := in.db.insertHolder(ctx, in.tx, h); err != nil {
			return err
		}
	case m.HolderOutcome == data.ImportUpdated:
		t, ts := in.db.stamp()
		if _, err := in.tx.ExecContext(ctx, `UPDATE holders SET name = ?, id_type = ?, phone = ?, phone_hash = ?, org = ?, region = ?, updated_at = ?, `+stampSet+` WHERE id = ?`,
			h.Name, h.IDType, in.db.seal("holders/phone", h.ID, h.Phone), in.db.hash(hashPhone, h.Phone), h.Org, h.Region, ts, in.db.user, h.ID); err != nil {
			return mapError("import holder", err)
		}
		h.UpdatedAt = t
	}
	if m.WriteProfile {
		if err := in.flush(ctx); err != nil { // a new holder's row first
			return err
		}
		m.Profile.HolderID = h.ID
		if err := in.db.writeProfile(ctx, in.tx, &m.Profile); err != nil {
			return err
		}
	}
	if m.HolderOutcome == data.ImportUpdated {
		// A saved holder's dossier the row completes records its first
		// registration time (a new one has no photo yet: never complete).
		if err := in.db.settleFirstReg(ctx, in.tx, h); err != nil {
			return err
		}
	}
	c.HolderID = h.ID
	switch {
	case m.CertOutcome == data.ImportNew && in.batched():
		return in.queueCertificate(ctx, c, line)
	case m.CertOutcome == data.ImportNew:
		return in.db.insertCertificate(ctx, in.tx, c)
	case m.CertOutcome == data.ImportUpdated:
		t, ts := in.db.stamp()
		if _, err := in.tx.ExecContext(ctx, `UPDATE certificates SET exam_year = ?, passed_on = ?, issued_on = ?, issuer = ?, status = ?, updated_at = ?, `+stampSet+`
			WHERE id = ?`, c.ExamYear, c.PassedOn, c.IssuedOn, c.Issuer, c.Status, ts, in.db.user, c.ID); err != nil {
			return mapError("import certificate", err)
		}
		c.UpdatedAt = t
	}
	return nil
}
