package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
	"sync"
)

// searchIndex answers list searches from memory. A substring search cannot
// use a B-tree index, and with 100,000 holders SQLite needs about 40 ms to
// read the table for every keystroke (and again for the count); holding the
// lower-cased search texts in name order, Go's substring search takes a
// few milliseconds (measured by BenchmarkSearchFirstPage100k).
//
// The texts come from the holders.search column, which the schema's
// triggers keep; this type only decides which rows match. It stays correct
// when another process (the CLI beside the window) writes the file: before
// each search it asks its own connection for PRAGMA data_version, which
// changes whenever any other connection commits, and reloads when it has.
type searchIndex struct {
	mu      sync.Mutex
	conn    *sql.Conn // held for data_version, which is per connection
	version int64
	loaded  bool
	rows    []searchRow // in list order: name, then id
	last    struct {
		query   string
		version int64
		ids     []int64
	}
}

type searchRow struct {
	id     int64
	name   string
	search string
	// The ID and phone numbers as a full word of the search must equal
	// them: plain, or their keyed hashes in an encrypted database, whose
	// search texts hold no ID number (encryption.go).
	idKey, phoneKey string
}

// matches returns the IDs of the holders whose search text contains every
// word of q, or whose ID or phone number is the word, in list order.
// exact is the key a word is compared with (DB.exactKey).
func (x *searchIndex) matches(ctx context.Context, db handle, q string, exact func(kind, word string) string) ([]int64, error) {
	words := strings.Fields(strings.ToLower(q))
	type word struct{ text, id, phone string }
	ws := make([]word, len(words))
	for i, w := range words {
		ws[i] = word{w, exact(hashID, w), exact(hashPhone, w)}
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if err := x.refresh(ctx, db); err != nil {
		return nil, err
	}
	key := strings.Join(words, " ")
	if x.last.ids != nil && x.last.query == key && x.last.version == x.version {
		return x.last.ids, nil // paging through the same search
	}
	ids := make([]int64, 0, 64)
rows:
	for _, r := range x.rows {
		for _, w := range ws {
			if !strings.Contains(r.search, w.text) && (w.id == "" || w.id != r.idKey) && (w.phone == "" || w.phone != r.phoneKey) {
				continue rows
			}
		}
		ids = append(ids, r.id)
	}
	x.last.query, x.last.version, x.last.ids = key, x.version, ids
	return ids, nil
}

// WarmSearch loads the search texts ahead of the first search (the window
// calls it as it opens; with 100,000 holders the load takes about 0.2 s).
// A server answers searches by SQL (search_server.go): nothing to load.
func (db *DB) WarmSearch(ctx context.Context) {
	if db.sql.dialect == postgresSQL {
		return
	}
	db.search.mu.Lock()
	defer db.search.mu.Unlock()
	_ = db.search.refresh(ctx, db.sql) // a failure shows at the real search
}

// Version is PRAGMA data_version on the connection that never writes: it
// changes whenever any other connection, here or in another process,
// commits.
func (db *DB) Version(ctx context.Context) (int64, error) {
	db.search.mu.Lock()
	defer db.search.mu.Unlock()
	return db.search.dataVersion(ctx, db.sql)
}

func (x *searchIndex) dataVersion(ctx context.Context, db handle) (int64, error) {
	if x.conn == nil {
		c, err := db.Conn(ctx)
		if err != nil {
			return 0, internal("search connection", err)
		}
		x.conn = c
	}
	if db.dialect == postgresSQL {
		return serverVersion(ctx, x.conn)
	}
	var v int64
	if err := x.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return 0, internal("data_version", err)
	}
	return v, nil
}

// refresh reloads the texts when the file changed since the last load.
func (x *searchIndex) refresh(ctx context.Context, db handle) error {
	v, err := x.dataVersion(ctx, db)
	if err != nil {
		return err
	}
	if x.loaded && v == x.version {
		return nil
	}
	rs, err := x.conn.QueryContext(ctx, `SELECT id, name, search, `+db.dialect.coalesceText("id_hash", "id_number")+`, `+db.dialect.coalesceText("phone_hash", "phone")+` FROM holders`)
	if err != nil {
		return internal("load search", err)
	}
	defer rs.Close()
	rows := x.rows[:0]
	for rs.Next() {
		var r searchRow
		if err := rs.Scan(&r.id, &r.name, &r.search, &r.idKey, &r.phoneKey); err != nil {
			return internal("load search", err)
		}
		rows = append(rows, r)
	}
	if err := rs.Err(); err != nil {
		return internal("load search", err)
	}
	// The order of SQLite's ORDER BY name, id: byte order of UTF-8 text.
	slices.SortFunc(rows, func(a, b searchRow) int {
		return cmp.Or(strings.Compare(a.name, b.name), cmp.Compare(a.id, b.id))
	})
	x.rows, x.version, x.loaded = rows, v, true
	return nil
}

func (x *searchIndex) close() {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.conn != nil {
		x.conn.Close()
		x.conn = nil
	}
}
