package store

import "context"

// column reads the one column of every row a statement gives (the ids,
// hashes, names or tables it lists) with q, a transaction or the store's
// handle; what names the read in the error.
func column[T any](ctx context.Context, q rowQueryer, what, query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, internal(what, err)
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, internal(what, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, internal(what, err)
	}
	return out, nil
}
