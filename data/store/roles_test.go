package store

import (
	"context"
	"crypto/ed25519"
	"net/url"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/pgtest"
)

// initServer is a new database on the server, set up by its owner (swcert
// admin init): its URL and the owner's store.
func initServer(t *testing.T) (string, *DB) {
	t.Helper()
	target := newTarget(t)
	owner, err := openTarget(t, target, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { owner.Close() })
	if err := owner.InitRoles(ctx); err != nil {
		t.Fatal(err)
	}
	return target, owner
}

// serverOnly skips, in the file's pass, a test of what only a server has.
func serverOnly(t testing.TB, why string) {
	t.Helper()
	if !onServer() {
		t.Skipf("a server's: %s", why)
	}
}

// as is target's URL for the login name (and password, if any).
func as(t testing.TB, target, name, password string) string {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.User(name)
	if password != "" {
		u.User = url.UserPassword(name, password)
	}
	return u.String()
}

// openAs opens target as the login name, an installation of its own.
func openAs(t testing.TB, target, name string) *DB {
	t.Helper()
	db, err := Open(as(t, target, name, ""), func() time.Time { return testNow }, WithKeyFile(filepath.Join(t.TempDir(), name+".key")))
	if err != nil {
		t.Fatalf("open as %s: %v", name, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func wantKey(t *testing.T, what string, err error, key string) {
	t.Helper()
	if e := data.AsError(err); e == nil || e.Key != key {
		t.Errorf("%s: %v, want %s", what, err, key)
	}
}

// The server enforces the roles and the offices, whatever client writes:
// a viewer's write is refused saying an editor may; an office's editor
// sees and changes its own holders only, and what is due is theirs only;
// only an admin makes logins or trusts keys.
func TestRolesAndOfficesAreTheServers(t *testing.T) {
	serverOnly(t, "roles and offices")
	target, owner := initServer(t)
	if err := owner.InitRoles(ctx); err != nil { // again, after an upgrade
		t.Fatalf("admin init a second time: %v", err)
	}
	for _, l := range []data.StaffLogin{
		{Name: "vera", Role: data.RoleViewer},
		{Name: "pu", Role: data.RoleEditor, Office: "浦东"},
		{Name: "min", Role: data.RoleEditor, Office: "闵行"},
		{Name: "ada", Role: data.RoleAdmin},
	} {
		if err := owner.AddLogin(ctx, l, nil); err != nil {
			t.Fatalf("add %s: %v", l.Name, err)
		}
	}
	wantKey(t, "a login taken", owner.AddLogin(ctx, data.StaffLogin{Name: "vera", Role: data.RoleEditor}, nil), "err.login.taken")

	vera, pu, min, ada := openAs(t, target, "vera"), openAs(t, target, "pu"), openAs(t, target, "min"), openAs(t, target, "ada")
	wantKey(t, "a viewer's new holder", vera.CreateHolder(ctx, holder("张伟", "11010519491231002X")), "err.server.refused_editor")

	a := mustCreateHolder(t, pu, holder("张伟", "11010519491231002X"))
	b := mustCreateHolder(t, min, holder("李娜", "44030519900101123X"))
	if a.Office != "浦东" || b.Office != "闵行" {
		t.Errorf("a new holder's office: %q %q", a.Office, b.Office)
	}
	if err := pu.CreateCertificate(ctx, cert(a.ID, "2019S110001", data.NewDate(2019, 12, 1))); err != nil {
		t.Fatal(err)
	}
	if err := min.CreateCertificate(ctx, cert(b.ID, "2019S440001", data.NewDate(2019, 12, 1))); err != nil {
		t.Fatal(err)
	}
	names := func(db *DB) string {
		hs, err := db.FindHolders(ctx, data.HolderFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range hs {
			out = append(out, h.Name)
		}
		return strings.Join(out, ",")
	}
	for db, want := range map[*DB]string{pu: "张伟", min: "李娜", vera: "张伟,李娜", ada: "张伟,李娜", owner: "张伟,李娜"} {
		if got := names(db); got != want {
			t.Errorf("%s sees %q, want %q", db.user, got, want)
		}
	}
	if _, err := pu.Holder(ctx, b.ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("another office's holder: %v", err)
	}
	other := *b
	other.Org = "浦东的改动"
	if err := pu.UpdateHolder(ctx, &other); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("changing another office's holder: %v", err)
	}
	if got, _ := owner.Holder(ctx, b.ID); got.Org != b.Org {
		t.Errorf("another office's holder was changed: %+v", got)
	}
	// Moving one's holder to another office is refused by the server.
	moved := *a
	moved.Office = "闵行"
	wantKey(t, "moving a holder out of the office", pu.UpdateHolder(ctx, &moved), "err.server.other_office")
	// What is due: each office's own; the whole agency's for the others.
	for db, want := range map[*DB]int{pu: 1, min: 1, vera: 2} {
		items, err := db.Attention(ctx, data.AttentionFilter{}, testNow)
		if err != nil {
			t.Fatal(err)
		}
		holders := map[int64]bool{}
		for _, it := range items {
			holders[it.HolderID] = true
		}
		if len(holders) != want {
			t.Errorf("%s: items of %d holders, want %d", db.user, len(holders), want)
		}
	}
	// Logins and keys are an admin's.
	wantKey(t, "an editor's new login", pu.AddLogin(ctx, data.StaffLogin{Name: "eve", Role: data.RoleAdmin}, nil), "err.server.refused_admin")
	if err := ada.AddLogin(ctx, data.StaffLogin{Name: "zhao", Role: data.RoleEditor, Office: "浦东"}, nil); err != nil {
		t.Errorf("an admin's new login: %v", err)
	}
	pub, _, _ := ed25519.GenerateKey(nil)
	k := &data.SealKey{KID: data.KeyID(pub), Name: "民政局", Public: pub}
	wantKey(t, "a viewer trusting a key", vera.TrustKey(ctx, k), "err.server.refused_admin")
	if err := ada.TrustKey(ctx, k); err != nil {
		t.Errorf("an admin trusting a key: %v", err)
	}
	logins, err := ada.Logins(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range logins {
		got = append(got, l.Name+":"+string(l.Role)+":"+l.Office)
	}
	if want := "ada:admin:,min:editor:闵行,pu:editor:浦东,vera:viewer:,zhao:editor:浦东"; strings.Join(got, ",") != want {
		t.Errorf("logins %v, want %s", got, want)
	}
	// The log is the owner's: no role may change it, an admin neither.
	for _, q := range []string{`UPDATE audit SET who = 'x'`, `DELETE FROM audit`, `UPDATE audit_head SET hash = 'x'`} {
		if _, err := ada.sql.Exec(q); err == nil {
			t.Errorf("an admin could %s", q)
		}
	}
	// Every installation's key is published: each office verifies the others'.
	keys, _ := vera.Keys(ctx)
	if len(keys) < 5 {
		t.Errorf("%d keys published", len(keys))
	}
}

// Two offices' staff editing the same holder: the second save, based on
// what was there before the first, is refused naming who saved and when,
// and what the first saved stays.
func TestASaveBasedOnAnOlderVersionIsRefused(t *testing.T) {
	target := newTarget(t)
	one, err := openTarget(t, target, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	two, err := openTarget(t, target, func() time.Time { return testNow.Add(time.Hour) })
	if err != nil {
		t.Fatal(err)
	}
	defer two.Close()
	h := mustCreateHolder(t, one, holder("张伟", "11010519491231002X"))
	c := cert(h.ID, "2019S110001", data.NewDate(2019, 12, 1))
	if err := one.CreateCertificate(ctx, c); err != nil {
		t.Fatal(err)
	}
	mine, _ := one.Holder(ctx, h.ID)
	theirs, _ := two.Holder(ctx, h.ID)
	theirs.Org = "他们的单位"
	if err := two.UpdateHolder(ctx, theirs); err != nil {
		t.Fatal(err)
	}
	mine.Phone = "13900139000"
	err = one.UpdateHolder(ctx, mine)
	e := data.AsError(err)
	if e == nil || e.Key != "err.changed_meanwhile" || e.Args["Who"] != two.user || e.Args["When"] != "2026-11-22 19:00" {
		t.Fatalf("the older version's save: %v %+v", err, e)
	}
	if now, _ := one.Holder(ctx, h.ID); now.Org != "他们的单位" || now.Phone == "13900139000" {
		t.Errorf("the first save was overwritten: %+v", now)
	}
	// Reloaded, the same change saves.
	mine, _ = one.Holder(ctx, h.ID)
	mine.Phone = "13900139000"
	if err := one.UpdateHolder(ctx, mine); err != nil {
		t.Errorf("after reloading: %v", err)
	}
	// Certificates likewise.
	c1, _ := one.Certificate(ctx, c.ID)
	c2, _ := two.Certificate(ctx, c.ID)
	c2.Issuer = "上海市民政局"
	if err := two.UpdateCertificate(ctx, c2); err != nil {
		t.Fatal(err)
	}
	c1.Status = data.StatusRevoked
	wantKey(t, "a certificate's older version", one.UpdateCertificate(ctx, c1), "err.changed_meanwhile")
	if got, _ := one.Certificate(ctx, c.ID); got.Status == data.StatusRevoked || got.Issuer != "上海市民政局" {
		t.Errorf("the certificate: %+v", got)
	}
	// The personal information likewise, the first save of it too.
	p1, _ := one.Profile(ctx, h.ID)
	p2, _ := two.Profile(ctx, h.ID)
	p2.Major = "社会工作"
	if err := two.SetProfile(ctx, p2); err != nil {
		t.Fatal(err)
	}
	p1.Major = "心理学"
	wantKey(t, "a profile saved meanwhile", one.SetProfile(ctx, p1), "err.changed_meanwhile")
	if got, _ := one.Profile(ctx, h.ID); got.Major != "社会工作" {
		t.Errorf("the profile: %+v", got)
	}
	// A registration and a CE record likewise.
	reg := &data.Registration{CertID: c.ID, Kind: data.RegFirst, Status: data.RegNotApplied, Region: "北京市"}
	if err := one.CreateRegistration(ctx, reg); err != nil {
		t.Fatal(err)
	}
	r1, _ := one.Registration(ctx, reg.ID)
	r2, _ := two.Registration(ctx, reg.ID)
	r2.Org = "北京市民政局"
	if err := two.UpdateRegistration(ctx, r2); err != nil {
		t.Fatal(err)
	}
	r1.Region = "上海市"
	wantKey(t, "a registration's older version", one.UpdateRegistration(ctx, r1), "err.changed_meanwhile")
	ce := &data.CERecord{HolderID: h.ID, Kind: data.CETraining, Title: "督导培训", Date: data.NewDate(2026, 3, 1), Hours: data.TenthsOfHour(80)}
	if err := one.CreateCERecord(ctx, ce); err != nil {
		t.Fatal(err)
	}
	e1, _ := one.CERecord(ctx, ce.ID)
	e2, _ := two.CERecord(ctx, ce.ID)
	e2.Provider = "市社工协会"
	if err := two.UpdateCERecord(ctx, e2); err != nil {
		t.Fatal(err)
	}
	e1.Title = "我改的标题"
	wantKey(t, "a CE record's older version", one.UpdateCERecord(ctx, e1), "err.changed_meanwhile")
	if got, _ := one.CERecord(ctx, ce.ID); got.Title != "督导培训" || got.Provider != "市社工协会" {
		t.Errorf("the CE record: %+v", got)
	}
	// Saved again after reading it, each goes through.
	e1, _ = one.CERecord(ctx, ce.ID)
	e1.Title = "我改的标题"
	if err := one.UpdateCERecord(ctx, e1); err != nil {
		t.Errorf("after reloading: %v", err)
	}
	olderVersionsOfTheOtherRecords(t, one, two, h, c)
}

// olderVersionsOfTheOtherRecords: every other record a person edits and
// saves (migration 00018) refuses a save over a version older than its
// own, naming who saved it, and keeps their save.
func olderVersionsOfTheOtherRecords(t *testing.T, one, two *DB, h *data.Holder, c *data.Certificate) {
	t.Helper()
	paper := &data.Paper{CertID: c.ID, Method: data.PaperOnsite, Status: data.PaperNotCollected, Place: "区民政局"}
	if err := one.SetPaper(ctx, paper); err != nil {
		t.Fatal(err)
	}
	refusedOverTheirs(t, one, two, "a paper record",
		func(db *DB) (*data.Paper, error) { return db.Paper(ctx, c.ID) },
		(*DB).SetPaper,
		func(p *data.Paper) { p.Place = "市民政局大厅" },
		func(p *data.Paper) { p.ProxyName, p.ProxyIDNumber = "王五", proxyID },
		func(p *data.Paper) bool { return p.Place == "市民政局大厅" && p.ProxyName == "" })
	// SavePaper (the tab's one Save) likewise, and a mail form.
	refusedOverTheirs(t, one, two, "a paper record saved with its form",
		func(db *DB) (*data.Paper, error) { return db.Paper(ctx, c.ID) },
		func(db *DB, ctx context.Context, p *data.Paper) error { return db.SavePaper(ctx, p, nil) },
		func(p *data.Paper) { p.Place = "街道办" },
		func(p *data.Paper) { p.Place = "我填的地点" },
		func(p *data.Paper) bool { return p.Place == "街道办" })
	form := &data.MailForm{CertID: c.ID, Sex: data.SexMale, Recipient: "张三", Phone: "13800138000", Province: "北京市", City: "北京市",
		District: "朝阳区", Address: "建国路88号", Postcode: "100022"}
	if err := one.SaveMailForm(ctx, form); err != nil {
		t.Fatal(err)
	}
	refusedOverTheirs(t, one, two, "a mail form",
		func(db *DB) (*data.MailForm, error) { return db.MailForm(ctx, c.ID) },
		(*DB).SaveMailForm,
		func(f *data.MailForm) { f.Address = "建国路99号" },
		func(f *data.MailForm) { f.Recipient = "李四" },
		func(f *data.MailForm) bool { return f.Address == "建国路99号" && f.Recipient == "张三" })
	work := &data.WorkEntry{HolderID: h.ID, Org: "阳光社工服务中心", Position: "社工", StartOn: data.NewDate(2020, 3, 1)}
	if err := one.CreateWorkEntry(ctx, work); err != nil {
		t.Fatal(err)
	}
	refusedOverTheirs(t, one, two, "a work history entry",
		func(db *DB) (*data.WorkEntry, error) { return db.WorkEntry(ctx, work.ID) },
		(*DB).UpdateWorkEntry,
		func(w *data.WorkEntry) { w.Position = "督导" },
		func(w *data.WorkEntry) { w.Org = "我改的单位" },
		func(w *data.WorkEntry) bool { return w.Position == "督导" && w.Org == "阳光社工服务中心" })
	honour := &data.Honour{HolderID: h.ID, Title: "优秀社会工作者", Date: data.NewDate(2023, 5, 1), Level: data.HonourCity}
	if err := one.CreateHonour(ctx, honour); err != nil {
		t.Fatal(err)
	}
	refusedOverTheirs(t, one, two, "an honour",
		func(db *DB) (*data.Honour, error) { return db.Honour(ctx, honour.ID) },
		(*DB).UpdateHonour,
		func(x *data.Honour) { x.Level = data.HonourProvince },
		func(x *data.Honour) { x.Title = "我改的荣誉" },
		func(x *data.Honour) bool { return x.Level == data.HonourProvince && x.Title == "优秀社会工作者" })
	project := &data.Project{Name: "社区养老", Org: "阳光社工服务中心", StartOn: data.NewDate(2026, 1, 1)}
	if err := one.CreateProject(ctx, project); err != nil {
		t.Fatal(err)
	}
	refusedOverTheirs(t, one, two, "a project",
		func(db *DB) (*data.Project, error) { return db.Project(ctx, project.ID) },
		(*DB).UpdateProject,
		func(p *data.Project) { p.Org = "明德社工" },
		func(p *data.Project) { p.Name = "我改的项目" },
		func(p *data.Project) bool { return p.Org == "明德社工" && p.Name == "社区养老" })
	if err := one.JoinProject(ctx, project.ID, h.ID); err != nil {
		t.Fatal(err)
	}
	service := &data.ServiceRecord{ProjectID: project.ID, HolderID: h.ID, Date: data.NewDate(2026, 3, 2), Content: "入户探访", Hours: data.TenthsOfHour(20)}
	if err := one.CreateServiceRecord(ctx, service); err != nil {
		t.Fatal(err)
	}
	refusedOverTheirs(t, one, two, "a service record",
		func(db *DB) (*data.ServiceRecord, error) { return db.ServiceRecord(ctx, service.ID) },
		(*DB).UpdateServiceRecord,
		func(r *data.ServiceRecord) { r.Hours = data.TenthsOfHour(30) },
		func(r *data.ServiceRecord) { r.Content = "我改的内容" },
		func(r *data.ServiceRecord) bool {
			return r.Hours == data.TenthsOfHour(30) && r.Content == "入户探访"
		})
	// An agency change: the first office's outcome stands; the second,
	// based on the change as it was under review, is refused naming it.
	tr := &data.Transfer{HolderID: h.ID, AppliedOn: data.NewDate(2026, 11, 1), ToOrg: "明德社工"}
	if err := one.ApplyTransfer(ctx, tr); err != nil {
		t.Fatal(err)
	}
	if tr.Version != 1 || tr.UpdatedBy != one.user {
		t.Errorf("a new change's stamp: %+v", tr.Stamp)
	}
	seen, _ := one.Transfer(ctx, tr.ID)
	if _, err := two.DecideTransfer(ctx, tr.ID, seen.Version, data.ReviewRejected, data.NewDate(2026, 11, 20)); err != nil {
		t.Fatal(err)
	}
	_, err := one.DecideTransfer(ctx, tr.ID, seen.Version, data.ReviewApproved, data.NewDate(2026, 11, 20))
	wantRefusedBy(t, "an agency change decided meanwhile", err, two)
	if got, _ := one.Transfer(ctx, tr.ID); got.Status != data.ReviewRejected || got.UpdatedBy != two.user {
		t.Errorf("the change after the refused decision: %+v", got)
	}
	if got, _ := one.Holder(ctx, h.ID); got.Org == "明德社工" {
		t.Errorf("the refused decision moved the holder: %+v", got)
	}
}

// refusedOverTheirs: two reads the record, saves their change; one's save
// of its change over the version it read before is refused naming two,
// and the store keeps theirs (kept); read again, one's save goes through.
func refusedOverTheirs[T any](t *testing.T, one, two *DB, what string, read func(*DB) (*T, error), save func(*DB, context.Context, *T) error,
	theirs, mine func(*T), kept func(*T) bool) {
	t.Helper()
	r1, err := read(one)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	// Made, or last saved, by one: the row says so.
	if st := reflect.ValueOf(r1).Elem().FieldByName("Stamp").Interface().(data.Stamp); st.Version < 1 || st.UpdatedBy != one.user {
		t.Errorf("%s as read: %+v, want saved by %s", what, st, one.user)
	}
	r2, err := read(two)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	theirs(r2)
	if err := save(two, ctx, r2); err != nil {
		t.Fatalf("%s, their save: %v", what, err)
	}
	mine(r1)
	wantRefusedBy(t, what+" saved meanwhile", save(one, ctx, r1), two)
	if got, err := read(one); err != nil || !kept(got) {
		t.Errorf("%s after the refused save: %+v %v", what, got, err)
	}
	r1, _ = read(one)
	mine(r1)
	if err := save(one, ctx, r1); err != nil {
		t.Errorf("%s saved after reading it again: %v", what, err)
	}
	if got, _ := read(two); kept(got) {
		t.Errorf("%s: the save after reading it again is not there: %+v", what, got)
	}
}

// wantRefusedBy: err is the refusal of a save over a change by (who) saved.
func wantRefusedBy(t *testing.T, what string, err error, by *DB) {
	t.Helper()
	if e := data.AsError(err); e == nil || e.Key != "err.changed_meanwhile" || e.Args["Who"] != by.user {
		t.Errorf("%s: %v, want err.changed_meanwhile naming %s", what, err, by.user)
	}
}

// A password set by admin user add reaches the server as a SCRAM verifier
// that the server accepts for that password, and for no other.
func TestALoginsPasswordIsTheServers(t *testing.T) {
	serverOnly(t, "logins")
	target, owner := initServer(t)
	if err := owner.AddLogin(ctx, data.StaffLogin{Name: "wang", Role: data.RoleEditor}, []byte("正确的 password")); err != nil {
		t.Fatal(err)
	}
	var stored string
	owner.sql.QueryRow(`SELECT rolpassword FROM pg_authid WHERE rolname = 'wang'`).Scan(&stored)
	if !strings.HasPrefix(stored, "SCRAM-SHA-256$4096:") {
		t.Errorf("stored %q", stored)
	}
	for _, s := range []string{`CREATE ROLE ` + pgtest.PasswordGroup, `GRANT ` + pgtest.PasswordGroup + ` TO wang`} {
		if _, err := owner.sql.Exec(s); err != nil && !strings.Contains(err.Error(), "already exists") {
			t.Fatal(err)
		}
	}
	key := WithKeyFile(filepath.Join(t.TempDir(), "wang.key"))
	db, err := Open(as(t, target, "wang", "正确的 password"), nil, key)
	if err != nil {
		t.Fatalf("the right password: %v", err)
	}
	db.Close()
	_, err = Open(as(t, target, "wang", "wrong"), nil, key)
	wantKey(t, "a wrong password", err, "err.server.login")
}

func TestRolesAreAServers(t *testing.T) {
	fileOnly(t, "roles on a file")
	db := openTest(t)
	wantKey(t, "admin init on a file", db.InitRoles(ctx), "err.server.roles_on_file")
	wantKey(t, "a login on a file", db.AddLogin(ctx, data.StaffLogin{Name: "wang", Role: data.RoleEditor}, nil), "err.server.roles_on_file")
}

// Row-level security covers what carries the holders' data outside their
// records' tables (00023): an office's login reads its own holders' audit
// entries and the proof files its own records refer to, never another
// office's; it cannot verify the whole chain (it sees part of it) and
// says so; a file it no longer uses is still dropped.
func TestAnOfficeReadsOnlyItsOwnAuditAndFiles(t *testing.T) {
	serverOnly(t, "offices")
	target, owner := initServer(t)
	for _, l := range []data.StaffLogin{{Name: "pd_reader", Role: data.RoleEditor, Office: "浦东"}, {Name: "mh_reader", Role: data.RoleEditor, Office: "闵行"}} {
		if err := owner.AddLogin(ctx, l, nil); err != nil {
			t.Fatal(err)
		}
	}
	pu, min := openAs(t, target, "pd_reader"), openAs(t, target, "mh_reader")
	useProofs(t, pu)
	kept := useProofs(t, owner)
	a := mustCreateHolder(t, pu, holder("张伟", "11010519491231002X"))
	b := mustCreateHolder(t, min, holder("李娜", "44030519900101123X"))
	h, _ := data.ParseHours("hours", "8")
	rec := &data.CERecord{HolderID: a.ID, Kind: data.CETraining, Title: "伦理培训", Date: data.NewDate(2026, 3, 1), Hours: h,
		Review: data.ReviewApproved, Proofs: []data.Proof{proof(t, "结业证书.pdf", "%PDF-1.4 浦东的证书")}}
	if err := pu.CreateCERecord(ctx, rec); err != nil {
		t.Fatal(err)
	}
	sha := rec.Proofs[0].SHA256

	holders := func(db *DB) map[int64]bool {
		es, err := db.AuditEntries(ctx, data.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int64]bool{}
		for _, e := range es {
			seen[e.HolderID] = true
		}
		return seen
	}
	if got := holders(min); got[a.ID] || !got[b.ID] {
		t.Errorf("闵行's login reads the audit entries of holders %v, want its own %d only", got, b.ID)
	}
	if got := holders(owner); !got[a.ID] || !got[b.ID] {
		t.Errorf("the owner reads the entries of %v", got)
	}
	var n int
	if err := min.sql.QueryRow(`SELECT count(*) FROM audit WHERE holder_id = ?`, a.ID).Scan(&n); err != nil || n != 0 {
		t.Errorf("闵行's login reads %d of 浦东's entries in SQL (%v)", n, err)
	}
	if err := min.sql.QueryRow(`SELECT count(*) FROM holder_search WHERE id = ?`, a.ID).Scan(&n); err != nil || n != 0 {
		t.Errorf("闵行's login reads %d of 浦东's search keys in SQL (%v)", n, err)
	}
	if hs, err := min.FindHolders(ctx, data.HolderFilter{Search: "张"}); err != nil || len(hs) != 0 {
		t.Errorf("闵行's login finds %d of 浦东's holders (%v)", len(hs), err)
	}
	if hs, err := pu.FindHolders(ctx, data.HolderFilter{Search: "张"}); err != nil || len(hs) != 1 {
		t.Errorf("浦东's login finds %d of its holders (%v)", len(hs), err)
	}
	if err := min.sql.QueryRow(`SELECT count(*) FROM proof_files`).Scan(&n); err != nil || n != 0 {
		t.Errorf("闵行's login reads %d of 浦东's proof files in SQL (%v)", n, err)
	}
	if _, err := min.ProofBlobs().ProofBlob(sha, 1<<20); err == nil {
		t.Error("闵行's login opens 浦东's proof file")
	}
	if _, err := pu.ProofBlobs().ProofBlob(sha, 1<<20); err != nil {
		t.Errorf("浦东's login cannot open its own proof file: %v", err)
	}
	if _, _, err := min.VerifyAudit(ctx); data.AsError(err) == nil || data.AsError(err).Key != "err.server.audit_office" {
		t.Errorf("an office's login verifying the chain: %v", err)
	}
	if n, br, err := owner.VerifyAudit(ctx); err != nil || br != nil || n == 0 {
		t.Errorf("the owner verifying the chain: %d %+v %v", n, br, err)
	}
	// 浦东 deletes its record: the file goes, though the login no longer sees it.
	if err := pu.DeleteCERecord(ctx, rec.ID); err != nil {
		t.Fatal(err)
	}
	if n := files(t, kept); n != 0 {
		t.Errorf("%d proof files kept after the only record referring to it went", n)
	}
}

// Every table of the server either is under row-level security or holds
// nobody's personal data: a table added later with holders' data (names,
// numbers, files, entries about them) and no policy fails here.
func TestEveryServerTableWithHoldersDataIsUnderRowLevelSecurity(t *testing.T) {
	serverOnly(t, "row-level security")
	_, owner := initServer(t)
	shared := map[string]string{
		"goose_db_version": "the schema's version",
		"store_meta":       "the rules' version",
		"staff_offices":    "logins and their offices",
		"seal_keys":        "the installations' public keys, every office's to verify",
		"projects":         "the agency's projects, every office's",
		"audit_head":       "the chain's end: an id and a hash",
		"calendar_events":  "uids, days and hashes",
		"reminders":        "keys and times",
		"proof_drops":      "hashes",
		"encryption":       "empty on a server",
	}
	rows, err := owner.sql.Query(`SELECT c.relname, c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var rls bool
		if err := rows.Scan(&name, &rls); err != nil {
			t.Fatal(err)
		}
		if _, ok := shared[name]; !ok && !rls {
			t.Errorf("table %s is not under row-level security: an office's login reads every office's rows", name)
		}
		if _, ok := shared[name]; ok && rls {
			t.Errorf("table %s is under row-level security now: take it off the list of shared tables", name)
		}
	}
}

// Holders written in one transaction by an office's login (an import, the
// demo) are each that office's: the office is read once a transaction.
func TestHoldersWrittenTogetherAreTheLoginsOffice(t *testing.T) {
	serverOnly(t, "offices")
	target, owner := initServer(t)
	if err := owner.AddLogin(ctx, data.StaffLogin{Name: "pd_bulk", Role: data.RoleEditor, Office: "浦东"}, nil); err != nil {
		t.Fatal(err)
	}
	pu := openAs(t, target, "pd_bulk")
	recs := []data.HolderRecord{{Holder: *holder("张伟", "11010519491231002X")}, {Holder: *holder("李娜", "44030519900101123X")}}
	if err := pu.CreateHolderRecords(ctx, recs); err != nil {
		t.Fatal(err)
	}
	var offices []string
	rows, err := owner.sql.Query(`SELECT office FROM holders ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var o string
		rows.Scan(&o)
		offices = append(offices, o)
	}
	if len(offices) != 2 || offices[0] != "浦东" || offices[1] != "浦东" {
		t.Errorf("the holders' offices: %q", offices)
	}
}
