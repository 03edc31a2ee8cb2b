package store

import (
	"bytes"
	"image"
	"image/png"
	"slices"
	"testing"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/data/proofs"
)

// pngPhoto is a w×h PNG photo.
func pngPhoto(t *testing.T, w, h int) data.Proof {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	p, _, err := proofs.NewPhoto("照片.png", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func dateOf(t *testing.T, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A dossier saved bit by bit says what is missing until it is complete,
// and the day it became complete is recorded as the first registration
// time (the form's day); the photo's file follows the profile.
func TestDossierBecomesCompleteAndRecordsFirstRegistration(t *testing.T) {
	db := openTest(t)
	store := useProofs(t, db)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	h.Region = "北京市朝阳区"
	if err := db.UpdateHolder(ctx, h); err != nil {
		t.Fatal(err)
	}
	d, err := db.Dossier(ctx, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"ethnicity", "education", "major", "photo", "work_history"}; !slices.Equal(d.Missing, want) {
		t.Fatalf("a new holder's dossier misses %v, want %v", d.Missing, want)
	}
	if d.BirthDate.String() != "1949-12-31" || d.Sex != data.SexFemale {
		t.Errorf("read from the ID number: %s %s", d.BirthDate, d.Sex)
	}
	p := &data.Profile{HolderID: h.ID, Ethnicity: "汉", Education: data.EduBachelor, Major: "社会工作"}
	if err := db.SetProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	if p.Ethnicity != "汉族" || !p.FirstRegOn.IsZero() {
		t.Errorf("saved profile: %+v", p)
	}
	if err := db.SetPhoto(ctx, h.ID, ptr(pngPhoto(t, 295, 413))); err != nil {
		t.Fatal(err)
	}
	if files(t, store) != 1 {
		t.Fatalf("%d files for one photo", files(t, store))
	}
	w := &data.WorkEntry{HolderID: h.ID, Org: "阳光社工服务中心", Position: "社工", StartOn: dateOf(t, "2020-03-01"), Programme: data.ProgrammeSanqu}
	if err := db.CreateWorkEntry(ctx, w); err != nil {
		t.Fatal(err)
	}
	d, _ = db.Dossier(ctx, h.ID)
	if !slices.Equal(d.Missing, []string{"work_proof"}) || !d.Profile.FirstRegOn.IsZero() {
		t.Fatalf("a 三区计划 entry without proof: missing %v, first registration %s", d.Missing, d.Profile.FirstRegOn)
	}
	open, err := db.Profile(ctx, h.ID) // a Profile form open meanwhile
	if err != nil {
		t.Fatal(err)
	}
	w.Proofs = []data.Proof{proof(t, "三区计划证明.pdf", "%PDF-1.4 proof")}
	if err := db.UpdateWorkEntry(ctx, w); err != nil {
		t.Fatal(err)
	}
	d, _ = db.Dossier(ctx, h.ID)
	if len(d.Missing) != 0 || !d.Complete() {
		t.Fatalf("complete dossier misses %v", d.Missing)
	}
	if d.Profile.FirstRegKind != data.FirstRegForm || !d.Profile.FirstRegOn.Equal(data.DateOf(testNow)) {
		t.Errorf("first registration: %s %s, want today, the form's day", d.Profile.FirstRegOn, d.Profile.FirstRegKind)
	}
	// The first registration time recorded moved the profile's version: the
	// form read before it cannot save its empty one over it.
	open.Major = "社会学"
	if err := db.SetProfile(ctx, open); data.AsError(err) == nil || data.AsError(err).Key != "err.changed_meanwhile" {
		t.Errorf("a profile read before the first registration time was recorded, saved: %v", err)
	}
	if got, _ := db.Profile(ctx, h.ID); got.FirstRegOn.IsZero() || got.Major != "社会工作" {
		t.Errorf("after it: %+v", got)
	}
	if files(t, store) != 2 || d.Profile.Photo == nil || d.Profile.Photo.Type != "image/png" {
		t.Errorf("%d files, photo %+v", files(t, store), d.Profile.Photo)
	}
	// The photo replaced: the old file goes, the new one stays.
	if err := db.SetPhoto(ctx, h.ID, ptr(pngPhoto(t, 413, 579))); err != nil {
		t.Fatal(err)
	}
	if files(t, store) != 2 {
		t.Errorf("%d files after the photo was replaced", files(t, store))
	}
	// A bad photo is refused and changes nothing.
	if err := db.SetPhoto(ctx, h.ID, &data.Proof{Name: "横.png", Data: mustPNG(t, 600, 400)}); data.AsError(err) == nil || data.AsError(err).Key != "err.photo.landscape" {
		t.Errorf("landscape photo: %v", err)
	}
	if d2, _ := db.Dossier(ctx, h.ID); d2.Profile.Photo == nil {
		t.Error("the refused photo removed the saved one")
	}
	// Everything goes with the holder, files too; the counts said so.
	deps, err := db.HolderDependents(ctx, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	if deps.Profiles != 1 || deps.WorkEntries != 1 || deps.ProofFiles != 2 {
		t.Errorf("dependents: %+v", deps)
	}
	if err := db.DeleteHolder(ctx, h.ID); err != nil {
		t.Fatal(err)
	}
	if files(t, store) != 0 {
		t.Errorf("%d files left after the holder was deleted", files(t, store))
	}
}

func mustPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func ptr[T any](v T) *T { return &v }

// The first registration time the holder received a local certificate on
// stays whatever the form does; a profile contradicting the ID number is
// refused and changes nothing.
func TestProfileRefusalsSaveNothing(t *testing.T) {
	db := openTest(t)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	if err := db.SetProfile(ctx, &data.Profile{HolderID: h.ID, Ethnicity: "汉族", FirstRegKind: data.FirstRegCertificate, FirstRegOn: dateOf(t, "2019-05-06")}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []data.Profile{
		{HolderID: h.ID, Sex: data.SexMale},
		{HolderID: h.ID, BirthDate: dateOf(t, "1990-01-01")},
		{HolderID: h.ID, Ethnicity: "火星族"},
	} {
		if err := db.SetProfile(ctx, &p); data.ErrorCode(err) != data.EINVALID {
			t.Errorf("%+v saved: %v", p, err)
		}
	}
	got, _ := db.Profile(ctx, h.ID)
	if got.Ethnicity != "汉族" || got.FirstRegKind != data.FirstRegCertificate || got.FirstRegOn.String() != "2019-05-06" {
		t.Errorf("after refusals: %+v", got)
	}
	if err := db.SetProfile(ctx, &data.Profile{HolderID: 999}); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("a profile of nobody: %v", err)
	}
}

// Overlapping entries and a second current entry are refused by the
// store, in the transaction that writes.
func TestWorkHistoryInTheStore(t *testing.T) {
	db := openTest(t)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	add := func(org, start, end string) error {
		e := &data.WorkEntry{HolderID: h.ID, Org: org, StartOn: dateOf(t, start)}
		if end != "" {
			e.EndOn = dateOf(t, end)
		}
		return db.CreateWorkEntry(ctx, e)
	}
	if err := add("甲", "2015-01-01", "2018-12-31"); err != nil {
		t.Fatal(err)
	}
	if err := add("乙", "2019-01-01", ""); err != nil {
		t.Fatal(err)
	}
	if e := data.AsError(add("丙", "2018-12-31", "2019-06-30")); e == nil || e.Key != "err.work.overlap" {
		t.Errorf("overlapping entry: %v", e)
	}
	if e := data.AsError(add("丁", "2025-01-01", "")); e == nil || e.Key != "err.work.two_current" {
		t.Errorf("second current entry: %v", e)
	}
	work, _ := db.WorkHistory(ctx, h.ID)
	if len(work) != 2 || work[0].Org != "甲" || !work[1].Current() {
		t.Fatalf("work history: %+v", work)
	}
	orgs, err := db.Employers(ctx, "社工", 10)
	if err != nil || !slices.Equal(orgs, []string{"阳光社工服务中心"}) {
		t.Errorf("employers with 社工: %v %v", orgs, err)
	}
	if orgs, _ := db.Employers(ctx, "", 10); !slices.Contains(orgs, "甲") || !slices.Contains(orgs, "乙") {
		t.Errorf("employers: %v", orgs)
	}
	if err := db.DeleteWorkEntry(ctx, work[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteWorkEntry(ctx, work[0].ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("deleted twice: %v", err)
	}
}

func TestHonoursWithProof(t *testing.T) {
	db := openTest(t)
	store := useProofs(t, db)
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	hon := &data.Honour{HolderID: h.ID, Title: "优秀社会工作者", Date: dateOf(t, "2023-05-01"), Level: data.HonourCity, Proof: ptr(proof(t, "证书.pdf", "%PDF-1.4 honour"))}
	if err := db.CreateHonour(ctx, hon); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateHonour(ctx, &data.Honour{HolderID: h.ID, Title: "x", Date: dateOf(t, "2023-05-01"), Level: "国家"}); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("unknown level: %v", err)
	}
	got, _ := db.Honours(ctx, h.ID)
	if len(got) != 1 || got[0].Proof == nil || got[0].Level != data.HonourCity || files(t, store) != 1 {
		t.Fatalf("honours: %+v, %d files", got, files(t, store))
	}
	// Edited, keeping its proof: the file stays.
	got[0].Title = "优秀社会工作者（市级）"
	if err := db.UpdateHonour(ctx, &got[0]); err != nil {
		t.Fatalf("edit keeping the proof: %v", err)
	}
	if again, _ := db.Honour(ctx, hon.ID); again.Title != "优秀社会工作者（市级）" || again.Proof == nil || files(t, store) != 1 {
		t.Fatalf("edited: %+v, %d files", again, files(t, store))
	}
	if err := db.DeleteHonour(ctx, hon.ID); err != nil {
		t.Fatal(err)
	}
	if files(t, store) != 0 {
		t.Error("the honour's proof stayed")
	}
}
