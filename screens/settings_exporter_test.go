package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/i18n"
)

// The exporter is named once in Settings and kept in the database.
func TestSettingsNamesTheExporter(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	m := NewMain(f.app, f.win, f.svc, "test", "zh-CN")
	m.Install()
	s := m.NewSettings()
	e := s.Exporter
	if e.Name.entry.Text != "" || !strings.Contains(e.Msg.Text, "未署名导出者") {
		t.Errorf("unnamed: entry %q, message %q", e.Name.entry.Text, e.Msg.Text)
	}
	test.Tap(e.Save)
	if k, _ := f.db.OwnKey(context.Background()); k.Named() || e.Name.Message() != "必填：请填写此项。" {
		t.Errorf("an empty name saved (%q), or message %q", k.Name, e.Name.Message())
	}
	typeInto(e.Name.entry, "阳光社会工作服务中心")
	test.Tap(e.Save)
	k, _ := f.db.OwnKey(context.Background())
	if k.Name != "阳光社会工作服务中心" || !strings.Contains(e.Msg.Text, "阳光社会工作服务中心") {
		t.Errorf("saved %q, message %q", k.Name, e.Msg.Text)
	}
	if again := m.NewSettings(); again.Exporter.Name.entry.Text != "阳光社会工作服务中心" {
		t.Errorf("reopened: %q", again.Exporter.Name.entry.Text)
	}
}
