package screens

import (
	"context"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/proofs"
	"github.com/swcert/swcert/i18n"
)

// BenchmarkDossierTabShow is the window's part of opening a holder's
// personal information: the one Dossier read (timed among 100,000 holders
// by the store's BenchmarkDossier100k) and the section built from it, with
// the photo read and five work entries, two honours and a project shown.
func BenchmarkDossierTabShow(b *testing.B) {
	f := newFixture(b, i18n.Chinese)
	ctx := context.Background()
	h := &data.Holder{Name: "张伟", IDNumber: validID, Phone: "13800138000", Org: "阳光社工", Region: "北京市朝阳区"}
	if err := f.db.CreateHolder(ctx, h); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		start := data.NewDate(2000+4*i, 1, 1)
		e := &data.WorkEntry{HolderID: h.ID, Org: "第一社工服务中心", Position: "社工", StartOn: start}
		if i < 4 {
			e.EndOn = start.AddDays(900)
		}
		if err := f.db.CreateWorkEntry(ctx, e); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; i < 2; i++ {
		if err := f.db.CreateHonour(ctx, &data.Honour{HolderID: h.ID, Title: "优秀社会工作者", Date: data.NewDate(2020+i, 5, 1), Level: data.HonourCity}); err != nil {
			b.Fatal(err)
		}
	}
	photo, _, err := proofs.NewPhoto("id.png", photoPNG(b, 295, 413))
	if err != nil {
		b.Fatal(err)
	}
	if err := f.db.SetPhoto(ctx, h.ID, &photo); err != nil {
		b.Fatal(err)
	}
	p := &data.Project{Name: "社区养老服务", Org: "阳光社工", StartOn: data.NewDate(2026, 1, 1)}
	if err := f.db.CreateProject(ctx, p); err != nil {
		b.Fatal(err)
	}
	if err := f.db.JoinProject(ctx, p.ID, h.ID); err != nil {
		b.Fatal(err)
	}
	s := f.dossierTab()
	b.ResetTimer()
	for range b.N {
		s.show(h.ID)
	}
}
