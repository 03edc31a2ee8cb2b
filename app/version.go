package app

// The application's identity; FyneApp.toml says the same (a test checks),
// since `go build` does not read that file.
const (
	AppID       = "cn.swcert.app"
	Version     = "0.1.0"
	DisplayName = "SWCert · 社工证书助手"
)
