package store

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressly/goose/v3"
	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/crypt"
	"github.com/swcert/swcert/data/demo"
	"github.com/swcert/swcert/data/proofs"
)

// cheapKDF keeps tests quick; crypt.Default is measured by its benchmark.
var cheapKDF = WithKDF(crypt.Params{Time: 1, MemoryKiB: 64, Threads: 1})

const (
	pass       = "correct horse battery"
	idNumber   = "11010519491231002X"
	phone      = "13800138000"
	proxyID    = "44030519900101123X"
	mailPhone  = "13900139000"
	proofBytes = "%PDF-1.4 scan of the ID card 11010519491231002X"
)

func openAt(t testing.TB, path string, opts ...Option) (*DB, error) {
	t.Helper()
	db, err := Open(path, func() time.Time { return testNow }, append([]Option{cheapKDF}, opts...)...)
	if err == nil {
		t.Cleanup(func() { db.Close() })
	}
	return db, err
}

func withPass(p string) Option {
	return WithPassphrase(func() ([]byte, error) { return []byte(p), nil })
}

// encryptedFixture is a database with a holder, a paper collection by a
// proxy, a mail form and a CE record with a proof file, all entered plain.
type encryptedFixture struct {
	db     *DB
	path   string
	store  *proofs.Store
	holder *data.Holder
	cert   *data.Certificate
	proof  data.Proof
}

func newEncryptedFixture(t *testing.T) *encryptedFixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "swcert.db")
	db, err := openAt(t, path)
	if err != nil {
		t.Fatal(err)
	}
	f := &encryptedFixture{db: db, path: path, store: useProofs(t, db)}
	f.holder = mustCreateHolder(t, db, &data.Holder{Name: "张三", IDNumber: idNumber, Phone: phone, Org: "阳光社工服务中心"})
	mustCreateHolder(t, db, &data.Holder{Name: "李四", IDNumber: "110101199003077774", Phone: "13700137000"})
	f.cert = cert(f.holder.ID, "2022S11A0001", data.NewDate(2022, 12, 1))
	if err := db.CreateCertificate(ctx, f.cert); err != nil {
		t.Fatal(err)
	}
	if err := db.SetPaper(ctx, &data.Paper{CertID: f.cert.ID, Method: data.PaperOnsite, ProxyName: "王五", ProxyIDNumber: proxyID}); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveMailForm(ctx, &data.MailForm{CertID: f.cert.ID, Sex: data.SexFemale, Recipient: "张三", Phone: mailPhone,
		Province: "北京市", City: "北京市", District: "东城区", Address: "某街1号", Postcode: "100010", Fee: data.FeePrepaid}); err != nil {
		t.Fatal(err)
	}
	f.proof = proof(t, "身份证.pdf", proofBytes)
	h, _ := data.ParseHours("hours", "8")
	rec := &data.CERecord{HolderID: f.holder.ID, Kind: data.CETraining, Title: "伦理培训", Date: data.NewDate(2026, 3, 1), Hours: h,
		Review: data.ReviewApproved, Proofs: []data.Proof{f.proof}}
	if err := db.CreateCERecord(ctx, rec); err != nil {
		t.Fatal(err)
	}
	return f
}

// secrets are the numbers that must not be in the file, in every form a
// byte search could find (the search text is lower-case).
var secrets = []string{idNumber, strings.ToLower(idNumber), phone, proxyID, strings.ToLower(proxyID), mailPhone}

