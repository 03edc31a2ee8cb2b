package pgtest

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { Main(m) }

// The throwaway server runs, on a socket only its own folder holds, with
// UTF-8 text; each test gets a database of its own; a role without rights
// is refused by the server itself, as the agency edition's roles will be.
func TestThrowawayServer(t *testing.T) {
	ctx := context.Background()
	a, b := Database(t), Database(t)
	if a == b {
		t.Fatal("two tests share a database")
	}
	conn, err := pgx.Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var enc, listen string
	if err := conn.QueryRow(ctx, "SHOW server_encoding").Scan(&enc); err != nil || enc != "UTF8" {
		t.Fatalf("encoding %q %v", enc, err)
	}
	conn.QueryRow(ctx, "SHOW listen_addresses").Scan(&listen)
	if listen != "" {
		t.Errorf("the server listens on %q: it must take the socket only", listen)
	}
	if _, err := conn.Exec(ctx, `CREATE TABLE holders (name text); INSERT INTO holders VALUES ('张伟');
		CREATE ROLE viewer LOGIN; GRANT SELECT ON holders TO viewer`); err != nil {
		t.Fatal(err)
	}
	var name string
	if err := conn.QueryRow(ctx, "SELECT name FROM holders").Scan(&name); err != nil || name != "张伟" {
		t.Fatalf("read back %q %v", name, err)
	}
	c := Shared(t)
	if fi, err := os.Stat(c.Socket); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("the socket's folder is open to others: %v %v", fi, err)
	}
	viewer, err := pgx.Connect(ctx, strings.Replace(a, "//"+c.Owner+"@", "//viewer@", 1))
	if err != nil {
		t.Fatal(err)
	}
	defer viewer.Close(ctx)
	if _, err := viewer.Exec(ctx, "INSERT INTO holders VALUES ('李娜')"); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("a viewer's write: %v", err)
	}
}
