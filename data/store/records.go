package store

import (
	"context"
	"iter"

	"github.com/swcert/swcert/data"
)

// Writing many holder records and projects at once (demo data): the same
// rules and statements as one at a time, in one transaction, without
// reading back what the transaction itself wrote (a new holder's work
// history is checked against the entries before it in the record).
//
// One walk of the records (writeHolderRecord, writeProjectRecord) checks
// what depends on the record as a whole and hands each row to a writer:
// rowWriter inserts it there and then with the functions that save one
// record; on a server a load of thousands queues it and writes a statement
// for many rows (recordBatch, records_server.go).

// CreateHolderRecordParts is CreateHolderRecords for records made a part
// at a time (a demo of 1,000,000 holders does not fit in memory at once):
// one transaction, all or none, each part written before the next is
// made, the records numbered across the parts in an error. A transaction
// run again (a server's serialization failure) ranges over parts again.
//
// The parts are made anew at each range, so a part's records are not
// kept once written: the versions their writes moved are not put back
// should the transaction fail (as CreateHolderRecords puts back its
// records'), which held every record's profile and paper to the end
// (300 MB at 1,000,000 holders).
func (db *DB) CreateHolderRecordParts(ctx context.Context, parts iter.Seq[[]data.HolderRecord]) error {
	return db.holderRecords(ctx, true, true, parts)
}

// holderRecords writes the parts' records in one transaction; many says
// they are thousands (a larger page cache on a file, batches on a server),
// fresh that each range makes the parts anew.
func (db *DB) holderRecords(ctx context.Context, many, fresh bool, parts iter.Seq[[]data.HolderRecord]) error {
	write := db.tx
	if many {
		write = db.bulkTx
	}
	return write(ctx, func(tx *txn) error {
		var w holderWriter = rowWriter{db, ctx, tx}
		if many && db.batches() {
			w = db.newRecordBatch(ctx, tx)
		}
		row := 0
		for part := range parts {
			kept := len(tx.stamps)
			for i := range part {
				row++
				if err := db.writeHolderRecord(w, &part[i]); err != nil {
					return w.refuse(err, row)
				}
			}
			if fresh {
				clear(tx.stamps[kept:]) // the array would keep them
				tx.stamps = tx.stamps[:kept]
			}
		}
		return w.flush()
	})
}

// holderWriter writes the rows of holder records, each checked as the
// function that saves it alone checks it.
type holderWriter interface {
	holder(h *data.Holder) error
	certificate(c *data.Certificate) error
	registration(c *data.Certificate, others []data.Registration, r *data.Registration) error
	annotation(a *data.Annotation) error
	// paper: of a certificate of holder h.
	paper(p *data.Paper, h *data.Holder) error
	ceRecord(r *data.CERecord) error
	profile(p *data.Profile) error
	photo(holderID int64, photo *data.Proof) error
	work(e *data.WorkEntry) error
	honour(x *data.Honour) error
	transfer(t *data.Transfer) error
	// refuse is the error that ends the write, of the record numbered row.
	refuse(err error, row int) error
	// flush writes what is left to write.
	flush() error
}

// rowWriter writes each row when it is given, with its own statement.
type rowWriter struct {
	db  *DB
	ctx context.Context
	tx  *txn
}

func (w rowWriter) holder(h *data.Holder) error { return w.db.insertHolder(w.ctx, w.tx, h) }
func (w rowWriter) certificate(c *data.Certificate) error {
	return w.db.insertCertificate(w.ctx, w.tx, c)
}
func (w rowWriter) registration(c *data.Certificate, others []data.Registration, r *data.Registration) error {
	return w.db.insertRegistration(w.ctx, w.tx, c, others, r)
}
func (w rowWriter) annotation(a *data.Annotation) error {
	return w.db.insertAnnotationHistory(w.ctx, w.tx, a)
}
func (w rowWriter) paper(p *data.Paper, _ *data.Holder) error {
	return w.db.insertPaper(w.ctx, w.tx, p)
}
func (w rowWriter) ceRecord(r *data.CERecord) error { return w.db.insertCERecord(w.ctx, w.tx, r) }
func (w rowWriter) profile(p *data.Profile) error   { return w.db.writeProfile(w.ctx, w.tx, p) }
func (w rowWriter) photo(holderID int64, photo *data.Proof) error {
	return w.db.insertPhoto(w.ctx, w.tx, holderID, photo)
}
func (w rowWriter) work(e *data.WorkEntry) error          { return w.db.insertWork(w.ctx, w.tx, e) }
func (w rowWriter) honour(x *data.Honour) error           { return w.db.insertHonour(w.ctx, w.tx, x) }
func (w rowWriter) transfer(t *data.Transfer) error       { return w.db.insertTransfer(w.ctx, w.tx, t) }
func (w rowWriter) refuse(err error, row int) error       { return withRow(err, row) }
func (w rowWriter) flush() error                          { return nil }
func (w rowWriter) ahead([]data.ProjectRecord, int) error { return nil }

