package sqlite

import (
	"context"

	"github.com/swcert/swcert/data"
)

// Snapshot loads everything the dashboard reads, one query a table. No
// transaction: the store's transactions take the write lock (they are for
// writing), and a write landing between two queries only shows at the next
// refresh.
func (db *DB) Snapshot(ctx context.Context) (*data.Snapshot, error) {
	var err error
	s := &data.Snapshot{
		Holders: map[int64]*data.Holder{}, Annotations: map[int64][]data.Annotation{},
		Registrations: map[int64][]data.Registration{}, CERecords: map[int64][]data.CERecord{}, Paper: map[int64]*data.Paper{},
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
	err = each(`SELECT `+holderColumns+` FROM holders`, func(r scanner) error {
		h, err := scanHolder(r)
		if err == nil {
			s.Holders[h.ID] = h
		}
		return err
	})
	if err == nil {
		err = each(`SELECT `+certColumns+` FROM certificates ORDER BY issued_on, id`, func(r scanner) error {
			c, err := scanCertificate(r)
			if err == nil {
				s.Certificates = append(s.Certificates, c)
			}
			return err
		})
	}
	if err == nil {
		err = each(`SELECT `+annColumns+` FROM annotations ORDER BY applied_at, id`, func(r scanner) error {
			a, err := scanAnnotation(r)
			if err == nil {
				s.Annotations[a.CertID] = append(s.Annotations[a.CertID], *a)
			}
			return err
		})
	}
	if err == nil {
		err = each(`SELECT `+regColumns+` FROM registrations ORDER BY id`, func(r scanner) error {
			g, err := scanRegistration(r)
			if err == nil {
				s.Registrations[g.CertID] = append(s.Registrations[g.CertID], *g)
			}
			return err
		})
	}
	if err == nil {
		err = each(`SELECT `+ceColumns+` FROM ce_records ORDER BY date, id`, func(r scanner) error {
			c, err := scanCE(r)
			if err == nil {
				s.CERecords[c.HolderID] = append(s.CERecords[c.HolderID], *c)
			}
			return err
		})
	}
	if err == nil {
		err = each(`SELECT `+paperColumns+` FROM paper`, func(r scanner) error {
			p, err := scanPaper(r)
			if err == nil {
				s.Paper[p.CertID] = p
			}
			return err
		})
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}
