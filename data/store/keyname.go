package store

import (
	"context"

	"github.com/swcert/swcert/data"
)

// SetOwnKeyName names this database's exporter: the name every document
// it exports prints and seals from now on (data.ExporterName). Documents
// exported before keep the name they were sealed with.
func (db *DB) SetOwnKeyName(ctx context.Context, name string) (*data.SealKey, error) {
	name = data.NormalizeWords(name)
	if err := data.ValidateExporterName(name); err != nil {
		return nil, err
	}
	// The public half is enough: naming the exporter needs no key file.
	k, err := db.ownPublic(ctx)
	if err != nil {
		return nil, err
	}
	_, ts := db.stamp()
	if _, err := db.sql.ExecContext(ctx, `UPDATE seal_keys SET name = ?, updated_at = ? WHERE kid = ? AND `+db.ownKey(), name, ts, k.KID); err != nil {
		return nil, internal("name own key", err)
	}
	k.Name = name
	return k, nil
}
