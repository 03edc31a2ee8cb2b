package screens

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/swcert/swcert/i18n"
)

// When another program holds the database's write lock (the command line,
// a backup tool), deleting in the window says so in words, and nothing is
// deleted; before, it said "something went wrong" after five seconds.
func TestBusyDatabaseIsSaidInTheWindow(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.addHolder("张伟", validID)
	s := f.certificates()
	s.list.list.Select(0)
	other, err := sql.Open("sqlite", "file:"+f.svc.DBPath+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	test.Tap(s.holder.delete)
	f.tapDialogButton("Delete")
	if got := s.holder.status.Text; !strings.Contains(got, "Another program is using the database") {
		t.Errorf("shown %q", got)
	}
	conn.ExecContext(context.Background(), "ROLLBACK")
	if n := len(f.holders()); n != 1 {
		t.Errorf("%d holders after a refused delete", n)
	}
}
