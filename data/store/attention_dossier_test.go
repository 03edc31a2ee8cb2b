package store

import (
	"testing"

	"github.com/swcert/swcert/data"
)

// The registration due says what the dossier lacks, and follows every
// write to it at once (the triggers of 00013 mark the holder): the
// profile, the photo, the work history and its proofs, the mobile.
func TestRegistrationDueFollowsTheDossier(t *testing.T) {
	db := openTest(t)
	useProofs(t, db)
	h := holder("张三", "11010519491231002X")
	h.Region = "北京市朝阳区"
	mustCreateHolder(t, db, h)
	c := cert(h.ID, "2026S110001", dateOf(t, "2026-11-01"))
	c.PassedOn, c.ExamYear = dateOf(t, "2026-06-20"), 2026
	if err := db.CreateCertificate(ctx, c); err != nil {
		t.Fatal(err)
	}
	missing := func() string {
		t.Helper()
		items, err := db.Attention(ctx, data.AttentionFilter{Kind: data.AttRegistration}, testNow)
		if err != nil || len(items) != 1 {
			t.Fatalf("registration items: %+v %v", items, err)
		}
		for i := 0; i+1 < len(items[0].Args); i += 2 {
			if items[0].Args[i] == "Missing" {
				return items[0].Args[i+1].(string)
			}
		}
		return ""
	}
	if got := missing(); got != "ethnicity,education,major,photo,work_history" {
		t.Fatalf("new holder: %q", got)
	}
	if err := db.SetProfile(ctx, &data.Profile{HolderID: h.ID, Ethnicity: "汉族", Education: data.EduBachelor, Major: "社会工作"}); err != nil {
		t.Fatal(err)
	}
	if got := missing(); got != "photo,work_history" {
		t.Errorf("after the profile: %q", got)
	}
	if err := db.SetPhoto(ctx, h.ID, ptr(pngPhoto(t, 295, 413))); err != nil {
		t.Fatal(err)
	}
	w := &data.WorkEntry{HolderID: h.ID, Org: h.Org, StartOn: dateOf(t, "2020-01-01"), Programme: data.ProgrammeQianshou}
	if err := db.CreateWorkEntry(ctx, w); err != nil {
		t.Fatal(err)
	}
	if got := missing(); got != "work_proof" {
		t.Errorf("after the photo and a 牵手计划 entry: %q", got)
	}
	if items, _ := db.Attention(ctx, data.AttentionFilter{DossierIncomplete: true}, testNow); len(items) != 1 {
		t.Errorf("incomplete dossiers due: %+v", items)
	}
	w.Proofs = []data.Proof{proof(t, "证明.pdf", "%PDF-1.4 qianshou")}
	if err := db.UpdateWorkEntry(ctx, w); err != nil {
		t.Fatal(err)
	}
	if got := missing(); got != "" {
		t.Errorf("complete: %q", got)
	}
	if items, _ := db.Attention(ctx, data.AttentionFilter{DossierIncomplete: true}, testNow); len(items) != 0 {
		t.Errorf("a complete dossier among the incomplete: %+v", items)
	}
	h.Phone = ""
	if err := db.UpdateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	if got := missing(); got != "phone" {
		t.Errorf("the mobile removed: %q", got)
	}
}

// The dashboard's incomplete dossiers: a registration window open, or
// opening within 90 days (here 40), and not one opening in 191 days.
func TestIncompleteDossiersDueSoon(t *testing.T) {
	db := openTest(t)
	for i, from := range []string{"2024-04-01", "2024-09-01"} {
		h := mustCreateHolder(t, db, holder([]string{"张三", "李四"}[i], []string{"11010519491231002X", "44030519900101123X"}[i]))
		c := cert(h.ID, []string{"2023S110001", "2023S110002"}[i], dateOf(t, "2023-12-01"))
		if err := db.CreateCertificate(ctx, c); err != nil {
			t.Fatal(err)
		}
		r := &data.Registration{CertID: c.ID, Kind: data.RegFirst, Status: data.RegIssued, AppliedOn: dateOf(t, "2024-01-10"), ValidFrom: dateOf(t, from)}
		if err := db.CreateRegistration(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	items, err := db.Attention(ctx, data.AttentionFilter{DossierIncomplete: true}, testNow)
	if err != nil || len(items) != 1 || items[0].Name != "张三" || items[0].DueOn.String() != "2027-01-01" {
		t.Errorf("incomplete dossiers due soon: %+v %v", items, err)
	}
	all, _ := db.Attention(ctx, data.AttentionFilter{Kind: data.AttRegistration}, testNow)
	if len(all) != 2 {
		t.Errorf("registration items: %+v", all)
	}
}
