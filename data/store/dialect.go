package store

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// dialect is the SQL of the server a store talks to. The statements of
// this package are written once, in the SQL both SQLite and PostgreSQL
// take, with SQLite's ? and ?N placeholders; rebind turns them into
// PostgreSQL's $N. What the two do differently (the schema, its triggers,
// locking, the version of the data) is in sqlite-named and
// postgres-named files.
type dialect int

const (
	sqliteSQL dialect = iota
	postgresSQL
)

// rebound caches rebind's work: the statements are constants, a few
// hundred of them.
var rebound sync.Map // string → string

// rebind is query with its placeholders in the dialect's form: ? and ?N
// become $n and $N for PostgreSQL. Quoted text and identifiers are left as
// they are.
func (d dialect) rebind(query string) string {
	if d == sqliteSQL || !strings.Contains(query, "?") {
		return query
	}
	if q, ok := rebound.Load(query); ok {
		return q.(string)
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	var quote byte
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
			b.WriteByte(c)
		case c == '\'' || c == '"':
			quote = c
			b.WriteByte(c)
		case c == '?':
			j := i + 1
			for j < len(query) && query[j] >= '0' && query[j] <= '9' {
				j++
			}
			b.WriteByte('$')
			if j > i+1 {
				b.WriteString(query[i+1 : j]) // ?N keeps its number
			} else {
				n++
				b.WriteString(strconv.Itoa(n))
			}
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	q := b.String()
	rebound.Store(query, q)
	return q
}

// contains is the condition that the text of column contains the text of
// the placeholder arg (no LIKE, whose % and _ a search may hold).
func (d dialect) contains(column, arg string) string {
	if d == postgresSQL {
		return "strpos(" + column + ", " + arg + ") > 0"
	}
	return "instr(" + column + ", " + arg + ") > 0"
}

// coalesceText is the blob column's bytes as text, else column text's:
// SQLite takes the two as they are, PostgreSQL wants one type.
func (d dialect) coalesceText(blob, text string) string {
	if d == postgresSQL {
		return "coalesce(encode(" + blob + ", 'escape'), " + text + ")"
	}
	return "coalesce(" + blob + ", " + text + ")"
}

// integer is the placeholder p where the server cannot tell its type from
// the column it meets (a row of VALUES).
func (d dialect) integer(p string) string {
	if d == postgresSQL {
		return p + "::bigint"
	}
	return p
}

// office is the office a new holder is given from the placeholder p: on a
// server, when p is empty, the office of the login writing (its default).
func (d dialect) office(p string) string {
	if d == postgresSQL {
		return "coalesce(nullif(" + p + ", ''), swcert_office(), '')"
	}
	return p
}

// handle is the pool of connections, speaking the store's dialect.
type handle struct {
	*sql.DB
	dialect dialect
}

func (h handle) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return h.DB.ExecContext(ctx, h.dialect.rebind(query), h.dialect.values(args)...)
}

func (h handle) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return h.DB.QueryContext(ctx, h.dialect.rebind(query), h.dialect.values(args)...)
}

func (h handle) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return h.DB.QueryRowContext(ctx, h.dialect.rebind(query), h.dialect.values(args)...)
}

// values are args as the dialect stores them: a flag is 0 or 1 in both
// schemas (SQLite's driver turns a bool into one, PostgreSQL's does not).
func (d dialect) values(args []any) []any {
	if d == sqliteSQL {
		return args
	}
	var out []any // a copy, made at the first flag: the caller's stays
	for i, a := range args {
		if b, ok := a.(bool); ok {
			if out == nil {
				out = slices.Clone(args)
			}
			out[i] = 0
			if b {
				out[i] = 1
			}
		}
	}
	if out == nil {
		return args
	}
	return out
}

// QueryRow and Exec are for the tests, which read and write behind the
// store's back.
func (h handle) QueryRow(query string, args ...any) *sql.Row {
	return h.QueryRowContext(context.Background(), query, args...)
}

func (h handle) Exec(query string, args ...any) (sql.Result, error) {
	return h.ExecContext(context.Background(), query, args...)
}

func (h handle) Query(query string, args ...any) (*sql.Rows, error) {
	return h.QueryContext(context.Background(), query, args...)
}

// inserter runs an INSERT in a transaction or on the pool.
type inserter interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// insertID runs an INSERT and returns the id it gave the row: RETURNING,
// which both servers take (PostgreSQL's driver has no LastInsertId).
func insertID(ctx context.Context, q inserter, query string, args ...any) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, query+` RETURNING id`, args...).Scan(&id)
	return id, err
}
