package store

import (
	"database/sql"
	"fmt"
	"slices"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/sheet"
)

// A server's import writes its new rows a batch at a time
// (import_server.go) and the server works out what follows from them a
// statement at a time (migration 00024). Both must leave exactly what the
// same import a row at a time leaves: every table's rows, and the audit's
// entries (in another order: a batch's are the statement's, and the chain
// still verifies).
func TestServerImportBatchesAsRows(t *testing.T) {
	serverOnly(t, "batches a server's import")
	first := benchSheet(t, 2600) // 1,300 holders, 2,600 certificates: batches fill and flush
	second := benchSheet(t, 3000)
	for i, r := range second.Rows {
		switch {
		case i < 2600 && i%7 == 0: // a saved holder moves: the batch before is written first
			r[4] = "新机构"
		case i >= 2600 && i%6 == 1: // a holder new in this sheet moves at their second row
			r[4] = "又一机构"
		case i%5 == 0: // personal information: a profile, for a saved or a new holder
			second.Rows[i] = append(r, "", "", "汉族", "本科", "社会工作")
		}
	}
	second.Header = sheet.TemplateHeader
	dump := func(batched bool) map[string][]string {
		was := batchServerImports
		batchServerImports = batched
		defer func() { batchServerImports = was }()
		db := openTest(t)
		importSheet(t, db, first, data.ImportOptions{})
		res := importSheet(t, db, second, data.ImportOptions{})
		if res.Updated == 0 || res.Imported == 0 {
			t.Fatalf("the second sheet updates and adds: %+v", res)
		}
		if n, brk, err := db.VerifyAudit(ctx); err != nil || brk != nil || n == 0 {
			t.Fatalf("batched %v: audit verify: %d entries, %+v, %v", batched, n, brk, err)
		}
		return serverRows(t, db.sql.DB)
	}
	rows, batches := dump(false), dump(true)
	for _, table := range slices.Sorted(func(yield func(string) bool) {
		for k := range rows {
			if !yield(k) {
				return
			}
		}
	}) {
		if !slices.Equal(rows[table], batches[table]) {
			t.Errorf("%s: %d rows a row at a time, %d in batches; first difference:\n%s", table, len(rows[table]), len(batches[table]),
				firstDifference(rows[table], batches[table]))
		}
	}
	if len(rows["holders"]) != 1500 || len(rows["profiles"]) == 0 || len(rows["audit"]) == 0 {
		t.Errorf("%d holders, %d profiles, %d audit entries", len(rows["holders"]), len(rows["profiles"]), len(rows["audit"]))
	}
}

// serverRows is every row of every table of a server's database as JSON,
// sorted. The rows an import writes name their holder by ID number and
// their certificate by management number instead of by ID: a batch takes
// its IDs from the sequences a thousand at a time, and the ones it does
// not use are a gap, as a rolled-back insert's. Left out too: where in
// the chain an audit entry is (its order is the statement's), and the
// count of the marks of a holder's attention (gen tells only that one
// came: a statement marks a holder once).
func serverRows(t *testing.T, db *sql.DB) map[string][]string {
	t.Helper()
	tables, err := column[string](ctx, db, "tables", `SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()`)
	if err != nil {
		t.Fatal(err)
	}
	const holder, cert = `(SELECT id_number FROM holders WHERE id = x.holder_id)`, `(SELECT mno FROM certificates WHERE id = x.cert_id)`
	byKey := map[string]string{
		"holders":         `to_jsonb(x) - 'id'`,
		"holder_search":   `to_jsonb(x) - 'id' || jsonb_build_object('holder', (SELECT id_number FROM holders WHERE id = x.id))`,
		"certificates":    `to_jsonb(x) - 'id' - 'holder_id' || jsonb_build_object('holder', ` + holder + `)`,
		"profiles":        `to_jsonb(x) - 'holder_id' || jsonb_build_object('holder', ` + holder + `)`,
		"attention_fresh": `to_jsonb(x) - 'holder_id' - 'gen' || jsonb_build_object('holder', ` + holder + `)`,
		"attention":       `to_jsonb(x) - 'holder_id' - 'cert_id' || jsonb_build_object('holder', ` + holder + `, 'cert', ` + cert + `)`,
		"audit": `to_jsonb(x) - 'id' - 'at' - 'prev' - 'hash' - 'row_id' - 'holder_id' - 'before_row' - 'after_row' || jsonb_build_object('holder', ` + holder + `,
			'before', x.before_row::jsonb - 'id' - 'holder_id', 'after', x.after_row::jsonb - 'id' - 'holder_id')`,
	}
	out := map[string][]string{}
	for _, table := range tables {
		switch table {
		case "audit_head", "goose_db_version", "seal_keys":
			continue // where the chain ends (its hash is the order's), and the installation's
		}
		row := `to_jsonb(x)`
		if q, ok := byKey[table]; ok {
			row = q
		}
		from := fmt.Sprintf("%q x", table)
		if table == "audit" {
			from += ` WHERE table_name <> 'seal_keys'`
		}
		rs, err := column[string](ctx, db, table, fmt.Sprintf(`SELECT (%s)::text FROM %s ORDER BY 1`, row, from))
		if err != nil {
			t.Fatal(err)
		}
		out[table] = rs
	}
	return out
}

