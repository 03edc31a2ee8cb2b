package files

import (
	"net/url"
	"runtime"
	"strings"
)

// URL is the file: URL of a local path, for the system's viewer (a proof
// file opened from the CE tab): file:///home/a/x.pdf on Unix, and on
// Windows file:///C:/Users/a/x.pdf (forward slashes, the drive after a
// slash) or file://server/share/x.pdf for a network path. A Windows path
// put in a URL as it is, C:\Users\…, reads back as an unknown scheme "c"
// or as %5C-escaped backslashes that no viewer finds.
func URL(path string) *url.URL { return fileURL(runtime.GOOS, path) }

func fileURL(goos, path string) *url.URL {
	if goos != "windows" {
		return &url.URL{Scheme: "file", Path: path}
	}
	p := strings.ReplaceAll(path, `\`, "/")
	if host, rest, ok := strings.Cut(strings.TrimPrefix(p, "//"), "/"); ok && strings.HasPrefix(p, "//") {
		return &url.URL{Scheme: "file", Host: host, Path: "/" + rest} // \\server\share\x
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	return &url.URL{Scheme: "file", Path: p}
}
