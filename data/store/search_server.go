package store

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode"

	"github.com/swcert/swcert/data"
)

// On a server the list search is answered by SQL. The in-memory index of
// search.go would load every holder's search text into every office's
// memory, and load it again after every write anywhere: with 1,000,000
// holders and several offices writing, a few hundred megabytes and
// seconds each time. The server keeps holders.search (its triggers), and
// the same rules as searchIndex.matches decide: every word of the query
// is contained in the search text, or is the holder's phone number. The
// ID number needs no comparison of its own there: the search text holds
// it lower-cased, and a server keeps no hashes (no encryption at rest),
// so a word equal to it is contained in the text.
//
// Which rows to read is decided here, not left to the planner, whose
// estimates of a substring's matches are guesses (measured with 1,000,000
// holders it walked half the table in name order for an ID number's
// first 15 digits, and read the whole table for a word of two Chinese
// characters). Three ways, in turn, on migration 00017's indexes:
//
//   - the top of the list: the first serverNearRows holders in name
//     order, where a word that many share fills its page (a page only).
//   - few matches: the trigram index (holders_search_key) names the rows
//     that may match; at most serverFewMatches are read, and sorted here.
//     A word of one or two Chinese characters has no trigram of its own,
//     so the index is on the search text with every character beyond
//     ASCII written three times (swcert_search_key): 王 is 王王王, a
//     trigram, and 王伟 is 王王王伟伟伟. ASCII stays as it is (an ID or
//     management number is long enough).
//   - many matches, or no word the index can look up ("01"): walking the
//     names in list order (holders_name_search, which holds the search
//     text and the phone, so no row is read) to the page's end.
var serverFewMatches = 5000 // a variable for the tests, which take every way with a few holders

// serverCond is the condition that a holder matches the words of q and,
// when programmes are given, has experience under one of them: exact,
// which decides, and lookup, the same with each word also looked up in
// the text of the trigram index, for the index to name the rows. indexed
// says whether a word of q has a trigram for it to look up.
func serverCond(q string, ps []data.Programme) (exact, lookup string, args, lookupArgs []any, indexed bool) {
	words := strings.Fields(strings.ToLower(q))
	var conds, lookups []string
	for _, w := range words {
		// strpos decides: LIKE on the whole table was ten times slower,
		// and the index's text is worked out for every row it is tested
		// on (seconds for every row of 1,000,000). Whatever contains the
		// word has its key in its key: the LIKE is for the index only.
		key := searchKey(w)
		c, l := `strpos(search, ?) > 0`, `(strpos(search, ?) > 0 AND swcert_search_key(search) LIKE ? ESCAPE '\'`
		args = append(args, w)
		lookupArgs = append(lookupArgs, w, "%"+likeEscaper.Replace(key)+"%")
		// A word that is no phone number once normalised ("-") is
		// compared with none, as in searchIndex.matches.
		if phone := data.NormalizePhone(w); phone != "" {
			c, l = `(`+c+` OR phone = ?)`, l+` OR phone = ?`
			args, lookupArgs = append(args, phone), append(lookupArgs, phone)
		}
		conds, lookups = append(conds, c), append(lookups, l+`)`)
		indexed = indexed || hasTrigram(key)
	}
	if exp, expArgs := experienced(ps); exp != "" {
		conds = append(conds, strings.TrimPrefix(exp, " WHERE "))
		lookups = append(lookups, strings.TrimPrefix(exp, " WHERE "))
		args, lookupArgs = append(args, expArgs...), append(lookupArgs, expArgs...)
	}
	return strings.Join(conds, " AND "), strings.Join(lookups, " AND "), args, lookupArgs, indexed
}