// rawFiles is every byte the database keeps on disk: the file, its WAL,
// and the proof files.
func rawFiles(t *testing.T, f *encryptedFixture) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, p := range []string{f.path, f.path + "-wal"} {
		if b, err := os.ReadFile(p); err == nil {
			out[p] = b
		}
	}
	entries, _ := os.ReadDir(f.store.Dir)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(f.store.Dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

func TestEncryptionOnHidesNumbersAndEverythingStillWorks(t *testing.T) {
	fileOnly(t, "encryption at rest is a file's (a server's disks are its own)")
	f := newEncryptedFixture(t)
	db := f.db
	if err := db.EnableEncryption(ctx, []byte(pass)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.sql.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	for name, b := range rawFiles(t, f) {
		for _, s := range secrets {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s holds %s in clear", name, s)
			}
		}
		if bytes.Contains(b, []byte("scan of the ID card")) {
			t.Errorf("%s holds the proof's content in clear", name)
		}
	}

	got, err := db.Holder(ctx, f.holder.ID)
	if err != nil || got.IDNumber != idNumber || got.Phone != phone {
		t.Fatalf("read back: %+v %v", got, err)
	}
	if m := data.MaskIDNumber(got.IDNumber); m != "110105********002X" {
		t.Errorf("masked: %s", m)
	}
	if m := data.MaskPhone(got.Phone); m != "138****8000" {
		t.Errorf("masked phone: %s", m)
	}
	for _, q := range []string{idNumber, strings.ToLower(idNumber), "张三", "阳光", "2022s11a0001", phone, "+86" + phone, "张三 " + idNumber} {
		hs, err := db.FindHolders(ctx, data.HolderFilter{Search: q})
		if err != nil || len(hs) != 1 || hs[0].ID != f.holder.ID || hs[0].IDNumber != idNumber {
			t.Errorf("search %q: %+v %v", q, hs, err)
		}
		if n, err := db.CountHolders(ctx, data.HolderFilter{Search: q}); n != 1 || err != nil {
			t.Errorf("count %q: %d %v", q, n, err)
		}
	}
	// The sealed bytes of a number never match a search for a part of one.
	for _, q := range []string{"110105", "0138", "x"} {
		if hs, _ := db.FindHolders(ctx, data.HolderFilter{Search: q}); len(hs) != 0 {
			t.Errorf("search %q found %d", q, len(hs))
		}
	}
	list, err := db.FindHolders(ctx, data.HolderFilter{})
	if err != nil || len(list) != 2 || list[0].IDNumber != idNumber {
		t.Fatalf("list: %+v %v", list, err)
	}

	dup := &data.Holder{Name: "张三丰", IDNumber: strings.ToLower(idNumber)}
	if err := db.CreateHolder(ctx, dup); data.ErrorCode(err) != data.ECONFLICT {
		t.Errorf("duplicate ID while encrypted: %v", err)
	}
	other := &data.Holder{Name: "赵六", IDNumber: "110101199003077774"}
	got.IDNumber = other.IDNumber
	if err := db.UpdateHolder(ctx, got); data.ErrorCode(err) != data.ECONFLICT {
		t.Errorf("edit onto another's ID: %v", err)
	}
	got, _ = db.Holder(ctx, f.holder.ID)
	got.Phone = "13600136000"
	if err := db.UpdateHolder(ctx, got); err != nil {
		t.Fatal(err)
	}
	if hs, _ := db.FindHolders(ctx, data.HolderFilter{Search: "13600136000"}); len(hs) != 1 {
		t.Errorf("search by the new phone: %d", len(hs))
	}
	h3 := mustCreateHolder(t, db, &data.Holder{Name: "钱七", IDNumber: "110105199003072012", Phone: "13500135000"})
	if g, err := db.Holder(ctx, h3.ID); err != nil || g.IDNumber != "110105199003072012" || g.Phone != "13500135000" {
		t.Errorf("new holder: %+v %v", g, err)
	}

	p, err := db.Paper(ctx, f.cert.ID)
	if err != nil || p.ProxyIDNumber != proxyID {
		t.Errorf("paper: %+v %v", p, err)
	}
	p.ProxyIDNumber = idNumber // the holder's own: still refused, the rule reads the opened number
	if err := db.SetPaper(ctx, p); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("proxy = holder: %v", err)
	}
	m, err := db.MailForm(ctx, f.cert.ID)
	if err != nil || m.Phone != mailPhone {
		t.Errorf("mail form: %+v %v", m, err)
	}
	if b, err := f.store.Open(f.proof); err != nil || string(b) != proofBytes {
		t.Errorf("proof: %q %v", b, err)
	}
	// A new proof is sealed as it is kept.
	p2 := proof(t, "毕业证.png", "\x89PNG\r\n\x1a\n diploma 110105")
	hours, _ := data.ParseHours("hours", "2")
	if err := db.CreateCERecord(ctx, &data.CERecord{HolderID: h3.ID, Kind: data.CETraining, Title: "督导", Date: data.NewDate(2026, 4, 1),
		Hours: hours, Review: data.ReviewApproved, Proofs: []data.Proof{p2}}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(f.store.Path(p2)); !crypt.IsSealed(b) || bytes.Contains(b, []byte("diploma")) {
		t.Errorf("a new proof is kept plain")
	}

	// The demo and an import on the encrypted database.
	if _, err := demo.Load(ctx, db, 20, testNow); err != nil {
		t.Fatal(err)
	}
	var plainLeft int
	if err := db.sql.QueryRow(`SELECT count(*) FROM holders WHERE typeof(id_number) <> 'blob' OR id_hash IS NULL`).Scan(&plainLeft); err != nil || plainLeft != 0 {
		t.Errorf("%d holders stored plain (%v)", plainLeft, err)
	}
}

func sha(t *testing.T, paths ...string) [32]byte {
	t.Helper()
	h := sha256.New()
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		h.Write(b)
	}
	return [32]byte(h.Sum(nil))
}

