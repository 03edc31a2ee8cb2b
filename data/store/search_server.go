package store

import (
	"context"
	"strconv"
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
// characters). Three ways, in turn, on the indexes of migrations 00017
// and 00020:
//
//   - the top of the list: the first serverNearRows holders in name
//     order, where a word that many share fills its page (a page only).
//   - fewer than serverFewMatches matches: the trigram index of
//     holder_search's key names the holders that may match, the kept key
//     decides, and the page is sorted out of them in SQL, with their
//     number. A word of one or two Chinese characters has no trigram of
//     its own, so the key is the search text with every character beyond
//     ASCII written three times (swcert_search_key): 王 is 王王王, a
//     trigram, and 王伟 is 王王王伟伟伟. ASCII stays as it is (an ID or
//     management number is long enough). A word with six digits in a
//     row is looked up in the index of the keys' runs of six digits
//     instead (migration 00025): digits share their trigrams, and an ID
//     number's 15 first digits named thousands of holders to check.
//   - more, or no word the index can look up ("01"): walking the names
//     in list order (holders_name_search, which holds the search text
//     and the phone, so no row is read) to the page's end.
//
// Measured with 1,000,000 holders: the 50,000 with 王 in 0.15 s this way
// (every match's row is read), 0.26 s walking the names to them; the
// 7,143 the index names for 王伟 in 17 ms. A word that more share, spread
// through the list, fills its page from the top of it.
var serverFewMatches = 60000 // a variable for the tests, which take every way with a few holders

// serverCond is the condition that a holder matches the words of q and,
// when programmes are given, has experience under one of them: exact,
// which decides, and lookup, the same with each word also looked up in
// the text of the trigram index, for the index to name the rows. indexed
// says whether a word of q has a trigram for it to look up.
func serverCond(q string, ps []data.Programme) (exact, lookup string, args, lookupArgs []any, indexed bool) {
	words := strings.Fields(strings.ToLower(q))
	var conds, lookups []string
	for _, w := range words {
		// On holders strpos decides: LIKE on the whole table was ten
		// times slower. On holder_search (migration 00020) the kept key
		// decides: it contains the word's key where the search text
		// contains the word, and nowhere else (a character beyond ASCII
		// is a run of three in both, so a match begins at a character).
		key := searchKey(w)
		// A word that is no phone number once normalised ("-") is
		// compared with none, as in searchIndex.matches.
		phone := data.NormalizePhone(w)
		orPhone := func(cond string, arg any) (string, []any) {
			if phone == "" {
				return cond, []any{arg}
			}
			return `(` + cond + ` OR phone = ?)`, []any{arg, phone}
		}
		c, ca := orPhone(`strpos(search, ?) > 0`, w)
		pattern := "%" + likeEscaper.Replace(key) + "%"
		l, la := orPhone(`key LIKE ? ESCAPE '\'`, pattern)
		if grams := digitGrams(w); len(grams) > 0 {
			// Six digits in a row or more: the index of the keys' runs of
			// six (migration 00025) names the holders, and the key, hidden
			// from the trigram index (whose lists of digits are long),
			// decides. Only the word's last three runs are looked up: the
			// index reads the whole list of each run asked for, and the
			// digits typed last are the ones that tell holders apart (an
			// ID number goes from the region, which a million share, by the
			// date of birth to the order; a management number from the
			// year to the sequence). Measured with 1,000,000 holders, an ID
			// number's first 15 digits: all ten runs 18 ms, the last three
			// 0.8 ms, for the same 100 holders. Written (runs OR phone) AND
			// (key OR phone), not (runs AND key) OR phone, so that the
			// server checks the key of the rows the index names and does
			// not work their runs out again (20 ms for 1,000 holders).
			g, ga := orPhone(`swcert_digit_grams(key) @> ?::int[]`, grams[max(0, len(grams)-3):])
			k, ka := orPhone(`(key || '') LIKE ? ESCAPE '\'`, pattern)
			l, la = g+` AND `+k, append(ga, ka...)
		}
		args, lookupArgs = append(args, ca...), append(lookupArgs, la...)
		conds, lookups = append(conds, c), append(lookups, l)
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

// digitGrams is every six digits in a row of s, as numbers, as
// swcert_digit_grams (migration 00025) writes a key's: where a key
// contains a word, the word's are among the key's.
func digitGrams(s string) []int32 {
	var grams []int32
	run := 0 // digits in a row, up to s[i]
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			run = 0
			continue
		}
		if run++; run >= 6 {
			n, _ := strconv.Atoi(s[i-5 : i+1])
			grams = append(grams, int32(n))
		}
	}
	return grams
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
	if indexed && limit == 0 {
		// A word that a tenth of serverFewMatches of the top of the list
		// share is counted over the names at once: at 1,000,000 holders
		// asking the index first added 0.4 s to 0.75 s for a word every
		// holder has.
		var near int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT id, search, phone FROM holders ORDER BY name, id LIMIT ?) h WHERE `+where,
			append([]any{serverNearRows}, args...)...).Scan(&near); err != nil {
			return nil, 0, internal("count holders", err)
		}
		indexed = near <= serverFewMatches/10
	}
	if indexed {
		ids, n, all, err := fewMatches(ctx, tx, lookup, lookupArgs, limit, offset)
		if err != nil || all {
			return ids, n, err
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
	return column[int64](ctx, tx, "find holders", q, args...)
}

// fewMatches answers from holder_search when the trigram index names at
// most serverFewMatches holders (all says so): the page of limit from
// offset in list order, sorted out of every match in SQL, and their
// number (limit 0: the number only).
func fewMatches(ctx context.Context, tx *txn, where string, args []any, limit, offset int) ([]int64, int, bool, error) {
	// Only the index's bitmap: the planner may not walk the names here.
	if err := setPlan(ctx, tx, "on", "bitmapscan", "sort", "off", "indexscan", "indexonlyscan"); err != nil {
		return nil, 0, false, err
	}
	defer setPlan(ctx, tx, "on", "indexscan", "indexonlyscan", "off", "bitmapscan", "sort")
	// The matches counted over in memory, not in a file (60,000 names).
	if _, err := tx.ExecContext(ctx, `SET LOCAL work_mem = '32MB'`); err != nil {
		return nil, 0, false, internal("find holders", err)
	}
	matches := `SELECT id, name FROM holder_search WHERE ` + where + ` LIMIT ?`
	args = append(args, serverFewMatches+1)
	count := func() (int, error) {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (`+matches+`) m`, args...).Scan(&n); err != nil {
			return 0, internal("count holders", err)
		}
		return n, nil
	}
	if limit == 0 {
		n, err := count()
		return nil, n, err == nil && n <= serverFewMatches, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, n FROM (SELECT id, name, count(*) OVER () AS n FROM (`+matches+`) m) w
		ORDER BY name, id LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, false, internal("find holders", err)
	}
	defer rows.Close()
	var ids []int64
	n := -1
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id, &n); err != nil {
			return nil, 0, false, internal("find holders", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, false, internal("find holders", err)
	}
	if n < 0 { // past the last match, or none: how many are there?
		if n, err = count(); err != nil {
			return nil, 0, false, err
		}
	}
	if n > serverFewMatches {
		return nil, 0, false, nil
	}
	return ids, n, true, nil
}
