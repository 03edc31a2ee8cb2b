package data

import (
	"strings"
	"testing"
)

func TestServerURL(t *testing.T) {
	s := Server{Host: " db.agency.cn:5433 ", Database: "swcert", Login: "wang_fang", RootCert: `C:\SWCert\ca.crt`}
	u, err := s.URL()
	if err != nil {
		t.Fatal(err)
	}
	if want := `postgres://wang_fang@db.agency.cn:5433/swcert?connect_timeout=10&sslmode=verify-full&sslrootcert=C%3A%5CSWCert%5Cca.crt`; u != want {
		t.Errorf("URL %s, want %s", u, want)
	}
	back, ok := ParseServer(u)
	if s.Host, s.TLS = "db.agency.cn:5433", "verify-full"; !ok || back != s {
		t.Errorf("read back %+v, want %+v", back, s)
	}
	for _, c := range []struct {
		s     Server
		field string
	}{
		{Server{Host: "", Database: "swcert", Login: "wang"}, "host"},
		{Server{Host: "db/x", Database: "swcert", Login: "wang"}, "host"},
		{Server{Host: "evil@db", Database: "swcert", Login: "wang"}, "host"},
		{Server{Host: "db", Database: "", Login: "wang"}, "database"},
		{Server{Host: "db", Database: "a?b", Login: "wang"}, "database"},
		{Server{Host: "db", Database: "swcert", Login: "王芳"}, "login"},
		{Server{Host: "db", Database: "swcert", Login: "wang:pw"}, "login"},
		{Server{Host: "db", Database: "swcert", Login: "wang", TLS: "prefer"}, "tls"},
	} {
		_, err := c.s.URL()
		if e := AsError(err); e == nil || e.Field != c.field {
			t.Errorf("%+v: %v, want refused on %s", c.s, err, c.field)
		}
	}
	if IsServerURL(`C:\Users\王芳\swcert.db`) || !IsServerURL("POSTGRESQL://x@y/z") {
		t.Error("IsServerURL")
	}
	if strings.Contains(u, "password") {
		t.Error("a password in the URL")
	}
}