func TestEncryptedDatabaseOpensOnlyWithItsPassphrase(t *testing.T) {
	fileOnly(t, "encryption at rest is a file's (a server's disks are its own)")
	f := newEncryptedFixture(t)
	if err := f.db.EnableEncryption(ctx, []byte(pass)); err != nil {
		t.Fatal(err)
	}
	f.db.Close()
	before := sha(t, f.path, f.path+"-wal", f.store.Path(f.proof))

	_, err := openAt(t, f.path)
	if !IsLocked(err) {
		t.Fatalf("no passphrase: %v", err)
	}
	if e := data.AsError(err); e.Args["Path"] != f.path {
		t.Errorf("the message does not name the file: %+v", e)
	}
	_, err = openAt(t, f.path, withPass(pass+"!"))
	if !IsWrongPassphrase(err) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if after := sha(t, f.path, f.path+"-wal", f.store.Path(f.proof)); after != before {
		t.Error("opening with a wrong passphrase changed the files")
	}
	// A passphrase source that fails is that error; one that gives nothing is Locked.
	if _, err := openAt(t, f.path, WithPassphrase(func() ([]byte, error) { return nil, nil })); !IsLocked(err) {
		t.Errorf("empty answer: %v", err)
	}

	db, err := openAt(t, f.path, withPass(pass))
	if err != nil {
		t.Fatal(err)
	}
	if st, err := db.Encryption(ctx); err != nil || !st.On || st.Time != 1 {
		t.Errorf("status: %+v %v", st, err)
	}
	if err := db.ChangePassphrase(ctx, []byte("not it at all"), []byte("a new passphrase")); !IsWrongPassphrase(err) {
		t.Errorf("change with a wrong current one: %v", err)
	}
	if err := db.ChangePassphrase(ctx, []byte(pass), []byte("short")); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("too short: %v", err)
	}
	if err := db.ChangePassphrase(ctx, []byte(pass), []byte("a new passphrase")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := openAt(t, f.path, withPass(pass)); !IsWrongPassphrase(err) {
		t.Errorf("the old passphrase after a change: %v", err)
	}
	db, err = openAt(t, f.path, withPass("a new passphrase"))
	if err != nil {
		t.Fatal(err)
	}
	if h, err := db.Holder(ctx, f.holder.ID); err != nil || h.IDNumber != idNumber {
		t.Errorf("after the change: %+v %v", h, err)
	}
	if err := db.EnableEncryption(ctx, []byte(pass)); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("on twice: %v", err)
	}
}

