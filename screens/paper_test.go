package screens

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

func TestPaperTabCountdownAndMailForm(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	c := f.certOf(f.addHolder("欧阳娜娜", validID), data.NewDate(2026, 1, 20))
	s := NewPaperTab(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.picker.list.list.Select(0)
	if s.cert == nil || s.cert.ID != c.ID {
		t.Fatal("certificate not picked")
	}
	typeInto(s.winStart.entry, "2026-11-01")
	typeInto(s.winEnd.entry, "2026-11-30")
	test.Tap(findButton(s.Content(), i18n.T("paper.save")))
	p, _ := f.db.Paper(context.Background(), c.ID)
	if p == nil || !p.WindowEnd.Equal(data.NewDate(2026, 11, 30)) || p.Method != data.PaperOnsite {
		t.Fatalf("saved %+v (%q)", p, s.msg.Text)
	}
	if !strings.Contains(s.state.Text, "剩余 8 天") || s.state.Importance != widget.WarningImportance {
		t.Errorf("countdown %q", s.state.Text)
	}

	// The window closes unused: red, and it says it will not be reissued.
	f.now = f.now.AddDate(0, 0, 9)
	s.Refresh()
	if !strings.Contains(s.state.Text, "不予补发") || s.state.Importance != widget.DangerImportance {
		t.Errorf("overdue %q", s.state.Text)
	}

	// By mail: the form, typed field by field; a bad postcode is refused.
	s.method.SetSelected(i18n.T("paper.method.mail"))
	if s.mail.Hidden || !s.onsite.Hidden {
		t.Fatal("the mail part is not shown")
	}
	if s.recipient.entry.Text != "欧阳娜娜" || s.sex.Selected != "女" {
		t.Errorf("not prefilled from the holder: %q %q", s.recipient.entry.Text, s.sex.Selected)
	}
	typeInto(s.province.entry, "北京市")
	typeInto(s.city.entry, "北京市")
	typeInto(s.district.entry, "朝阳区")
	typeInto(s.address.entry, "建国路88号")
	typeInto(s.postcode.entry, "10002")
	if !strings.Contains(s.postcode.Message(), "6 位数字") {
		t.Errorf("postcode message %q", s.postcode.Message())
	}
	test.Tap(findButton(s.Content(), i18n.T("paper.save")))
	if form, _ := f.db.MailForm(context.Background(), c.ID); form != nil {
		t.Fatalf("saved with a bad postcode: %+v", form)
	}
	if p, _ := f.db.Paper(context.Background(), c.ID); p.Method != data.PaperOnsite {
		t.Fatalf("the method was saved without its form: %+v", p)
	}
	typeInto(s.postcode.entry, "100022")
	test.Tap(findButton(s.Content(), i18n.T("paper.save")))
	form, _ := f.db.MailForm(context.Background(), c.ID)
	if form == nil || form.Postcode != "100022" || form.Phone != "13800138000" {
		t.Fatalf("form %+v (%q)", form, s.msg.Text)
	}
	// The name suggested for the PDF says whose and what it is.
	if got, want := s.exportName(), "欧阳娜娜-"+c.MNo+"-邮寄申请表.pdf"; got != want {
		t.Errorf("suggested name %q, want %q", got, want)
	}
	path := filepath.Join(t.TempDir(), "mail.pdf")
	s.exportTo(path)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no PDF: %v (%q)", err, s.exportMsg.Text)
	}
	text, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	// 北京市 typed as the province and as the city is written once.
	if err != nil || !strings.Contains(string(text), "北京市朝阳区建国路88号") || strings.Contains(string(text), "北京市北京市") {
		t.Errorf("the PDF lacks the address: %v\n%s", err, text)
	}
}

func TestPaperTabBadInputStaysUnsaved(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	c := f.certOf(f.addHolder("欧阳娜娜", validID), data.NewDate(2026, 1, 20))
	s := NewPaperTab(f.svc, f.win)
	f.win.SetContent(s.Content())
	s.picker.list.list.Select(0)
	save := findButton(s.Content(), i18n.T("paper.save"))

	// A proxy whose ID number fails its check digit.
	typeInto(s.proxyName.entry, "李四")
	typeInto(s.proxyID.entry, "110105194912310021")
	if !strings.Contains(s.proxyID.Message(), "校验位不符") {
		t.Errorf("proxy ID message %q", s.proxyID.Message())
	}
	test.Tap(save)
	if p, _ := f.db.Paper(context.Background(), c.ID); p != nil || s.msg.Text != "请更正标出的字段。" {
		t.Fatalf("saved with a bad proxy ID: %+v (%q)", p, s.msg.Text)
	}

	// By mail, sent tomorrow, with a tracking number past its bound.
	typeInto(s.proxyName.entry, "")
	typeInto(s.proxyID.entry, "")
	s.method.SetSelected(i18n.T("paper.method.mail"))
	typeInto(s.sentOn.entry, "2026-11-23")
	typeInto(s.tracking.entry, strings.Repeat("9", data.MaxTrackingLen+1))
	if s.sentOn.Message() != "这个日期晚于今天：须在 2008-01-01 至今天（2026-11-22）之间。" || !strings.Contains(s.tracking.Message(), "最多 40 个字符") {
		t.Errorf("sent_on %q, tracking %q", s.sentOn.Message(), s.tracking.Message())
	}
	test.Tap(save)
	if p, _ := f.db.Paper(context.Background(), c.ID); p != nil {
		t.Fatalf("saved with a future sending day: %+v", p)
	}
	typeInto(s.sentOn.entry, "2026-11-21")
	typeInto(s.tracking.entry, "SF1234567890")
	test.Tap(save)
	if p, _ := f.db.Paper(context.Background(), c.ID); p == nil || p.Tracking != "SF1234567890" || !p.SentOn.Equal(data.NewDate(2026, 11, 21)) {
		t.Fatalf("saved %+v (%q)", p, s.msg.Text)
	}

	// A day of receipt while the status still says shipped: refused at the
	// date, with how to fix it; what was saved stays.
	s.status.SetSelected(i18n.T("paper.status.shipped"))
	typeInto(s.collected.entry, "2026-11-22")
	test.Tap(save)
	if !strings.Contains(s.collected.Message(), "已领取 / 已收到") || s.msg.Text != "请更正标出的字段。" {
		t.Errorf("collected message %q (%q)", s.collected.Message(), s.msg.Text)
	}
	if p, _ := f.db.Paper(context.Background(), c.ID); p == nil || !p.CollectedOn.IsZero() || p.Status != data.PaperNotCollected {
		t.Errorf("after a refused save: %+v", p)
	}
}
