package store

import (
	"testing"

	"github.com/swcert/swcert/data"
)

func TestPaperAndMailForm(t *testing.T) {
	db := openTest(t)
	c := annotatable(t, db)
	if p, err := db.Paper(ctx, c.ID); p != nil || err != nil {
		t.Fatalf("none yet: %+v %v", p, err)
	}
	p := &data.Paper{CertID: c.ID, Method: data.PaperMail, WindowStart: data.NewDate(2026, 11, 1), WindowEnd: data.NewDate(2026, 12, 31)}
	if err := db.SetPaper(ctx, p); err != nil {
		t.Fatal(err)
	}
	p.Status, p.SentOn, p.Tracking = data.PaperApplied, data.NewDate(2026, 11, 20), "SF1234567890"
	if err := db.SetPaper(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := db.Paper(ctx, c.ID)
	if err != nil || got.Status != data.PaperApplied || got.Tracking != "SF1234567890" || !got.WindowEnd.Equal(data.NewDate(2026, 12, 31)) {
		t.Fatalf("stored %+v %v", got, err)
	}
	bad := *got
	bad.CollectedOn = data.NewDate(2026, 11, 1) // before it was sent
	if err := db.SetPaper(ctx, &bad); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("received before sent: %v", err)
	}
	if again, _ := db.Paper(ctx, c.ID); !again.CollectedOn.IsZero() {
		t.Error("a refused change was saved")
	}

	f := &data.MailForm{CertID: c.ID, Sex: data.SexMale, Recipient: "张三", Phone: "13800138000", Province: "北京市", City: "北京市", District: "朝阳区", Address: "建国路88号", Postcode: "100022"}
	if err := db.SaveMailForm(ctx, f); err != nil {
		t.Fatal(err)
	}
	f.Postcode = "12345"
	if err := db.SaveMailForm(ctx, f); data.AsError(err) == nil || data.AsError(err).Field != "postcode" {
		t.Errorf("bad postcode: %v", err)
	}
	form, _ := db.MailForm(ctx, c.ID)
	if form == nil || form.Postcode != "100022" || form.Fee != data.FeeOnDelivery {
		t.Errorf("form %+v", form)
	}
	if _, err := db.Paper(ctx, 999); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("missing certificate: %v", err)
	}
}

// The Paper tab's one Save: the collection record and the mail form are
// kept together or not at all (a form refused keeps the method unsaved).
func TestSavePaperBothOrNeither(t *testing.T) {
	db := openTest(t)
	c := annotatable(t, db)
	p := &data.Paper{CertID: c.ID, Method: data.PaperMail, WindowStart: data.NewDate(2026, 11, 1), WindowEnd: data.NewDate(2026, 12, 31)}
	f := &data.MailForm{CertID: c.ID, Sex: data.SexMale, Recipient: "张三", Phone: "13800138000", Province: "北京市", City: "北京市", District: "朝阳区", Address: "建国路88号", Postcode: "12345"}
	if err := db.SavePaper(ctx, p, f); data.ErrorCode(err) != data.EINVALID {
		t.Fatalf("bad postcode: %v", err)
	}
	if got, _ := db.Paper(ctx, c.ID); got != nil {
		t.Fatalf("the record was kept without its form: %+v", got)
	}
	f.Postcode = "100022"
	if err := db.SavePaper(ctx, p, f); err != nil {
		t.Fatal(err)
	}
	got, _ := db.Paper(ctx, c.ID)
	form, _ := db.MailForm(ctx, c.ID)
	if got == nil || got.Method != data.PaperMail || form == nil || form.Postcode != "100022" {
		t.Fatalf("saved %+v %+v", got, form)
	}
	// On site: the form is left as it was.
	p.Method = data.PaperOnsite
	if err := db.SavePaper(ctx, p, nil); err != nil {
		t.Fatal(err)
	}
	if form, _ := db.MailForm(ctx, c.ID); form == nil || form.Postcode != "100022" {
		t.Errorf("the form went with the method: %+v", form)
	}
	// A Save refused for its form leaves the record's version as read:
	// saved again with the form put right, it is no change made meanwhile.
	read, _ := db.Paper(ctx, c.ID)
	was := read.Stamp
	read.Method, f.Postcode = data.PaperMail, "1"
	if err := db.SavePaper(ctx, read, f); data.ErrorCode(err) != data.EINVALID {
		t.Fatalf("bad postcode: %v", err)
	}
	if read.Stamp != was {
		t.Errorf("the refused save moved the stamp: %+v, read %+v", read.Stamp, was)
	}
	f.Postcode = "100022"
	if err := db.SavePaper(ctx, read, f); err != nil {
		t.Errorf("saved again after the refusal: %v", err)
	}
}

// A first paper record or mail form saved by a form that read none
// (data.NoneSaved) is refused when one was saved meanwhile, naming who,
// and kept when none was.
func TestAFirstPaperRecordSavedMeanwhileIsRefused(t *testing.T) {
	db := openTest(t)
	c := annotatable(t, db)
	none := data.Stamp{Version: data.NoneSaved}
	mine := &data.Paper{CertID: c.ID, Method: data.PaperOnsite, Place: "mine", Stamp: none}
	if err := db.SetPaper(ctx, mine); err != nil || mine.Version != 1 {
		t.Fatalf("the first save with none there: %v, version %d", err, mine.Version)
	}
	again := &data.Paper{CertID: c.ID, Method: data.PaperOnsite, Place: "over it", Stamp: none}
	if err := db.SetPaper(ctx, again); data.AsError(err) == nil || data.AsError(err).Key != "err.changed_meanwhile" {
		t.Fatalf("a first save over one saved meanwhile: %v", err)
	}
	if got, _ := db.Paper(ctx, c.ID); got.Place != "mine" {
		t.Errorf("kept %q", got.Place)
	}
	form := &data.MailForm{CertID: c.ID, Sex: data.SexMale, Recipient: "张伟", Phone: "13800138000", Province: "北京市", City: "北京市",
		District: "朝阳区", Address: "建国路88号", Postcode: "100022", Stamp: none}
	if err := db.SaveMailForm(ctx, form); err != nil {
		t.Fatal(err)
	}
	form.Stamp, form.Address = none, "建国路99号"
	if err := db.SaveMailForm(ctx, form); data.AsError(err) == nil || data.AsError(err).Key != "err.changed_meanwhile" {
		t.Fatalf("a first mail form over one saved meanwhile: %v", err)
	}
}
