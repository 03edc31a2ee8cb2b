// Command swcert is SWCert (社工证书助手): with no command it opens the
// window; with one it runs headless. See `swcert help`.
package main

import (
	"os"

	"github.com/swcert/swcert/app"
)

func main() {
	os.Exit(app.Main(os.Args[1:], os.Stdout, os.Stderr))
}