func TestEncryptionOffGivesBackTheExactValues(t *testing.T) {
	fileOnly(t, "encryption at rest is a file's (a server's disks are its own)")
	f := newEncryptedFixture(t)
	if err := f.db.EnableEncryption(ctx, []byte(pass)); err != nil {
		t.Fatal(err)
	}
	f.db.Close()
	db, err := openAt(t, f.path, withPass(pass))
	if err != nil {
		t.Fatal(err)
	}
	store := useProofs(t, db)
	if err := db.DisableEncryption(ctx, []byte("wrong passphrase")); !IsWrongPassphrase(err) {
		t.Fatalf("off with a wrong passphrase: %v", err)
	}
	if err := db.DisableEncryption(ctx, []byte(pass)); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.sql.QueryRow(`SELECT count(*) FROM holders WHERE typeof(id_number) = 'blob' OR typeof(phone) = 'blob' OR id_hash IS NOT NULL OR phone_hash IS NOT NULL`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d holders still sealed (%v)", n, err)
	}
	var search string
	db.sql.QueryRow(`SELECT search FROM holders WHERE id = ?`, f.holder.ID).Scan(&search)
	if !strings.Contains(search, strings.ToLower(idNumber)) {
		t.Errorf("the search text lost the ID number: %q", search)
	}
	db.Close()
	db, err = openAt(t, f.path) // no passphrase needed
	if err != nil {
		t.Fatal(err)
	}
	h, _ := db.Holder(ctx, f.holder.ID)
	p, _ := db.Paper(ctx, f.cert.ID)
	m, _ := db.MailForm(ctx, f.cert.ID)
	if h.IDNumber != idNumber || h.Phone != phone || p.ProxyIDNumber != proxyID || m.Phone != mailPhone {
		t.Errorf("after off: %s %s %s %s", h.IDNumber, h.Phone, p.ProxyIDNumber, m.Phone)
	}
	if b, _ := os.ReadFile(store.Path(f.proof)); string(b) != proofBytes {
		t.Errorf("the proof file after off: %q", b)
	}
	if err := db.DisableEncryption(ctx, []byte(pass)); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("off twice: %v", err)
	}
}

// All or nothing: a conversion that fails part way leaves every row as it
// was, and the store plain and usable.
func TestEncryptionOnThatFailsChangesNothing(t *testing.T) {
	fileOnly(t, "encryption at rest is a file's (a server's disks are its own)")
	f := newEncryptedFixture(t)
	if _, err := f.db.sql.Exec(`CREATE TRIGGER fail BEFORE UPDATE OF phone ON mail_forms BEGIN SELECT RAISE(ABORT, 'boom'); END`); err != nil {
		t.Fatal(err)
	}
	if err := f.db.EnableEncryption(ctx, []byte(pass)); err == nil {
		t.Fatal("no error")
	}
	var sealed, locks int
	f.db.sql.QueryRow(`SELECT count(*) FROM holders WHERE typeof(id_number) = 'blob' OR id_hash IS NOT NULL`).Scan(&sealed)
	f.db.sql.QueryRow(`SELECT count(*) FROM encryption`).Scan(&locks)
	if sealed != 0 || locks != 0 {
		t.Errorf("half converted: %d sealed holders, %d locks", sealed, locks)
	}
	if b, _ := os.ReadFile(f.store.Path(f.proof)); string(b) != proofBytes {
		t.Error("the proof file was sealed")
	}
	mustCreateHolder(t, f.db, &data.Holder{Name: "孙八", IDNumber: "110105199003072012"})
	if h, err := f.db.Holder(ctx, f.holder.ID); err != nil || h.IDNumber != idNumber {
		t.Errorf("after the failure: %+v %v", h, err)
	}
}