// searchKey is s as swcert_search_key writes it: every character beyond
// ASCII three times.
func searchKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
		if r >= 0x80 {
			b.WriteRune(r)
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hasTrigram says whether pg_trgm finds a trigram in a LIKE pattern of
// s: three letters or digits in a row.
func hasTrigram(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if n++; n == 3 {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

// likeEscaper makes a word a literal in a LIKE pattern whose escape
// character is the backslash.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// serverNearRows is how many holders from the top of the list a search
// looks at first: a word that many share fills its page within them
// (20,000 entries of holders_name_search take a few milliseconds).
var serverNearRows = 20000 // a variable for the tests, as serverFewMatches

// serverSearch is a search on the server: the IDs of one page in list
// order (limit > 0), or the count of all matches (limit 0).
func (db *DB) serverSearch(ctx context.Context, f data.HolderFilter, limit, offset int) ([]int64, int, error) {
	where, lookup, args, lookupArgs, indexed := serverCond(f.Search, f.Programmes)
	if f.HolderID != 0 {
		where, lookup = where+` AND id = ?`, lookup+` AND id = ?`
		args, lookupArgs = append(args, f.HolderID), append(lookupArgs, f.HolderID)
	}
	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, 0, internal("find holders", err)
	}
	defer tx.Rollback()
	// Walking the names, through the index that holds what the condition
	// reads: no table row is read, nothing sorted.
	if err := setPlan(ctx, tx, "seqscan", "bitmapscan", "sort"); err != nil {
		return nil, 0, err
	}
	if limit > 0 && offset+limit <= serverNearRows {
		// The first holders of the list hold a common word's page.
		ids, err := holderIDs(ctx, tx, `SELECT id FROM (SELECT id, name, search, phone FROM holders ORDER BY name, id LIMIT ?) h
			WHERE `+where+` ORDER BY name, id LIMIT ? OFFSET ?`, append(append([]any{serverNearRows}, args...), limit, offset)...)
		if err != nil || len(ids) == limit {
			return ids, 0, err
		}
	}
	if indexed {
		few, all, err := fewMatches(ctx, tx, lookup, lookupArgs)
		if err != nil {
			return nil, 0, err
		}
		if all {
			start := min(offset, len(few))
			ids := few[start : start+min(limit, len(few)-start)] // offset+limit may overflow
			return ids, len(few), nil
		}
	}
	if limit == 0 {
		// Many matches: every entry of the index is looked at once, which
		// costs what reading the table would, without its rows.
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM holders WHERE `+where, args...).Scan(&n); err != nil {
			return nil, 0, internal("count holders", err)
		}
		return nil, n, nil
	}
	ids, err := holderIDs(ctx, tx, `SELECT id FROM holders WHERE `+where+` ORDER BY name, id LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	return ids, 0, err
}

// setPlan turns the planner's ways off for the rest of the transaction;
// "on" and "off" among them say what the ways after them are turned.
func setPlan(ctx context.Context, tx *txn, ways ...string) error {
	value := "off"
	for _, w := range ways {
		if w == "on" || w == "off" {
			value = w
			continue
		}
		if _, err := tx.ExecContext(ctx, `SET LOCAL enable_`+w+` = `+value); err != nil {
			return internal("find holders", err)
		}
	}
	return nil
}

func holderIDs(ctx context.Context, tx *txn, q string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, internal("find holders", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, internal("find holders", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("find holders", err)
	}
	return ids, nil
}

// fewMatches reads the matches through the trigram index, up to
// serverFewMatches of them, in list order; all says whether that was all.
func fewMatches(ctx context.Context, tx *txn, where string, args []any) ([]int64, bool, error) {
	// Only the index's bitmap: the planner may not walk the names here.
	if err := setPlan(ctx, tx, "on", "bitmapscan", "sort", "off", "indexscan", "indexonlyscan"); err != nil {
		return nil, false, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM holders WHERE `+where+` LIMIT ?`, append(args, serverFewMatches+1)...)
	if err != nil {
		return nil, false, internal("find holders", err)
	}
	defer rows.Close()
	type match struct {
		id   int64
		name string
	}
	var ms []match
	for rows.Next() {
		var m match
		if err := rows.Scan(&m.id, &m.name); err != nil {
			return nil, false, internal("find holders", err)
		}
		ms = append(ms, m)
	}
	if err := rows.Err(); err != nil {
		return nil, false, internal("find holders", err)
	}
	if err := setPlan(ctx, tx, "on", "indexscan", "indexonlyscan", "off", "bitmapscan", "sort"); err != nil {
		return nil, false, err
	}
	if len(ms) > serverFewMatches {
		return nil, false, nil
	}
	// The order of ORDER BY name, id on "C" text: bytes.
	slices.SortFunc(ms, func(a, b match) int { return cmp.Or(strings.Compare(a.name, b.name), cmp.Compare(a.id, b.id)) })
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.id
	}
	return ids, true, nil
}
