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
