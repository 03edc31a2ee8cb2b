package data

import (
	"net/url"
	"regexp"
	"strings"
)

// IsServerURL says whether target names a PostgreSQL server (a
// postgres:// or postgresql:// URL) rather than a database file.
func IsServerURL(target string) bool {
	t := strings.ToLower(target)
	return strings.HasPrefix(t, "postgres://") || strings.HasPrefix(t, "postgresql://")
}

// Server is where a shared database is, as the window's form asks for it.
type Server struct {
	Host     string // name or address, with :port if not 5432
	Database string
	Login    string
	// TLS is libpq's sslmode: verify-full (the server proves its name with
	// a certificate of the CA in RootCert, or of the system's), require
	// (encrypted, the server unproven), disable (a server on this machine).
	TLS      string
	RootCert string
}

// URL is the address of s for the store, without a password (which is
// never kept in it: the store takes it apart, store.WithPassword).
func (s Server) URL() (string, error) {
	host, db, login := strings.TrimSpace(s.Host), strings.TrimSpace(s.Database), strings.TrimSpace(s.Login)
	switch {
	case host == "" || strings.ContainsAny(host, "/@?# "):
		return "", Invalid("host", "err.server.host")
	case db == "" || strings.ContainsAny(db, "/?# "):
		return "", Invalid("database", "err.server.database")
	case !loginPattern.MatchString(login):
		return "", Invalid("login", "err.login.name")
	}
	// A server that does not answer is said so within seconds, not after
	// the system's TCP timeout (minutes), while the window waits.
	q := url.Values{"connect_timeout": {"10"}}
	switch s.TLS {
	case "", "verify-full":
		q.Set("sslmode", "verify-full")
	case "require", "disable":
		q.Set("sslmode", s.TLS)
	default:
		return "", Invalid("tls", "err.value.unknown", "Value", s.TLS, "Values", "verify-full, require, disable")
	}
	if s.RootCert != "" {
		q.Set("sslrootcert", s.RootCert)
	}
	u := url.URL{Scheme: "postgres", User: url.User(login), Host: host, Path: "/" + db, RawQuery: q.Encode()}
	return u.String(), nil
}

// loginPattern is what a login may be called (ValidateLogin's, less
// its reserved names: the owner may log in too).
var loginPattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]{0,62}$`)

// ParseServer reads back the Server of a URL that Server.URL made.
func ParseServer(dsn string) (Server, bool) {
	if !IsServerURL(dsn) {
		return Server{}, false
	}
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return Server{}, false
	}
	q := u.Query()
	return Server{Host: u.Host, Database: strings.TrimPrefix(u.Path, "/"), Login: u.User.Username(),
		TLS: q.Get("sslmode"), RootCert: q.Get("sslrootcert")}, true
}
