package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/i18n"
)

// Found by using it: deleting a holder asked "删除 张伟 及其 1 本证书？"
// and then took their annotations, registrations, CE records with their
// proof files and paper record too, unsaid; deleting a certificate asked
// "删除证书 …？" and took its annotations, registrations and paper record.
// The questions count them.
func TestDeleteSaysWhatGoesWithIt(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	ctx := context.Background()
	h := f.addHolder("张伟", validID)
	c := f.certOf(h, data.NewDate(2023, 9, 20))
	if _, err := f.db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 90); err != nil {
		t.Fatal(err)
	}
	if err := f.db.CreateRegistration(ctx, &data.Registration{CertID: c.ID, Kind: data.RegFirst, Status: data.RegIssued, AppliedOn: data.NewDate(2024, 3, 1), ValidFrom: data.NewDate(2024, 4, 1)}); err != nil {
		t.Fatal(err)
	}
	hours, _ := data.ParseHours("hours", "8")
	for i, name := range []string{"结业证书.pdf", "学时证明.pdf"} {
		p, err := proofs.New(name, []byte("%PDF-1.4 proof "+name))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.db.CreateCERecord(ctx, &data.CERecord{HolderID: h.ID, Kind: data.CETraining, Title: "伦理培训", Date: data.NewDate(2026, 3, 1+i),
			Hours: hours, Review: data.ReviewApproved, Proofs: []data.Proof{p}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.db.SetPaper(ctx, &data.Paper{CertID: c.ID, Method: data.PaperOnsite, WindowEnd: data.NewDate(2026, 11, 29)}); err != nil {
		t.Fatal(err)
	}
	s := f.certificates()
	s.list.list.Select(0)

	test.Tap(s.holder.delete)
	got := f.dialogText()
	for _, want := range []string{"张伟", "加注 1 条", "登记 1 条", "继续教育记录 2 条", "证明文件 2 个", "纸质证书记录 1 条"} {
		if !strings.Contains(got, want) {
			t.Errorf("confirmation lacks %q: %q", want, got)
		}
	}
	f.tapDialogButton("取消")

	// Deleting the certificate alone takes its annotation, registration
	// and paper record (not the holder's CE records): said too.
	test.Tap(s.certs.delete)
	got = f.dialogText()
	for _, want := range []string{c.MNo, "加注 1 条", "登记 1 条", "纸质证书记录 1 条"} {
		if !strings.Contains(got, want) {
			t.Errorf("certificate confirmation lacks %q: %q", want, got)
		}
	}
	if strings.Contains(got, "继续教育") {
		t.Errorf("certificate confirmation counts CE records: %q", got)
	}
	f.tapDialogButton("取消")

	// A holder with nothing but their name: no list of nothing.
	f.addHolder("李娜", "110105194912310038")
	s.Refresh()
	for i := 0; i < s.list.Len(); i++ {
		s.list.list.Select(i)
		if s.holder.h != nil && s.holder.h.Name == "李娜" {
			break
		}
	}
	test.Tap(s.holder.delete)
	if got := f.dialogText(); !strings.Contains(got, "李娜") || strings.Contains(got, "一并删除") {
		t.Errorf("bare holder's confirmation: %q", got)
	}
}