// A program that opened the file before another turned encryption on
// (the window beside the command line) must not write a number plain into
// it, nor read sealed bytes as a number.
func TestAStaleProgramCannotWriteInTheOldForm(t *testing.T) {
	fileOnly(t, "encryption at rest is a file's (a server's disks are its own)")
	f := newEncryptedFixture(t)
	stale, err := openAt(t, f.path)
	if err != nil {
		t.Fatal(err)
	}
	staleStore := useProofs(t, stale)
	_ = staleStore
	if err := f.db.EnableEncryption(ctx, []byte(pass)); err != nil {
		t.Fatal(err)
	}
	err = stale.CreateHolder(ctx, &data.Holder{Name: "孙八", IDNumber: "110105199003072012"})
	if e := data.AsError(err); e == nil || e.Key != "err.crypt.changed" {
		t.Errorf("a plain write into the encrypted file: %v", err)
	}
	if _, err := stale.Holder(ctx, f.holder.ID); data.AsError(err) == nil || data.AsError(err).Key != "err.crypt.changed" {
		t.Errorf("a stale read: %v", err)
	}
	hours, _ := data.ParseHours("hours", "2")
	err = stale.CreateCERecord(ctx, &data.CERecord{HolderID: f.holder.ID, Kind: data.CETraining, Title: "督导", Date: data.NewDate(2026, 4, 1),
		Hours: hours, Review: data.ReviewApproved, Proofs: []data.Proof{proof(t, "x.pdf", "%PDF-1.4 another scan")}})
	if e := data.AsError(err); e == nil || e.Key != "err.crypt.changed" {
		t.Errorf("a plain proof file into the encrypted folder: %v", err)
	}
	// And the other way: a program holding the key after it was turned off.
	if err := f.db.DisableEncryption(ctx, []byte(pass)); err != nil {
		t.Fatal(err)
	}
	keyed, err := openAt(t, f.path)
	if err != nil {
		t.Fatal(err)
	}
	if err := keyed.EnableEncryption(ctx, []byte(pass)); err != nil {
		t.Fatal(err)
	}
	// f.db is plain now: the file is encrypted by keyed.
	if err := f.db.CreateHolder(ctx, &data.Holder{Name: "孙八", IDNumber: "110105199003072012"}); data.AsError(err) == nil {
		t.Errorf("a write by the program that turned it off: %v", err)
	}
}

