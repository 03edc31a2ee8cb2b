package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/swcert/swcert/data"
)

// CountCertificates counts the certificates (on a server, those of the
// login's office).
func (db *DB) CountCertificates(ctx context.Context) (int, error) {
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM certificates`).Scan(&n); err != nil {
		return 0, internal("count certificates", err)
	}
	return n, nil
}

// EachSnapshot reads the holders' IDs in the list's order, then what the
// rules read of size of them at a time.
func (db *DB) EachSnapshot(ctx context.Context, size int, fn func(order []int64, s *data.Snapshot) error) error {
	ids, err := column[int64](ctx, db.sql, "snapshot", `SELECT id FROM holders ORDER BY name, id`)
	if err != nil {
		return err
	}
	for start := 0; start < len(ids); start += size {
		part := ids[start:min(start+size, len(ids))]
		s, err := db.snapshot(ctx, part)
		if err != nil {
			return err
		}
		if err := fn(part, s); err != nil {
			return err
		}
	}
	return nil
}

// snapshot loads what the rules read of the given holders, or of everyone
// when holders is nil, one query a table. No transaction: the store's
// transactions take the write lock (they are for writing), and a write
// landing between two queries only shows at the next refresh.
func (db *DB) snapshot(ctx context.Context, holders []int64) (*data.Snapshot, error) {
	if holders == nil {
		return db.snapshotOf(ctx, "")
	}
	// Integers only, so written into the query: a few hundred a time.
	list := make([]string, len(holders))
	for i, id := range holders {
		list[i] = strconv.FormatInt(id, 10)
	}
	return db.snapshotOf(ctx, " IN ("+strings.Join(list, ",")+")")
}

// snapshotSpan loads what the rules read of the holders with IDs from lo
// to hi.
func (db *DB) snapshotSpan(ctx context.Context, lo, hi int64) (*data.Snapshot, error) {
	return db.snapshotOf(ctx, fmt.Sprintf(" BETWEEN %d AND %d", lo, hi))
}

// snapshotOf loads what the rules read of the holders whose ID meets
// the condition (" IN (…)", " BETWEEN …"), or of everyone when it is "".
func (db *DB) snapshotOf(ctx context.Context, ids string) (*data.Snapshot, error) {
	var err error
	byHolder, byCert := "", ""
	if ids != "" {
		byHolder = " WHERE holder_id" + ids
		byCert = " WHERE cert_id IN (SELECT id FROM certificates WHERE holder_id" + ids + ")"
	}
	s := &data.Snapshot{
		Holders: map[int64]*data.Holder{}, Annotations: map[int64][]data.Annotation{},
		Registrations: map[int64][]data.Registration{}, CERecords: map[int64][]data.CERecord{}, Paper: map[int64]*data.Paper{},
		Profiles: map[int64]*data.Profile{}, Work: map[int64]data.WorkFacts{},
	}
	each := func(q string, scan func(scanner) error) error {
		rows, err := db.sql.QueryContext(ctx, q)
		if err != nil {
			return internal("snapshot", err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return internal("snapshot", err)
			}
		}
		return rows.Err()
	}
	// Only the columns the rules read: with 100,000 holders every column
	// and every timestamp parsed costs time and memory. No ORDER BY where
	// the rules do not need one (CEProgress sorts a holder's records). The tables are read
	// at once on separate connections, each into its own part.
	var wg sync.WaitGroup
	errs := make([]error, 8)
	load := func(i int, q string, scan func(scanner) error) {
		wg.Add(1)
		data.Go(func() {
			defer wg.Done()
			errs[i] = each(q, scan)
		})
	}
	// The ID number and phone too: completeness reads them
	// (data.DossierMissing; the date of birth and sex a number says).
	load(0, `SELECT id, name, org, region, id_type, id_number, phone FROM holders`+strings.Replace(byHolder, "holder_id", "id", 1), func(r scanner) error {
		h := &data.Holder{}
		if err := r.Scan(&h.ID, &h.Name, &h.Org, &h.Region, &h.IDType, &h.IDNumber, &h.Phone); err != nil {
			return err
		}
		if err := db.revealHolder(h); err != nil {
			return err
		}
		s.Holders[h.ID] = h
		return err
	})
	// Certificates and annotations in the order they were made: the items
	// of a holder are numbered in it (a server returns rows in no order
	// that lasts: an updated row moves).
	load(1, `SELECT id, holder_id, level, mno, exam_year, passed_on, issued_on, issuer, status FROM certificates`+byHolder+` ORDER BY id`, func(r scanner) error {
		c := &data.Certificate{}
		err := r.Scan(&c.ID, &c.HolderID, &c.Level, &c.MNo, &c.ExamYear, &c.PassedOn, &c.IssuedOn, &c.Issuer, &c.Status)
		s.Certificates = append(s.Certificates, c)
		return err
	})
	load(2, `SELECT cert_id, days, applied_at, completed_at, withdrawn_at FROM annotations`+byCert+` ORDER BY id`, func(r scanner) error {
		var a data.Annotation
		var applied string
		var completed, withdrawn sql.NullString
		err := r.Scan(&a.CertID, &a.Days, &applied, &completed, &withdrawn)
		a.AppliedAt, a.CompletedAt, a.WithdrawnAt = parseStamp(applied), optStamp(completed), optStamp(withdrawn)
		s.Annotations[a.CertID] = append(s.Annotations[a.CertID], a)
		return err
	})
	load(3, `SELECT cert_id, kind, status, applied_on, valid_from FROM registrations`+byCert+` ORDER BY id`, func(r scanner) error {
		var g data.Registration
		err := r.Scan(&g.CertID, &g.Kind, &g.Status, &g.AppliedOn, &g.ValidFrom)
		s.Registrations[g.CertID] = append(s.Registrations[g.CertID], g)
		return err
	})
	load(4, `SELECT holder_id, kind, date, tenths, coalesce(review, '') FROM ce_records`+byHolder+` ORDER BY id`, func(r scanner) error {
		var c data.CERecord
		var tenths int64
		err := r.Scan(&c.HolderID, &c.Kind, &c.Date, &tenths, &c.Review)
		c.Hours = data.TenthsOfHour(tenths)
		s.CERecords[c.HolderID] = append(s.CERecords[c.HolderID], c)
		return err
	})
	load(5, `SELECT cert_id, method, status, window_start, window_end, sent_on FROM paper`+byCert, func(r scanner) error {
		p := &data.Paper{}
		err := r.Scan(&p.CertID, &p.Method, &p.Status, &p.WindowStart, &p.WindowEnd, &p.SentOn)
		s.Paper[p.CertID] = p
		return err
	})
	// The profiles with whether there is a photo, and the work history's
	// facts: what DossierMissing reads.
	load(6, `SELECT p.holder_id, p.sex, p.birth_date, p.ethnicity, p.education, p.major, p.first_reg_on, p.first_reg_kind,
			EXISTS (SELECT 1 FROM photos f WHERE f.holder_id = p.holder_id) FROM profiles p`+strings.Replace(byHolder, "holder_id", "p.holder_id", 1), func(r scanner) error {
		p := &data.Profile{}
		var photo bool
		err := r.Scan(&p.HolderID, &p.Sex, &p.BirthDate, &p.Ethnicity, &p.Education, &p.Major, &p.FirstRegOn, &p.FirstRegKind, &photo)
		if photo {
			p.Photo = &data.Proof{}
		}
		s.Profiles[p.HolderID] = p
		return err
	})
	load(7, `SELECT w.holder_id, count(*), sum(CASE WHEN w.programme <> '' AND NOT EXISTS (SELECT 1 FROM work_proofs p WHERE p.work_id = w.id) THEN 1 ELSE 0 END)
		FROM work_history w`+strings.Replace(byHolder, "holder_id", "w.holder_id", 1)+` GROUP BY w.holder_id`, func(r scanner) error {
		var id int64
		var f data.WorkFacts
		err := r.Scan(&id, &f.Entries, &f.Unproved)
		s.Work[id] = f
		return err
	})
	wg.Wait()
	err = errors.Join(errs...)
	if err != nil {
		return nil, err
	}
	return s, nil
}
