package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/pgtest"
)

// whoWrites is the name the log gives the tests' writes: the OS user on a
// file, the login role on the server.
func whoWrites(t *testing.T, db *DB) string {
	t.Helper()
	if !onServer() {
		return osUser()
	}
	var u string
	if err := db.sql.QueryRow(`SELECT session_user::text`).Scan(&u); err != nil {
		t.Fatal(err)
	}
	return u
}

func auditAll(t *testing.T, db *DB, f data.AuditFilter) []data.AuditEntry {
	t.Helper()
	f.Limit = 10000
	es, err := db.AuditEntries(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func mustVerify(t *testing.T, db *DB) int {
	t.Helper()
	n, br, err := db.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if br != nil {
		t.Fatalf("the log of legitimate writes is broken at %+v", *br)
	}
	return n
}

func field(t *testing.T, row, name string) any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(row), &m); err != nil {
		t.Fatalf("row %q: %v", row, err)
	}
	return m[name]
}

// The store's writes of a holder and a certificate leave entries naming
// the writer, the row, the holder and the fields before and after; the
// holder's history lists them, newest first, and the chain is whole.
func TestAuditRecordsTheStoresWrites(t *testing.T) {
	db := openTest(t)
	who := whoWrites(t, db)
	h := mustCreateHolder(t, db, holder("张伟", "11010519491231002X"))
	h.Org = "希望社工"
	if err := db.UpdateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	c := cert(h.ID, "SW2021AB", data.NewDate(2021, time.September, 1))
	if err := db.CreateCertificate(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteCertificate(ctx, c.ID); err != nil { // outside a transaction
		t.Fatal(err)
	}

	es := auditAll(t, db, data.AuditFilter{HolderID: h.ID})
	var got []string
	for _, e := range es {
		got = append(got, e.Table+" "+e.Op)
		if e.Who != who || e.RowID == "" || e.Hash == "" || e.At.IsZero() {
			t.Errorf("entry %+v: want who %q, a row, a hash and a time", e, who)
		}
	}
	want := []string{"certificates delete", "certificates insert", "holders update", "holders insert"}
	if !slices.Equal(got, want) {
		t.Fatalf("history of the holder: %v, want %v", got, want)
	}
	upd := es[2]
	if upd.RowID != fmt.Sprint(h.ID) || field(t, upd.Before, "org") != "阳光社工服务中心" || field(t, upd.After, "org") != "希望社工" {
		t.Errorf("update entry: row %s, before %s, after %s", upd.RowID, upd.Before, upd.After)
	}
	changes := upd.Changes()
	if len(changes) != 1 || changes[0] != (data.AuditChange{Field: "org", Before: "阳光社工服务中心", After: "希望社工"}) {
		t.Errorf("changes of the update: %+v", changes)
	}
	if es[0].After != "" || field(t, es[0].Before, "mno") != "SW2021AB" || es[3].Before != "" {
		t.Errorf("delete %+v / insert %+v: a delete has no after, an insert no before", es[0], es[3])
	}
	// The ID number is kept as the row holds it, and shown masked.
	for _, ch := range es[3].Changes() {
		if ch.Field == "id_number" && ch.After != "110105********002X" {
			t.Errorf("id_number shown as %q", ch.After)
		}
		if ch.Field == "phone" && ch.After != "138****8000" {
			t.Errorf("phone shown as %q", ch.After)
		}
	}
	if n := mustVerify(t, db); n < 4 {
		t.Errorf("verified %d entries, want at least the 4 above", n)
	}
	if es := auditAll(t, db, data.AuditFilter{Who: "nobody-at-all"}); len(es) != 0 {
		t.Errorf("entries of a user who wrote nothing: %d", len(es))
	}
	if es := auditAll(t, db, data.AuditFilter{Who: who, HolderID: h.ID}); len(es) != 4 {
		t.Errorf("entries of %s for the holder: %d, want 4", who, len(es))
	}
	if es := auditAll(t, db, data.AuditFilter{Since: data.NewDate(2999, 1, 1)}); len(es) != 0 {
		t.Errorf("entries since 2999: %d", len(es))
	}
	if es := auditAll(t, db, data.AuditFilter{Since: data.NewDate(2000, 1, 1), HolderID: h.ID}); len(es) != 4 {
		t.Errorf("entries since 2000: %d, want 4", len(es))
	}
}

// behind is every kind of write to every logged table, in SQL, behind
// the store's back (as psql, or a write outside a transaction): inserts,
// updates, then deletes, children first.
var behind = []string{
	`INSERT INTO holders (name, id_type, id_number, created_at, updated_at) VALUES ('Audit', 'other', 'AUD1', 't', 't')`,
	`INSERT INTO certificates (holder_id, level, mno, exam_year, passed_on, issued_on, status, created_at, updated_at)
		SELECT id, 'senior', 'MNO-AUD1', 2021, '2021-06-20', '2021-09-01', 'valid', 't', 't' FROM holders WHERE id_number = 'AUD1'`,
	`INSERT INTO annotations (cert_id, scene, days, applied_at, created_at, updated_at) SELECT id, 'hospital', 30, '2024-05-01', 't', 't' FROM certificates WHERE mno = 'MNO-AUD1'`,
	`INSERT INTO registrations (cert_id, kind, status, created_at, updated_at) SELECT id, 'first', 'pending', 't', 't' FROM certificates WHERE mno = 'MNO-AUD1'`,
	`INSERT INTO paper (cert_id, method, status, proxy_id_number, created_at, updated_at) SELECT id, 'mail', 'applied', 'P1', 't', 't' FROM certificates WHERE mno = 'MNO-AUD1'`,
	`INSERT INTO mail_forms (cert_id, sex, recipient, phone, province, city, district, address, postcode, fee, created_at, updated_at)
		SELECT id, 'female', 'Zhang', '13800138000', 'GD', 'SZ', 'NS', 'Road 1', '518000', 'prepaid', 't', 't' FROM certificates WHERE mno = 'MNO-AUD1'`,
	`INSERT INTO ce_records (holder_id, kind, title, date, tenths, review, created_at, updated_at) SELECT id, 'training', 'Ethics', '2024-04-01', 75, 'pending', 't', 't' FROM holders WHERE id_number = 'AUD1'`,
	`INSERT INTO ce_proofs (record_id, name, sha256, size, type, created_at) SELECT id, 'a.pdf', '` + strings.Repeat("1", 64) + `', 10, 'application/pdf', 't' FROM ce_records WHERE title = 'Ethics'`,
	`INSERT INTO profiles (holder_id, created_at, updated_at) SELECT id, 't', 't' FROM holders WHERE id_number = 'AUD1'`,
	`INSERT INTO photos (holder_id, name, sha256, size, type, width, height, created_at) SELECT id, 'me.jpg', '` + strings.Repeat("2", 64) + `', 1000, 'image/jpeg', 295, 413, 't' FROM holders WHERE id_number = 'AUD1'`,
	`INSERT INTO transfers (holder_id, applied_on, to_org, status, created_at, updated_at) SELECT id, '2024-01-01', 'Hope Centre', 'pending', 't', 't' FROM holders WHERE id_number = 'AUD1'`,
	`INSERT INTO work_history (holder_id, org, start_on, created_at, updated_at) SELECT id, 'Hope Centre', '2024-02-01', 't', 't' FROM holders WHERE id_number = 'AUD1'`,
	`INSERT INTO work_proofs (work_id, name, sha256, size, type, created_at) SELECT id, 'c.pdf', '` + strings.Repeat("3", 64) + `', 10, 'application/pdf', 't' FROM work_history WHERE org = 'Hope Centre'`,
	`INSERT INTO honours (holder_id, title, date, level, created_at, updated_at) SELECT id, 'Model Worker', '2023-05-01', 'city', 't', 't' FROM holders WHERE id_number = 'AUD1'`,
	`INSERT INTO honour_proofs (honour_id, name, sha256, size, type, created_at) SELECT id, 'd.pdf', '` + strings.Repeat("4", 64) + `', 10, 'application/pdf', 't' FROM honours WHERE title = 'Model Worker'`,
	`INSERT INTO projects (name, org, start_on, created_at, updated_at) VALUES ('Elderly care', 'Hope', '2024-01-01', 't', 't')`,
	`INSERT INTO participants (project_id, holder_id, joined_at) SELECT p.id, h.id, 't' FROM projects p, holders h WHERE p.name = 'Elderly care' AND h.id_number = 'AUD1'`,
	`INSERT INTO service_records (project_id, holder_id, date, content, tenths, created_at, updated_at)
		SELECT p.id, h.id, '2024-02-01', 'Visits', 30, 't', 't' FROM projects p, holders h WHERE p.name = 'Elderly care' AND h.id_number = 'AUD1'`,
	`INSERT INTO seal_keys (kid, name, own, public_key, created_at, updated_at) VALUES ('audit-kid', 'theirs', 0, ` + blob32 + `, 't', 't')`,

	`UPDATE holders SET org = 'Dawn' WHERE id_number = 'AUD1'`,
	`UPDATE certificates SET status = 'revoked' WHERE mno = 'MNO-AUD1'`,
	`UPDATE annotations SET completed_at = '2024-05-02'`,
	`UPDATE registrations SET region = 'Shenzhen'`,
	`UPDATE paper SET status = 'shipped'`,
	`UPDATE mail_forms SET city = 'GZ'`,
	`UPDATE ce_records SET review = 'approved'`,
	`UPDATE ce_proofs SET name = 'a2.pdf'`,
	`UPDATE profiles SET sex = 'male'`,
	`UPDATE photos SET name = 'me2.jpg'`,
	`UPDATE transfers SET from_org = 'Sun'`,
	`UPDATE work_history SET position = 'Lead'`,
	`UPDATE work_proofs SET name = 'c2.pdf'`,
	`UPDATE honours SET level = 'province'`,
	`UPDATE honour_proofs SET name = 'd2.pdf'`,
	`UPDATE projects SET org = 'Dawn'`,
	`UPDATE participants SET joined_at = 'u'`,
	`UPDATE service_records SET content = 'Calls'`,
	`UPDATE seal_keys SET name = 'theirs2' WHERE kid = 'audit-kid'`,

	`DELETE FROM service_records`,
	`DELETE FROM participants`,
	`DELETE FROM projects`,
	`DELETE FROM honour_proofs`,
	`DELETE FROM honours`,
	`DELETE FROM work_proofs`,
	`DELETE FROM work_history`,
	`DELETE FROM transfers`,
	`DELETE FROM photos`,
	`DELETE FROM profiles`,
	`DELETE FROM ce_proofs`,
	`DELETE FROM ce_records`,
	`DELETE FROM mail_forms`,
	`DELETE FROM paper`,
	`DELETE FROM registrations`,
	`DELETE FROM annotations`,
	`DELETE FROM certificates`,
	`DELETE FROM holders`,
	`DELETE FROM seal_keys WHERE kid = 'audit-kid'`,
}

var blob32 = "X'" + strings.Repeat("ab", 32) + "'"

// Every insert, update and delete of every logged table, written behind
// the store's back, leaves its entry with the row before and after, with
// the holder where there is one; the log of those writes verifies whole.
func TestAuditEveryKindOfWrite(t *testing.T) {
	db := openTest(t)
	start := len(auditAll(t, db, data.AuditFilter{}))
	for _, q := range behind {
		if onServer() {
			q = blobLiteral.ReplaceAllString(q, `'\x$1'`)
		}
		if _, err := db.sql.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	es := auditAll(t, db, data.AuditFilter{})
	slices.Reverse(es)
	es = es[start:]
	seen := map[string]data.AuditEntry{}
	for _, e := range es {
		seen[e.Table+" "+e.Op] = e
		if (e.Op == data.AuditInsert) != (e.Before == "") || (e.Op == data.AuditDelete) != (e.After == "") {
			t.Errorf("%s %s: before %q, after %q", e.Table, e.Op, e.Before, e.After)
		}
	}
	for _, table := range data.AuditTables {
		for _, op := range []string{data.AuditInsert, data.AuditUpdate, data.AuditDelete} {
			e, ok := seen[table+" "+op]
			if !ok {
				t.Errorf("no entry of %s %s", op, table)
				continue
			}
			if table != "projects" && table != "seal_keys" && e.HolderID == 0 {
				t.Errorf("%s %s: no holder", table, op)
			}
		}
	}
	// One entry a write: no entry for the search text the triggers keep.
	if len(es) != len(behind) {
		t.Errorf("%d entries for %d writes", len(es), len(behind))
	}
	if ch := seen["seal_keys insert"].After; strings.Contains(ch, "private_key") || !strings.Contains(ch, strings.Repeat("AB", 32)) {
		t.Errorf("a seal key is logged as %s: its public half in hex, never its private one", ch)
	}
	mustVerify(t, db)
}

// What is deleted with a holder, or with a certificate, is logged under
// the holder, grandchildren too (a certificate's annotations, a CE
// record's proofs): `swcert audit --holder ID` shows all that went.
// Before 00021 the cascade found the parent gone and logged no holder.
func TestAuditNamesTheHolderOfWhatACascadeDeletes(t *testing.T) {
	db := openTest(t)
	var inserts []string
	for _, q := range behind {
		if strings.HasPrefix(q, "UPDATE") {
			break
		}
		if onServer() {
			q = blobLiteral.ReplaceAllString(q, `'\x$1'`)
		}
		inserts = append(inserts, q)
	}
	deleted := func(q string) map[string]int64 {
		t.Helper()
		for _, q := range inserts {
			if _, err := db.sql.Exec(q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		var holder int64
		if err := db.sql.QueryRow(`SELECT id FROM holders WHERE id_number = 'AUD1'`).Scan(&holder); err != nil {
			t.Fatal(err)
		}
		start := len(auditAll(t, db, data.AuditFilter{}))
		if _, err := db.sql.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		es := auditAll(t, db, data.AuditFilter{})
		slices.Reverse(es)
		got := map[string]int64{}
		for _, e := range es[start:] {
			if e.Op == data.AuditDelete {
				got[e.Table] = e.HolderID
				if e.HolderID != holder {
					t.Errorf("%s: %s deleted, logged under holder %d, want %d", q, e.Table, e.HolderID, holder)
				}
			}
		}
		return got
	}
	got := deleted(`DELETE FROM certificates WHERE mno = 'MNO-AUD1'`)
	for _, table := range []string{"certificates", "annotations", "registrations", "paper", "mail_forms"} {
		if _, ok := got[table]; !ok {
			t.Errorf("deleting a certificate: no entry of its %s", table)
		}
	}
	if _, err := db.sql.Exec(`DELETE FROM seal_keys WHERE kid = 'audit-kid'; DELETE FROM holders; DELETE FROM projects`); err != nil {
		t.Fatal(err)
	}
	got = deleted(`DELETE FROM holders WHERE id_number = 'AUD1'`)
	for _, table := range data.AuditTables {
		if _, ok := got[table]; !ok && table != "projects" && table != "seal_keys" {
			t.Errorf("deleting a holder: no entry of their %s", table)
		}
	}
	mustVerify(t, db)
}

// tamper runs q on the log behind the store's back. On a file the
// guarding triggers go first (the owner of a file can drop them); on the
// server the tests are the owner, whom the guard lets through.
func tamper(t *testing.T, db *DB, q string, args ...any) {
	t.Helper()
	if !onServer() {
		for _, g := range []string{"audit_sealed_update", "audit_sealed_delete"} {
			if _, err := db.sql.Exec(`DROP TRIGGER IF EXISTS ` + g); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := db.sql.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func auditedHolders(t *testing.T, db *DB, n int) {
	t.Helper()
	for i := range n {
		h := holder(fmt.Sprint("持证人", i), fmt.Sprintf("E%07d", i))
		h.IDType = data.IDPassport
		mustCreateHolder(t, db, h)
		h.Org = "改"
		if err := db.UpdateHolder(ctx, h); err != nil {
			t.Fatal(err)
		}
	}
}

func wantBreak(t *testing.T, db *DB, want data.AuditBreak) {
	t.Helper()
	_, br, err := db.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if br == nil || *br != want {
		t.Errorf("verify found %+v, want %+v", br, want)
	}
}

// One entry's after text changed in SQL: verify names that entry.
func TestAuditVerifyNamesAnAlteredEntry(t *testing.T) {
	db := openTest(t)
	auditedHolders(t, db, 3)
	n := mustVerify(t, db)
	var id int64
	if err := db.sql.QueryRow(`SELECT id FROM audit WHERE table_name = 'holders' AND op = 'update' ORDER BY id LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	tamper(t, db, `UPDATE audit SET after_row = replace(after_row, '改', '原') WHERE id = ?`, id)
	wantBreak(t, db, data.AuditBreak{ID: id, Reason: data.AuditAltered})
	if id >= int64(n) {
		t.Fatalf("entry %d is not in the middle of %d", id, n)
	}
}

// An entry removed from the middle, or the newest removed: verify says
// which is missing.
func TestAuditVerifyFindsARemovedEntry(t *testing.T) {
	db := openTest(t)
	auditedHolders(t, db, 3)
	n := int64(mustVerify(t, db))
	tamper(t, db, `DELETE FROM audit WHERE id = ?`, n)
	wantBreak(t, db, data.AuditBreak{ID: n, Reason: data.AuditMissing})
	tamper(t, db, `DELETE FROM audit WHERE id = 3`)
	wantBreak(t, db, data.AuditBreak{ID: 3, Reason: data.AuditMissing})
}

// An entry's hash recomputed after altering it does not mend the chain:
// the next entry no longer follows it.
func TestAuditVerifyFindsARecomputedEntry(t *testing.T) {
	db := openTest(t)
	auditedHolders(t, db, 2)
	mustVerify(t, db)
	e := auditAll(t, db, data.AuditFilter{})
	slices.Reverse(e)
	x := e[1]
	x.Who = "someone-else"
	var at string
	if err := db.sql.QueryRow(`SELECT at FROM audit WHERE id = ?`, x.ID).Scan(&at); err != nil {
		t.Fatal(err)
	}
	b, a := &x.Before, &x.After
	if x.Before == "" {
		b = nil
	}
	h := data.AuditHash(x.Prev, x.ID, at, x.Who, x.Table, x.RowID, x.Op, b, a)
	tamper(t, db, `UPDATE audit SET who = ?, hash = ? WHERE id = ?`, x.Who, h, x.ID)
	wantBreak(t, db, data.AuditBreak{ID: e[2].ID, Reason: data.AuditOutOfOrder})
}

// On a file, a sealed entry is not changed by a plain UPDATE or DELETE.
func TestAuditSealedEntriesRefuseSQL(t *testing.T) {
	fileOnly(t, "the server's guard is tested with a role of its own")
	db := openTest(t)
	auditedHolders(t, db, 1)
	for _, q := range []string{`UPDATE audit SET who = 'x'`, `DELETE FROM audit`} {
		if _, err := db.sql.Exec(q); err == nil || !strings.Contains(err.Error(), "audit entries are not changed") {
			t.Errorf("%s: %v", q, err)
		}
	}
	mustVerify(t, db)
}

// On the server a role granted the record tables, and not the log, writes
// holders (its entries carry its name) and is refused any change to the
// log, even when granted it by mistake (the guard).
func TestAuditServerRoles(t *testing.T) {
	if !onServer() {
		t.Skip("roles are the server's")
	}
	target := newTarget(t)
	db, err := openTarget(t, target, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	role := fmt.Sprintf("editor_%d", time.Now().UnixNano())
	var dbName string
	if err := db.sql.QueryRow(`SELECT current_database()`).Scan(&dbName); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE ROLE ` + role + ` LOGIN`,
		`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ` + role,
		`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ` + role,
		`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit, audit_head FROM ` + role,
	} {
		if _, err := db.sql.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		db.sql.Exec(`DROP OWNED BY ` + role)
		db.sql.Exec(`DROP ROLE ` + role)
	})
	as, err := sql.Open("pgx", pgtest.Shared(t).DSN(dbName, role))
	if err != nil {
		t.Fatal(err)
	}
	defer as.Close()
	if _, err := as.Exec(`INSERT INTO holders (name, id_type, id_number, created_at, updated_at) VALUES ('Editor', 'other', 'ED1', 't', 't')`); err != nil {
		t.Fatalf("the editor writes a holder: %v", err)
	}
	if _, err := as.Exec(`UPDATE holders SET org = 'Dawn' WHERE id_number = 'ED1'`); err != nil {
		t.Fatal(err)
	}
	es := auditAll(t, db, data.AuditFilter{Who: role})
	if len(es) != 2 || es[0].Op != data.AuditUpdate || es[1].Op != data.AuditInsert {
		t.Fatalf("the editor's entries: %+v", es)
	}
	for _, q := range []string{`UPDATE audit SET who = 'x'`, `DELETE FROM audit`, `TRUNCATE audit`,
		`INSERT INTO audit (id, table_name, row_id, op) VALUES (999, 'holders', '1', 'insert')`, `UPDATE audit_head SET last_id = 0`} {
		if _, err := as.Exec(q); err == nil || !isRefused(err) {
			t.Errorf("the editor ran %s: %v", q, err)
		}
	}
	// Granted the log by mistake, the editor still changes nothing: row-level
	// security (00023) lets no login's UPDATE or DELETE see an entry, and
	// the guard refuses one that would.
	if _, err := db.sql.Exec(`GRANT UPDATE, DELETE ON audit TO ` + role); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`UPDATE audit SET who = 'x'`, `DELETE FROM audit`} {
		res, err := as.Exec(q)
		if err == nil {
			if n, _ := res.RowsAffected(); n != 0 {
				t.Errorf("the editor, granted the log, ran %s: %d entries", q, n)
			}
		} else if !isRefused(err) {
			t.Errorf("the editor, granted the log, ran %s: %v", q, err)
		}
	}
	mustVerify(t, db)
}

// The triggers mask ID and phone numbers as the rules of data/ do: the
// log holds no number in full.
func TestAuditMasksAsTheRules(t *testing.T) {
	db := openTest(t)
	cases := []struct{ id, phone string }{
		{"11010519491231002X", "13800138000"}, {"H12345678901234", "1380013"}, {"AB1234", "13800138"},
		{"ABCDE", ""}, {"ABCD", "8"}, {"A", "+85291234567"},
	}
	for i, c := range cases {
		if _, err := db.sql.Exec(`INSERT INTO holders (name, id_type, id_number, phone, created_at, updated_at) VALUES (?, 'other', ?, ?, 't', 't')`,
			fmt.Sprint("M", i), c.id, c.phone); err != nil {
			t.Fatal(err)
		}
	}
	es := auditAll(t, db, data.AuditFilter{})
	slices.Reverse(es)
	for i, c := range cases {
		e := es[len(es)-len(cases)+i]
		if got, want := field(t, e.After, "id_number"), data.MaskIDNumber(c.id); got != want {
			t.Errorf("ID number %q logged as %q, want %q", c.id, got, want)
		}
		if got, want := field(t, e.After, "phone"), data.MaskPhone(c.phone); got != want {
			t.Errorf("phone %q logged as %q, want %q", c.phone, got, want)
		}
		if strings.Contains(e.After, c.id) && len(c.id) > 4 {
			t.Errorf("the log holds %s in full: %s", c.id, e.After)
		}
	}
}

// Demo holders and their records are not logged (fake people, a million
// rows in a large demo); a holder made demo, or made real, is.
func TestAuditLeavesDemoDataOut(t *testing.T) {
	db := openTest(t)
	start := len(auditAll(t, db, data.AuditFilter{}))
	if _, err := db.sql.Exec(`INSERT INTO holders (name, id_type, id_number, demo, created_at, updated_at) VALUES ('Demo', 'other', 'DEMO1', 1, 't', 't')`); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO certificates (holder_id, level, mno, exam_year, passed_on, issued_on, status, created_at, updated_at)
			SELECT id, 'senior', 'MNO-DEMO1', 2021, '2021-06-20', '2021-09-01', 'valid', 't', 't' FROM holders WHERE id_number = 'DEMO1'`,
		`INSERT INTO annotations (cert_id, scene, days, applied_at, created_at, updated_at) SELECT id, 'hospital', 30, '2024-05-01', 't', 't' FROM certificates WHERE mno = 'MNO-DEMO1'`,
		`UPDATE holders SET org = 'Demo org' WHERE id_number = 'DEMO1'`,
	} {
		if _, err := db.sql.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if es := auditAll(t, db, data.AuditFilter{}); len(es) != start {
		t.Fatalf("a demo holder's writes logged: %+v", es[:len(es)-start])
	}
	if _, err := db.sql.Exec(`UPDATE holders SET demo = 0 WHERE id_number = 'DEMO1'`); err != nil {
		t.Fatal(err)
	}
	es := auditAll(t, db, data.AuditFilter{})
	if len(es) != start+1 || es[0].Table != "holders" || field(t, es[0].Before, "demo") != float64(1) || field(t, es[0].After, "demo") != float64(0) {
		t.Fatalf("a demo holder made real: %+v", es[:len(es)-start])
	}
	mustVerify(t, db)
}