// A stop after the rows were committed but before every proof file was
// sealed is finished at the next start.
func TestAStoppedFileConversionIsFinishedAtTheNextStart(t *testing.T) {
	fileOnly(t, "encryption at rest is a file's (a server's disks are its own)")
	f := newEncryptedFixture(t)
	if err := f.db.EnableEncryption(ctx, []byte(pass)); err != nil {
		t.Fatal(err)
	}
	// As if stopped: the file plain again, the conversion marked pending.
	if err := os.WriteFile(f.store.Path(f.proof), []byte(proofBytes), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.sql.Exec(`UPDATE encryption SET files_pending = 1`); err != nil {
		t.Fatal(err)
	}
	f.db.Close()
	db, err := openAt(t, f.path, withPass(pass))
	if err != nil {
		t.Fatal(err)
	}
	s := useProofs(t, db)
	if b, _ := os.ReadFile(s.Path(f.proof)); !crypt.IsSealed(b) {
		t.Error("the file left plain was not sealed")
	}
	if db.filesPending(ctx) {
		t.Error("still pending")
	}
	if b, err := s.Open(f.proof); err != nil || string(b) != proofBytes {
		t.Errorf("open: %q %v", b, err)
	}
}

// A full mobile number finds its holder in a plain database too (part of
// one does not: phones are not in the search text).
func TestSearchByFullPhone(t *testing.T) {
	fileOnly(t, "encryption at rest is a file's (a server's disks are its own)")
	db := openTest(t)
	h := mustCreateHolder(t, db, &data.Holder{Name: "张三", IDNumber: idNumber, Phone: phone})
	mustCreateHolder(t, db, &data.Holder{Name: "李四", IDNumber: proxyID, Phone: "13700137000"})
	for _, q := range []string{phone, "+86" + phone, "张三 " + phone} {
		if hs, err := db.FindHolders(ctx, data.HolderFilter{Search: q}); err != nil || len(hs) != 1 || hs[0].ID != h.ID {
			t.Errorf("search %q: %+v %v", q, hs, err)
		}
	}
	if hs, _ := db.FindHolders(ctx, data.HolderFilter{Search: "李四 " + phone}); len(hs) != 0 {
		t.Errorf("every word must match: %d", len(hs))
	}
	if hs, _ := db.FindHolders(ctx, data.HolderFilter{Search: "1380013"}); len(hs) != 0 {
		t.Errorf("part of a phone: %d", len(hs))
	}
}

// A damaged proof file does not stop the others from being sealed, nor
// the numbers; it stays marked, tried again at each start. Turning
// encryption off refuses while a file cannot be made plain.
func TestADamagedProofFileIsLeftAndTriedAgain(t *testing.T) {
	fileOnly(t, "encryption at rest is a file's (a server's disks are its own)")
	f := newEncryptedFixture(t)
	other := proof(t, "b.pdf", "%PDF-1.4 another proof")
	hours, _ := data.ParseHours("hours", "1")
	if err := f.db.CreateCERecord(ctx, &data.CERecord{HolderID: f.holder.ID, Kind: data.CETraining, Title: "b", Date: data.NewDate(2026, 3, 2),
		Hours: hours, Review: data.ReviewApproved, Proofs: []data.Proof{other}}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(f.store.Path(f.proof), []byte("%PDF-1.4 damaged"), 0o600)
	if err := f.db.EnableEncryption(ctx, []byte(pass)); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(f.store.Path(other)); !crypt.IsSealed(b) {
		t.Error("the good file was not sealed")
	}
	if !f.db.filesPending(ctx) {
		t.Error("the damaged file is not marked to try again")
	}
	if h, err := f.db.Holder(ctx, f.holder.ID); err != nil || h.IDNumber != idNumber {
		t.Errorf("holder: %+v %v", h, err)
	}
	if err := f.db.DisableEncryption(ctx, []byte(pass)); err == nil {
		t.Error("turned off with a file it could not make plain")
	}
	if st, _ := f.db.Encryption(ctx); !st.On {
		t.Fatal("a refused off turned it off")
	}
	if b, _ := os.ReadFile(f.store.Path(other)); !crypt.IsSealed(b) {
		t.Error("a refused off left the good file plain")
	}
}

// A database of the release before 00009 opens (plain) and keeps its
// holders searchable by ID number; 00009 goes down again cleanly.
func TestMigrationToEncryptionKeepsHolders(t *testing.T) {
	fileOnly(t, "encryption at rest is a file's (a server's disks are its own)")
	path := filepath.Join(t.TempDir(), "old.db")
	raw := atVersion(t, path, 6)
	if _, err := raw.Exec(`INSERT INTO holders (name, id_type, id_number, phone, created_at, updated_at)
		VALUES ('张三', 'resident', ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`, idNumber, phone); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db, err := openAt(t, path)
	if err != nil {
		t.Fatal(err)
	}
	if hs, err := db.FindHolders(ctx, data.HolderFilter{Search: "0519491231"}); err != nil || len(hs) != 1 || hs[0].Phone != phone {
		t.Fatalf("after 00009: %+v %v", hs, err)
	}
	if dup := db.CreateHolder(ctx, &data.Holder{Name: "李四", IDNumber: idNumber}); data.ErrorCode(dup) != data.ECONFLICT {
		t.Errorf("duplicate after 00009: %v", dup)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db.sql.DB, mustSub(migrations, "migrations"), goose.WithGoMigrations(keyMigration(KeyPath(path), new(bool))))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 8); err != nil { // 00009 (and the key's 00010, which has no down), whatever lies before them
		t.Fatalf("down: %v", err)
	}
	var n int
	if err := db.sql.QueryRow(`SELECT count(*) FROM holders WHERE search LIKE '%' || lower(?) || '%'`, idNumber).Scan(&n); err != nil || n != 1 {
		t.Errorf("after down: %d %v", n, err)
	}
}

// Two databases in one folder share its proof files: sealing them for one
// would lock the other out, so encryption is refused with what to do.
func TestEncryptionRefusedForASharedProofsFolder(t *testing.T) {
	fileOnly(t, "encryption at rest is a file's (a server's disks are its own)")
	dir := t.TempDir()
	one, err := openAt(t, filepath.Join(dir, "swcert.db"))
	if err != nil {
		t.Fatal(err)
	}
	useProofs(t, one)
	two, err := openAt(t, filepath.Join(dir, "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	useProofs(t, two)
	for _, db := range []*DB{one, two} {
		if e := data.AsError(db.EnableEncryption(ctx, []byte(pass))); e == nil || e.Key != "err.crypt.shared_proofs" {
			t.Errorf("%s: %v", db.path, e)
		}
	}
}