// firstDifference is the first row of a that b has not, and of b that a
// has not.
func firstDifference(a, b []string) string {
	only := func(a, b []string) string {
		for _, r := range a {
			if _, found := slices.BinarySearch(b, r); !found {
				return r
			}
		}
		return "(none)"
	}
	return "only a row at a time: " + only(a, b) + "\nonly in batches: " + only(b, a)
}

// A refusal the checks of the rows did not foresee, met when a batch is
// written, ends the import with nothing written and names the batch's
// first row: here a certificate's number saved by someone else between
// the import's reading and its writing (a trigger stands in for them).
func TestServerImportBatchRefusalNamesItsRows(t *testing.T) {
	serverOnly(t, "batches a server's import")
	db := openTest(t)
	if _, err := db.sql.ExecContext(ctx, `CREATE FUNCTION refuse_cert() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN IF EXISTS (SELECT FROM added WHERE mno = '2018Z110000700') THEN
			RAISE unique_violation USING TABLE = 'certificates', CONSTRAINT = 'certificates_mno_key'; END IF; RETURN NULL; END $$;
		CREATE TRIGGER refuse_cert AFTER INSERT ON certificates REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION refuse_cert()`); err != nil {
		t.Fatal(err)
	}
	p, err := sheet.Parse(benchSheet(t, 2000))
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.ImportRows(ctx, p.Rows, data.ImportOptions{})
	// Row 1,402 holds the number; its batch began at most batchSize
	// rows before.
	if e := data.AsError(err); e == nil || e.Field != "mno" || e.Args["Row"] == nil || e.Args["Row"].(int) > 1402 || e.Args["Row"].(int) < 1402-batchSize {
		t.Fatalf("import: %#v; want the number's conflict, naming its batch's first row", err)
	}
	if n, err := db.CountHolders(ctx, data.HolderFilter{}); err != nil || n != 0 {
		t.Errorf("%d holders saved, %v; want none", n, err)
	}
}

// holders_audit fires on an update of every column of holders but the
// search text (which the certificates' triggers rewrite, and which the
// audit leaves out): a column added later and not named in its UPDATE OF
// list would change unaudited.
func TestHoldersAuditWatchesEveryColumn(t *testing.T) {
	serverOnly(t, "a server's trigger")
	db := openTest(t)
	var watched, columns []string
	watched, err := column[string](ctx, db.sql.DB, "trigger", `SELECT a.attname::text FROM pg_trigger g
		JOIN pg_attribute a ON a.attrelid = g.tgrelid AND a.attnum = ANY (g.tgattr)
		WHERE g.tgname = 'holders_audit' AND g.tgrelid = 'holders'::regclass ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	columns, err = column[string](ctx, db.sql.DB, "columns", `SELECT attname::text FROM pg_attribute
		WHERE attrelid = 'holders'::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'search' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(watched, columns) {
		t.Errorf("holders_audit watches %v; holders has %v (search aside)", watched, columns)
	}
}
