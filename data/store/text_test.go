package store

import (
	"crypto/ed25519"
	"fmt"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
)

// dump is every row of a table as text, to show a refused write changed
// nothing.
func dump(t *testing.T, db *DB, table string) string {
	t.Helper()
	rows, err := db.sql.Query(`SELECT * FROM ` + table + ` ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%q\n", vals)
	}
	return b.String()
}

// Found by the fault campaign (#14): text fields took control characters,
// NUL, bytes that are not UTF-8 and bidi overrides. Through every write of
// the store, a value of each class is refused naming its field, and the
// table is as it was.
func TestStoreWritesNoBadText(t *testing.T) {
	db := openTest(t)
	useProofs(t, db)
	c := annotatable(t, db)
	h, err := db.Holder(ctx, c.HolderID)
	if err != nil {
		t.Fatal(err)
	}
	ce := &data.CERecord{HolderID: h.ID, Kind: data.CEOnline, Title: "伦理", Date: data.NewDate(2026, 1, 5), Hours: data.WholeHours(3)}
	reg := &data.Registration{CertID: c.ID, Kind: data.RegFirst, Region: "北京"}
	for _, err := range []error{db.CreateCERecord(ctx, ce), db.CreateRegistration(ctx, reg),
		db.SetPaper(ctx, &data.Paper{CertID: c.ID, Method: data.PaperMail})} {
		if err != nil {
			t.Fatal(err)
		}
	}
	mail := func() *data.MailForm {
		return &data.MailForm{CertID: c.ID, Sex: data.SexMale, Recipient: "张三", Phone: "13800138000", Province: "北京市", City: "北京市", District: "朝阳区", Address: "建国路88号", Postcode: "100022"}
	}
	if err := db.SaveMailForm(ctx, mail()); err != nil {
		t.Fatal(err)
	}
	pub, _, _ := ed25519.GenerateKey(nil)
	importRow := func(set func(*data.ImportRow, *string)) func(v string) error {
		return func(v string) error {
			r := data.ImportRow{Line: 2, Holder: data.HolderUpdate{IDNumber: "11010519491231002X"}, Certificate: data.CertificateUpdate{MNo: "2022S1100001"}}
			set(&r, &v)
			res, err := db.ImportRows(ctx, []data.ImportRow{r}, data.ImportOptions{})
			if err != nil {
				return err
			}
			if len(res.Errors) == 0 && res.Written {
				return nil
			}
			if len(res.Errors) != 1 || res.Errors[0].Row != 2 || res.Written {
				return fmt.Errorf("import: %+v", res)
			}
			return res.Errors[0].Err
		}
	}
	writes := []struct {
		table, field string
		write        func(v string) error
	}{
		{"holders", "name", func(v string) error {
			return db.CreateHolder(ctx, &data.Holder{Name: v, IDNumber: "110105194912310046"})
		}},
		// Each edit as a form makes it: of the holder as it is now.
		{"holders", "org", func(v string) error { g, _ := db.Holder(ctx, h.ID); g.Org = v; return db.UpdateHolder(ctx, g) }},
		{"holders", "region", func(v string) error { g, _ := db.Holder(ctx, h.ID); g.Region = v; return db.UpdateHolder(ctx, g) }},
		{"holders", "name", importRow(func(r *data.ImportRow, v *string) { r.Holder.Name = v })},
		{"holders", "org", importRow(func(r *data.ImportRow, v *string) { r.Holder.Org = v })},
		{"holders", "region", importRow(func(r *data.ImportRow, v *string) { r.Holder.Region = v })},
		{"certificates", "issuer", func(v string) error {
			d, _ := db.Certificate(ctx, c.ID)
			d.Issuer = v
			return db.UpdateCertificate(ctx, d)
		}},
		{"certificates", "issuer", func(v string) error {
			d := cert(h.ID, "2023S1100002", data.NewDate(2023, 12, 1))
			d.Issuer = v
			return db.CreateCertificate(ctx, d)
		}},
		{"certificates", "issuer", importRow(func(r *data.ImportRow, v *string) { r.Certificate.Issuer = v })},
		{"ce_records", "title", func(v string) error { r, _ := db.CERecord(ctx, ce.ID); r.Title = v; return db.UpdateCERecord(ctx, r) }},
		{"ce_records", "provider", func(v string) error { r := *ce; r.ID = 0; r.Provider = v; return db.CreateCERecord(ctx, &r) }},
		{"ce_proofs", "proof", func(v string) error {
			r, _ := db.CERecord(ctx, ce.ID)
			r.Proofs = []data.Proof{proof(t, "证书.pdf", "%PDF-1.4 x")}
			r.Proofs[0].Name = v
			return db.UpdateCERecord(ctx, r)
		}},
		{"registrations", "region", func(v string) error {
			r := &data.Registration{CertID: c.ID, Kind: data.RegRenewal, Region: v}
			return db.CreateRegistration(ctx, r) // a draft: no day applied, no window to be in
		}},
		{"registrations", "org", func(v string) error {
			r, _ := db.Registration(ctx, reg.ID)
			r.Org = v
			return db.UpdateRegistration(ctx, r)
		}},
		{"paper", "place", func(v string) error {
			return db.SetPaper(ctx, &data.Paper{CertID: c.ID, Method: data.PaperOnsite, Place: v})
		}},
		{"paper", "proxy_name", func(v string) error {
			return db.SetPaper(ctx, &data.Paper{CertID: c.ID, Method: data.PaperOnsite, ProxyName: v, ProxyIDNumber: "110105194912310046"})
		}},
		{"paper", "sent_to", func(v string) error {
			return db.SetPaper(ctx, &data.Paper{CertID: c.ID, Method: data.PaperMail, SentTo: v})
		}},
		{"paper", "courier", func(v string) error {
			return db.SetPaper(ctx, &data.Paper{CertID: c.ID, Method: data.PaperMail, Courier: v})
		}},
		{"paper", "tracking", func(v string) error {
			return db.SetPaper(ctx, &data.Paper{CertID: c.ID, Method: data.PaperMail, Tracking: v})
		}},
		{"mail_forms", "recipient", func(v string) error { f := mail(); f.Recipient = v; return db.SaveMailForm(ctx, f) }},
		{"mail_forms", "province", func(v string) error { f := mail(); f.Province = v; return db.SaveMailForm(ctx, f) }},
		{"mail_forms", "city", func(v string) error { f := mail(); f.City = v; return db.SaveMailForm(ctx, f) }},
		{"mail_forms", "district", func(v string) error { f := mail(); f.District = v; return db.SaveMailForm(ctx, f) }},
		{"mail_forms", "address", func(v string) error { f := mail(); f.Address = v; return db.SaveMailForm(ctx, f) }},
		{"seal_keys", "name", func(v string) error {
			return db.TrustKey(ctx, &data.SealKey{KID: data.KeyID(pub), Name: v, Public: pub})
		}},
	}
	for _, w := range writes {
		if err := w.write("张三"); err != nil { // the write itself works
			t.Fatalf("%s.%s: %v", w.table, w.field, err)
		}
		for _, bad := range []struct{ class, value, key string }{
			{"NUL", "a\x00b", "err.text.control"},
			{"ESC", "a\x1b[31mb", "err.text.control"},
			{"C1", "a\u009bb", "err.text.control"},
			{"line break", "a\nb", "err.text.line_break"},
			{"not UTF-8", "a\xffb", "err.text.encoding"},
			{"RLO", "a\u202eb", "err.text.bidi"},
			{"LRI", "a\u2066b", "err.text.bidi"},
		} {
			before := dump(t, db, w.table)
			err := w.write(bad.value)
			if e := data.AsError(err); e == nil || e.Field != w.field || e.Key != bad.key {
				t.Errorf("%s.%s, %s: %v, want %s", w.table, w.field, bad.class, err, bad.key)
			}
			if after := dump(t, db, w.table); after != before {
				t.Errorf("%s.%s, %s: the table changed:\n%s\nto\n%s", w.table, w.field, bad.class, before, after)
			}
		}
	}
}

// What is harmless is normalised on save: NFC, spaces trimmed (U+3000
// too), a value of nothing visible empty.
func TestStoreNormalizesText(t *testing.T) {
	db := openTest(t)
	h := mustCreateHolder(t, db, &data.Holder{Name: "\u3000Rene\u0301 张\u00a0 三 ", IDNumber: "11010519491231002X", Org: "\u200b", Region: " 北京\u3000"})
	var name, org, region string
	if err := db.sql.QueryRow(`SELECT name, org, region FROM holders WHERE id = ?`, h.ID).Scan(&name, &org, &region); err != nil {
		t.Fatal(err)
	}
	if name != "René 张 三" || org != "" || region != "北京" {
		t.Errorf("stored %+q %+q %+q", name, org, region)
	}
	if h.Name != name || h.Region != region {
		t.Errorf("the record saved is not what was stored: %+q %+q", h.Name, h.Region)
	}
}

// A record saved before the rule (its text in NFD, as some systems type
// it) is the same record to the rules that compare it: a registration past
// review still records its review, and an import row naming the holder in
// NFC is that holder.
func TestTextSavedBeforeNormalizingStillMatches(t *testing.T) {
	db := openTest(t)
	c := annotatable(t, db)
	reg := &data.Registration{CertID: c.ID, Kind: data.RegFirst, Status: data.RegFinalPassed, AppliedOn: data.NewDate(2023, 3, 1), Region: "Rene\u0301区"}
	if err := db.CreateRegistration(ctx, reg); err != nil {
		t.Fatal(err)
	}
	// Written behind the store's back, decomposed, as older versions saved it.
	for _, w := range []struct{ q, v string }{{`UPDATE registrations SET region = ?`, "Rene\u0301区"}, {`UPDATE holders SET name = ?`, "Rene\u0301"}} {
		if _, err := db.sql.Exec(w.q, w.v); err != nil {
			t.Fatal(err)
		}
	}
	saved, err := db.Registration(ctx, reg.ID)
	if err != nil || saved.Region != "Rene\u0301区" {
		t.Fatalf("%+q %v", saved.Region, err)
	}
	saved.Status, saved.ValidFrom = data.RegCompleted, data.NewDate(2023, 4, 1)
	if err := db.UpdateRegistration(ctx, saved); err != nil {
		t.Errorf("recording the review of a record saved in NFD: %v", err)
	}
	name := "René"
	res, err := db.ImportRows(ctx, []data.ImportRow{{Line: 2, Holder: data.HolderUpdate{IDNumber: "11010519491231002X", Name: &name}, Certificate: data.CertificateUpdate{MNo: c.MNo}}}, data.ImportOptions{})
	if err != nil || len(res.Errors) != 0 || !res.Written {
		t.Errorf("import naming the holder in NFC: %+v %v", res, err)
	}
}
