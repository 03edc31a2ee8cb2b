package screens

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// failingHolders is the store with some operations failing as a broken
// database does: plain errors, not application errors. A nil field is the
// real store's.
type failingHolders struct {
	data.HolderService
	deleteHolder func(ctx context.Context, id int64) error
	findHolders  func(ctx context.Context, f data.HolderFilter) ([]*data.Holder, error)
}

func (s failingHolders) DeleteHolder(ctx context.Context, id int64) error {
	if s.deleteHolder != nil {
		return s.deleteHolder(ctx, id)
	}
	return s.HolderService.DeleteHolder(ctx, id)
}

func (s failingHolders) FindHolders(ctx context.Context, f data.HolderFilter) ([]*data.Holder, error) {
	if s.findHolders != nil {
		return s.findHolders(ctx, f)
	}
	return s.HolderService.FindHolders(ctx, f)
}

// captureLog points the log of internal errors at a buffer for the test.
func captureLog(t *testing.T) *bytes.Buffer {
	var buf bytes.Buffer
	t.Cleanup(i18n.SetLogger(log.New(&buf, "", 0)))
	return &buf
}

// "Several screens show 'internal error' without logging the cause": the
// cause is logged (never the phone number it quotes), the person reads the
// plain sentence, and nothing was deleted.
func TestInternalErrorOnDeleteIsLoggedAndShownPlain(t *testing.T) {
	f := newFixture(t, i18n.English)
	logged := captureLog(t)
	f.addHolder("张伟", validID)
	f.svc.Holders = failingHolders{HolderService: f.db, deleteHolder: func(context.Context, int64) error {
		return fmt.Errorf("store: delete holder: %w", errors.New(`sqlite: disk I/O error near "13800138000"`))
	}}
	s := f.certificates()
	s.list.list.Select(0)
	test.Tap(s.holder.delete)
	f.tapDialogButton("Delete")

	if got := s.holder.status.Text; got != i18n.T("err.internal") {
		t.Errorf("shown %q, want the plain sentence", got)
	}
	if !strings.Contains(logged.String(), "store: delete holder: sqlite: disk I/O error") {
		t.Errorf("log lacks the cause:\n%s", logged)
	}
	if strings.Contains(logged.String(), "13800138000") {
		t.Errorf("the phone number was logged:\n%s", logged)
	}
	if n := len(f.holders()); n != 1 {
		t.Errorf("%d holders after a failed delete", n)
	}
}

// A page of the list that cannot be read says so in the list's heading,
// in the person's language, instead of leaving empty rows unexplained.
func TestInternalErrorOnListIsLoggedAndShownPlain(t *testing.T) {
	f := newFixture(t, i18n.Chinese)
	logged := captureLog(t)
	f.addHolder("张伟", validID)
	f.svc.Holders = failingHolders{HolderService: f.db, findHolders: func(context.Context, data.HolderFilter) ([]*data.Holder, error) {
		return nil, errors.New("sql: database is closed")
	}}
	s := f.certificates()
	if h := s.list.at(0); h != nil {
		t.Fatalf("read a holder from a failing store: %+v", h)
	}
	if got := s.list.count.Text; got != i18n.T("err.internal") || !strings.Contains(got, "SWCert 内部出错") {
		t.Errorf("heading %q, want the plain sentence in Chinese", got)
	}
	if !strings.Contains(logged.String(), "sql: database is closed") || !strings.Contains(logged.String(), "screens/holder_list.go:") {
		t.Errorf("log lacks the cause or where it was shown:\n%s", logged)
	}
}
