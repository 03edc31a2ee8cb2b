package store

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
)

var (
	ctx     = context.Background()
	testNow = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
)

func openTest(t testing.TB) *DB {
	t.Helper()
	db, err := openTarget(t, newTarget(t), func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func holder(name, id string) *data.Holder {
	return &data.Holder{Name: name, IDNumber: id, Phone: "138 0013 8000", Org: "阳光社工服务中心"}
}

func cert(holderID int64, mno string, issued data.Date) *data.Certificate {
	return &data.Certificate{HolderID: holderID, Level: data.LevelSocialWorker, MNo: mno, ExamYear: issued.Year() - 1,
		PassedOn: data.NewDate(issued.Year()-1, time.September, 20), IssuedOn: issued, Issuer: data.DefaultIssuer}
}

func mustCreateHolder(t *testing.T, db *DB, h *data.Holder) *data.Holder {
	t.Helper()
	if err := db.CreateHolder(ctx, h); err != nil {
		t.Fatalf("create %s: %v", h.Name, err)
	}
	return h
}

func TestOpenSetsPragmasAndMigrates(t *testing.T) {
	db := openTest(t)
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "5000"} {
		if onServer() {
			break // a file's
		}
		var got string
		if err := db.sql.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil || got != want {
			t.Errorf("PRAGMA %s = %q (%v), want %q", pragma, got, err, want)
		}
	}
	var version int
	if err := db.sql.QueryRow(`SELECT max(version_id) FROM goose_db_version`).Scan(&version); err != nil || version < 1 {
		t.Errorf("goose version = %d (%v)", version, err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := newTarget(t)
	db, err := openTarget(t, path, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	db.Close()
	db, err = openTarget(t, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := db.Holder(ctx, h.ID)
	if err != nil || got.Name != "张三" {
		t.Fatalf("after reopen: %+v, %v", got, err)
	}
}

func TestCreateHolderNormalizesAndStamps(t *testing.T) {
	db := openTest(t)
	h := mustCreateHolder(t, db, holder("  张  三 ", "11010519491231002x"))
	got, err := db.Holder(ctx, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "张 三" || got.IDNumber != "11010519491231002X" || got.Phone != "13800138000" || got.IDType != data.IDResident {
		t.Errorf("stored %+v", got)
	}
	if !got.CreatedAt.Equal(testNow) || !got.UpdatedAt.Equal(testNow) {
		t.Errorf("timestamps %v %v, want the store's clock %v", got.CreatedAt, got.UpdatedAt, testNow)
	}
}

func TestInvalidHolderSavesNothing(t *testing.T) {
	db := openTest(t)
	for _, h := range []*data.Holder{
		holder("", "11010519491231002X"),
		holder("张三", "110105194912310021"), // wrong check character
		{Name: "张三", IDNumber: "11010519491231002X", Phone: "12345"},
	} {
		err := db.CreateHolder(ctx, h)
		if data.ErrorCode(err) != data.EINVALID {
			t.Errorf("%+v: err = %v, want invalid", h, err)
		}
	}
	if n, _ := db.CountHolders(ctx, data.HolderFilter{}); n != 0 {
		t.Errorf("%d holders saved from invalid input", n)
	}
}

func TestDuplicatesRefused(t *testing.T) {
	db := openTest(t)
	a := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	err := db.CreateHolder(ctx, holder("李四", "11010519491231002x"))
	if e := data.AsError(err); e == nil || e.Code != data.ECONFLICT || e.Key != "err.duplicate.id_number" {
		t.Errorf("duplicate ID: %v", err)
	}
	b := mustCreateHolder(t, db, holder("李四", "44030519900101123X"))
	b.IDNumber = a.IDNumber
	if err := db.UpdateHolder(ctx, b); data.ErrorCode(err) != data.ECONFLICT {
		t.Errorf("update to a used ID: %v", err)
	}
	if err := db.CreateCertificate(ctx, cert(a.ID, "2020S1100001", data.NewDate(2021, 1, 5))); err != nil {
		t.Fatal(err)
	}
	err = db.CreateCertificate(ctx, cert(b.ID, "2020s1100001", data.NewDate(2021, 1, 5)))
	if e := data.AsError(err); e == nil || e.Code != data.ECONFLICT || e.Field != "mno" {
		t.Errorf("duplicate mno: %v", err)
	}
	if got, _ := db.Holder(ctx, b.ID); got.IDNumber != "44030519900101123X" {
		t.Errorf("refused update changed the row: %+v", got)
	}
}

func TestUpdateHolder(t *testing.T) {
	db := openTest(t)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	later := testNow.Add(time.Hour)
	db.now = func() time.Time { return later }
	h.Org = "同心社区服务中心"
	if err := db.UpdateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	got, _ := db.Holder(ctx, h.ID)
	if got.Org != "同心社区服务中心" || !got.CreatedAt.Equal(testNow) || !got.UpdatedAt.Equal(later) {
		t.Errorf("after update: %+v", got)
	}
	if err := db.UpdateHolder(ctx, &data.Holder{ID: 999, Name: "X", IDNumber: "11010519491231002X"}); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("update missing: %v", err)
	}
}

func TestDeleteHolderCascades(t *testing.T) {
	db := openTest(t)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	c := cert(h.ID, "2020S1100001", data.NewDate(2021, 1, 5))
	if err := db.CreateCertificate(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteHolder(ctx, h.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Certificate(ctx, c.ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("certificate survived its holder: %v", err)
	}
	if err := db.DeleteHolder(ctx, h.ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("second delete: %v", err)
	}
}

func TestCertificateLifecycle(t *testing.T) {
	db := openTest(t)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	late := cert(h.ID, "2022S1100002", data.NewDate(2022, 12, 1))
	early := cert(h.ID, " 2019z 1100001 ", data.NewDate(2019, 12, 1))
	early.Level = data.LevelAssistant
	for _, c := range []*data.Certificate{late, early} {
		if err := db.CreateCertificate(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	list, err := db.Certificates(ctx, h.ID)
	if err != nil || len(list) != 2 || list[0].MNo != "2019Z1100001" || list[1].ID != late.ID {
		t.Fatalf("list by issue date: %v %v", list, err)
	}
	if list[0].Status != data.StatusValid || !list[0].IssuedOn.Equal(data.NewDate(2019, 12, 1)) {
		t.Errorf("stored %+v", list[0])
	}
	late.Status = data.StatusRevoked
	if err := db.UpdateCertificate(ctx, late); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Certificate(ctx, late.ID); got.Status != data.StatusRevoked {
		t.Errorf("status not saved: %+v", got)
	}
	if err := db.DeleteCertificate(ctx, early.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := db.Certificates(ctx, 0); len(list) != 1 {
		t.Errorf("after delete: %d certificates", len(list))
	}
	if _, err := db.Certificates(ctx, 999); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("certificates of a missing holder: %v", err)
	}
}

func TestInvalidCertificateSavesNothing(t *testing.T) {
	db := openTest(t)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	bad := cert(h.ID, "2020S1100001", data.NewDate(2021, 1, 5))
	bad.IssuedOn = data.NewDate(2020, 1, 1) // before it was passed
	if err := db.CreateCertificate(ctx, bad); data.AsError(err) == nil || data.AsError(err).Field != "issued_on" {
		t.Errorf("issued before passed: %v", err)
	}
	orphan := cert(999, "2020S1100009", data.NewDate(2021, 1, 5))
	if err := db.CreateCertificate(ctx, orphan); data.AsError(err) == nil || data.AsError(err).Field != "holder_id" {
		t.Errorf("missing holder: %v", err)
	}
	if list, _ := db.Certificates(ctx, 0); len(list) != 0 {
		t.Errorf("%d certificates saved from invalid input", len(list))
	}
}

func TestSearchAndPages(t *testing.T) {
	db := openTest(t)
	a := mustCreateHolder(t, db, &data.Holder{Name: "张伟", IDNumber: "11010519491231002X", Org: "阳光社工服务中心"})
	b := mustCreateHolder(t, db, &data.Holder{Name: "李娜", IDNumber: "44030519900101123X", Org: "同心社区服务中心"})
	mustCreateHolder(t, db, &data.Holder{Name: "王芳", IDNumber: "E12345678", IDType: data.IDPassport, Org: "Sunshine 100%"})
	c := cert(b.ID, "2020S4400077", data.NewDate(2021, 1, 5))
	if err := db.CreateCertificate(ctx, c); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		q    string
		want []string
	}{
		{"", []string{"张伟", "李娜", "王芳"}}, // ordered by name (code point)
		{"张", []string{"张伟"}},
		{"002x", []string{"张伟"}},          // ID number, any case
		{"4400077", []string{"李娜"}},       // a certificate's management number
		{"社区 同心", []string{"李娜"}},         // every word, any order
		{"sunshine 100%", []string{"王芳"}}, // % is a plain character
		{"_", nil},
		{"无此人", nil},
	}
	for _, tc := range cases {
		f := data.HolderFilter{Search: tc.q}
		got, err := db.FindHolders(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, h := range got {
			names = append(names, h.Name)
		}
		if len(names) != len(tc.want) || (len(names) > 0 && !equal(names, tc.want)) {
			t.Errorf("search %q = %v, want %v", tc.q, names, tc.want)
		}
		if n, _ := db.CountHolders(ctx, f); n != len(tc.want) {
			t.Errorf("count %q = %d, want %d", tc.q, n, len(tc.want))
		}
	}
	// The search follows changed management numbers and names.
	c.MNo = "2021S4400088"
	if err := db.UpdateCertificate(ctx, c); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.CountHolders(ctx, data.HolderFilter{Search: "4400077"}); n != 0 {
		t.Errorf("old management number still found")
	}
	if n, _ := db.CountHolders(ctx, data.HolderFilter{Search: "4400088"}); n != 1 {
		t.Errorf("new management number not found")
	}
	a.Name = "张卫"
	if err := db.UpdateHolder(ctx, a); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.CountHolders(ctx, data.HolderFilter{Search: "张卫"}); n != 1 {
		t.Errorf("renamed holder not found")
	}
	if err := db.DeleteCertificate(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.CountHolders(ctx, data.HolderFilter{Search: "4400088"}); n != 0 {
		t.Errorf("deleted certificate still found")
	}
}

func equal(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

func TestPagesAreStableAndComplete(t *testing.T) {
	db := openTest(t)
	recs := records(t, 120)
	if err := db.CreateHolderRecords(ctx, recs); err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	var prev string
	for off := 0; ; off += 50 {
		page, err := db.FindHolders(ctx, data.HolderFilter{Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		if len(page) > data.DefaultPageSize {
			t.Fatalf("page of %d", len(page))
		}
		for _, h := range page {
			if seen[h.ID] || h.Name < prev {
				t.Fatalf("page at %d repeats or is out of order: %s", off, h.Name)
			}
			seen[h.ID], prev = true, h.Name
		}
	}
	if len(seen) != 120 {
		t.Errorf("pages held %d holders, want 120", len(seen))
	}
}

// records are valid holders with one certificate each, made by hand so this
// package's tests do not depend on the demo generator.
func records(t testing.TB, n int) []data.HolderRecord {
	t.Helper()
	recs := make([]data.HolderRecord, n)
	for i := range recs {
		first17 := "110105" + data.NewDate(1970, 1, 1).AddDays(i).Time().Format("20060102") + "123"
		recs[i] = data.HolderRecord{
			Holder:       data.Holder{Name: string(rune('甲'+i%500)) + string(rune('一'+i%97)), IDNumber: first17 + string(data.IDCheckChar(first17)), Org: "测试机构"},
			Certificates: []data.Certificate{*cert(0, "2019Z11"+strconv.Itoa(100000+i), data.NewDate(2020, 1, 6))},
		}
	}
	return recs
}

func TestCreateHolderRecordsAllOrNothing(t *testing.T) {
	db := openTest(t)
	recs := records(t, 5)
	recs[3].Certificates[0].MNo = recs[1].Certificates[0].MNo // a duplicate in record 4
	err := db.CreateHolderRecords(ctx, recs)
	e := data.AsError(err)
	if e == nil || e.Code != data.ECONFLICT || e.Args["Row"] != 4 {
		t.Fatalf("err = %v, want a conflict naming record 4", err)
	}
	if n, _ := db.CountHolders(ctx, data.HolderFilter{}); n != 0 {
		t.Errorf("%d holders saved from a refused batch", n)
	}
	var certs int
	db.sql.QueryRow(`SELECT count(*) FROM certificates`).Scan(&certs)
	if certs != 0 {
		t.Errorf("%d certificates saved from a refused batch", certs)
	}
	if err := db.CreateHolderRecords(ctx, records(t, 5)); err != nil {
		t.Fatal(err)
	}
	list, _ := db.Certificates(ctx, 0)
	if len(list) != 5 || list[0].HolderID == 0 {
		t.Errorf("batch saved %d certificates: %+v", len(list), list)
	}
}

func TestSchemaRefusesWhatRulesRefuse(t *testing.T) {
	// The CHECK constraints are the last line: even SQL written by hand
	// cannot store a bad level or an unknown status.
	db := openTest(t)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	_, err := db.sql.Exec(`INSERT INTO certificates (holder_id, level, mno, exam_year, passed_on, issued_on, status, created_at, updated_at)
		VALUES (?, 'master', 'ABCD1234', 2020, '2020-09-01', '2020-10-01', 'valid', 'x', 'x')`, h.ID)
	if err == nil {
		t.Error("unknown level stored")
	}
	_, err = db.sql.Exec(`INSERT INTO certificates (holder_id, level, mno, exam_year, passed_on, issued_on, status, created_at, updated_at)
		VALUES (?, 'senior', 'ABCD1234', 2020, '2020-09-01', '2020-10-01', 'lost', 'x', 'x')`, h.ID)
	if err == nil {
		t.Error("unknown status stored")
	}
}

func TestSearchSeesWritesOfAnotherProcess(t *testing.T) {
	// The window and the CLI are two processes on one file: the window's
	// search must see what the CLI saved.
	path := newTarget(t)
	clock := func() time.Time { return testNow }
	win, err := openTarget(t, path, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer win.Close()
	mustCreateHolder(t, win, holder("张伟", "11010519491231002X"))
	if n, _ := win.CountHolders(ctx, data.HolderFilter{Search: "李"}); n != 0 {
		t.Fatalf("found %d before the write", n)
	}
	cli, err := openTarget(t, path, clock)
	if err != nil {
		t.Fatal(err)
	}
	b := mustCreateHolder(t, cli, holder("李娜", "44030519900101123X"))
	cli.Close()
	got, err := win.FindHolders(ctx, data.HolderFilter{Search: "李"})
	if err != nil || len(got) != 1 || got[0].ID != b.ID {
		t.Fatalf("after another process saved: %v, %v", got, err)
	}
	if err := win.DeleteHolder(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := win.CountHolders(ctx, data.HolderFilter{Search: "李"}); n != 0 {
		t.Errorf("deleted holder still found")
	}
}

func TestVersionMovesOnEveryCommit(t *testing.T) {
	path := newTarget(t)
	clock := func() time.Time { return testNow }
	win, err := openTarget(t, path, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer win.Close()
	version := func() int64 {
		t.Helper()
		v, err := win.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	v0 := version()
	if _, err := win.snapshot(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if v := version(); v != v0 {
		t.Errorf("a read moved the version: %d → %d", v0, v)
	}
	h := mustCreateHolder(t, win, holder("张伟", "11010519491231002X")) // this process
	v1 := version()
	if v1 == v0 {
		t.Errorf("own write not seen")
	}
	cli, err := openTarget(t, path, clock) // another process
	if err != nil {
		t.Fatal(err)
	}
	v2 := version() // opening may write (migrations are checked)
	h.Org = "朝阳区社工站"
	if err := cli.UpdateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	cli.Close()
	if v := version(); v == v2 {
		t.Errorf("another process's write not seen")
	}
}
