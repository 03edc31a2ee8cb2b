package store

import (
	"sync"
	"testing"
	"time"

	"github.com/swcert/swcert/data"
)

// annotatable makes a valid certificate issued after 2021-12-17.
func annotatable(t *testing.T, db *DB) *data.Certificate {
	t.Helper()
	h := mustCreateHolder(t, db, holder("张三", "11010519491231002X"))
	c := cert(h.ID, "2022S1100001", data.NewDate(2022, 12, 1))
	if err := db.CreateCertificate(ctx, c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAnnotationLifecycle(t *testing.T) {
	db := openTest(t)
	c := annotatable(t, db)
	a, err := db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 90)
	if err != nil {
		t.Fatal(err)
	}
	if a.State(testNow) != data.AnnGenerating || !a.AppliedAt.Equal(testNow) {
		t.Errorf("applied %+v: state %s", a, a.State(testNow))
	}
	done := testNow.Add(3 * time.Hour)
	db.now = func() time.Time { return done.Add(time.Hour) }
	if _, err := db.CompleteAnnotation(ctx, a.ID, done); err != nil {
		t.Fatal(err)
	}
	got, err := db.Annotation(ctx, a.ID)
	if err != nil || got.CompletedAt == nil || !got.CompletedAt.Equal(done) || got.State(done) != data.AnnValid {
		t.Fatalf("completed: %+v %v", got, err)
	}
	if !got.ValidUntil().Equal(done.AddDate(0, 0, 90)) {
		t.Errorf("valid until %v", got.ValidUntil())
	}
	if _, err := db.CompleteAnnotation(ctx, a.ID, done); data.AsError(err) == nil || data.AsError(err).Key != "err.annotation.already_completed" {
		t.Errorf("second completion: %v", err)
	}
	if _, err := db.WithdrawAnnotation(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	list, err := db.Annotations(ctx, c.ID)
	if err != nil || len(list) != 1 || list[0].State(done.Add(2*time.Hour)) != data.AnnWithdrawn {
		t.Fatalf("after withdraw: %+v %v", list, err)
	}
	if _, err := db.WithdrawAnnotation(ctx, a.ID); data.AsError(err) == nil || data.AsError(err).Key != "err.annotation.withdrawn" {
		t.Errorf("second withdrawal: %v", err)
	}
	// Deleting the certificate takes its annotations with it.
	if err := db.DeleteCertificate(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Annotation(ctx, a.ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("annotation survived its certificate: %v", err)
	}
}

func TestApplyRefusalsSaveNothing(t *testing.T) {
	db := openTest(t)
	c := annotatable(t, db)
	old := cert(c.HolderID, "2019Z1100001", data.NewDate(2021, 12, 16))
	if err := db.CreateCertificate(ctx, old); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		cert  int64
		scene data.Scene
		days  int
		key   string
	}{
		{c.ID, data.SceneSelf, 0, "err.annotation.days"},
		{c.ID, data.SceneSelf, 91, "err.annotation.days"},
		{c.ID, "agency", 90, "err.annotation.scene"},
		{old.ID, data.SceneSelf, 90, "err.annotation.not_needed"},
		{999, data.SceneSelf, 90, "err.not_found.certificate"},
	}
	for _, tc := range cases {
		if _, err := db.ApplyAnnotation(ctx, tc.cert, tc.scene, tc.days); data.AsError(err) == nil || data.AsError(err).Key != tc.key {
			t.Errorf("%+v: %v, want %s", tc, err, tc.key)
		}
	}
	c.Status = data.StatusRevoked
	if err := db.UpdateCertificate(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 90); data.AsError(err) == nil || data.AsError(err).Key != "err.annotation.cert_not_valid" {
		t.Errorf("revoked: %v", err)
	}
	if list, _ := db.Annotations(ctx, c.ID); len(list) != 0 {
		t.Errorf("%d annotations saved by refused applications", len(list))
	}
}

func TestQuotaInStore(t *testing.T) {
	db := openTest(t)
	c := annotatable(t, db)
	day := testNow
	for i := 0; i < 3; i++ {
		db.now = func() time.Time { return day.AddDate(0, 0, i*10) }
		if _, err := db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 30); err != nil {
			t.Fatalf("application %d: %v", i+1, err)
		}
	}
	db.now = func() time.Time { return day.AddDate(0, 0, 89) } // D-89 is the first: still counted
	_, err := db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 90)
	if e := data.AsError(err); e == nil || e.Key != "err.annotation.quota" || e.Args["Next"] != data.DateOf(day).AddDays(90).String() {
		t.Fatalf("4th within 90 days: %v", err)
	}
	db.now = func() time.Time { return day.AddDate(0, 0, 90) } // the first has left the window
	if _, err := db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 90); err != nil {
		t.Errorf("on the 91st day: %v", err)
	}
}

