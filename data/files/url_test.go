package files

import "testing"

// The URL handed to the viewer, on each OS's semantics: drive letters and
// backslashes on Windows, spaces and Chinese names escaped.
func TestFileURL(t *testing.T) {
	for _, c := range []struct{ goos, path, want string }{
		{"linux", "/home/wang/.local/share/swcert/proofs/a b.pdf", "file:///home/wang/.local/share/swcert/proofs/a%20b.pdf"},
		{"darwin", "/Users/wang/Library/Application Support/SWCert/证明.pdf", "file:///Users/wang/Library/Application%20Support/SWCert/%E8%AF%81%E6%98%8E.pdf"},
		{"windows", `C:\Users\王芳\AppData\Roaming\SWCert\proofs\view\x.pdf`, "file:///C:/Users/%E7%8E%8B%E8%8A%B3/AppData/Roaming/SWCert/proofs/view/x.pdf"},
		{"windows", `D:\data\100% done.pdf`, "file:///D:/data/100%25%20done.pdf"},
		{"windows", `\\server\share\SWCert\x.pdf`, "file://server/share/SWCert/x.pdf"},
		{"windows", `C:/Users/a/x.pdf`, "file:///C:/Users/a/x.pdf"},
	} {
		if got := fileURL(c.goos, c.path).String(); got != c.want {
			t.Errorf("%s %s: %s, want %s", c.goos, c.path, got, c.want)
		}
	}
}
