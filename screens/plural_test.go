package screens

import (
	"context"
	"strings"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// English counts say "1 certificate" and "2 certificates", never
// "1 certificate(s)"; the holder list says "1 holder".
func TestEnglishCountsAgreeWithTheirNumber(t *testing.T) {
	f := newFixture(t, i18n.English)
	s, c := f.annotationTab(data.NewDate(2022, 12, 1))
	if got, want := s.picker.heading.Text, "欧阳娜娜 · 1 certificate"; got != want {
		t.Errorf("one certificate: heading %q, want %q", got, want)
	}
	if got, want := s.picker.list.count.Text, "1 holder"; got != want {
		t.Errorf("one holder: count %q, want %q", got, want)
	}
	second := &data.Certificate{HolderID: c.HolderID, Level: data.LevelAssistant, MNo: "2019A110002", ExamYear: 2019,
		PassedOn: data.NewDate(2019, 9, 20), IssuedOn: data.NewDate(2019, 12, 1), Issuer: data.DefaultIssuer}
	if err := f.db.CreateCertificate(context.Background(), second); err != nil {
		t.Fatal(err)
	}
	s = NewAnnotations(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.picker.list.list.Select(0)
	if got, want := s.picker.heading.Text, "欧阳娜娜 · 2 certificates"; got != want {
		t.Errorf("two certificates: heading %q, want %q", got, want)
	}
}

// A social worker who keeps only their own certificate reads the
// dashboard's figures without "1 holders · 1 certificates".
func TestDashboardFiguresForOneHolder(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.certOf(f.addHolder("张伟", validID), data.NewDate(2026, 1, 20))
	d := NewDashboard(f.svc, f.win)
	f.win.SetContent(d.Content())
	d.Refresh()
	got := d.figures.Text
	if !strings.HasPrefix(got, "Holders: 1 · Certificates: 1 ·") || strings.Contains(got, "1 holders") || strings.Contains(got, "1 certificates") {
		t.Errorf("figures %q", got)
	}
}
