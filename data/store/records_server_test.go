package store

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/demo"
)

// loadDemo writes a demo of n holders, with its files and projects, into a
// new database, a row at a time or not, and returns the store with what
// the records say after the writes.
func loadDemo(t *testing.T, n int, rows bool) (*DB, string) {
	t.Helper()
	db, err := openTarget(t, newTarget(t), func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	rowAtATime = rows
	defer func() { rowAtATime = false }()
	today := data.DateOf(testNow)
	recs := demo.Generate(n, 11, today)
	demo.AttachFiles(recs)
	if err := db.CreateHolderRecords(ctx, recs); err != nil {
		t.Fatal(err)
	}
	prs := demo.Projects(recs, 11, today)
	if err := db.CreateProjectRecords(ctx, prs); err != nil {
		t.Fatal(err)
	}
	said, err := json.Marshal([]any{recs, prs})
	if err != nil {
		t.Fatal(err)
	}
	return db, string(said)
}

// A server writes a demo's thousands of records a statement for many rows
// (records_server.go), and what it writes is what a row at a time writes:
// every row of every table, the same IDs, the texts and keys the triggers
// derive, the same audit entries (in another order), and the records
// given back the same IDs, versions and times. A few thousand holders
// and a hundred projects fill several batches of each table, and the
// window of service days read ahead.
func TestServerDemoBatchesAsRows(t *testing.T) {
	if !onServer() {
		t.Skip("the batches are a server's: a file writes a row at a time")
	}
	const n = 3000 // 120 projects: over CreateProjectRecords' 100
	batched, saidBatched := loadDemo(t, n, false)
	rows, saidRows := loadDemo(t, n, true)
	if saidBatched != saidRows {
		t.Errorf("the records say other things after a batched write:\n%s", firstDiff(saidBatched, saidRows))
	}
	tables, err := column[string](ctx, rows.sql, "tables", `SELECT table_name::text FROM information_schema.tables
		WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	// What differs by design: the log's order (so its chain), the count
	// of an attention mark's moves (one a statement, not one a row), when
	// the schema was made, and each installation's own seal key.
	queries := map[string]string{
		"audit": `SELECT CASE table_name WHEN 'seal_keys' THEN 'seal_keys ' || op ELSE (to_jsonb(t) - 'id' - 'at' - 'prev' - 'hash')::text END
			FROM audit t ORDER BY 1`,
		"audit_head":       `SELECT chain || ' ' || last_id FROM audit_head ORDER BY 1`,
		"attention_fresh":  `SELECT (to_jsonb(t) - 'gen')::text FROM attention_fresh t ORDER BY 1`,
		"goose_db_version": `SELECT version_id::text FROM goose_db_version ORDER BY 1`,
		"seal_keys":        `SELECT count(*)::text FROM seal_keys`,
	}
	var counted int
	for _, table := range tables {
		q, ok := queries[table]
		if !ok {
			q = `SELECT row_to_json(t)::text FROM ` + table + ` t ORDER BY 1`
		}
		a, err := column[string](ctx, batched.sql, table, q)
		if err != nil {
			t.Fatal(err)
		}
		b, err := column[string](ctx, rows.sql, table, q)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(a, b) {
			t.Errorf("%s: %d rows batched, %d a row at a time; first difference:\n%s", table, len(a), len(b), firstDiff(strings.Join(a, "\n"), strings.Join(b, "\n")))
		}
		counted += len(a)
	}
	if counted < 10*n {
		t.Errorf("only %d rows in all: the demo wrote little", counted)
	}
	// The batched load did write a statement for many rows: an attention
	// mark moves once a statement.
	var movesBatched, movesRows int
	batched.sql.QueryRow(`SELECT sum(gen) FROM attention_fresh`).Scan(&movesBatched)
	rows.sql.QueryRow(`SELECT sum(gen) FROM attention_fresh`).Scan(&movesRows)
	if movesBatched == 0 || movesBatched >= movesRows {
		t.Errorf("the attention marks moved %d times batched, %d a row at a time: not batched?", movesBatched, movesRows)
	}
	for _, db := range []*DB{batched, rows} {
		if k, br, err := db.VerifyAudit(ctx); err != nil || br != nil || k == 0 {
			t.Errorf("audit verify: %d entries, break %+v, %v", k, br, err)
		}
	}
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-200, 0)
	return "  " + a[from:min(i+200, len(a))] + "\nv " + b[from:min(i+200, len(b))]
}

// A record refused in the middle of a load of thousands refuses the whole
// load, named by its number, whether the rules refuse it when it is given
// or the server when its batch is written (a number taken); an earlier
// record's refusal comes first, as a row at a time finds it.
func TestCreateHolderRecordsRefusesInABatch(t *testing.T) {
	const n = 2500
	cases := []struct {
		name  string
		spoil func(db *DB, recs []data.HolderRecord)
		code  string
		row   int
	}{
		{"an invalid certificate", func(_ *DB, recs []data.HolderRecord) { recs[1700].Certificates[0].ExamYear = 1990 }, data.EINVALID, 1701},
		{"a holder without a name", func(_ *DB, recs []data.HolderRecord) { recs[1234].Holder.Name = " " }, data.EINVALID, 1235},
		{"a management number twice", func(_ *DB, recs []data.HolderRecord) {
			recs[1999].Certificates[0].MNo = recs[1500].Certificates[0].MNo
		}, data.ECONFLICT, 2000},
		{"a saved ID number", func(db *DB, recs []data.HolderRecord) {
			h := recs[1200].Holder
			mustCreateHolder(t, db, &h)
		}, data.ECONFLICT, 1201},
		{"a saved ID number before an invalid record", func(db *DB, recs []data.HolderRecord) {
			h := recs[1200].Holder
			mustCreateHolder(t, db, &h)
			recs[1210].Certificates[0].ExamYear = 1990
		}, data.ECONFLICT, 1201},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := openTest(t)
			recs := records(t, n)
			c.spoil(db, recs)
			before, _ := db.CountHolders(ctx, data.HolderFilter{})
			err := db.CreateHolderRecords(ctx, recs)
			e := data.AsError(err)
			if e == nil || e.Code != c.code || e.Args["Row"] != c.row {
				t.Fatalf("err = %v (%+v), want %s naming record %d", err, e, c.code, c.row)
			}
			var holders, certs int
			db.sql.QueryRow(`SELECT count(*) FROM holders`).Scan(&holders)
			db.sql.QueryRow(`SELECT count(*) FROM certificates`).Scan(&certs)
			if holders != before || certs != 0 {
				t.Errorf("%d holders, %d certificates after a refused load (%d holders before)", holders, certs, before)
			}
		})
	}
}

// A project record refused among a hundred and more (a day of over 24
// hours, counted with the records before it in the load) refuses them
// all, named by its number.
func TestCreateProjectRecordsRefusesInABatch(t *testing.T) {
	db := openTest(t)
	recs := records(t, 300)
	if err := db.CreateHolderRecords(ctx, recs); err != nil {
		t.Fatal(err)
	}
	day := data.NewDate(2026, time.March, 2)
	var prs []data.ProjectRecord
	for i := range 150 {
		h := recs[i%50].Holder.ID
		prs = append(prs, data.ProjectRecord{
			Project:      data.Project{Name: "项目" + strconv.Itoa(i), Org: "测试机构", StartOn: data.NewDate(2026, time.January, 1)},
			Participants: []int64{h},
			Records:      []data.ServiceRecord{{HolderID: h, Date: day, Content: "入户探访", Hours: data.WholeHours(7)}},
		})
	}
	// Holder 0 is in projects 0, 50 and 100 (3 × 7 h); a fourth record of
	// 7 h on that day in project 140 is over.
	prs[140].Participants = append(prs[140].Participants, recs[0].Holder.ID)
	prs[140].Records = append(prs[140].Records, data.ServiceRecord{HolderID: recs[0].Holder.ID, Date: day, Content: "个案面谈", Hours: data.WholeHours(7)})
	err := db.CreateProjectRecords(ctx, prs)
	if e := data.AsError(err); e == nil || e.Args["Row"] != 141 {
		t.Fatalf("err = %v, want a refusal naming record 141", err)
	}
	var projects, services int
	db.sql.QueryRow(`SELECT count(*) FROM projects`).Scan(&projects)
	db.sql.QueryRow(`SELECT count(*) FROM service_records`).Scan(&services)
	if projects != 0 || services != 0 {
		t.Errorf("%d projects, %d service records after a refused load", projects, services)
	}
	prs[140].Records = prs[140].Records[:1]
	if err := db.CreateProjectRecords(ctx, prs); err != nil {
		t.Fatal(err)
	}
	db.sql.QueryRow(`SELECT count(*) FROM service_records`).Scan(&services)
	if services != 150 {
		t.Errorf("%d service records, want 150", services)
	}
}