func TestConcurrentApplicationsCannotExceedLimit(t *testing.T) {
	// Two processes (the window and the CLI) on one file, each applying
	// several times at once: never more than 3 in the window.
	path := newTarget(t)
	clock := func() time.Time { return testNow }
	a, err := openTarget(t, path, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := openTarget(t, path, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	c := annotatable(t, a)
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok, refused := 0, 0
	for i := 0; i < 8; i++ {
		db := a
		if i%2 == 1 {
			db = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 90)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				ok++
			case data.AsError(err) != nil && data.AsError(err).Key == "err.annotation.quota":
				refused++
			default:
				t.Errorf("unexpected: %v", err)
			}
		}()
	}
	wg.Wait()
	list, _ := a.Annotations(ctx, c.ID)
	if ok != 3 || refused != 5 || len(list) != 3 {
		t.Errorf("%d accepted, %d refused, %d stored; want 3, 5, 3", ok, refused, len(list))
	}
}

func TestCompletionTimeRules(t *testing.T) {
	db := openTest(t)
	c := annotatable(t, db)
	a, err := db.ApplyAnnotation(ctx, c.ID, data.SceneSelf, 90)
	if err != nil {
		t.Fatal(err)
	}
	db.now = func() time.Time { return testNow.Add(48 * time.Hour) }
	for at, key := range map[time.Time]string{
		testNow.Add(-time.Minute):               "err.annotation.complete_before_applied",
		testNow.Add(24*time.Hour + time.Second): "err.annotation.complete_after_24h",
		testNow.Add(72 * time.Hour):             "err.date.future",
	} {
		if _, err := db.CompleteAnnotation(ctx, a.ID, at); data.AsError(err) == nil || data.AsError(err).Key != key {
			t.Errorf("complete at %v: %v, want %s", at, err, key)
		}
	}
	if _, err := db.CompleteAnnotation(ctx, a.ID, testNow.Add(24*time.Hour)); err != nil {
		t.Errorf("exactly 24 h: %v", err)
	}
}

func TestKeys(t *testing.T) {
	db := openTest(t)
	own, err := db.OwnKey(ctx)
	if err != nil || !own.Own || len(own.Private) != 64 || own.KID != data.KeyID(own.Public) {
		t.Fatalf("own key %+v %v", own, err)
	}
	again, _ := db.OwnKey(ctx)
	if again.KID != own.KID {
		t.Error("own key changed on a second call")
	}
	other := openTest(t)
	theirs, _ := other.OwnKey(ctx)
	pub := &data.SealKey{KID: theirs.KID, Name: "阳光社工中心", Public: theirs.Public}
	if err := db.TrustKey(ctx, pub); err != nil {
		t.Fatal(err)
	}
	keys, _ := db.Keys(ctx)
	if len(keys) != 2 || !keys[0].Own || keys[1].Name != "阳光社工中心" || keys[1].Private != nil {
		t.Fatalf("keys %+v", keys)
	}
	if err := db.TrustKey(ctx, &data.SealKey{KID: own.KID, Name: "me", Public: own.Public}); data.AsError(err) == nil || data.AsError(err).Key != "err.key.is_own" {
		t.Errorf("trusting the own key: %v", err)
	}
	if err := db.TrustKey(ctx, &data.SealKey{KID: "forged", Name: "x", Public: theirs.Public}); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("kid not matching the key: %v", err)
	}
	if err := db.UntrustKey(ctx, own.KID); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("untrusting the own key: %v", err)
	}
	if err := db.UntrustKey(ctx, theirs.KID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Key(ctx, theirs.KID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("untrusted key still there: %v", err)
	}
}
