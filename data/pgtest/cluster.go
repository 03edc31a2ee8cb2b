// Package pgtest runs a throwaway PostgreSQL server for the tests that need
// a real one: initdb in a temporary folder, listening on a Unix socket in
// that folder only (no TCP port, nothing another program could reach),
// stopped and removed when the tests end.
//
// A test that needs PostgreSQL fails, never skips, when the server cannot
// be started: `make test-deps` installs Debian's postgresql-15, and the
// message says so. PostgreSQL refuses to run as root, so as root the
// cluster belongs to the postgres user (runuser), as Debian's packages run
// it.
package pgtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// PasswordGroup is the role whose members log in with a password.
const PasswordGroup = "pgtest_password"

// Cluster is a running throwaway server.
type Cluster struct {
	dir    string // the temporary folder: data/, the socket, the log
	bin    string // where initdb, pg_ctl and postgres are
	runAs  string // "" or the user the server runs as (root cannot)
	Socket string // the folder of the Unix socket
	// Owner is the superuser initdb made: the database owner of the tests.
	Owner string
}

// ErrNoServer says PostgreSQL's programs are not installed.
var ErrNoServer = errors.New("pgtest: PostgreSQL's server programs (initdb, pg_ctl) are not installed: run make test-deps, or apt-get install postgresql-15")

// binDir finds the newest /usr/lib/postgresql/N/bin holding initdb (Debian),
// else initdb on the PATH.
func binDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	if len(dirs) > 0 {
		return filepath.Dir(dirs[0]), nil
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", ErrNoServer
}

// version is N of /usr/lib/postgresql/N/bin/initdb.
func version(path string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return n
}

// Start initialises and starts a cluster in a new temporary folder.
func Start() (*Cluster, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "swcert-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, bin: bin, Socket: dir, Owner: "swcert_owner"}
	if os.Geteuid() == 0 {
		c.runAs = "postgres"
		u, err := user.Lookup(c.runAs)
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("pgtest: running as root, the server needs the postgres user (made by Debian's postgresql package): %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	data := filepath.Join(dir, "data")
	if out, err := c.run("initdb", "-D", data, "-U", c.Owner, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"); err != nil {
		c.Stop()
		return nil, fmt.Errorf("pgtest: initdb: %v\n%s", err, out)
	}
	// Logins in the group PasswordGroup must give their password (SCRAM),
	// so a test can check the passwords it sets; everyone else is trusted
	// on the private socket. The first matching line of pg_hba.conf wins.
	hba := filepath.Join(data, "pg_hba.conf")
	if b, err := os.ReadFile(hba); err == nil {
		err = os.WriteFile(hba, append([]byte("local all +"+PasswordGroup+" scram-sha-256\n"), b...), 0o600)
		if err != nil {
			c.Stop()
			return nil, fmt.Errorf("pgtest: pg_hba.conf: %v", err)
		}
	}
	// Only the socket in our folder: listen_addresses '' opens no port.
	opts := fmt.Sprintf("-k %s -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off", dir)
	if out, err := c.run("pg_ctl", "-D", data, "-l", filepath.Join(dir, "server.log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
		c.Stop()
		return nil, fmt.Errorf("pgtest: pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	return c, nil
}

// run runs one of the server's programs, as runAs when set.
func (c *Cluster) run(prog string, args ...string) ([]byte, error) {
	path := filepath.Join(c.bin, prog)
	var cmd *exec.Cmd
	if c.runAs != "" {
		cmd = exec.Command("runuser", append([]string{"-u", c.runAs, "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = c.dir // runuser's user may not read the caller's folder
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return out.Bytes(), err
	case <-ctx.Done():
		cmd.Process.Kill()
		return out.Bytes(), ctx.Err()
	}
}

// DSN is a URL of database db as user (the owner when ""), in the form
// swcert --db takes: postgres://user@/db?host=SOCKET-FOLDER.
func (c *Cluster) DSN(db, user string) string {
	if user == "" {
		user = c.Owner
	}
	q := url.Values{"host": {c.Socket}, "sslmode": {"disable"}}
	return (&url.URL{Scheme: "postgres", User: url.User(user), Path: "/" + db, RawQuery: q.Encode()}).String()
}

// Stop stops the server (fast: the tests' data are thrown away) and removes
// its folder.
func (c *Cluster) Stop() {
	if _, err := os.Stat(filepath.Join(c.dir, "data", "postmaster.pid")); err == nil {
		c.run("pg_ctl", "-D", filepath.Join(c.dir, "data"), "-m", "immediate", "-w", "stop")
	}
	if strings.HasPrefix(filepath.Base(c.dir), "swcert-pg-") {
		os.RemoveAll(c.dir)
	}
}