// writeHolderRecord writes a holder with their certificates, the
// registrations, annotations and paper of those, the CE records and the
// dossier.
func (db *DB) writeHolderRecord(w holderWriter, r *data.HolderRecord) error {
	err := w.holder(&r.Holder)
	for j := 0; err == nil && j < len(r.Certificates); j++ {
		r.Certificates[j].HolderID = r.Holder.ID
		err = w.certificate(&r.Certificates[j])
	}
	for j := 0; err == nil && j < len(r.Registrations); j++ {
		reg := &r.Registrations[j]
		if reg.Cert < 0 || reg.Cert >= len(r.Certificates) {
			return data.Invalid("cert_id", "err.required")
		}
		reg.CertID = r.Certificates[reg.Cert].ID
		var others []data.Registration
		for _, o := range r.Registrations[:j] {
			if o.Cert == reg.Cert {
				others = append(others, o.Registration)
			}
		}
		err = w.registration(&r.Certificates[reg.Cert], others, &reg.Registration)
	}
	for j := 0; err == nil && j < len(r.Annotations); j++ {
		a := &r.Annotations[j]
		if a.Cert < 0 || a.Cert >= len(r.Certificates) {
			return data.Invalid("cert_id", "err.required")
		}
		a.CertID = r.Certificates[a.Cert].ID
		err = w.annotation(&a.Annotation)
	}
	for j := 0; err == nil && j < len(r.Paper); j++ {
		p := &r.Paper[j]
		if p.Cert < 0 || p.Cert >= len(r.Certificates) {
			return data.Invalid("cert_id", "err.required")
		}
		p.CertID = r.Certificates[p.Cert].ID
		err = w.paper(&p.Paper, &r.Holder)
	}
	for j := 0; err == nil && j < len(r.CERecords); j++ {
		r.CERecords[j].HolderID = r.Holder.ID
		err = w.ceRecord(&r.CERecords[j])
	}
	if err != nil {
		return err
	}
	return db.writeDossier(w, r)
}

// writeDossier writes the dossier parts of a holder record whose holder
// was just given.
func (db *DB) writeDossier(w holderWriter, r *data.HolderRecord) error {
	h := &r.Holder
	today := db.today()
	if p := r.Profile; p != nil {
		p.HolderID = h.ID
		p.Normalize()
		if err := p.Validate(h, today); err != nil {
			return err
		}
		p.Settle(h)
		if err := w.profile(p); err != nil {
			return err
		}
		if p.Photo != nil {
			if err := w.photo(h.ID, p.Photo); err != nil {
				return err
			}
		}
	}
	for i := range r.Work {
		e := &r.Work[i]
		e.ID, e.HolderID = 0, h.ID
		e.Normalize()
		if err := e.Validate(today); err != nil {
			return err
		}
		if err := data.CheckWorkHistory(r.Work[:i], e); err != nil {
			return err
		}
		if err := w.work(e); err != nil {
			return err
		}
	}
	for i := range r.Honours {
		x := &r.Honours[i]
		x.ID, x.HolderID = 0, h.ID
		if err := w.honour(x); err != nil {
			return err
		}
	}
	for i := range r.Transfers {
		t := &r.Transfers[i]
		t.HolderID = h.ID
		t.Normalize()
		if err := t.Validate(today); err != nil {
			return err
		}
		if t.Status == data.ReviewPending {
			if err := data.CanApplyTransfer(r.Transfers[:i]); err != nil {
				return err
			}
		}
		if err := w.transfer(t); err != nil {
			return err
		}
	}
	return nil
}

