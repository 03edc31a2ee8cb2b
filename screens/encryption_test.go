package screens

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/crypt"
	"github.com/swcert/swcert/data/docs"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/data/store"
	"github.com/swcert/swcert/i18n"
)

var cheapKDF = store.WithKDF(crypt.Params{Time: 1, MemoryKiB: 64, Threads: 1})

// encryptionFixture is newFixture with cheap passphrase costs, and the
// store's encryption in the services as app/ wires it.
func encryptionFixture(t *testing.T) *fixture {
	t.Helper()
	f := newFixture(t, i18n.English)
	path := filepath.Join(t.TempDir(), "enc.db")
	clock := func() time.Time { return f.now }
	db, err := store.Open(path, clock, cheapKDF)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	kept := &proofs.Store{Dir: filepath.Join(filepath.Dir(path), "proofs")}
	if err := db.UseProofFiles(context.Background(), kept); err != nil {
		t.Fatal(err)
	}
	f.db = db
	f.svc = Services{Holders: db, Certs: db, Anns: db, Keys: db, Regs: db, CE: db, Paper: db, Dossiers: db, Transfers: db, Projects: db, Attention: db, Reminders: db, Now: clock, DBPath: path, Sync: true,
		Proofs: kept, Encryption: db,
		Docs: &docs.Service{Holders: db, Certs: db, Anns: db, Keys: db, Regs: db, CE: db, Paper: db, Snapshots: db, Import: db, Now: clock}}
	return f
}

func TestSettingsTurnEncryptionOnChangeAndOff(t *testing.T) {
	f := encryptionFixture(t)
	f.addHolder("张三", "11010519491231002X")
	m := NewMain(f.app, f.win, f.svc, "test", "en-US")
	m.Install()
	s := m.NewSettings().Encryption
	if s == nil || !strings.Contains(s.State.Text, "stored plain") || s.Change.Visible() || !s.On.Visible() {
		t.Fatalf("off at first: %+v", s)
	}
	// Encrypt: the two entries must match.
	test.Tap(s.On)
	typeInto(s.Entries[0], "correct horse battery")
	typeInto(s.Entries[1], "correct horse batterx")
	f.tapDialogButton("Go ahead")
	if !strings.Contains(s.Msg.Text, "differ") {
		t.Errorf("mismatch: %q", s.Msg.Text)
	}
	if st, _ := f.db.Encryption(context.Background()); st.On {
		t.Fatal("turned on with two different passphrases")
	}
	test.Tap(s.On)
	typeInto(s.Entries[0], "correct horse battery")
	typeInto(s.Entries[1], "correct horse battery")
	f.tapDialogButton("Go ahead")
	if st, _ := f.db.Encryption(context.Background()); !st.On || s.Msg.Text != "Encryption is on." || !s.Change.Visible() || s.On.Visible() {
		t.Fatalf("on: %+v %q", st, s.Msg.Text)
	}
	// The list still shows the holder, masked, and finds them by full ID.
	c := f.certificates()
	typeInto(c.list.search, "11010519491231002x")
	if c.list.Len() != 1 || c.list.at(0).IDNumber != "11010519491231002X" {
		t.Errorf("search by the full ID after encryption: %d rows", c.list.Len())
	}
	if got := collectText(c.Content()); !strings.Contains(got, "110105********002X") {
		t.Errorf("the list after encryption: %q", got[:min(300, len(got))])
	}

	// Change: a wrong current passphrase is refused.
	test.Tap(s.Change)
	typeInto(s.Entries[0], "not the one at all")
	typeInto(s.Entries[1], "a new passphrase")
	typeInto(s.Entries[2], "a new passphrase")
	f.tapDialogButton("Go ahead")
	if !strings.Contains(s.Msg.Text, "not the passphrase") {
		t.Errorf("wrong current: %q", s.Msg.Text)
	}
	test.Tap(s.Change)
	typeInto(s.Entries[0], "correct horse battery")
	typeInto(s.Entries[1], "a new passphrase")
	typeInto(s.Entries[2], "a new passphrase")
	f.tapDialogButton("Go ahead")
	if s.Msg.Text != "The passphrase is changed." {
		t.Errorf("change: %q", s.Msg.Text)
	}
	test.Tap(s.Off)
	typeInto(s.Entries[0], "a new passphrase")
	f.tapDialogButton("Go ahead")
	if st, _ := f.db.Encryption(context.Background()); st.On || !s.On.Visible() {
		t.Errorf("off: %+v %q", st, s.Msg.Text)
	}
}

func TestUnlockAsksUntilThePassphraseIsRight(t *testing.T) {
	f := newFixture(t, i18n.English)
	path := filepath.Join(t.TempDir(), "locked.db")
	db, err := store.Open(path, nil, cheapKDF)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.CreateHolder(context.Background(), &data.Holder{Name: "张三", IDNumber: "11010519491231002X"}); err != nil {
		t.Fatal(err)
	}
	if err := db.EnableEncryption(context.Background(), []byte("correct horse battery")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)

	var opened *store.DB
	done := false
	u := NewUnlock(path, func(p []byte) error {
		db, err := store.Open(path, nil, store.WithPassphrase(func() ([]byte, error) { return p, nil }))
		opened = db
		return err
	}, func() { done = true })
	f.win.SetContent(u.Content())
	if got := collectText(u.Content()); !strings.Contains(got, path+" is encrypted") {
		t.Errorf("prompt: %q", got)
	}
	test.Type(u.Pass, "not it")
	test.Tap(u.Open)
	if done || !strings.Contains(u.Msg.Text, "not the passphrase") || u.Pass.Text != "" {
		t.Errorf("wrong passphrase: done %v, %q", done, u.Msg.Text)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a wrong passphrase changed the file")
	}
	test.Type(u.Pass, "correct horse battery")
	u.Pass.OnSubmitted(u.Pass.Text) // Enter
	if !done || opened == nil {
		t.Fatalf("right passphrase: done %v, %q", done, u.Msg.Text)
	}
	defer opened.Close()
	if h, err := opened.Holder(context.Background(), 1); err != nil || h.IDNumber != "11010519491231002X" {
		t.Errorf("opened: %+v %v", h, err)
	}
}