// insertTransfer writes a checked agency change of a holder record.
func (db *DB) insertTransfer(ctx context.Context, tx *txn, t *data.Transfer) error {
	_, ts := db.stamp()
	newID, err := insertID(ctx, tx, `INSERT INTO transfers (holder_id, applied_on, from_org, to_org, from_region, to_region, position, status, decided_on,
			created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, t.HolderID, t.AppliedOn, t.FromOrg, t.ToOrg, t.FromRegion, t.ToRegion, t.Position, t.Status, t.DecidedOn,
		ts, ts, db.user)
	if err != nil {
		return mapError("insert transfer", err)
	}
	t.ID = newID
	t.Version, t.UpdatedBy = 1, db.user
	return nil
}

// insertPhoto writes a checked photo of a holder that has none.
func (db *DB) insertPhoto(ctx context.Context, tx *txn, holderID int64, photo *data.Proof) error {
	info, err := db.checkNewPhoto(ctx, tx, photo)
	if err != nil {
		return err
	}
	if err := db.keepProof(tx, photo); err != nil {
		return err
	}
	_, ts := db.stamp()
	if _, err := tx.ExecContext(ctx, `INSERT INTO photos (holder_id, name, sha256, size, type, width, height, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		holderID, photo.Name, photo.SHA256, photo.Size, info.Type, info.Width, info.Height, ts); err != nil {
		return mapError("save photo", err)
	}
	return nil
}

// checkNewPhoto checks the photo of a holder record (naming it "photo"
// when it has no name) and what it says of itself.
func (db *DB) checkNewPhoto(ctx context.Context, tx *txn, photo *data.Proof) (data.PhotoInfo, error) {
	if photo.Data == nil {
		return data.PhotoInfo{}, data.Invalid("photo", "err.photo.empty")
	}
	info, err := data.CheckPhoto(photo.Data)
	if err != nil {
		return info, err
	}
	if photo.Name == "" {
		photo.Name = "photo"
	}
	if err := data.ValidateText("photo", photo.Name); err != nil {
		return info, err
	}
	return info, db.checkFiles(ctx, tx, []data.Proof{*photo})
}

// CreateProjectRecords writes projects with their participants and
// records, all or none; the 24 hours a day count the records written
// before in the same transaction too.
func (db *DB) CreateProjectRecords(ctx context.Context, recs []data.ProjectRecord) error {
	today := db.today()
	many := len(recs) > 100
	write := db.tx
	if many {
		write = db.bulkTx
	}
	return write(ctx, func(tx *txn) error {
		var w projectWriter = rowWriter{db, ctx, tx}
		if many && db.batches() {
			w = db.newRecordBatch(ctx, tx)
		}
		for i := range recs {
			if err := w.ahead(recs, i); err != nil {
				return err
			}
			if err := db.writeProjectRecord(w, &recs[i], today); err != nil {
				return w.refuse(err, i+1)
			}
		}
		return w.flush()
	})
}

// projectWriter writes the rows of project records.
type projectWriter interface {
	// ahead is told before the record i of recs is written.
	ahead(recs []data.ProjectRecord, i int) error
	project(p *data.Project, ts string) error
	join(projectID, holderID int64, ts string) error
	// dayTotal is what the holder recorded on the day so far, in tenths.
	dayTotal(holderID int64, date data.Date) (int64, error)
	service(r *data.ServiceRecord, ts string) error
	refuse(err error, row int) error
	flush() error
}

// writeProjectRecord writes a project, its participants, and their service
// records, each held to the 24 hours of its day.
func (db *DB) writeProjectRecord(w projectWriter, pr *data.ProjectRecord, today data.Date) error {
	p := &pr.Project
	p.Normalize()
	if err := p.Validate(today); err != nil {
		return err
	}
	t, ts := db.stamp()
	if err := w.project(p, ts); err != nil {
		return err
	}
	p.CreatedAt, p.UpdatedAt = t.In(data.Beijing), t.In(data.Beijing)
	p.Version, p.UpdatedBy = 1, db.user
	member := make(map[int64]bool, len(pr.Participants))
	for _, h := range pr.Participants {
		if err := w.join(p.ID, h, ts); err != nil {
			return err
		}
		member[h] = true
	}
	for j := range pr.Records {
		r := &pr.Records[j]
		r.ProjectID = p.ID
		r.Normalize()
		others, err := w.dayTotal(r.HolderID, r.Date)
		if err != nil {
			return err
		}
		if err := data.CheckServiceRecord(p, r, member[r.HolderID], data.TenthsOfHour(others), today); err != nil {
			return err
		}
		if err := w.service(r, ts); err != nil {
			return err
		}
		r.Version, r.UpdatedBy = 1, db.user
	}
	return nil
}

func (w rowWriter) project(p *data.Project, ts string) error {
	newID, err := insertID(w.ctx, w.tx, `INSERT INTO projects (name, org, start_on, end_on, programme, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		p.Name, p.Org, p.StartOn, p.EndOn, p.Programme, ts, ts, w.db.user)
	if err != nil {
		return mapError("insert project", err)
	}
	p.ID = newID
	return nil
}

func (w rowWriter) join(projectID, holderID int64, ts string) error {
	_, err := w.tx.ExecContext(w.ctx, `INSERT INTO participants (project_id, holder_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, projectID, holderID, ts)
	return mapError("join project", err)
}

func (w rowWriter) dayTotal(holderID int64, date data.Date) (int64, error) {
	var n int64
	if err := w.tx.QueryRowContext(w.ctx, `SELECT coalesce(sum(tenths), 0) FROM service_records WHERE holder_id = ? AND date = ?`, holderID, date).Scan(&n); err != nil {
		return 0, internal("check service record", err)
	}
	return n, nil
}

func (w rowWriter) service(r *data.ServiceRecord, ts string) error {
	newID, err := insertID(w.ctx, w.tx, `INSERT INTO service_records (project_id, holder_id, date, content, tenths, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.ProjectID, r.HolderID, r.Date, r.Content, r.Hours.Tenths(), ts, ts, w.db.user)
	if err != nil {
		return mapError("insert service record", err)
	}
	r.ID = newID
	return nil
}
